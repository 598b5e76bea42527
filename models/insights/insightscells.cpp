// InsightsModel: what each cell shows (display, raw value for sorting and painting, tool tip).
#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/insightsmodel.h"
#include "models/insights/insightsnames.h"
#include "models/insights/rowstatus.h"

#include <QSet>

#include <cmath>
#include <limits>
#include <map>

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<double> amount(const kube::Quantity &q, Metric metric)
{
    if (q.isNull())
        return std::nullopt;
    return metric == Metric::Cpu ? double(q.milliValue()) : q.toDouble();
}

std::optional<double> allocatableOf(const kube::Node *node, Metric metric)
{
    if (!node)
        return std::nullopt;
    return amount(metric == Metric::Cpu ? node->allocatable.cpu : node->allocatable.memory, metric);
}
} // namespace

QHash<int, QByteArray> InsightsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(KindRole, "kind");
    names.insert(KeyRole, "key");
    names.insert(PodUidRole, "podUid");
    names.insert(NamespaceRole, "namespace");
    names.insert(NodeNameRole, "nodeName");
    names.insert(ControllerIdRole, "controllerId");
    names.insert(SeverityRole, "severity");
    names.insert(HealthRole, "health");
    names.insert(TrendRole, "trend");
    names.insert(DrillRole, "drill");
    names.insert(SortLastRole, "sortLast");
    return names;
}

QVariant InsightsModel::cell(const Item *item, Column column, int role) const
{
    const kube::Pod *pod = item->podUid.isEmpty() ? nullptr : m_store->pod(item->podUid);
    switch (role) {
    case KindRole:
        return int(item->kind);
    case KeyRole:
        return item->key;
    case PodUidRole:
        return item->podUid;
    case NamespaceRole:
        if (pod)
            return pod->metadata.namespaceName;
        if (item->kind == ItemKind::Namespace)
            return item->key;
        if (item->kind == ItemKind::Controller)
            return item->key.section(QLatin1Char('/'), 0, 0);
        return QString();
    case NodeNameRole:
        return nodeOfItem(item);
    case ControllerIdRole:
        return controllerIdOfItem(item);
    case SortLastRole:
        return item->kind == ItemKind::Unscheduled || item->kind == ItemKind::NoController;
    case TrendRole:
        return QVariant::fromValue(metrics(item).trend);
    default:
        break;
    }
    if (item->parent == &m_root && m_grouped) {
        if (std::optional<QVariant> v = groupCell(item->key, column, role))
            return *v;
    }
    switch (column) {
    case Column::Name:
        return nameCell(item, role);
    case Column::Namespace:
        return namespaceCell(item, role);
    case Column::Status:
        return statusCell(item, role);
    case Column::Percent:
    case Column::Value:
    case Column::Trend:
        return metricCell(item, column, role);
    case Column::Containers:
    case Column::Restarts:
    case Column::RestartsInRange:
        return countCell(item, column, role);
    case Column::Uptime:
    case Column::Age:
        return uptimeCell(item, role);
    case Column::Controller:
    case Column::Node:
    case Column::Pod:
        return linkCell(item, column, role);
    case Column::Pods:
    case Column::Requests:
    case Column::Limits:
    case Column::Quota:
    case Column::LimitRange:
    case Column::Network:
    case Column::Labels:
        break; // namespace rows only (groupCell)
    }
    return {};
}

std::optional<QVariant> InsightsModel::groupCell(const QString &, Column, int) const
{
    return std::nullopt;
}

InsightsModel::SortKey InsightsModel::sortKey(const QModelIndex &index) const
{
    SortKey key;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_store)
        return key;
    const Item *item = itemOf(index);
    key.last = item->kind == ItemKind::Unscheduled || item->kind == ItemKind::NoController;
    key.other = item->kind == ItemKind::OtherProcesses;
    key.raw = cell(item, m_columns[index.column()], RawRole);
    key.name = index.column() == 0 ? key.raw.toString() : nameCell(item, RawRole).toString();
    key.ns = cell(item, Column::Namespace, NamespaceRole).toString();
    return key;
}

