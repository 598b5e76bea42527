#include "views/pages/insightspage.h"

#include "models/insights/formatter.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsflatproxy.h"
#include "models/insights/insightsproxy.h"
#include "views/delegates/chipsdelegate.h"
#include "views/delegates/quotadelegate.h"
#include "views/delegates/trenddelegate.h"
#include "views/details/detailspane.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

InsightsPage::InsightsPage(InsightsModel *model, InsightsFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(filter)
    , m_sortFilter(makeSortFilter(model, this))
    , m_proxy(m_sortFilter->proxyModel())
    , m_view(new QTreeView(this))
    , m_details(new DetailsPane(filter, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_notice(new QLabel(this))
{
    m_proxy->setSourceModel(model);
    m_sortFilter->setFilter(filter);
    setFilterDeferred(true); // until shown
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    // The Containers tab is flat: no room for expand arrows.
    m_view->setRootIsDecorated(model->grouped());
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->setMouseTracking(true);
    const int trend = model->section(InsightsModel::Column::Trend);
    m_view->setItemDelegateForColumn(trend, new TrendDelegate(InsightsModel::TrendRole, m_view));
    if (const int quota = model->section(InsightsModel::Column::Quota); quota >= 0)
        m_view->setItemDelegateForColumn(quota,
                                         new QuotaDelegate(InsightsModel::QuotaRole, m_view));
    if (const int labels = model->section(InsightsModel::Column::Labels); labels >= 0)
        m_view->setItemDelegateForColumn(labels,
                                         new ChipsDelegate(InsightsModel::LabelsRole, m_view));
    // Node and pod names differ at their ends (…-vmss000001, …-7kx5kv8t6z-mqvcl).
    m_view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSortIndicatorShown(true);
    fitColumns();
    // Name takes the room the other columns leave, so the Trend column stays in view.
    m_view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section != 0)
            fitNameColumn();
    });
    // New titles (language, percentile) may need more room than the old ones.
    connect(m_proxy, &QAbstractItemModel::headerDataChanged, this, &InsightsPage::fitColumns);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    // The grid gets the extra width when the window grows; the pane keeps its own.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, true);
    m_splitter->setSizes({1000, kDetailsWidth});
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setContentsMargins(8, 4, 8, 4);
    m_notice->setAutoFillBackground(true);
    QPalette notice = m_notice->palette();
    notice.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xe0));
    notice.setColor(QPalette::WindowText, QColor(0x5d, 0x40, 0x37));
    m_notice->setPalette(notice);
    m_notice->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_splitter, 1);

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
    connect(m_model, &InsightsModel::clockAdvanced, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_view, &QTreeView::activated, this, &InsightsPage::activate);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        // A single click on a link cell drills down like the portal's links.
        if (index.data(InsightsModel::DrillRole).isValid() && index.column() != 0)
            activate(index);
    });
}

InsightsSortFilter *InsightsPage::makeSortFilter(const InsightsModel *model, QObject *parent)
{
    // The flat Containers tab holds every container of the cluster (300,000 rows on a large
    // one): its own proxy sorts and filters those in single passes; the trees keep
    // QSortFilterProxyModel's recursive filtering.
    if (!model->grouped())
        return new InsightsFlatProxy(parent);
    return new InsightsProxy(parent);
}

QAbstractProxyModel *InsightsPage::proxy() const
{
    setFilterDeferred(!isVisible());
    return m_proxy;
}

void InsightsPage::setFilterDeferred(bool deferred) const
{
    m_sortFilter->setFilterDeferred(deferred);
    m_sortFilter->applyPendingFilter();
}

void InsightsPage::showEvent(QShowEvent *event)
{
    setFilterDeferred(false);
    QWidget::showEvent(event);
}

void InsightsPage::hideEvent(QHideEvent *event)
{
    setFilterDeferred(true);
    QWidget::hideEvent(event);
}

void InsightsPage::setSources(ClusterStore *feed, const MetricsHistory *history)
{
    m_sortFilter->setStore(feed);
    m_model->setHistory(history);
    m_model->setStore(feed);
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
    case InsightsModel::ItemKind::Namespace:
        m_details->showNamespace(key);
        // This tab is the namespace filter: choosing a namespace here filters every tab.
        if (m_filter && m_model->isNamespaceFilter() && m_filter->namespaces() != QStringList{key})
            m_filter->setNamespaces({key});
        break;
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
        m_view->setExpanded(index.siblingAtColumn(0),
                            !m_view->isExpanded(index.siblingAtColumn(0)));
}

void InsightsPage::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

bool InsightsPage::select(const QString &target)
{
    setFilterDeferred(!isVisible());
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

int InsightsPage::textWidth(const QString &sample, bool nameColumn) const
{
    // Item padding of the style on both sides, and the tree's indentation in the Name column.
    const int padding =
        2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 4);
    const int depth = m_model->grouped() ? 2 : 0;
    return m_view->fontMetrics().horizontalAdvance(sample) + padding
           + (nameColumn ? depth * m_view->indentation() : 0);
}

