#include "models/insights/insightsflatproxy.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightspodmatcher.h"
#include "models/insights/insightsproxy.h"

#include <QHash>
#include <QStringView>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

namespace {
// For each of `n` strings its rank in natural order; strings naturalCompare holds equal share a
// rank. A full sort then compares integers: 300,000 rows sorted by node used to spend most of
// its 1–2 s in naturalCompare, called three times per comparison on the many ties.
template<typename Text>
std::vector<int> naturalRanks(size_t n, Text text)
{
    QHash<QStringView, int> ids;
    std::vector<QStringView> distinct;
    std::vector<int> out(n);
    for (size_t i = 0; i < n; ++i) {
        const QStringView value = text(i);
        auto it = ids.constFind(value);
        if (it == ids.constEnd()) {
            it = ids.insert(value, int(distinct.size()));
            distinct.push_back(value);
        }
        out[i] = *it;
    }
    std::vector<int> order(distinct.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return InsightsProxy::naturalCompare(distinct[size_t(a)], distinct[size_t(b)]) < 0;
    });
    std::vector<int> rankOf(distinct.size());
    int rank = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        if (k > 0
            && InsightsProxy::naturalCompare(distinct[size_t(order[k - 1])],
                                             distinct[size_t(order[k])])
                   != 0)
            ++rank;
        rankOf[size_t(order[k])] = rank;
    }
    for (int &id : out)
        id = rankOf[size_t(id)];
    return out;
}

int threeWay(int a, int b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}
} // namespace

InsightsFlatProxy::InsightsFlatProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{}

InsightsFlatProxy::~InsightsFlatProxy() = default;

void InsightsFlatProxy::setStore(ClusterStore *feed)
{
    m_store = feed;
    refilter();
}

void InsightsFlatProxy::setFilter(InsightsFilter *filter)
{
    disconnect(m_filterConnection);
    m_filter = filter;
    if (filter)
        m_filterConnection = connect(filter, &InsightsFilter::changed, this,
                                     &InsightsFlatProxy::refilter);
    refilter();
}

void InsightsFlatProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const auto &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(model);
    m_insights = qobject_cast<const InsightsModel *>(model);
    if (model) {
        m_sourceConnections
            << connect(model, &QAbstractItemModel::dataChanged, this,
                       &InsightsFlatProxy::sourceDataChanged)
            << connect(model, &QAbstractItemModel::rowsInserted, this,
                       &InsightsFlatProxy::sourceRowsInserted)
            << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                       &InsightsFlatProxy::sourceRowsAboutToBeRemoved)
            << connect(model, &QAbstractItemModel::rowsRemoved, this,
                       &InsightsFlatProxy::sourceRowsRemoved)
            << connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                       [this] { beginResetModel(); })
            << connect(model, &QAbstractItemModel::modelReset, this,
                       [this] {
                           rebuild();
                           endResetModel();
                       })
            // The flat model never moves rows nor changes its layout; should another source do
            // so, everything is read anew.
            << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                       [this] { beginResetModel(); })
            << connect(model, &QAbstractItemModel::layoutChanged, this,
                       [this] {
                           rebuild();
                           endResetModel();
                       })
            << connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this,
                       [this] { beginResetModel(); })
            << connect(model, &QAbstractItemModel::rowsMoved, this,
                       [this] {
                           rebuild();
                           endResetModel();
                       })
            << connect(model, &QAbstractItemModel::headerDataChanged, this,
                       &QAbstractItemModel::headerDataChanged);
    }
    rebuild();
    endResetModel();
}

void InsightsFlatProxy::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    relayout([&] {
        const bool newKeys = column != m_sortColumn;
        m_sortColumn = column;
        m_sortOrder = order;
        if (newKeys) {
            for (int r = 0; r < int(m_keys.size()); ++r)
                updateKey(r);
        }
        sortOrder();
        rebuildVisible();
    });
}

void InsightsFlatProxy::rebuild()
{
    const int n = sourceModel() ? sourceModel()->rowCount() : 0;
    m_keys.assign(size_t(n), Key{});
    m_lowerNames.assign(size_t(n), QString());
    m_accepted.assign(size_t(n), 1);
    m_order.resize(size_t(n));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_filterState = currentFilterState();
    const InsightsPodMatcher m = matcher();
    for (int r = 0; r < n; ++r) {
        const QModelIndex i = sourceModel()->index(r, 0);
        m_lowerNames[size_t(r)] =
            (m_insights ? m_insights->nameAt(i) : i.data().toString()).toLower();
        updateKey(r);
        m_accepted[size_t(r)] = accepts(r, m);
    }
    sortOrder();
    rebuildVisible();
}