QString InsightsModel::nameAt(const QModelIndex &index) const
{
    if (!index.isValid() || !m_store)
        return {};
    const Item *item = itemOf(index);
    if (item->kind == ItemKind::Container || item->kind == ItemKind::Node)
        return item->key;
    return nameCell(item, Qt::DisplayRole).toString();
}

QVariant InsightsModel::nameCell(const Item *item, int role) const
{
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::ToolTipRole)
        return {};
    const kube::Pod *pod = item->podUid.isEmpty() ? nullptr : m_store->pod(item->podUid);
    switch (item->kind) {
    case ItemKind::Namespace:
    case ItemKind::Node:
        return item->key;
    case ItemKind::Unscheduled:
        return role == Qt::ToolTipRole ? tr("Pods not yet scheduled to a node") : tr("Unscheduled");
    case ItemKind::OtherProcesses:
        return role == Qt::ToolTipRole ? tr(
                   "Node usage not accounted to its containers: kubelet, container runtime, system")
                                       : tr("Other processes");
    case ItemKind::NoController:
        return tr("Pods without controller");
    case ItemKind::Controller:
        if (role == Qt::ToolTipRole) {
            const ControllerRef ref = m_store->controllerRef(item->key);
            return tr("%1 %2 in namespace %3").arg(ref.kind, ref.name, ref.namespaceName);
        }
        return m_store->controllerRef(item->key).name;
    case ItemKind::Pod:
        if (!pod)
            return {};
        return role == Qt::ToolTipRole
                   ? QString(pod->metadata.namespaceName + QLatin1Char('/') + pod->metadata.name)
                   : pod->metadata.name;
    case ItemKind::Container:
        return item->key;
    }
    return {};
}

QVariant InsightsModel::namespaceCell(const Item *item, int role) const
{
    if (role != Qt::DisplayRole && role != RawRole && role != DrillRole)
        return {};
    const QString ns = cell(item, Column::Namespace, NamespaceRole).toString();
    if (role == DrillRole)
        return ns.isEmpty() ? QVariant() : QVariant(QString(QStringLiteral("namespace:") + ns));
    return ns;
}

QVariant InsightsModel::statusCell(const Item *item, int role) const
{
    if (role != Qt::DisplayRole && role != RawRole && role != SeverityRole
        && role != Qt::ToolTipRole)
        return {};
    RowStatus status;
    QList<RowStatus> podStates;
    switch (item->kind) {
    case ItemKind::OtherProcesses:
        return {};
    case ItemKind::Node:
        status = RowStatus::ofNode(m_store->node(item->key));
        break;
    case ItemKind::Pod:
    case ItemKind::Container: {
        const kube::Pod *pod = m_store->pod(item->podUid);
        if (!pod)
            return {};
        status = item->kind == ItemKind::Pod ? RowStatus::ofPod(*pod)
                                             : RowStatus::ofContainer(*pod, item->key);
        break;
    }
    case ItemKind::Namespace:
    case ItemKind::Unscheduled:
    case ItemKind::Controller:
    case ItemKind::NoController:
        for (const QString &uid : podsUnder(item)) {
            if (const kube::Pod *pod = m_store->pod(uid))
                podStates << RowStatus::ofPod(*pod);
        }
        status = RowStatus::ofPods(podStates);
        break;
    }
    if (role == RawRole || role == SeverityRole)
        return int(status.severity);
    if (role == Qt::ToolTipRole) {
        if (podStates.isEmpty())
            return status.text;
        // The roll-up of every pod state behind the counts.
        std::map<QString, int> counts;
        for (const auto &s : std::as_const(podStates))
            ++counts[s.text];
        QStringList lines;
        for (const auto &[text, n] : counts)
            lines << tr("%1: %2").arg(text).arg(n);
        return lines.join(QLatin1Char('\n'));
    }
    return status.text;
}

