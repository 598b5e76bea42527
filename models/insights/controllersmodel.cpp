#include "models/insights/controllersmodel.h"

#include "models/cluster/clusterstore.h"

// The same controller or pod name recurs across namespaces (api in shop, staging and prod):
// the Namespace column tells those rows apart and sorts them together.
ControllersModel::ControllersModel(QObject *parent)
    : InsightsModel({Column::Name, Column::Namespace, Column::Status, Column::Percent,
                     Column::Value, Column::Containers, Column::Restarts, Column::Uptime,
                     Column::Node, Column::Trend},
                    true, parent)
{}

QString ControllersModel::groupKeyOf(const QString &podUid, const kube::Pod &) const
{
    return store()->controllerOf(podUid).key();
}

QList<QString> ControllersModel::groupKeys() const
{
    return store()->controllerKeys();
}

bool ControllersModel::groupExists(const QString &key) const
{
    return store()->controller(key) != nullptr;
}

InsightsModel::ItemKind ControllersModel::groupKind(const QString &key) const
{
    return key.isEmpty() ? ItemKind::NoController : ItemKind::Controller;
}

QMetaObject::Connection ControllersModel::followGroups(ClusterStore *store)
{
    return connect(store, &ClusterStore::controllerChanged, this,
                   &ControllersModel::onGroupChanged);
}
