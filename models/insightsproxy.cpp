#include "models/insightsproxy.h"

#include "models/insightsfeed.h"
#include "models/insightsfilter.h"
#include "models/insightsmodel.h"

#include <QCollator>

#include <cmath>
#include <limits>

using Kind = InsightsModel::ItemKind;

InsightsProxy::InsightsProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(InsightsModel::RawRole);
    // A parent stays visible while any descendant matches (a node of a matching pod).
    setRecursiveFilteringEnabled(true);
    // Live updates must re-sort and re-filter the rows they touch.
    setDynamicSortFilter(true);
}

void InsightsProxy::setFeed(InsightsFeed *feed)
{
    m_feed = feed;
    invalidateFilter();
}

void InsightsProxy::setFilter(InsightsFilter *filter)
{
    disconnect(m_filterConnection);
    m_filter = filter;
    if (filter)
        m_filterConnection = connect(filter, &InsightsFilter::changed, this, &InsightsProxy::invalidateFilter);
    invalidateFilter();
}

bool InsightsProxy::nodeMatches(const QString &nodeName) const
{
    if (!m_filter->node().isEmpty() && nodeName != m_filter->node())
        return false;
    if (!m_filter->nodePool().isEmpty()) {
        const kube::Node *node = m_feed->node(nodeName);
        if (!node || InsightsFeed::nodePoolOf(*node) != m_filter->nodePool())
            return false;
    }
    return true;
}

bool InsightsProxy::podMatches(const kube::Pod &pod, const QString &uid) const
{
    const InsightsFilter &f = *m_filter;
    if (!f.namespaces().isEmpty() && !f.namespaces().contains(pod.metadata.namespaceName))
        return false;
    if (!f.pod().isEmpty() && f.pod() != uid)
        return false;
    if (!f.controller().isEmpty() && m_feed->controllerIdOf(uid) != f.controller())
        return false;
    if (!nodeMatches(pod.nodeName))
        return false;
    QMap<QString, QString> labels;
    if (!f.labelSelector().isEmpty() || !f.service().isEmpty()) {
        for (const auto &[k, v] : pod.metadata.labels)
            labels.insert(k, v);
    }
    if (!f.labelSelector().isEmpty() && !f.labelSelector().matches(labels))
        return false;
    if (!f.service().isEmpty()) {
        // A Service selects pods of its own namespace whose labels contain its selector; a
        // Service without selector selects none (its endpoints are managed by hand).
        const QString ns = f.service().section(QLatin1Char('/'), 0, 0);
        const QString name = f.service().section(QLatin1Char('/'), 1);
        if (pod.metadata.namespaceName != ns)
            return false;
        const kube::Service *service = nullptr;
        for (const kube::Service *s : m_feed->services()) {
            if (s->metadata.namespaceName == ns && s->metadata.name == name)
                service = s;
        }
        if (!service || service->selector.isEmpty())
            return false;
        for (const auto &[k, v] : service->selector) {
            if (labels.value(k, QString()) != v || !labels.contains(k))
                return false;
        }
    }
    return true;
}

bool InsightsProxy::nameMatches(const QModelIndex &sourceIndex) const
{
    const QString &needle = m_filter->nameSearch();
    if (needle.isEmpty())
        return true;
    // A match on the row or any row above it: searching a node shows its pods.
    for (QModelIndex i = sourceIndex; i.isValid(); i = i.parent()) {
        if (i.siblingAtColumn(0).data().toString().contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool InsightsProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_filter || !m_feed || m_filter->isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = Kind(index.data(InsightsModel::KindRole).toInt());
    if (!nameMatches(index))
        return false;
    switch (kind) {
    case Kind::Node:
    case Kind::OtherProcesses:
        // Node rows answer node filters; filters on pods show a node only through its pods.
        return !m_filter->hasPodFilters() && m_filter->labelSelector().isEmpty()
            && nodeMatches(index.data(InsightsModel::NodeNameRole).toString());
    case Kind::Controller: {
        const QString id = index.data(InsightsModel::KeyRole).toString();
        if (!m_filter->controller().isEmpty() && id != m_filter->controller())
            return false;
        if (!m_filter->namespaces().isEmpty()
            && !m_filter->namespaces().contains(index.data(InsightsModel::NamespaceRole).toString()))
            return false;
        // Everything else is decided by its pods.
        return m_filter->labelSelector().isEmpty() && m_filter->service().isEmpty()
            && m_filter->pod().isEmpty() && m_filter->node().isEmpty() && m_filter->nodePool().isEmpty();
    }
    case Kind::Unscheduled:
    case Kind::NoController:
        return false; // shown only for the pods they hold
    case Kind::Pod:
    case Kind::Container: {
        const QString uid = index.data(InsightsModel::PodUidRole).toString();
        const kube::Pod *pod = m_feed->pod(uid);
        return pod && podMatches(*pod, uid);
    }
    }
    return true;
}

bool InsightsProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool lastL = left.data(InsightsModel::SortLastRole).toBool();
    const bool lastR = right.data(InsightsModel::SortLastRole).toBool();
    if (lastL != lastR) // pseudo rows last in either order
        return sortOrder() == Qt::AscendingOrder ? lastR : lastL;
    // "Other processes" stays first under its node.
    const bool otherL = left.data(InsightsModel::KindRole).toInt() == int(Kind::OtherProcesses);
    const bool otherR = right.data(InsightsModel::KindRole).toInt() == int(Kind::OtherProcesses);
    if (otherL != otherR)
        return sortOrder() == Qt::AscendingOrder ? otherL : otherR;
    const int order = compare(left.data(sortRole()), right.data(sortRole()));
    if (order != 0)
        return order < 0;
    // Equal keys (three "api" controllers, or equal figures) fall back to name, then
    // namespace, so rows never swap places on an unrelated update.
    if (left.column() != 0) {
        if (const int byName = compare(left.siblingAtColumn(0).data(sortRole()),
                                       right.siblingAtColumn(0).data(sortRole())))
            return byName < 0;
    }
    return compare(left.data(InsightsModel::NamespaceRole), right.data(InsightsModel::NamespaceRole)) < 0;
}

int InsightsProxy::compare(const QVariant &l, const QVariant &r)
{
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString) {
        static thread_local QCollator collator = [] {
            QCollator c;
            c.setNumericMode(true);
            c.setCaseSensitivity(Qt::CaseInsensitive);
            return c;
        }();
        return collator.compare(l.toString(), r.toString());
    }
    // Rows without a figure count as the lowest value: last when sorting hottest first.
    const auto number = [](const QVariant &v) {
        const double d = v.isValid() ? v.toDouble() : std::nan("");
        return std::isnan(d) ? -std::numeric_limits<double>::infinity() : d;
    };
    const double a = number(l), b = number(r);
    return a < b ? -1 : (b < a ? 1 : 0);
}