const InsightsModel::Cache &InsightsModel::metrics(const Item *item) const
{
    Cache &c = item->cache;
    if (c.generation == m_generation)
        return c;
    c = Cache{};
    c.generation = m_generation;
    c.value = kNaN;
    SeriesKey key;
    if (!m_history || !seriesKeyOf(item, &key) || !m_history->contains(key))
        return c;
    const qint64 now = m_clock();
    const TimeWindow window = TimeRanges::window(m_range, now);
    const RangeSummary summary = m_history->summarize(key, window);
    c.hasSeries = true;
    c.stale = m_history->isStale(key, now);
    c.value = summary.whole.value(m_statistic);
    c.utilisation = utilisationOf(item, c.value);
    // One denominator for all bars, so bars and the percent column agree.
    const Utilisation unit = utilisationOf(item, 1.0);
    c.trend = TrendData::build(
        summary, m_statistic, m_metric,
        [&unit](double v) {
            Utilisation u;
            if (unit.kind == Denominator::None)
                return u;
            u.kind = unit.kind;
            u.denominator = unit.denominator;
            u.percent = v / unit.denominator * 100.0;
            return u;
        },
        m_thresholds);
    return c;
}

QVariant InsightsModel::metricCell(const Item *item, Column column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Column::Trend ? QVariant()
                                       : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    const Cache &c = metrics(item);
    const double value = c.stale ? kNaN : c.value;
    const double pct = c.stale ? kNaN : c.utilisation.percent;
    switch (role) {
    case HealthRole:
        return int(m_thresholds.classify(pct, c.stale));
    case RawRole:
        return column == Column::Value ? value : pct;
    case Qt::DisplayRole:
        if (column == Column::Percent)
            return Formatter::percent(pct);
        if (column == Column::Value)
            return Formatter::value(m_metric, value);
        return {};
    case Qt::ToolTipRole:
        if (!c.hasSeries)
            return tr("No metrics reported for this row yet");
        if (c.stale)
            return tr("Stale: nothing reported for this row recently");
        if (column == Column::Percent)
            return Formatter::utilisation(c.utilisation);
        return Formatter::value(m_metric, value);
    default:
        return {};
    }
}

QVariant InsightsModel::countCell(const Item *item, Column column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::ToolTipRole)
        return {};
    if (item->kind == ItemKind::OtherProcesses)
        return {};
    int containers = 0, restarts = 0;
    QStringList ids;
    auto add = [&](const kube::Pod &pod, const QString &only) {
        for (const auto &s : pod.containerStatuses) {
            if (only.isEmpty() || s.name == only) {
                restarts += s.restartCount;
                if (role == Qt::ToolTipRole || column == Column::RestartsInRange)
                    ids << MetricsHistory::containerId(pod.metadata.namespaceName,
                                                       pod.metadata.name, s.name);
            }
        }
        containers += only.isEmpty() ? int(pod.containers.size()) : 1;
    };
    if (item->kind == ItemKind::Container) {
        if (const kube::Pod *pod = m_store->pod(item->podUid))
            add(*pod, item->key);
    } else {
        for (const QString &uid : podsUnder(item)) {
            if (const kube::Pod *pod = m_store->pod(uid))
                add(*pod, QString());
        }
    }
    if (column == Column::RestartsInRange) {
        if (!m_history)
            return {};
        const TimeWindow w = TimeRanges::window(m_range, m_clock());
        const int inRange = m_history->restartsInRange(ids, w.startMs, m_clock());
        if (role == Qt::ToolTipRole)
            return tr("%1 within the time range, %2 in total").arg(inRange).arg(restarts);
        return role == RawRole ? QVariant(inRange) : QVariant(QLocale().toString(inRange));
    }
    const int n = column == Column::Containers ? containers : restarts;
    if (role == Qt::DisplayRole)
        return QLocale().toString(n);
    if (role == RawRole)
        return n;
    if (column == Column::Restarts && m_history) {
        const TimeWindow w = TimeRanges::window(m_range, m_clock());
        return tr("%1 in total, %2 within the time range")
            .arg(n)
            .arg(m_history->restartsInRange(ids, w.startMs, m_clock()));
    }
    return {};
}

