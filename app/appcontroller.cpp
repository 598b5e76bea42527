#include "app/appcontroller.h"

#include "app/demolauncher.h"
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/informers/informerbase.h"
#include "models/cluster/cluster.h"
#include "models/cluster/clustersession.h"
#include "models/metrics/metricssampler.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/pages/insightspage.h"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

#include <algorithm>
#include <climits>

using namespace kube;

AppController::AppController(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_window(std::make_unique<MainWindow>())
{
    // An empty cluster until one is connected or opened: the window always shows one.
    show(std::make_unique<Cluster>());
    connect(m_window.get(), &MainWindow::contextRequested, this,
            [this](const QString &context) { connectTo(m_kubeconfigFile, context); });

    // The interval: --interval, else the one last chosen in the View menu (only the window a
    // user works with remembers it; capture and tests start from the default).
    const int saved = m_options.interactive
                          ? QSettings().value(QStringLiteral("metrics/intervalSeconds"), 15).toInt()
                          : 15;
    m_intervalSeconds = m_options.intervalSeconds > 0 ? m_options.intervalSeconds
                        : MetricsSampler::allowedIntervalsSeconds().contains(saved) ? saved
                                                                                    : 15;
    m_window->setSamplingInterval(m_intervalSeconds);
    connect(m_window.get(), &MainWindow::samplingIntervalRequested, this, [this](int seconds) {
        setSamplingInterval(seconds);
        if (m_options.interactive)
            QSettings().setValue(QStringLiteral("metrics/intervalSeconds"), seconds);
    });
    connect(&Language::instance(), &Language::changed, this, &AppController::showStates);
}

void AppController::setSamplingInterval(int seconds)
{
    m_intervalSeconds = seconds;
    m_window->setSamplingInterval(seconds);
    if (Cluster *cluster = current())
        cluster->setSamplingInterval(seconds);
    showStates();
}

AppController::~AppController()
{
    // The window lets go of the clusters before they go.
    m_window->setCluster(nullptr);
    m_clusters.clear();
}

Cluster *AppController::current() const
{
    return m_clusters.empty() ? nullptr : m_clusters.front().get();
}

ClusterStore *AppController::store() const
{
    return current()->store();
}

MetricsHistory *AppController::history() const
{
    return current()->history();
}

ClusterSession *AppController::session() const
{
    return current()->session();
}

bool AppController::isLoaded() const
{
    return current()->isLoaded();
}

void AppController::show(std::unique_ptr<Cluster> cluster)
{
    // One cluster at a time for now: the new one replaces the one on screen.
    Cluster *shown = cluster.get();
    connect(shown, &Cluster::stateChanged, this, &AppController::showStates);
    connect(shown, &Cluster::metricsUpdated, m_window.get(), &MainWindow::metricsUpdated);
    connect(shown, &Cluster::loaded, this, &AppController::loaded);
    if (ClusterSession *session = shown->session()) {
        connect(session, &ClusterSession::accessChanged, m_window.get(), &MainWindow::showNotice);
        const QString context = shown->contextName();
        connect(session, &ClusterSession::credentialPluginMessage, m_window.get(),
                [this, context](const QString &line) {
                    m_window->showCredentialPrompt(context, line);
                });
        connect(session, &ClusterSession::credentialPluginDone, m_window.get(),
                &MainWindow::closeCredentialPrompt);
    }
    m_window->setCluster(shown);
    m_clusters.clear();
    m_clusters.push_back(std::move(cluster));
    showStates();
    // A snapshot is loaded before it is shown; a live cluster says so later.
    if (shown->isLoaded())
        Q_EMIT loaded();
}

void AppController::showWindow()
{
    m_window->show();
}

void AppController::start()
{
    if (!m_options.openFile.isEmpty()) {
        openSnapshot(m_options.openFile);
        return;
    }
    if (m_options.demo) {
        startDemo();
        return;
    }
    if (Kubeconfig::filesToLoad(m_options.kubeconfig).isEmpty()
        || !QFileInfo::exists(Kubeconfig::filesToLoad(m_options.kubeconfig).constFirst())) {
        // Nothing to connect to: offer the built-in demo cluster instead of an empty window.
        if (!m_options.interactive
            || QMessageBox::question(m_window.get(), tr("No kubeconfig found"),
                                     tr("No kubeconfig was found (KUBECONFIG or ~/.kube/config). "
                                        "Start the built-in demo cluster instead?"))
                   == QMessageBox::Yes) {
            startDemo();
        } else {
            m_window->setConnectionText(tr("No kubeconfig found."));
        }
        return;
    }
    connectTo(m_options.kubeconfig, m_options.context);
}

void AppController::startDemo()
{
    m_demo = new DemoLauncher(this);
    m_window->setConnectionText(tr("Starting the demo cluster…"));
    connect(m_demo, &DemoLauncher::ready, this, [this](const QString &kubeconfig) {
        connectTo(kubeconfig, QStringLiteral("demo"));
        // Trainers drive the same cluster with kubectl from a terminal.
        m_window->setConnectionText(
            tr("Demo cluster — in a terminal: %1").arg(m_demo->exportLine()));
    });
    connect(m_demo, &DemoLauncher::failed, this, &AppController::fail);
    m_demo->start(m_options.preset.isEmpty() ? QStringLiteral("workshop") : m_options.preset,
                  m_options.demoArguments);
}

void AppController::connectTo(const QString &kubeconfigFile, const QString &context)
{
    // A switch that cannot be made keeps the cluster on screen: the switcher goes back to it and
    // the status bar keeps naming it; only the message tells what went wrong.
    const auto refuse = [this](const QString &message) {
        if (current()->source() == Cluster::Source::None) {
            fail(message);
            return;
        }
        m_window->setContexts(m_contextNames, m_contextName);
        if (m_options.interactive)
            QMessageBox::warning(m_window.get(), tr("Klarsicht"), message);
        Q_EMIT failed(message);
    };
    QString error;
    const auto config = Kubeconfig::load(kubeconfigFile, &error);
    if (!config) {
        refuse(error);
        return;
    }
    const QString name = context.isEmpty() ? config->currentContext() : context;
    const auto connection = config->resolve(name, &error);
    if (!connection) {
        refuse(error);
        return;
    }
    m_kubeconfigFile = kubeconfigFile;
    QStringList names;
    for (const auto &c : config->contexts())
        names << c.name;
    m_window->setContexts(names, name);
    m_contextNames = names;
    m_contextName = name;
    auto cluster = std::make_unique<Cluster>();
    cluster->connectTo(name, *connection, m_options.namespaces, QUrl(m_options.prometheusUrl),
                       m_intervalSeconds);
    const QString plainText = Kubeconfig::plainTextCredentialWarning(*connection);
    m_window->setConnectionText(
        connection->insecureSkipTlsVerify
            ? tr("%1 — %2 (TLS verification is off for this cluster)").arg(name, cluster->server())
        : !plainText.isEmpty() ? tr("%1 — %2 (unencrypted: http://)").arg(name, cluster->server())
                               : tr("%1 — %2").arg(name, cluster->server()));
    show(std::move(cluster));
    if (!plainText.isEmpty()) {
        m_window->showNotice(plainText);
        if (m_options.interactive)
            QMessageBox::warning(m_window.get(), tr("Klarsicht"), plainText);
    }
}

bool AppController::openSnapshot(const QString &file)
{
    QString error;
    auto cluster = std::make_unique<Cluster>();
    if (!cluster->openSnapshot(file, &error)) {
        fail(error);
        return false;
    }
    m_window->setConnectionText(
        tr("Snapshot of %1, captured %2 (read-only)")
            .arg(cluster->contextName(),
                 QLocale().toString(cluster->capturedAt().toLocalTime(), QLocale::ShortFormat)));
    m_window->setWindowFilePath(file);
    show(std::move(cluster));
    return true;
}

void AppController::fail(const QString &message)
{
    m_window->setConnectionText(message);
    if (m_options.interactive)
        QMessageBox::warning(m_window.get(), tr("Klarsicht"), message);
    Q_EMIT failed(message);
}

void AppController::showStates()
{
    const Cluster *cluster = current();
    if (!cluster)
        return;
    if (const ClusterSession *session = cluster->session()) {
        // The Namespaces tab says what these credentials hide from it.
        const QStringList hidden = session->namespaceLimits();
        m_window->page(MainWindow::NamespacesTab)
            ->setNotice(hidden.isEmpty()
                            ? QString()
                            : tr("Limited access: only what these credentials may read is shown; "
                                 "other namespaces are hidden, not absent. %1")
                                  .arg(hidden.join(QStringLiteral("; "))));
        for (const InformerBase *informer : session->informers()) {
            const InformerBase::State state = informer->state();
            // Limited access that is live (the namespace fallback) is a viewer's normal state;
            // a stale or failing one is down like any other.
            const bool live = state == InformerBase::State::Live;
            const auto health = state == InformerBase::State::Forbidden
                                        || (live && ClusterSession::limited(*informer))
                                    ? MainWindow::ResourceHealth::Limited
                                : live ? MainWindow::ResourceHealth::Live
                                       : MainWindow::ResourceHealth::Down;
            m_window->setResourceState(informer->kind().plural,
                                       ClusterSession::stateText(*informer), health);
        }
    }
    showMetricsState();
}

void AppController::showMetricsState()
{
    const Cluster *cluster = current();
    if (!cluster || cluster->source() != Cluster::Source::Live)
        return;
    const MetricsSampler::Status &status = cluster->sampler()->status();
    const auto clock = [](qint64 ms) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::ShortFormat);
    };
    const QString missing = status.missingSinceMs != 0
                                ? tr("no data since %1").arg(clock(status.missingSinceMs))
                                : QString();
    const QString detail = missing.isEmpty() ? status.description
                                             : status.description + QStringLiteral(" — ") + missing;
    const bool healthy = status.missingSinceMs == 0 && status.kind != kube::MetricsSourceKind::None
                         && status.refusedSeries == 0;
    m_window->setResourceState(tr("metrics"), detail,
                               healthy ? MainWindow::ResourceHealth::Live
                                       : MainWindow::ResourceHealth::Down);

    QString source;
    switch (status.kind) {
    case kube::MetricsSourceKind::Prometheus:
        source = tr("Prometheus");
        break;
    case kube::MetricsSourceKind::Kubelet:
        source = tr("kubelets (cAdvisor)");
        break;
    case kube::MetricsSourceKind::MetricsServer:
        source = tr("metrics.k8s.io");
        break;
    case kube::MetricsSourceKind::None:
        break;
    }
    QString text = source.isEmpty()
                       ? (status.missingSinceMs != 0 ? tr("Metrics: no source delivers")
                                                     : tr("Metrics: looking for a source…"))
                       : tr("Metrics: %1, every %n s", nullptr, m_intervalSeconds).arg(source);
    if (!missing.isEmpty())
        text += QStringLiteral(" — ") + missing;
    const QString limit = QLocale().formattedDataSize(status.memoryLimitBytes);
    if (status.refusedSeries > 0)
        text += QStringLiteral(" — ")
                + tr("%n series not kept (history memory limit %1 reached)", nullptr,
                     int(std::min<qint64>(status.refusedSeries, INT_MAX)))
                      .arg(limit);
    else if (status.thinned)
        text += QStringLiteral(" — ")
                + tr("history thinned to %n minute(s) of exact samples (memory limit %1)", nullptr,
                     int(std::max<qint64>(1, status.rawSpanMs / 60000)))
                      .arg(limit);
    QStringList details;
    if (status.seriesCount > 0)
        details << tr("History: %1 series").arg(QLocale().toString(status.seriesCount));
    if (!status.description.isEmpty())
        details << tr("Source: %1").arg(status.description);
    if (status.inUseSinceMs != 0 && !source.isEmpty())
        details << tr("In use since %1").arg(clock(status.inUseSinceMs));
    if (status.lastDataMs != 0)
        details << tr("Newest figures: %1").arg(clock(status.lastDataMs));
    if (!status.failedParts.isEmpty())
        details << tr("Missing: %1").arg(status.failedParts.join(QStringLiteral(", ")));
    if (!status.lastError.isOk())
        details << status.lastError.explanation();
    m_window->setMetricsState(text, details.join(QLatin1Char('\n')), healthy);
}