void InsightsFlatProxy::updateKey(int sourceRow)
{
    if (m_sortColumn < 0 || !sourceModel())
        return;
    Key &k = m_keys[size_t(sourceRow)];
    const QModelIndex i = sourceModel()->index(sourceRow, m_sortColumn);
    InsightsModel::SortKey sk;
    if (m_insights) {
        sk = m_insights->sortKey(i);
    } else {
        sk.raw = i.data(InsightsModel::RawRole);
        sk.name = i.siblingAtColumn(0).data().toString();
    }
    k.text = sk.raw.typeId() == QMetaType::QString;
    if (k.text) {
        k.string = sk.raw.toString();
        k.number = 0;
    } else {
        // Rows without a figure count as the lowest value: last when sorting hottest first.
        const double d = sk.raw.isValid() ? sk.raw.toDouble() : std::nan("");
        k.number = std::isnan(d) ? -std::numeric_limits<double>::infinity() : d;
        k.string.clear();
    }
    k.name = sk.name;
    k.ns = sk.ns;
}

InsightsFlatProxy::FilterState InsightsFlatProxy::currentFilterState() const
{
    FilterState s;
    if (!m_filter || !m_store || m_filter->isEmpty())
        return s;
    s.active = true;
    s.needle = m_filter->nameSearch().toLower();
    const QChar sep(0x1f);
    s.podFilter = m_filter->namespaces().join(QLatin1Char(',')) + sep
                  + m_filter->labelSelectorText() + sep + m_filter->node() + sep
                  + m_filter->nodePool() + sep + m_filter->service() + sep + m_filter->controller()
                  + sep + m_filter->pod();
    return s;
}

InsightsPodMatcher InsightsFlatProxy::matcher() const
{
    return m_filter && m_store ? InsightsPodMatcher(*m_filter, *m_store) : InsightsPodMatcher();
}

bool InsightsFlatProxy::accepts(int sourceRow, const InsightsPodMatcher &matcher) const
{
    if (!m_filterState.active)
        return true;
    if (!m_filterState.needle.isEmpty()
        && !m_lowerNames[size_t(sourceRow)].contains(m_filterState.needle))
        return false;
    const QModelIndex i = sourceModel()->index(sourceRow, 0);
    const QString uid = m_insights ? m_insights->podUidAt(i)
                                   : i.data(InsightsModel::PodUidRole).toString();
    const kube::Pod *pod = m_store->pod(uid);
    return pod && matcher.matches(*pod, uid);
}

void InsightsFlatProxy::setFilterDeferred(bool deferred)
{
    m_deferred = deferred;
    if (!deferred)
        applyPendingFilter();
}

void InsightsFlatProxy::applyPendingFilter()
{
    if (m_filterPending)
        applyFilter();
}

void InsightsFlatProxy::refilter()
{
    if (m_deferred)
        m_filterPending = true;
    else
        applyFilter();
}

void InsightsFlatProxy::applyFilter()
{
    m_filterPending = false;
    if (!sourceModel())
        return;
    const FilterState next = currentFilterState();
    // A search that only grew ("sv" → "svc") can only hide rows: the visible ones are tested.
    const bool narrowing = m_filterState.active && next.active
                           && next.podFilter == m_filterState.podFilter
                           && next.needle.contains(m_filterState.needle);
    const bool same = next.active == m_filterState.active && next.needle == m_filterState.needle
                      && next.podFilter == m_filterState.podFilter;
    if (same && !next.active)
        return;
    relayout([&] {
        m_filterState = next;
        const InsightsPodMatcher m = matcher();
        if (narrowing) {
            for (const int r : m_rows)
                m_accepted[size_t(r)] = accepts(r, m);
        } else {
            for (int r = 0; r < int(m_accepted.size()); ++r)
                m_accepted[size_t(r)] = accepts(r, m);
        }
        rebuildVisible();
    });
}

int InsightsFlatProxy::compareRows(int a, int b) const
{
    int c = 0;
    if (m_sortColumn >= 0) {
        const Key &l = m_keys[size_t(a)];
        const Key &r = m_keys[size_t(b)];
        if (l.text != r.text)
            c = l.text ? 1 : -1;
        else if (l.text)
            c = InsightsProxy::naturalCompare(l.string, r.string);
        else
            c = l.number < r.number ? -1 : (r.number < l.number ? 1 : 0);
        // Equal keys fall back to name, then namespace, so rows never swap places on an
        // unrelated update; the order reverses with the key, as in InsightsProxy.
        if (c == 0 && m_sortColumn != 0)
            c = InsightsProxy::naturalCompare(l.name, r.name);
        if (c == 0)
            c = InsightsProxy::naturalCompare(l.ns, r.ns);
        if (m_sortOrder == Qt::DescendingOrder)
            c = -c;
    }
    if (c == 0)
        c = a < b ? -1 : (b < a ? 1 : 0);
    return c;
}

