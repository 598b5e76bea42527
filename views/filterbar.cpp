#include "views/filterbar.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsnames.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

namespace {
const Metric kMetrics[] = {Metric::Cpu, Metric::WorkingSet, Metric::Rss};
const Statistic kStatistics[] = {Statistic::Min, Statistic::Avg, Statistic::P50,
                                 Statistic::P90, Statistic::P95, Statistic::Max};
} // namespace

FilterBar::FilterBar(InsightsFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_contextLabel(new QLabel(this))
    , m_context(new QComboBox(this))
    , m_namespaces(new QToolButton(this))
    , m_metric(new QComboBox(this))
    , m_statistic(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_labels(new QLineEdit(this))
    , m_addFilter(new QToolButton(this))
    , m_chipRow(new QWidget(this))
    , m_chipLayout(new QHBoxLayout(m_chipRow))
{
    for (Metric m : kMetrics)
        m_metric->addItem(QString(), int(m));
    for (Statistic s : kStatistics)
        m_statistic->addItem(QString(), int(s));
    m_statistic->setCurrentIndex(4); // 95th, as the portal's default
    for (TimeRange r : TimeRanges::all())
        m_range->addItem(QString(), int(r));
    m_range->setCurrentIndex(int(TimeRanges::all().indexOf(TimeRanges::defaultRange())));
    m_context->setMinimumContentsLength(14);
    m_context->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_namespaces->setPopupMode(QToolButton::InstantPopup);
    m_namespaces->setMenu(new QMenu(m_namespaces));
    m_addFilter->setPopupMode(QToolButton::InstantPopup);
    m_addFilter->setMenu(new QMenu(m_addFilter));
    m_search->setClearButtonEnabled(true);
    m_labels->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);
    m_labels->setMinimumWidth(220);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_contextLabel);
    row->addWidget(m_context);
    row->addWidget(m_namespaces);
    row->addWidget(m_metric);
    row->addWidget(m_statistic);
    row->addWidget(m_range);
    row->addWidget(m_search, 1);
    row->addWidget(m_labels, 2);
    row->addWidget(m_addFilter);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 4, 6, 2);
    outer->addLayout(row);
    outer->addWidget(m_chipRow);

    // Switching clusters throws away what is loaded: only on a deliberate choice, never from a
    // mouse wheel passing over the box (see eventFilter) or from picking the current one again.
    m_context->setFocusPolicy(Qt::StrongFocus);
    m_context->installEventFilter(this);
    connect(m_context, &QComboBox::activated, this, [this] {
        if (m_context->currentText() == m_currentContext)
            return;
        m_currentContext = m_context->currentText();
        Q_EMIT contextRequested(m_currentContext);
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT metricChanged(metric()); });
    connect(m_statistic, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT statisticChanged(statistic()); });
    connect(m_range, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT timeRangeChanged(timeRange()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &InsightsFilter::setNameSearch);
    connect(m_labels, &QLineEdit::editingFinished, this, &FilterBar::applyLabels);
    connect(m_labels, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyLabels();
    });
    connect(m_namespaces->menu(), &QMenu::aboutToShow, this, &FilterBar::fillNamespaceMenu);
    connect(m_addFilter->menu(), &QMenu::aboutToShow, this, &FilterBar::fillAddFilterMenu);
    connect(m_filter, &InsightsFilter::changed, this, &FilterBar::rebuildChips);
    retranslate();
    rebuildChips();
}

