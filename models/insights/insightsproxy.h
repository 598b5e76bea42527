#pragma once

// Sorting and filtering for one insight tab: sorts on the raw role (pseudo rows stay last),
// filters with the shared InsightsFilter, keeping the parents of matching rows visible.
#include "models/insights/insightsmodel.h"
#include "models/insights/insightspodmatcher.h"
#include "models/insights/insightssortfilter.h"

#include <QSortFilterProxyModel>

#include <unordered_map>
#include <vector>

class ClusterStore;
class InsightsFilter;
namespace kube {
struct Pod;
}

class InsightsProxy final : public QSortFilterProxyModel, public InsightsSortFilter
{
    Q_OBJECT
public:
    explicit InsightsProxy(QObject *parent = nullptr);

    QAbstractProxyModel *proxyModel() override { return this; }
    void setStore(ClusterStore *feed) override;
    void setFilter(InsightsFilter *filter) override;
    // While deferred (its page is hidden), filter changes are only noted and applied by
    // applyPendingFilter(): a change on one tab does not re-filter the other tabs' trees.
    void setFilterDeferred(bool deferred) override;
    void applyPendingFilter() override;
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // <0, 0, >0 as a sorts before, with or after b: case-insensitive, digit runs by their value
    // ("pod-9" before "pod-10"), for the lower-case ASCII names Kubernetes uses; other
    // characters compare by their case-folded code unit.
    static int naturalCompare(QStringView a, QStringView b);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // <0, 0, >0 as l sorts before, with or after r (strings by natural order, numbers with
    // "no figure" lowest).
    static int compare(const QVariant &l, const QVariant &r);
    const InsightsModel::SortKey &sortKeyOf(const QModelIndex &index) const;
    void forgetSortKeys() { ++m_keyEpoch; }
    void dropSortKeys();
    bool podMatches(const kube::Pod &pod, const QString &uid) const;
    void refilter();
    void applyFilter();
    bool nodeMatches(const QString &nodeName) const;
    bool nameMatches(const QModelIndex &sourceIndex) const;
    // None of the conditions a group row meets only through its pods is set (label selector,
    // service, pod, node, node pool).
    bool withoutPodConditions() const;

    ClusterStore *m_store = nullptr;
    InsightsFilter *m_filter = nullptr;
    InsightsPodMatcher m_matcher;
    bool m_deferred = false;
    bool m_filterPending = false;
    QMetaObject::Connection m_filterConnection;
    QList<QMetaObject::Connection> m_sourceConnections;
    // Sort keys by source parent and row, valid while their epoch is current: a sort computes
    // each row's key once instead of per comparison, and a filter change re-sorts from the
    // same keys. Any change of the source starts a new epoch (rows may have moved), which
    // costs nothing up front; the keys a re-sort reads are computed again.
    struct CachedKey
    {
        quint64 epoch = 0;
        int column = -1;
        InsightsModel::SortKey key;
    };
    mutable std::unordered_map<const void *, std::vector<CachedKey>> m_keys;
    mutable const void *m_lastParent = nullptr;
    mutable std::vector<CachedKey> *m_lastKeys = nullptr;
    quint64 m_keyEpoch = 1;
    const InsightsModel *m_insights = nullptr;
};
