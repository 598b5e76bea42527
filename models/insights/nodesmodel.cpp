#include "models/insights/nodesmodel.h"

#include "models/cluster/clusterstore.h"

NodesModel::NodesModel(QObject *parent)
    : InsightsModel({Column::Name, Column::Status, Column::Percent, Column::Value,
                     Column::Containers, Column::Uptime, Column::Controller, Column::Trend},
                    true, parent)
{}

QString NodesModel::groupKeyOf(const QString &, const kube::Pod &pod) const
{
    return pod.nodeName;
}

QList<QString> NodesModel::groupKeys() const
{
    return store()->nodeNames();
}

bool NodesModel::groupExists(const QString &key) const
{
    return store()->node(key) != nullptr;
}

InsightsModel::ItemKind NodesModel::groupKind(const QString &key) const
{
    return key.isEmpty() ? ItemKind::Unscheduled : ItemKind::Node;
}

QMetaObject::Connection NodesModel::followGroups(ClusterStore *store)
{
    return connect(store, &ClusterStore::nodeChanged, this, &NodesModel::onGroupChanged);
}
