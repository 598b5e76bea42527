#pragma once

// The Namespaces tab: namespace → pod → container. A namespace row shows its status and age,
// its pods by phase, usage with trend bars (the namespace's series), requests and limits
// summed, each ResourceQuota resource used of hard, whether a LimitRange sets defaults, what
// its NetworkPolicies isolate and its labels. Namespaces come from Namespace objects and, for
// a user who may not list those, from the pods, workloads and quotas seen in them.
#include "models/insights/insightsmodel.h"

class NamespacesModel final : public InsightsModel
{
    Q_OBJECT
public:
    explicit NamespacesModel(QObject *parent = nullptr);

    bool isNamespaceFilter() const override { return true; }

protected:
    QString groupKeyOf(const QString &podUid, const kube::Pod &pod) const override;
    QList<QString> groupKeys() const override;
    bool groupExists(const QString &key) const override;
    ItemKind groupKind(const QString &key) const override;
    QMetaObject::Connection followGroups(ClusterStore *store) override;
    std::optional<QVariant> groupCell(const QString &key, Column column, int role) const override;

private:
    // Cells (namespacecells.cpp).
    QVariant statusCell(const QString &ns, int role) const;
    QVariant podsCell(const QString &ns, int role) const;
    QVariant resourcesCell(const QString &ns, bool limits, int role) const;
    QVariant quotaCell(const QString &ns, int role) const;
    QVariant limitRangeCell(const QString &ns, int role) const;
    QVariant networkCell(const QString &ns, int role) const;
    QVariant labelsCell(const QString &ns, int role) const;
};
