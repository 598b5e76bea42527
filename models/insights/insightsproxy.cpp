#include "models/insights/insightsproxy.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsmodel.h"

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

void InsightsProxy::setStore(ClusterStore *feed)
{
    m_store = feed;
    refilter();
}

void InsightsProxy::setFilter(InsightsFilter *filter)
{
    disconnect(m_filterConnection);
    m_filter = filter;
    if (filter)
        m_filterConnection = connect(filter, &InsightsFilter::changed, this,
                                     &InsightsProxy::refilter);
    refilter();
}

void InsightsProxy::setSourceModel(QAbstractItemModel *model)
{
    for (const auto &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    dropSortKeys();
    m_insights = qobject_cast<const InsightsModel *>(model);
    if (model) {
        // Connected before the base class connects its own handlers, so a changed row's key
        // is gone before the dynamic re-sort reads it.
        const auto forget = [this] { forgetSortKeys(); };
        m_sourceConnections << connect(model, &QAbstractItemModel::dataChanged, this, forget)
                            << connect(model, &QAbstractItemModel::rowsInserted, this, forget)
                            << connect(model, &QAbstractItemModel::rowsRemoved, this, forget)
                            << connect(model, &QAbstractItemModel::rowsMoved, this, forget)
                            << connect(model, &QAbstractItemModel::layoutChanged, this, forget)
                            << connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                                       &InsightsProxy::dropSortKeys);
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void InsightsProxy::sort(int column, Qt::SortOrder order)
{
    // Keys of another column are of no use; keep the memory of one column only.
    dropSortKeys();
    QSortFilterProxyModel::sort(column, order);
}

void InsightsProxy::dropSortKeys()
{
    m_keys.clear();
    m_lastParent = nullptr;
    m_lastKeys = nullptr;
    forgetSortKeys();
}

const InsightsModel::SortKey &InsightsProxy::sortKeyOf(const QModelIndex &index) const
{
    // A sort compares rows of one parent: remember its keys instead of hashing every time.
    const QModelIndex parent = index.parent();
    const void *parentKey = parent.isValid() ? parent.internalPointer() : nullptr;
    if (!m_lastKeys || parentKey != m_lastParent) {
        m_lastParent = parentKey;
        m_lastKeys = &m_keys[parentKey];
    }
    std::vector<CachedKey> &keys = *m_lastKeys;
    if (size_t(index.row()) >= keys.size())
        keys.resize(size_t(m_insights->rowCount(parent)) > size_t(index.row())
                        ? size_t(m_insights->rowCount(parent))
                        : size_t(index.row()) + 1);
    CachedKey &c = keys[size_t(index.row())];
    if (c.epoch != m_keyEpoch || c.column != index.column()) {
        c.epoch = m_keyEpoch;
        c.column = index.column();
        c.key = m_insights->sortKey(index);
    }
    return c.key;
}

bool InsightsProxy::nodeMatches(const QString &nodeName) const
{
    return m_matcher.nodeMatches(nodeName);
}

bool InsightsProxy::podMatches(const kube::Pod &pod, const QString &uid) const
{
    return m_matcher.matches(pod, uid);
}

void InsightsProxy::setFilterDeferred(bool deferred)
{
    m_deferred = deferred;
    if (!deferred)
        applyPendingFilter();
}

void InsightsProxy::applyPendingFilter()
{
    if (m_filterPending)
        applyFilter();
}

void InsightsProxy::refilter()
{
    if (m_deferred)
        m_filterPending = true;
    else
        applyFilter();
}

void InsightsProxy::applyFilter()
{
    m_filterPending = false;
    // The filter's pod side is resolved once per pass, not per row (a Service filter used to
    // sort every Service of the cluster for each row).
    const bool withNamespaces = !m_insights || !m_insights->isNamespaceFilter();
    m_matcher = m_filter && m_store ? InsightsPodMatcher(*m_filter, *m_store, withNamespaces)
                                    : InsightsPodMatcher();
    invalidateFilter();
}

bool InsightsProxy::nameMatches(const QModelIndex &sourceIndex) const
{
    const QString &needle = m_filter->nameSearch();
    if (needle.isEmpty())
        return true;
    // A match on the row or any row above it: searching a node shows its pods.
    for (QModelIndex i = sourceIndex; i.isValid(); i = i.parent()) {
        const QString name = m_insights ? m_insights->nameAt(i)
                                        : i.siblingAtColumn(0).data().toString();
        if (name.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool InsightsProxy::withoutPodConditions() const
{
    return m_filter->labelSelector().isEmpty() && m_filter->service().isEmpty()
           && m_filter->pod().isEmpty() && m_filter->node().isEmpty()
           && m_filter->nodePool().isEmpty();
}

bool InsightsProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_filter || !m_store || m_filter->isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = m_insights ? m_insights->kindAt(index)
                                 : Kind(index.data(InsightsModel::KindRole).toInt());
    if (!nameMatches(index))
        return false;
    switch (kind) {
    case Kind::Node:
    case Kind::OtherProcesses:
        // Node rows answer node filters; filters on pods show a node only through its pods.
        return !m_filter->hasPodFilters() && m_filter->labelSelector().isEmpty()
               && nodeMatches(index.data(InsightsModel::NodeNameRole).toString());
    case Kind::Controller: {
        const QString id = m_insights ? m_insights->keyAt(index)
                                      : index.data(InsightsModel::KeyRole).toString();
        if (!m_filter->controller().isEmpty() && id != m_filter->controller())
            return false;
        if (!m_filter->namespaces().isEmpty()
            && !m_filter->namespaces().contains(
                index.data(InsightsModel::NamespaceRole).toString()))
            return false;
        // Everything else is decided by its pods.
        return withoutPodConditions();
    }
    case Kind::Namespace:
        // The Namespaces tab is the namespace filter: it shows every namespace, and the other
        // filters through their pods.
        return withoutPodConditions() && m_filter->controller().isEmpty();
    case Kind::Unscheduled:
    case Kind::NoController:
        return false; // shown only for the pods they hold
    case Kind::Pod:
    case Kind::Container: {
        const QString uid = m_insights ? m_insights->podUidAt(index)
                                       : index.data(InsightsModel::PodUidRole).toString();
        const kube::Pod *pod = m_store->pod(uid);
        return pod && podMatches(*pod, uid);
    }
    }
    return true;
}

bool InsightsProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_insights || sortRole() != InsightsModel::RawRole)
        return QSortFilterProxyModel::lessThan(left, right);
    const InsightsModel::SortKey &l = sortKeyOf(left);
    const InsightsModel::SortKey &r = sortKeyOf(right);
    if (l.last != r.last) // pseudo rows last in either order
        return sortOrder() == Qt::AscendingOrder ? r.last : l.last;
    // "Other processes" stays first under its node.
    if (l.other != r.other)
        return sortOrder() == Qt::AscendingOrder ? l.other : r.other;
    if (const int order = compare(l.raw, r.raw))
        return order < 0;
    // Equal keys (three "api" controllers, or equal figures) fall back to name, then
    // namespace, so rows never swap places on an unrelated update.
    if (left.column() != 0) {
        if (const int byName = naturalCompare(l.name, r.name))
            return byName < 0;
    }
    return naturalCompare(l.ns, r.ns) < 0;
}

int InsightsProxy::compare(const QVariant &l, const QVariant &r)
{
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString)
        return naturalCompare(*static_cast<const QString *>(l.constData()),
                              *static_cast<const QString *>(r.constData()));
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return naturalCompare(l.toString(), r.toString());
    // Rows without a figure count as the lowest value: last when sorting hottest first.
    const auto number = [](const QVariant &v) {
        const double d = v.isValid() ? v.toDouble() : std::nan("");
        return std::isnan(d) ? -std::numeric_limits<double>::infinity() : d;
    };
    const double a = number(l), b = number(r);
    return a < b ? -1 : (b < a ? 1 : 0);
}

int InsightsProxy::naturalCompare(QStringView a, QStringView b)
{
    const auto isDigit = [](char16_t c) { return c >= u'0' && c <= u'9'; };
    const auto fold = [](char16_t c) -> char32_t {
        if (c >= u'A' && c <= u'Z')
            return c + (u'a' - u'A');
        return c < 0x80 ? c : QChar::toCaseFolded(char32_t(c));
    };
    const qsizetype n = a.size(), m = b.size();
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        const char16_t x = a[i].unicode(), y = b[j].unicode();
        if (isDigit(x) && isDigit(y)) {
            // Compare the runs as numbers: skip leading zeros, then the longer run is larger,
            // else the first differing digit decides.
            while (i < n && a[i].unicode() == u'0')
                ++i;
            while (j < m && b[j].unicode() == u'0')
                ++j;
            qsizetype ei = i, ej = j;
            while (ei < n && isDigit(a[ei].unicode()))
                ++ei;
            while (ej < m && isDigit(b[ej].unicode()))
                ++ej;
            if (ei - i != ej - j)
                return ei - i < ej - j ? -1 : 1;
            for (; i < ei; ++i, ++j) {
                if (a[i] != b[j])
                    return a[i].unicode() < b[j].unicode() ? -1 : 1;
            }
            continue;
        }
        const char32_t fx = fold(x), fy = fold(y);
        if (fx != fy)
            return fx < fy ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < n)
        return 1;
    if (j < m)
        return -1;
    return 0;
}
