// InsightsModel: the column titles, their tool tips and alignment.
#include "models/insights/insightsmodel.h"
#include "models/insights/insightsnames.h"

QVariant InsightsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const QString stat = InsightsNames::statistic(m_statistic);
    if (role == Qt::DisplayRole) {
        switch (m_columns[section]) {
        case Column::Name:
            return tr("Name");
        case Column::Namespace:
            return tr("Namespace");
        case Column::Status:
            return tr("Status");
        case Column::Percent:
            return tr("%1 %").arg(stat);
        case Column::Value:
            return stat;
        case Column::Containers:
            return tr("Containers");
        case Column::Uptime:
            return tr("Uptime");
        case Column::Controller:
            return tr("Controller");
        case Column::Node:
            return tr("Node");
        case Column::Pod:
            return tr("Pod");
        case Column::Restarts:
            return tr("Restarts");
        case Column::Trend:
            return tr("Trend %1 %").arg(stat);
        case Column::Pods:
            return tr("Pods");
        case Column::RestartsInRange:
            return tr("Restarts");
        case Column::Requests:
            return tr("Requests");
        case Column::Limits:
            return tr("Limits");
        case Column::Quota:
            return tr("Quota");
        case Column::LimitRange:
            return tr("Limit range");
        case Column::Network:
            return tr("Network");
        case Column::Labels:
            return tr("Labels");
        case Column::Age:
            return tr("Age");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (m_columns[section]) {
        case Column::Percent:
            return m_basis == Denominator::Request
                       ? tr("%1 of %2 over the time range, as % of the request")
                             .arg(stat, InsightsNames::metric(m_metric))
                       : tr("%1 of %2 over the time range, as % of the limit (without a limit: of "
                            "the "
                            "node's allocatable; nodes: of allocatable)")
                             .arg(stat, InsightsNames::metric(m_metric));
        case Column::Value:
            return tr("%1 of %2 over the time range").arg(stat, InsightsNames::metric(m_metric));
        case Column::Restarts:
            return tr("Container restarts since the container was created; the tool tip "
                      "shows those within the time range");
        case Column::Trend:
            return tr("%1 % per bar of the time range").arg(stat);
        case Column::Pods:
            return tr("Pods by phase");
        case Column::RestartsInRange:
            return tr("Container restarts within the time range");
        case Column::Requests:
            return tr("CPU and memory requested by the containers of the pods that run");
        case Column::Limits:
            return tr("CPU and memory limits of the containers of the pods that run");
        case Column::Quota:
            return tr("ResourceQuota use: used of hard per resource, the fullest first");
        case Column::LimitRange:
            return tr("Whether a LimitRange sets defaults and bounds for containers");
        case Column::Network:
            return tr("What the NetworkPolicies of the namespace isolate");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        // Titles sit over their figures: numbers are right-aligned, text left.
        switch (m_columns[section]) {
        case Column::Percent:
        case Column::Value:
        case Column::Containers:
        case Column::Restarts:
        case Column::RestartsInRange:
        case Column::Uptime:
        case Column::Age:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}