QVariant InsightsModel::uptimeCell(const Item *item, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::ToolTipRole)
        return {};
    const qint64 start = startOf(item);
    const qint64 ms = start == kube::Timestamp::kUnset ? -1
                                                       : std::max<qint64>(0, m_clock() - start);
    if (role == RawRole)
        return ms;
    if (ms < 0)
        return role == Qt::DisplayRole ? QVariant(Formatter::missing()) : QVariant();
    if (role == Qt::ToolTipRole)
        return tr("Since %1")
            .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(start).toLocalTime()));
    return Formatter::duration(ms / 1000);
}

QVariant InsightsModel::linkCell(const Item *item, Column column, int role) const
{
    if (role != Qt::DisplayRole && role != RawRole && role != DrillRole && role != Qt::ToolTipRole)
        return {};
    const kube::Pod *pod = item->podUid.isEmpty() ? nullptr : m_store->pod(item->podUid);
    if (column == Column::Pod) {
        if (!pod)
            return {};
        if (role == DrillRole)
            return QString(QStringLiteral("pod:") + item->podUid);
        return pod->metadata.name;
    }
    if (column == Column::Controller) {
        const QString id = controllerIdOfItem(item);
        if (id.isEmpty() || item->kind == ItemKind::Controller)
            return {};
        if (role == DrillRole)
            return QString(QStringLiteral("controller:") + id);
        const ControllerRef ref = m_store->controllerRef(id);
        return role == Qt::ToolTipRole ? ref.kindAndName() : ref.name;
    }
    // Node column.
    QString node = nodeOfItem(item);
    if (item->kind == ItemKind::Controller || item->kind == ItemKind::NoController) {
        QSet<QString> nodes;
        for (const QString &uid : podsUnder(item)) {
            if (const kube::Pod *p = m_store->pod(uid); p && !p->nodeName.isEmpty())
                nodes.insert(p->nodeName);
        }
        if (nodes.size() == 1)
            node = *nodes.cbegin();
        else if (nodes.size() > 1)
            return role == Qt::DisplayRole || role == RawRole
                       ? QVariant(tr("%1 nodes").arg(nodes.size()))
                       : QVariant();
    }
    if (node.isEmpty())
        return {};
    if (role == DrillRole)
        return QString(QStringLiteral("node:") + node);
    return node;
}

QList<QString> InsightsModel::podsUnder(const Item *item) const
{
    switch (item->kind) {
    case ItemKind::Namespace:
    case ItemKind::Node:
    case ItemKind::Unscheduled:
    case ItemKind::Controller:
    case ItemKind::NoController: {
        QList<QString> uids;
        for (const auto &c : item->children) {
            if (c->kind == ItemKind::Pod)
                uids << c->podUid;
        }
        return uids;
    }
    case ItemKind::Pod:
        return {item->podUid};
    case ItemKind::OtherProcesses:
    case ItemKind::Container:
        break;
    }
    return {};
}

qint64 InsightsModel::startOf(const Item *item) const
{
    switch (item->kind) {
    case ItemKind::Node: {
        const kube::Node *node = m_store->node(item->key);
        if (!node)
            return kube::Timestamp::kUnset;
        // The node's Ready transition is the closest the API says about a (re)start.
        const kube::Condition *ready = kube::findCondition(node->conditions, u"Ready");
        if (ready && ready->status == u"True" && ready->lastTransitionTime.isValid())
            return ready->lastTransitionTime.msecsSinceEpoch;
        return node->metadata.creationTimestamp.msecsSinceEpoch;
    }
    case ItemKind::Namespace: {
        const kube::Namespace *ns = m_store->namespaceObject(item->key);
        return ns ? ns->metadata.creationTimestamp.msecsSinceEpoch : kube::Timestamp::kUnset;
    }
    case ItemKind::Controller: {
        const ControllerInfo *c = m_store->controller(item->key);
        return c ? c->metadata().creationTimestamp.msecsSinceEpoch : kube::Timestamp::kUnset;
    }
    case ItemKind::Pod: {
        const kube::Pod *pod = m_store->pod(item->podUid);
        return pod ? pod->startTime.msecsSinceEpoch : kube::Timestamp::kUnset;
    }
    case ItemKind::Container: {
        const kube::Pod *pod = m_store->pod(item->podUid);
        if (!pod)
            return kube::Timestamp::kUnset;
        for (const auto &s : pod->containerStatuses) {
            if (s.name == item->key && s.state.kind == kube::ContainerState::Kind::Running)
                return s.state.startedAt.msecsSinceEpoch;
        }
        return kube::Timestamp::kUnset;
    }
    default:
        return kube::Timestamp::kUnset;
    }
}

