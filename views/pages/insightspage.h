#pragma once

// One insight grid tab (Nodes, Controllers or Containers): a sortable tree of the model behind
// the shared filter, the trend bars, drill-down links and the details pane on the right.
#include "models/insights/insightsmodel.h"

#include <QWidget>

class DetailsPane;
class ClusterStore;
class InsightsFilter;
class InsightsSortFilter;
class QAbstractProxyModel;
class QLabel;
class QSplitter;
class QTreeView;

class InsightsPage final : public QWidget
{
    Q_OBJECT
public:
    InsightsPage(InsightsModel *model, InsightsFilter *filter, QWidget *parent = nullptr);

    void setSources(ClusterStore *feed, const MetricsHistory *history);
    InsightsModel *model() const { return m_model; }
    // InsightsProxy for the Nodes and Controllers trees, InsightsFlatProxy for Containers;
    // filter changes made while the page was hidden are applied first.
    QAbstractProxyModel *proxy() const;
    QTreeView *view() const { return m_view; }
    DetailsPane *details() const { return m_details; }
    QSplitter *splitter() const { return m_splitter; }
    // Selects and shows the row of a node/controller (group key) or pod (UID).
    bool select(const QString &target);
    // A line above the grid (e.g. what limited credentials hide); "" hides it.
    void setNotice(const QString &text);

    // The details pane's width when the page is first shown.
    static constexpr int kDetailsWidth = 330;
    // 24 bars (6 h of 15 min) of 4 px with 1 px gaps and the cell margins.
    static constexpr int kTrendWidth = 24 * 5 + 8;

Q_SIGNALS:
    // A Node, Controller or Pod cell was activated: "node:<name>", "controller:<id>", "pod:<uid>".
    void drillDown(const QString &target);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Widens every column but Name to its title and a typical value, then fits Name.
    void fitColumns();
    // Name takes the width the other columns leave in the viewport (never less than it needs).
    void fitNameColumn();
    int minimumWidth(InsightsModel::Column column) const;
    int comfortableWidth(InsightsModel::Column column) const;
    int textWidth(const QString &sample, bool nameColumn) const;

    static InsightsSortFilter *makeSortFilter(const InsightsModel *model, QObject *parent);
    // A hidden page's proxy only notes filter changes; shown (or read), it applies them.
    void setFilterDeferred(bool deferred) const;
    void showCurrent();
    void activate(const QModelIndex &index);

    InsightsModel *m_model;
    InsightsFilter *m_filter;
    InsightsSortFilter *m_sortFilter; // owned as m_proxy's QObject child of the page
    QAbstractProxyModel *m_proxy;
    QTreeView *m_view;
    DetailsPane *m_details;
    QSplitter *m_splitter;
    QLabel *m_notice;
    bool m_fitting = false;
    bool m_columnsFitted = false;
    bool m_comfortApplied = false;
};
