#pragma once

// Sorting and filtering for the flat Containers tab (300,000 rows and more): the same order and
// filter as InsightsProxy, but kept as a permutation of all rows with each row's sort key, so a
// filter change is one pass, a sort is one std::sort, and a live update moves single rows.
#include "models/insights/insightsmodel.h"
#include "models/insights/insightssortfilter.h"

#include <QAbstractProxyModel>

#include <functional>
#include <vector>

class ClusterStore;
class InsightsFilter;
class InsightsPodMatcher;

class InsightsFlatProxy final : public QAbstractProxyModel, public InsightsSortFilter
{
    Q_OBJECT
public:
    explicit InsightsFlatProxy(QObject *parent = nullptr);
    ~InsightsFlatProxy() override;

    QAbstractProxyModel *proxyModel() override { return this; }
    void setStore(ClusterStore *feed) override;
    void setFilter(InsightsFilter *filter) override;
    // As InsightsProxy: while deferred, filter changes wait for applyPendingFilter().
    void setFilterDeferred(bool deferred) override;
    void applyPendingFilter() override;
    // An InsightsModel in Containers mode (flat); other models are shown unsorted and unfiltered.
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    // The InsightsModel's flags without a trip to the source, plus ItemNeverHasChildren: a
    // view's layout of 300,000 rows then asks neither flags nor children row by row.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Up to this many rows a change is announced row by row (moves, inserts, removals keep the
    // view's selection exactly); beyond it one layout change is cheaper than many O(n) steps.
    static constexpr int kFineRows = 16;

    // A row's sort key in compact form: numbers as double ("no figure" lowest), text as is.
    struct Key
    {
        bool text = false;
        double number = 0;
        QString string;
        QString name;
        QString ns;
    };
    // What the rows were last filtered with: a search that only grows re-tests visible rows.
    struct FilterState
    {
        bool active = false;
        QString needle;    // lower case
        QString podFilter; // everything but the name search, as one comparable text
    };

    void rebuild();
    void refilter();
    void applyFilter();
    void updateKey(int sourceRow);
    bool accepts(int sourceRow, const InsightsPodMatcher &matcher) const;
    InsightsPodMatcher matcher() const;
    FilterState currentFilterState() const;
    // <0, 0, >0 as source row a sorts before, with or after b in the current order.
    int compareRows(int a, int b) const;
    bool rowLess(int a, int b) const { return compareRows(a, b) < 0; }
    // Sorts m_order (every source row) by the keys.
    void sortOrder();
    // m_rows from m_order and the accepted flags; m_proxyOf from m_rows.
    void rebuildVisible();
    void rebuildProxyOf(size_t from = 0);
    // Wraps a change of many rows in layoutAboutToBeChanged/layoutChanged, keeping persistent
    // indexes on their source rows.
    void relayout(const std::function<void()> &change);

    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    // One row whose key or filter result changed: moved, removed or inserted with the fine
    // signals a view keeps its selection through.
    void reposition(int sourceRow, bool accepted);

    const InsightsModel *m_insights = nullptr;
    ClusterStore *m_store = nullptr;
    InsightsFilter *m_filter = nullptr;
    QMetaObject::Connection m_filterConnection;
    QList<QMetaObject::Connection> m_sourceConnections;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<Key> m_keys;           // by source row
    std::vector<QString> m_lowerNames; // by source row: the name search compares these
    std::vector<char> m_accepted;      // by source row
    std::vector<int> m_order;          // every source row, sorted
    std::vector<int> m_rows;           // proxy row → source row (accepted rows of m_order)
    std::vector<int> m_proxyOf;        // source row → proxy row, -1 when filtered out
    FilterState m_filterState;
    bool m_deferred = false;
    bool m_filterPending = false;
};