QString InsightsModel::controllerIdOfItem(const Item *item) const
{
    if (item->kind == ItemKind::Controller)
        return item->key;
    return item->podUid.isEmpty() ? QString() : m_store->controllerOf(item->podUid).key();
}

QString InsightsModel::nodeOfItem(const Item *item) const
{
    if (item->kind == ItemKind::Node || item->kind == ItemKind::OtherProcesses)
        return item->key;
    if (item->podUid.isEmpty())
        return {};
    const kube::Pod *pod = m_store->pod(item->podUid);
    return pod ? pod->nodeName : QString();
}

bool InsightsModel::seriesKeyOf(const Item *item, SeriesKey *key) const
{
    key->metric = m_metric;
    switch (item->kind) {
    case ItemKind::Node:
        *key = {SeriesKind::Node, m_metric, item->key};
        return true;
    case ItemKind::OtherProcesses:
        *key = {SeriesKind::NodeOther, m_metric, item->key};
        return true;
    case ItemKind::Controller:
        *key = {SeriesKind::Controller, m_metric, item->key};
        return true;
    case ItemKind::Namespace:
        *key = {SeriesKind::Namespace, m_metric, item->key};
        return true;
    case ItemKind::Pod:
    case ItemKind::Container: {
        const kube::Pod *pod = m_store->pod(item->podUid);
        if (!pod)
            return false;
        if (item->kind == ItemKind::Pod)
            *key = {SeriesKind::Pod, m_metric,
                    MetricsHistory::podId(pod->metadata.namespaceName, pod->metadata.name)};
        else
            *key = {SeriesKind::Container, m_metric,
                    MetricsHistory::containerId(pod->metadata.namespaceName, pod->metadata.name,
                                                item->key)};
        return true;
    }
    case ItemKind::Unscheduled:
    case ItemKind::NoController:
        break;
    }
    return false;
}

Utilisation InsightsModel::utilisationOf(const Item *item, double value) const
{
    if (item->kind == ItemKind::Node || item->kind == ItemKind::OtherProcesses)
        return Utilisation::ofAllocatable(value, allocatableOf(m_store->node(item->key), m_metric));
    const bool group = item->kind == ItemKind::Controller || item->kind == ItemKind::Namespace;
    if (item->kind != ItemKind::Pod && item->kind != ItemKind::Container && !group)
        return {};
    QList<std::optional<double>> limits, requests;
    QSet<QString> nodes;
    const QList<QString> uids = group ? podsUnder(item) : QList<QString>{item->podUid};
    for (const QString &uid : uids) {
        const kube::Pod *pod = m_store->pod(uid);
        if (!pod)
            continue;
        nodes.insert(pod->nodeName);
        for (const auto &c : pod->containers) {
            if (item->kind == ItemKind::Container && c.name != item->key)
                continue;
            const bool cpu = m_metric == Metric::Cpu;
            limits << amount(cpu ? c.resources.cpuLimit : c.resources.memoryLimit, m_metric);
            requests << amount(cpu ? c.resources.cpuRequest : c.resources.memoryRequest, m_metric);
        }
    }
    if (m_basis == Denominator::Request)
        return Utilisation::ofRequests(value, requests);
    std::optional<double> allocatable;
    for (const QString &n : std::as_const(nodes)) {
        if (const auto a = allocatableOf(m_store->node(n), m_metric))
            allocatable = allocatable.value_or(0) + *a;
    }
    return Utilisation::ofLimits(value, limits, allocatable);
}
