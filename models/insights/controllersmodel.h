#pragma once

// The Controllers tab: top-level controller (Deployment, StatefulSet, DaemonSet, CronJob, or
// a ReplicaSet/Job nothing owns) → pod → container, and a pseudo row for pods without one.
#include "models/insights/insightsmodel.h"

class ControllersModel final : public InsightsModel
{
    Q_OBJECT
public:
    explicit ControllersModel(QObject *parent = nullptr);

protected:
    QString groupKeyOf(const QString &podUid, const kube::Pod &pod) const override;
    QList<QString> groupKeys() const override;
    bool groupExists(const QString &key) const override;
    ItemKind groupKind(const QString &key) const override;
    QMetaObject::Connection followGroups(ClusterStore *store) override;
};
