#include "views/mainwindow.h"

#include "models/cluster/cluster.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/containersmodel.h"
#include "models/insights/controllersmodel.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsmodel.h"
#include "models/insights/nodesmodel.h"
#include "models/metrics/metricssampler.h"
#include "models/namespaces/namespacesmodel.h"
#include "views/details/detailspane.h"
#include "views/dialogs/credentialpromptdialog.h"
#include "views/filterbar.h"
#include "views/language.h"
#include "views/pages/clusterpage.h"
#include "views/pages/insightspage.h"

#include <QAbstractProxyModel>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
// The insight tabs, in the order of Container insights. Titles are translated when shown.
const char *const kTabTitles[] = {
    QT_TRANSLATE_NOOP("MainWindow", "Cluster"),    QT_TRANSLATE_NOOP("MainWindow", "Namespaces"),
    QT_TRANSLATE_NOOP("MainWindow", "Nodes"),      QT_TRANSLATE_NOOP("MainWindow", "Controllers"),
    QT_TRANSLATE_NOOP("MainWindow", "Containers"),
};
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    m_filter = new InsightsFilter(this);
    m_filterBar = new FilterBar(m_filter, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_clusterPage = new ClusterPage(m_tabs);
    m_tabs->addTab(m_clusterPage, QString());
    InsightsModel *const models[] = {new NamespacesModel(this), new NodesModel(this),
                                     new ControllersModel(this), new ContainersModel(this)};
    for (int i = 0; i < 4; ++i) {
        m_pages[i] = new InsightsPage(models[i], m_filter, m_tabs);
        m_tabs->addTab(m_pages[i], QString());
        connect(m_pages[i], &InsightsPage::drillDown, this, &MainWindow::drillDown);
    }
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    connect(m_filterBar, &FilterBar::contextRequested, this, &MainWindow::contextRequested);
    connect(m_filterBar, &FilterBar::metricChanged, this, [this](Metric m) {
        for (auto *p : m_pages)
            p->model()->setMetric(m);
    });
    connect(m_filterBar, &FilterBar::statisticChanged, this, [this](Statistic s) {
        for (auto *p : m_pages)
            p->model()->setStatistic(s);
    });
    connect(m_filterBar, &FilterBar::timeRangeChanged, this, [this](TimeRange r) {
        for (auto *p : m_pages)
            p->model()->setTimeRange(r);
        m_clusterPage->setTimeRange(r);
    });

    m_indicator = new QLabel(this);
    m_connectionLabel = new QLabel(this);
    m_metricsLabel = new QLabel(this);
    m_metricsLabel->setTextFormat(Qt::RichText);
    statusBar()->addWidget(m_metricsLabel);
    statusBar()->addPermanentWidget(m_indicator);
    statusBar()->addPermanentWidget(m_connectionLabel);

    createMenus();
    retranslate();
    resize(1400, 860);
    // Start with the tabs focused, not the context switcher: an arrow key must not switch clusters.
    m_tabs->setFocus();
}

InsightsPage *MainWindow::page(Tab tab) const
{
    return tab == ClusterTab ? nullptr : m_pages[int(tab) - 1];
}

void MainWindow::setCluster(const Cluster *cluster)
{
    if (cluster)
        setSources(cluster->store(), cluster->history());
    else
        setSources(nullptr, nullptr);
    for (auto *p : m_pages)
        p->details()->setAccessReviewer(cluster ? cluster->accessReviewer() : nullptr);
}

void MainWindow::setSources(ClusterStore *feed, const MetricsHistory *history)
{
    m_store = feed;
    m_filterBar->setStore(feed);
    for (auto *p : m_pages)
        p->setSources(feed, history);
    m_clusterPage->setSources(feed, history);
}

void MainWindow::metricsUpdated()
{
    for (auto *p : m_pages) {
        p->model()->metricsUpdated();
        p->details()->refresh();
    }
    m_clusterPage->refresh();
}

void MainWindow::setContexts(const QStringList &contexts, const QString &current)
{
    m_filterBar->setContexts(contexts, current);
}

