#pragma once

// The Nodes tab: node → pod → container, with "Other processes" (node usage no container
// accounts for) under each node and a pseudo row for pods not yet scheduled.
#include "models/insights/insightsmodel.h"

class NodesModel final : public InsightsModel
{
    Q_OBJECT
public:
    explicit NodesModel(QObject *parent = nullptr);

protected:
    QString groupKeyOf(const QString &podUid, const kube::Pod &pod) const override;
    QList<QString> groupKeys() const override;
    bool groupExists(const QString &key) const override;
    ItemKind groupKind(const QString &key) const override;
    QMetaObject::Connection followGroups(ClusterStore *store) override;
};
