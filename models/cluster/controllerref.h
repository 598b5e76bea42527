#pragma once

// The identity of a top-level controller (Deployment, StatefulSet, DaemonSet, CronJob, or a
// ReplicaSet/Job that nothing owns): namespace, kind and name, as its pods resolve to it.
#include <QHash>
#include <QMetaType>
#include <QString>

struct ControllerRef final
{
    QString namespaceName;
    QString kind;
    QString name;

    bool isNull() const { return name.isEmpty(); }
    // One string for it, where a string key is wanted (item model rows, drill-down targets,
    // filters, metrics series ids): "namespace/Kind/name". Made from a ref, never parsed back.
    QString key() const { return isNull() ? QString() : namespaceName + u'/' + kind + u'/' + name; }
    // "Deployment web", as the screens name a controller.
    QString kindAndName() const { return kind + u' ' + name; }
    bool operator==(const ControllerRef &) const = default;
};

inline size_t qHash(const ControllerRef &ref, size_t seed = 0) noexcept
{
    return qHashMulti(seed, ref.namespaceName, ref.kind, ref.name);
}

Q_DECLARE_METATYPE(ControllerRef)
