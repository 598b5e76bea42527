#include "models/namespaces/namespacesmodel.h"

#include "models/cluster/clusterstore.h"
#include "models/namespaces/namespacefigures.h"

NamespacesModel::NamespacesModel(QObject *parent)
    : InsightsModel({Column::Name, Column::Status, Column::Pods, Column::Quota, Column::Network,
                     Column::Percent, Column::Value, Column::Trend, Column::RestartsInRange,
                     Column::Requests, Column::Limits, Column::LimitRange, Column::Labels,
                     Column::Containers, Column::Age},
                    true, parent)
{}

QString NamespacesModel::groupKeyOf(const QString &, const kube::Pod &pod) const
{
    return pod.metadata.namespaceName;
}

QList<QString> NamespacesModel::groupKeys() const
{
    return store()->namespaces();
}

bool NamespacesModel::groupExists(const QString &key) const
{
    return NamespaceFigures::known(*store(), key);
}

InsightsModel::ItemKind NamespacesModel::groupKind(const QString &) const
{
    return ItemKind::Namespace;
}

QMetaObject::Connection NamespacesModel::followGroups(ClusterStore *store)
{
    return connect(store, &ClusterStore::namespaceChanged, this, &NamespacesModel::onGroupChanged);
}

std::optional<QVariant> NamespacesModel::groupCell(const QString &key, Column column,
                                                   int role) const
{
    switch (column) {
    case Column::Status:
        if (role == Qt::ToolTipRole)
            return std::nullopt; // the pods' states behind the namespace's
        return statusCell(key, role);
    case Column::Pods:
        return podsCell(key, role);
    case Column::Requests:
        return resourcesCell(key, false, role);
    case Column::Limits:
        return resourcesCell(key, true, role);
    case Column::Quota:
        return quotaCell(key, role);
    case Column::LimitRange:
        return limitRangeCell(key, role);
    case Column::Network:
        return networkCell(key, role);
    case Column::Labels:
        return labelsCell(key, role);
    default:
        return std::nullopt;
    }
}
