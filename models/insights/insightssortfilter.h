#pragma once

// What a tab's view asks of its sorting and filtering proxy, whichever it is: the trees'
// InsightsProxy (a QSortFilterProxyModel that keeps parents of matches) or the Containers
// tab's InsightsFlatProxy (single-pass sort and filter over 300,000 rows). Views hold this and
// the proxy model it hands out; they never cast between the two.
class ClusterStore;
class InsightsFilter;
class QAbstractProxyModel;

class InsightsSortFilter
{
public:
    virtual ~InsightsSortFilter() = default;

    // The proxy as the view's model (the object implementing this interface).
    virtual QAbstractProxyModel *proxyModel() = 0;
    // The store the filter's pod conditions (controller, service, node pool) are read from.
    virtual void setStore(ClusterStore *store) = 0;
    virtual void setFilter(InsightsFilter *filter) = 0;
    // While deferred (its page is hidden), filter changes are only noted and applied by
    // applyPendingFilter(): a change on one tab does not re-filter the other tabs' rows.
    virtual void setFilterDeferred(bool deferred) = 0;
    virtual void applyPendingFilter() = 0;
};