void MainWindow::drillDown(const QString &target)
{
    const QString kind = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    Tab tab = NodesTab;
    if (kind == u"namespace") {
        // Selecting the row sets the namespace filter (InsightsPage::showCurrent).
        tab = NamespacesTab;
    } else if (kind == u"node") {
        m_filter->setNode(key);
    } else if (kind == u"controller") {
        m_filter->setController(key);
        tab = ControllersTab;
    } else if (kind == u"pod") {
        const kube::Pod *pod = m_store ? m_store->pod(key) : nullptr;
        m_filter->setPod(key, pod ? pod->metadata.name : QString());
        tab = ContainersTab;
    } else {
        return;
    }
    m_tabs->setCurrentIndex(int(tab));
    if (!page(tab)->select(target) && kind == u"pod")
        page(tab)->view()->setCurrentIndex(page(tab)->proxy()->index(0, 0));
    page(tab)->view()->setFocus();
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_detailsAction = m_viewMenu->addAction(QString());
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);
    m_detailsAction->setShortcut(QKeySequence(Qt::Key_F9));
    connect(m_detailsAction, &QAction::toggled, this, [this](bool on) {
        for (auto *p : m_pages)
            p->details()->setVisible(on);
    });
    m_intervalMenu = m_viewMenu->addMenu(QString());
    m_intervalGroup = new QActionGroup(this);
    for (const int seconds : MetricsSampler::allowedIntervalsSeconds()) {
        auto *action = m_intervalMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(seconds);
        action->setChecked(seconds == 15);
        m_intervalGroup->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, seconds] { Q_EMIT samplingIntervalRequested(seconds); });
    }
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString &code : Language::available()) {
        // Each language is named in itself, so a user who cannot read the current one finds it.
        auto *action = m_languageMenu->addAction(
            code == QLatin1String("de") ? QStringLiteral("Deutsch") : QStringLiteral("English"));
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == Language::instance().current());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [code] { Language::instance().set(code); });
    }
    connect(&Language::instance(), &Language::changed, this, [this](const QString &code) {
        for (QAction *action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == code);
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About Klarsicht"),
                           tr("<b>Klarsicht %1</b><p>Kubernetes cluster insights on the desktop: "
                              "nodes, controllers and containers with CPU and memory trends, "
                              "live.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::setConnectionText(const QString &text)
{
    m_connectionText = text;
    retranslate();
}

void MainWindow::setResourceState(const QString &resource, const QString &stateText,
                                  ResourceHealth health)
{
    for (auto &entry : m_resourceStates) {
        if (std::get<0>(entry) == resource) {
            entry = {resource, stateText, health};
            updateIndicator();
            return;
        }
    }
    m_resourceStates.append({resource, stateText, health});
    updateIndicator();
}

void MainWindow::showNotice(const QString &text)
{
    m_notice = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat) + QStringLiteral(" ")
               + text;
    statusBar()->showMessage(text, 20000);
    updateIndicator();
}

void MainWindow::showCredentialPrompt(const QString &context, const QString &line)
{
    if (!m_credentialPrompt)
        m_credentialPrompt = new CredentialPromptDialog(this);
    m_credentialPrompt->setContext(context);
    m_credentialPrompt->appendLine(line);
    m_credentialPrompt->show();
    m_credentialPrompt->raise();
}

void MainWindow::closeCredentialPrompt()
{
    if (m_credentialPrompt)
        m_credentialPrompt->hide();
}

void MainWindow::updateIndicator()
{
    if (m_resourceStates.isEmpty()) {
        m_indicator->clear();
        return;
    }
    QStringList lines;
    int down = 0;
    int limited = 0;
    for (const auto &[resource, text, health] : std::as_const(m_resourceStates)) {
        lines << resource + QStringLiteral(": ") + text;
        down += health == ResourceHealth::Down ? 1 : 0;
        limited += health == ResourceHealth::Limited ? 1 : 0;
    }
    const int total = int(m_resourceStates.size());
    // Red when something fails; amber when RBAC hides some of the cluster (a viewer's normal
    // state, not a failure); green when everything is live.
    const QString text =
        down > 0      ? tr("%1 of %2 resources not live").arg(down).arg(total)
        : limited > 0 ? tr("live, limited access to %1 of %2 resources").arg(limited).arg(total)
                      : tr("live");
    const QString color = down > 0      ? QStringLiteral("#c62828")
                          : limited > 0 ? QStringLiteral("#ef6c00")
                                        : QStringLiteral("#2e7d32");
    m_indicator->setText(QStringLiteral("<span style=\"color:%1\">●</span> ").arg(color)
                         + text.toHtmlEscaped());
    if (!m_notice.isEmpty())
        lines << QString() << m_notice;
    m_indicator->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::setMetricsState(const QString &text, const QString &details, bool healthy)
{
    m_metricsLabel->setText(
        healthy
            ? text.toHtmlEscaped()
            : QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(text.toHtmlEscaped()));
    m_metricsLabel->setToolTip(details);
}

void MainWindow::setSamplingInterval(int seconds)
{
    for (QAction *action : m_intervalGroup->actions())
        action->setChecked(action->data().toInt() == seconds);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Klarsicht — Kubernetes insights"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_detailsAction->setText(tr("&Details pane"));
    m_intervalMenu->setTitle(tr("&Sampling interval"));
    for (QAction *action : m_intervalGroup->actions())
        action->setText(tr("Every %n second(s)", nullptr, action->data().toInt()));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Klarsicht"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabText(i, tr(kTabTitles[i]));
    m_connectionLabel->setText(m_connectionText.isEmpty() ? tr("Not connected") : m_connectionText);
    updateIndicator();
}
