#pragma once

// Sorting and filtering for one insight tab: sorts on the raw role (pseudo rows stay last),
// filters with the shared InsightsFilter, keeping the parents of matching rows visible.
#include <QSortFilterProxyModel>

class InsightsFeed;
class InsightsFilter;
namespace kube {
struct Pod;
}

class InsightsProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit InsightsProxy(QObject *parent = nullptr);

    void setFeed(InsightsFeed *feed);
    void setFilter(InsightsFilter *filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // <0, 0, >0 as l sorts before, with or after r (strings by natural order, numbers with
    // "no figure" lowest).
    static int compare(const QVariant &l, const QVariant &r);
    bool podMatches(const kube::Pod &pod, const QString &uid) const;
    bool nodeMatches(const QString &nodeName) const;
    bool nameMatches(const QModelIndex &sourceIndex) const;

    InsightsFeed *m_feed = nullptr;
    InsightsFilter *m_filter = nullptr;
    QMetaObject::Connection m_filterConnection;
};