void FilterBar::setContexts(const QStringList &contexts, const QString &current)
{
    const QSignalBlocker block(m_context);
    m_context->clear();
    m_context->addItems(contexts);
    m_context->setCurrentText(current);
    m_currentContext = current;
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_context && event->type() == QEvent::Wheel && !m_context->hasFocus()) {
        event->ignore(); // the wheel scrolls on, it does not switch the cluster
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

Metric FilterBar::metric() const
{
    return Metric(m_metric->currentData().toInt());
}
Statistic FilterBar::statistic() const
{
    return Statistic(m_statistic->currentData().toInt());
}
TimeRange FilterBar::timeRange() const
{
    return TimeRange(m_range->currentData().toInt());
}
QStringList FilterBar::chipTexts() const
{
    return m_chipTexts;
}

void FilterBar::applyLabels()
{
    QString error;
    if (m_filter->setLabelSelector(m_labels->text(), &error)) {
        m_labels->setStyleSheet(QString());
        m_labels->setToolTip(
            tr("Label selector in kubectl syntax, e.g. app=web,tier!=db,env in (prod,stage)"));
    } else {
        // The last valid selector stays applied; the field says what is wrong.
        m_labels->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
        m_labels->setToolTip(tr("Invalid label selector: %1").arg(error));
    }
}

void FilterBar::fillNamespaceMenu()
{
    QMenu *menu = m_namespaces->menu();
    menu->clear();
    QAction *all = menu->addAction(tr("All namespaces"));
    connect(all, &QAction::triggered, m_filter, [this] { m_filter->setNamespaces({}); });
    menu->addSeparator();
    if (!m_store)
        return;
    for (const QString &ns : m_store->namespaces()) {
        QAction *a = menu->addAction(ns);
        a->setCheckable(true);
        a->setChecked(m_filter->namespaces().contains(ns));
        connect(a, &QAction::toggled, m_filter, [this, ns](bool on) {
            QStringList list = m_filter->namespaces();
            if (on)
                list << ns;
            else
                list.removeAll(ns);
            m_filter->setNamespaces(list);
        });
    }
}

void FilterBar::fillAddFilterMenu()
{
    QMenu *menu = m_addFilter->menu();
    menu->clear();
    QMenu *nodes = menu->addMenu(tr("Node"));
    QMenu *pools = menu->addMenu(tr("Node pool"));
    QMenu *services = menu->addMenu(tr("Service"));
    if (!m_store)
        return;
    QStringList names = m_store->nodeNames();
    names.sort();
    for (const QString &n : std::as_const(names))
        nodes->addAction(n, m_filter, [this, n] { m_filter->setNode(n); });
    for (const QString &p : m_store->nodePools())
        pools->addAction(p, m_filter, [this, p] { m_filter->setNodePool(p); });
    for (const kube::Service *s : m_store->services()) {
        const QString id = s->metadata.namespaceName + QLatin1Char('/') + s->metadata.name;
        services->addAction(id, m_filter, [this, id] { m_filter->setService(id); });
    }
    nodes->setEnabled(!nodes->isEmpty());
    pools->setEnabled(!pools->isEmpty());
    services->setEnabled(!services->isEmpty());
}

void FilterBar::rebuildChips()
{
    while (QLayoutItem *item = m_chipLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_chipTexts.clear();
    auto chip = [this](const QString &text, std::function<void()> remove) {
        auto *b = new QToolButton(m_chipRow);
        b->setText(text + QStringLiteral("  ✕"));
        b->setToolTip(tr("Remove this filter"));
        b->setAutoRaise(false);
        connect(b, &QToolButton::clicked, m_filter, remove);
        m_chipLayout->addWidget(b);
        m_chipTexts << text;
    };
    const InsightsFilter &f = *m_filter;
    if (!f.namespaces().isEmpty())
        chip(tr("Namespace: %1").arg(f.namespaces().join(QStringLiteral(", "))),
             [this] { m_filter->setNamespaces({}); });
    if (!f.labelSelectorText().isEmpty())
        chip(tr("Labels: %1").arg(f.labelSelectorText()), [this] {
            m_labels->clear();
            m_filter->setLabelSelector(QString());
        });
    if (!f.node().isEmpty())
        chip(tr("Node: %1").arg(f.node()), [this] { m_filter->setNode({}); });
    if (!f.nodePool().isEmpty())
        chip(tr("Node pool: %1").arg(f.nodePool()), [this] { m_filter->setNodePool({}); });
    if (!f.service().isEmpty())
        chip(tr("Service: %1").arg(f.service()), [this] { m_filter->setService({}); });
    if (!f.controller().isEmpty())
        chip(tr("Controller: %1")
                 .arg(m_store ? m_store->controllerRef(f.controller()).kindAndName()
                              : f.controller()),
             [this] { m_filter->setController({}); });
    if (!f.pod().isEmpty())
        chip(tr("Pod: %1").arg(f.podName().isEmpty() ? f.pod() : f.podName()),
             [this] { m_filter->setPod({}); });
    if (!m_chipTexts.isEmpty()) {
        auto *clearAll = new QToolButton(m_chipRow);
        clearAll->setText(tr("Clear all"));
        clearAll->setAutoRaise(true);
        connect(clearAll, &QToolButton::clicked, this, [this] {
            m_search->clear();
            m_labels->clear();
            m_filter->clear();
        });
        m_chipLayout->addWidget(clearAll);
    }
    m_chipLayout->addStretch(1);
    m_chipRow->setVisible(!m_chipTexts.isEmpty());
    if (m_labels->text() != f.labelSelectorText() && !m_labels->hasFocus())
        m_labels->setText(f.labelSelectorText());
    const QStringList ns = f.namespaces();
    m_namespaces->setText(ns.isEmpty()
                              ? tr("All namespaces")
                              : (ns.size() == 1 ? ns.first() : tr("%1 namespaces").arg(ns.size())));
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FilterBar::retranslate()
{
    m_contextLabel->setText(tr("Context:"));
    for (int i = 0; i < m_metric->count(); ++i)
        m_metric->setItemText(i, InsightsNames::metric(Metric(m_metric->itemData(i).toInt())));
    for (int i = 0; i < m_statistic->count(); ++i)
        m_statistic->setItemText(
            i, InsightsNames::statistic(Statistic(m_statistic->itemData(i).toInt())));
    for (int i = 0; i < m_range->count(); ++i)
        m_range->setItemText(i, TimeRanges::label(TimeRange(m_range->itemData(i).toInt())));
    m_search->setPlaceholderText(tr("Search by name"));
    m_labels->setPlaceholderText(tr("Label selector, e.g. app=web,env in (prod,stage)"));
    m_addFilter->setText(tr("+ Filter"));
    m_metric->setToolTip(tr("Metric"));
    m_statistic->setToolTip(tr("Statistic over the time range"));
    m_range->setToolTip(tr("Time range"));
    m_namespaces->setToolTip(tr("Namespaces"));
    rebuildChips();
}
