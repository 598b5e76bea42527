#include "views/insightspage.h"

#include "models/insightsproxy.h"
#include "views/detailspane.h"
#include "views/trenddelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

InsightsPage::InsightsPage(InsightsModel *model, InsightsFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(filter)
    , m_proxy(new InsightsProxy(this))
    , m_view(new QTreeView(this))
    , m_details(new DetailsPane(filter, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setFilter(filter);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->setMouseTracking(true);
    const int trend = model->section(InsightsModel::Column::Trend);
    m_view->setItemDelegateForColumn(trend, new TrendDelegate(InsightsModel::TrendRole, m_view));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(0, 280);
    for (int c = 1; c < model->columnCount(); ++c)
        header->resizeSection(c, 95);
    header->resizeSection(model->section(InsightsModel::Column::Status), 150);
    header->resizeSection(trend, 170);
    for (auto col : {InsightsModel::Column::Controller, InsightsModel::Column::Node, InsightsModel::Column::Pod}) {
        if (model->section(col) >= 0)
            header->resizeSection(model->section(col), 170);
    }

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, true);
    m_splitter->setSizes({900, 340});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InsightsPage::showCurrent);
    // Live updates change the current row's cells: keep the pane in step.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex cur = m_proxy->mapToSource(m_view->currentIndex());
                if (cur.isValid() && cur.parent() == topLeft.parent() && cur.row() >= topLeft.row()
                    && cur.row() <= bottomRight.row())
                    m_details->refresh();
            });
    connect(m_view, &QTreeView::activated, this, &InsightsPage::activate);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        // A single click on a link cell drills down like the portal's links.
        if (index.data(InsightsModel::DrillRole).isValid() && index.column() != 0)
            activate(index);
    });
}

void InsightsPage::setSources(InsightsFeed *feed, const MetricsHistory *history)
{
    m_proxy->setFeed(feed);
    m_model->setHistory(history);
    m_model->setFeed(feed);
    m_details->setSources(feed, history);
}

void InsightsPage::showCurrent()
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    if (!index.isValid()) {
        m_details->clear();
        return;
    }
    const auto kind = InsightsModel::ItemKind(index.data(InsightsModel::KindRole).toInt());
    const QString key = index.data(InsightsModel::KeyRole).toString();
    const QString pod = index.data(InsightsModel::PodUidRole).toString();
    switch (kind) {
    case InsightsModel::ItemKind::Node:
    case InsightsModel::ItemKind::OtherProcesses:
        m_details->showNode(index.data(InsightsModel::NodeNameRole).toString());
        break;
    case InsightsModel::ItemKind::Controller:
        m_details->showController(key);
        break;
    case InsightsModel::ItemKind::Pod:
        m_details->showPod(pod);
        break;
    case InsightsModel::ItemKind::Container:
        m_details->showContainer(pod, key);
        break;
    case InsightsModel::ItemKind::Unscheduled:
    case InsightsModel::ItemKind::NoController:
        m_details->clear();
        break;
    }
}

void InsightsPage::activate(const QModelIndex &index)
{
    const QString target = index.data(InsightsModel::DrillRole).toString();
    if (!target.isEmpty())
        Q_EMIT drillDown(target);
    else if (m_model->hasChildren(m_proxy->mapToSource(index.siblingAtColumn(0))))
        m_view->setExpanded(index.siblingAtColumn(0), !m_view->isExpanded(index.siblingAtColumn(0)));
}

bool InsightsPage::select(const QString &target)
{
    m_model->flush();
    const QString key = target.section(QLatin1Char(':'), 1);
    QModelIndex source = target.startsWith(QLatin1String("pod:")) ? m_model->indexOfPod(key)
                                                                   : m_model->indexOfGroup(key);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void InsightsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
    QWidget::changeEvent(event);
}