int InsightsPage::minimumWidth(InsightsModel::Column column) const
{
    using C = InsightsModel::Column;
    // Room for a typical value of each column; longer ones are elided in the middle.
    QString sample;
    switch (column) {
    case C::Name:
        sample = QStringLiteral("kubernetes-dashboard");
        break;
    case C::Namespace:
        sample = QStringLiteral("kube-system");
        break;
    case C::Status:
        sample = QStringLiteral("CrashLoopBackOff");
        break;
    case C::Percent:
        sample = Formatter::percent(100.0);
        break;
    case C::Value:
        sample = Formatter::bytes(999.9 * 1024 * 1024);
        break;
    case C::Containers:
        sample = QStringLiteral("999");
        break;
    case C::Restarts:
    case C::RestartsInRange:
        sample = QStringLiteral("9999");
        break;
    case C::Uptime:
    case C::Age:
        sample = Formatter::duration(999 * 86400 + 23 * 3600);
        break;
    case C::Controller:
        sample = QStringLiteral("metrics-server-x");
        break;
    case C::Node:
        sample = QStringLiteral("aks-node…000001");
        break;
    case C::Pod:
        sample = QStringLiteral("api-7kx5k…-mqvcl");
        break;
    case C::Trend:
        return kTrendWidth;
    case C::Pods:
        sample = QStringLiteral("12 Running · 2 Succeeded");
        break;
    case C::Requests:
    case C::Limits:
        sample = Formatter::cpu(12500) + QStringLiteral(" · ") + Formatter::bytes(99.9 * (1 << 30));
        break;
    case C::Quota:
        return textWidth(QStringLiteral("requests.memory 1536Mi/2Gi pods 5/6"), false)
               + 2 * QuotaDelegate::kBarWidth;
    case C::LimitRange:
        sample = QStringLiteral("defaults");
        break;
    case C::Network:
        // The longer of the two languages' words.
        sample = QStringLiteral("eingehend abgeschottet (einige Pods) · 2 Policies");
        break;
    case C::Labels:
        sample = QStringLiteral("team=team-a env=prod");
        break;
    }
    return textWidth(sample, column == C::Name);
}

int InsightsPage::comfortableWidth(InsightsModel::Column column) const
{
    using C = InsightsModel::Column;
    // Whole typical values, given where the window has the room.
    switch (column) {
    case C::Status:
        return textWidth(QStringLiteral("Terminated: OOMKilled"), false);
    case C::Namespace:
        return textWidth(QStringLiteral("kubernetes-dashboard"), false);
    case C::Node:
        return textWidth(QStringLiteral("aks-nodepool1-38416027-vmss000001"), false);
    case C::Pod:
        return textWidth(QStringLiteral("metrics-server-p288pq52-x9jmq"), false);
    case C::Controller:
        return textWidth(QStringLiteral("kubernetes-dashboard"), false);
    default:
        return 0;
    }
}

void InsightsPage::fitColumns()
{
    QHeaderView *header = m_view->header();
    const QFontMetrics fm = header->fontMetrics();
    // The title, the sort arrow and the section's margins.
    const int chrome = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header)
                       + header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header)
                       + 8;
    const QList<InsightsModel::Column> &columns = m_model->columns();
    for (int c = 1; c < columns.size(); ++c) {
        const QString title = m_proxy->headerData(c, Qt::Horizontal).toString();
        const int wanted = std::max(minimumWidth(columns[c]), fm.horizontalAdvance(title) + chrome);
        // Later calls only widen: a column the user made wider keeps its width.
        if (!m_columnsFitted || header->sectionSize(c) < wanted)
            header->resizeSection(c, wanted);
    }
    m_columnsFitted = true;
    fitNameColumn();
}

void InsightsPage::fitNameColumn()
{
    if (m_fitting)
        return;
    m_fitting = true;
    QHeaderView *header = m_view->header();
    const auto othersWidth = [header] {
        int others = 0;
        for (int c = 1; c < header->count(); ++c)
            others += header->isSectionHidden(c) ? 0 : header->sectionSize(c);
        return others;
    };
    int others = othersWidth();
    const int nameMinimum = minimumWidth(InsightsModel::Column::Name);
    const int viewport = m_view->viewport()->width();
    if (!m_comfortApplied && m_view->isVisible() && viewport > 0) {
        // Once, when the page is first shown: room beyond the minimum goes to the text
        // columns first (whole node and pod names), the rest to Name.
        m_comfortApplied = true;
        int spare = viewport - others - nameMinimum;
        using C = InsightsModel::Column;
        for (const C column : {C::Pod, C::Node, C::Controller, C::Status, C::Namespace}) {
            const int c = m_model->section(column);
            if (c < 0 || spare <= 0)
                continue;
            const int grow = std::min(spare, comfortableWidth(column) - header->sectionSize(c));
            if (grow > 0) {
                header->resizeSection(c, header->sectionSize(c) + grow);
                spare -= grow;
            }
        }
        others = othersWidth();
    }
    const int name = std::max(nameMinimum, viewport - others);
    if (header->sectionSize(0) != name)
        header->resizeSection(0, name);
    m_fitting = false;
}

bool InsightsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()
        && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        fitNameColumn();
    return QWidget::eventFilter(watched, event);
}

void InsightsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
    QWidget::changeEvent(event);
}
