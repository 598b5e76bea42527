#include "models/insights/insightsflatproxy.h"

// How the flat proxy follows its source: data changes re-place only the rows whose sort key or
// filter result changed; inserted and removed source rows are spliced into the visible order.
#include "models/insights/insightsmodel.h"
#include "models/insights/insightspodmatcher.h"

#include <algorithm>

void InsightsFlatProxy::sourceDataChanged(const QModelIndex &topLeft,
                                          const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row(), last = bottomRight.row();
    const int c0 = topLeft.column(), c1 = bottomRight.column();
    // Display-only changes (the clock, a language switch) keep every raw value's order.
    const bool rawChanged = roles.isEmpty() || roles.contains(InsightsModel::RawRole);
    const bool sortAffected = rawChanged && m_sortColumn >= c0 && m_sortColumn <= c1;
    // Role-specific changes are metric, clock and language updates; a pod's filter inputs
    // (labels, node, namespace) change only with an update of the row itself (no roles).
    const bool podChange = roles.isEmpty();
    const bool filterAffected = m_filterState.active && podChange;
    if (podChange) {
        for (int r = first; r <= last; ++r) {
            const QModelIndex i = sourceModel()->index(r, 0);
            m_lowerNames[size_t(r)] =
                (m_insights ? m_insights->nameAt(i) : i.data().toString()).toLower();
        }
    }
    if (sortAffected || filterAffected) {
        const InsightsPodMatcher m = filterAffected ? matcher() : InsightsPodMatcher();
        if (last - first + 1 > kFineRows) {
            relayout([&] {
                for (int r = first; r <= last; ++r) {
                    if (sortAffected)
                        updateKey(r);
                    if (filterAffected)
                        m_accepted[size_t(r)] = accepts(r, m);
                }
                if (sortAffected)
                    sortOrder();
                rebuildVisible();
            });
        } else {
            for (int r = first; r <= last; ++r) {
                if (sortAffected)
                    updateKey(r);
                reposition(r, filterAffected ? accepts(r, m) : bool(m_accepted[size_t(r)]));
            }
        }
    }
    // The changed rows as proxy rows, announced in contiguous runs.
    std::vector<int> rows;
    if (last - first + 1 >= int(m_rows.size())) {
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, c0), index(int(m_rows.size()) - 1, c1), roles);
        return;
    }
    for (int r = first; r <= last; ++r) {
        if (m_proxyOf[size_t(r)] >= 0)
            rows.push_back(m_proxyOf[size_t(r)]);
    }
    std::sort(rows.begin(), rows.end());
    for (size_t i = 0; i < rows.size();) {
        size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i], c0), index(rows[j], c1), roles);
        i = j + 1;
    }
}

void InsightsFlatProxy::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int k = last - first + 1;
    const int oldCount = int(m_keys.size());
    if (first < oldCount) {
        // Rows after the insertion renumber; their proxy positions stay.
        for (int &s : m_order)
            s += s >= first ? k : 0;
        for (int &s : m_rows)
            s += s >= first ? k : 0;
    }
    m_keys.insert(m_keys.begin() + first, size_t(k), Key{});
    m_lowerNames.insert(m_lowerNames.begin() + first, size_t(k), QString());
    m_accepted.insert(m_accepted.begin() + first, size_t(k), 0);
    m_proxyOf.insert(m_proxyOf.begin() + first, size_t(k), -1);
    if (first < oldCount)
        rebuildProxyOf();
    const InsightsPodMatcher m = matcher();
    std::vector<int> added;
    for (int r = first; r <= last; ++r) {
        const QModelIndex i = sourceModel()->index(r, 0);
        m_lowerNames[size_t(r)] =
            (m_insights ? m_insights->nameAt(i) : i.data().toString()).toLower();
        updateKey(r);
        added.push_back(r);
    }
    const auto less = [this](int a, int b) { return rowLess(a, b); };
    std::sort(added.begin(), added.end(), less);
    if (k <= kFineRows) {
        for (const int r : added) {
            m_order.insert(std::lower_bound(m_order.begin(), m_order.end(), r, less), r);
            reposition(r, accepts(r, m));
        }
        return;
    }
    const auto merge = [&] {
        const size_t mid = m_order.size();
        m_order.insert(m_order.end(), added.begin(), added.end());
        std::inplace_merge(m_order.begin(), m_order.begin() + std::ptrdiff_t(mid), m_order.end(),
                           less);
        for (const int r : added)
            m_accepted[size_t(r)] = accepts(r, m);
    };
    if (m_rows.empty()) {
        // The first fill (or the first rows through a filter): one plain insertion.
        merge();
        const int visible = int(std::count_if(
            added.begin(), added.end(), [this](int r) { return m_accepted[size_t(r)] != 0; }));
        if (visible == 0)
            return;
        beginInsertRows({}, 0, visible - 1);
        rebuildVisible();
        endInsertRows();
        return;
    }
    relayout([&] {
        merge();
        rebuildVisible();
    });
}

void InsightsFlatProxy::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    std::vector<int> rows;
    for (int r = first; r <= last; ++r) {
        if (m_proxyOf[size_t(r)] >= 0)
            rows.push_back(m_proxyOf[size_t(r)]);
    }
    if (rows.empty())
        return;
    if (rows.size() > size_t(kFineRows)) {
        relayout([&] {
            for (int r = first; r <= last; ++r)
                m_accepted[size_t(r)] = 0;
            rebuildVisible();
        });
        return;
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows) {
        const int src = m_rows[size_t(row)];
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        m_accepted[size_t(src)] = 0;
        m_proxyOf[size_t(src)] = -1;
        rebuildProxyOf(size_t(row));
        endRemoveRows();
    }
}

void InsightsFlatProxy::sourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int k = last - first + 1;
    m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    m_lowerNames.erase(m_lowerNames.begin() + first, m_lowerNames.begin() + last + 1);
    m_accepted.erase(m_accepted.begin() + first, m_accepted.begin() + last + 1);
    m_order.erase(std::remove_if(m_order.begin(), m_order.end(),
                                 [&](int s) { return s >= first && s <= last; }),
                  m_order.end());
    for (int &s : m_order)
        s -= s > last ? k : 0;
    for (int &s : m_rows)
        s -= s > last ? k : 0;
    rebuildProxyOf();
}
