#include "models/insights/containersmodel.h"

ContainersModel::ContainersModel(QObject *parent)
    : InsightsModel({Column::Name, Column::Namespace, Column::Status, Column::Percent,
                     Column::Value, Column::Pod, Column::Node, Column::Restarts, Column::Uptime,
                     Column::Trend},
                    false, parent)
{}