void InsightsFlatProxy::sortOrder()
{
    if (m_sortColumn < 0) {
        std::sort(m_order.begin(), m_order.end());
        return;
    }
    // compareRows() with the strings replaced by their natural-order ranks (same order; live
    // updates still place single rows with compareRows()).
    const size_t n = m_keys.size();
    const std::vector<int> text = naturalRanks(
        n, [this](size_t i) { return QStringView(m_keys[i].string); });
    const std::vector<int> name = naturalRanks(
        n, [this](size_t i) { return QStringView(m_keys[i].name); });
    const std::vector<int> ns = naturalRanks(
        n, [this](size_t i) { return QStringView(m_keys[i].ns); });
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        const Key &l = m_keys[size_t(a)];
        const Key &r = m_keys[size_t(b)];
        int c = 0;
        if (l.text != r.text)
            c = l.text ? 1 : -1;
        else if (l.text)
            c = threeWay(text[size_t(a)], text[size_t(b)]);
        else
            c = l.number < r.number ? -1 : (r.number < l.number ? 1 : 0);
        if (c == 0 && m_sortColumn != 0)
            c = threeWay(name[size_t(a)], name[size_t(b)]);
        if (c == 0)
            c = threeWay(ns[size_t(a)], ns[size_t(b)]);
        if (descending)
            c = -c;
        return c != 0 ? c < 0 : a < b;
    });
}

void InsightsFlatProxy::rebuildVisible()
{
    m_rows.clear();
    m_rows.reserve(m_order.size());
    for (const int r : m_order) {
        if (m_accepted[size_t(r)])
            m_rows.push_back(r);
    }
    rebuildProxyOf();
}

void InsightsFlatProxy::rebuildProxyOf(size_t from)
{
    if (from == 0)
        m_proxyOf.assign(m_accepted.size(), -1);
    for (size_t p = from; p < m_rows.size(); ++p)
        m_proxyOf[size_t(m_rows[p])] = int(p);
}

void InsightsFlatProxy::relayout(const std::function<void()> &change)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sources;
    sources.reserve(size_t(before.size()));
    for (const QModelIndex &p : before)
        sources.push_back(p.isValid() && size_t(p.row()) < m_rows.size() ? m_rows[size_t(p.row())]
                                                                         : -1);
    change();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int s = sources[size_t(i)];
        const int row = s >= 0 && size_t(s) < m_proxyOf.size() ? m_proxyOf[size_t(s)] : -1;
        after << (row >= 0 ? index(row, before[i].column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void InsightsFlatProxy::reposition(int src, bool accepted)
{
    const auto it = std::find(m_order.begin(), m_order.end(), src);
    const size_t pos = size_t(it - m_order.begin());
    const bool inPlace = (pos == 0 || rowLess(m_order[pos - 1], src))
                         && (pos + 1 == m_order.size() || rowLess(src, m_order[pos + 1]));
    if (!inPlace) {
        m_order.erase(it);
        m_order.insert(std::lower_bound(m_order.begin(), m_order.end(), src,
                                        [this](int a, int b) { return rowLess(a, b); }),
                       src);
    }
    const bool wasVisible = m_accepted[size_t(src)];
    m_accepted[size_t(src)] = accepted;
    const auto less = [this](int a, int b) { return rowLess(a, b); };
    if (wasVisible && !accepted) {
        const int row = m_proxyOf[size_t(src)];
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        m_proxyOf[size_t(src)] = -1;
        rebuildProxyOf(size_t(row));
        endRemoveRows();
    } else if (!wasVisible && accepted) {
        const int row = int(std::lower_bound(m_rows.begin(), m_rows.end(), src, less)
                            - m_rows.begin());
        beginInsertRows({}, row, row);
        m_rows.insert(m_rows.begin() + row, src);
        rebuildProxyOf(size_t(row));
        endInsertRows();
    } else if (wasVisible && !inPlace) {
        // Where the row goes among the others (m_rows without it is sorted).
        const int from = m_proxyOf[size_t(src)];
        int to = int(std::lower_bound(m_rows.begin(), m_rows.begin() + from, src, less)
                     - m_rows.begin());
        if (to == from)
            to = int(std::lower_bound(m_rows.begin() + from + 1, m_rows.end(), src, less)
                     - m_rows.begin())
                 - 1;
        if (to == from)
            return;
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_rows.erase(m_rows.begin() + from);
        m_rows.insert(m_rows.begin() + to, src);
        const int low = std::min(from, to), high = std::max(from, to);
        for (int p = low; p <= high; ++p)
            m_proxyOf[size_t(m_rows[size_t(p)])] = p;
        endMoveRows();
    }
}

QModelIndex InsightsFlatProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || size_t(proxyIndex.row()) >= m_rows.size())
        return {};
    return sourceModel()->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex InsightsFlatProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.parent().isValid()
        || size_t(sourceIndex.row()) >= m_proxyOf.size())
        return {};
    const int row = m_proxyOf[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex InsightsFlatProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_rows.size()
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex InsightsFlatProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex InsightsFlatProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int InsightsFlatProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InsightsFlatProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool InsightsFlatProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

Qt::ItemFlags InsightsFlatProxy::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!m_insights)
        return QAbstractProxyModel::flags(index);
    // InsightsModel keeps QAbstractItemModel's flags for every cell.
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QVariant InsightsFlatProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Columns are the source's own: titles do not depend on any row being visible.
    if (orientation == Qt::Horizontal)
        return sourceModel() ? sourceModel()->headerData(section, orientation, role) : QVariant();
    return QAbstractProxyModel::headerData(section, orientation, role);
}
