#include "app/appcontroller.h"

#include "models/cluster/clustersession.h"
#include "app/demolauncher.h"
#include "app/snapshot.h"
#include "kubeapi/informers/informerbase.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/objects/decoders.h"
#include "kubeapi/config/kubeconfig.h"
#include "models/cluster/clusterstore.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/metricssampler.h"
#include "views/language.h"
#include "views/mainwindow.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

using namespace kube;

namespace {

// Decodes one list of a snapshot with the same decoders that read the API server's answers.
template<typename T>
QList<T> decodeSnapshotList(const nlohmann::json &lists, const char *plural)
{
    auto it = lists.find(plural);
    if (it == lists.end())
        return {};
    const std::string text = it->dump();
    DecodedList<T> list = decodeList<T>(QByteArrayView(text.data(), qsizetype(text.size())));
    return list.items;
}

} // namespace

AppController::AppController(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_store(new ClusterStore(this))
    , m_history(std::make_unique<MetricsHistory>())
    , m_window(std::make_unique<MainWindow>())
{
    m_window->setSources(m_store, m_history.get());
    connect(m_store, &ClusterStore::podChanged, this, [this] { m_podIndexDirty = true; });
    connect(m_store, &ClusterStore::cleared, this, [this] { m_podIndexDirty = true; });
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
    if (m_sampler)
        m_sampler->setIntervalSeconds(seconds);
    showStates();
}

AppController::~AppController()
{
    delete m_sampler;
    delete m_metricsClient;
    delete m_session;
    m_session = nullptr;
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
        m_window->setConnectionText(tr("Demo cluster — in a terminal: %1").arg(m_demo->exportLine()));
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
        if (!m_session) {
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
    delete m_sampler;
    m_sampler = nullptr;
    delete m_metricsClient;
    m_metricsClient = nullptr;
    delete m_session;
    m_kubeconfigFile = kubeconfigFile;
    QStringList names;
    for (const auto &c : config->contexts())
        names << c.name;
    m_window->setContexts(names, name);
    m_contextNames = names;
    m_contextName = name;
    m_store->clear();
    m_history->clear();
    m_loaded = false;
    m_session = new ClusterSession(*connection, m_store, this);
    m_session->setFallbackNamespaces(m_options.namespaces);
    connect(m_session, &ClusterSession::settled, this, &AppController::markLoaded);
    connect(m_session, &ClusterSession::stateChanged, this, &AppController::showStates);
    m_metricsClient = new ApiClient(*connection);
    startSampler();
    m_window->setConnectionText(
        connection->insecureSkipTlsVerify
            ? tr("%1 — %2 (TLS verification is off for this cluster)")
                  .arg(name, m_session->client()->displayServer().toString())
            : tr("%1 — %2").arg(name, m_session->client()->displayServer().toString()));
    m_session->start();
}

bool AppController::openSnapshot(const QString &file)
{
    QString error;
    const auto loaded = snapshot::load(file, &error);
    if (!loaded) {
        fail(error);
        return false;
    }
    m_store->clear();
    m_history->clear();
    const nlohmann::json &lists = loaded->document["lists"];
    for (const auto &o : decodeSnapshotList<Namespace>(lists, "namespaces"))
        m_store->upsertNamespace(o);
    for (const auto &o : decodeSnapshotList<Node>(lists, "nodes"))
        m_store->upsertNode(o);
    for (const auto &o : decodeSnapshotList<Deployment>(lists, "deployments"))
        m_store->upsertDeployment(o);
    for (const auto &o : decodeSnapshotList<ReplicaSet>(lists, "replicasets"))
        m_store->upsertReplicaSet(o);
    for (const auto &o : decodeSnapshotList<StatefulSet>(lists, "statefulsets"))
        m_store->upsertStatefulSet(o);
    for (const auto &o : decodeSnapshotList<DaemonSet>(lists, "daemonsets"))
        m_store->upsertDaemonSet(o);
    for (const auto &o : decodeSnapshotList<CronJob>(lists, "cronjobs"))
        m_store->upsertCronJob(o);
    for (const auto &o : decodeSnapshotList<Job>(lists, "jobs"))
        m_store->upsertJob(o);
    for (const auto &o : decodeSnapshotList<Service>(lists, "services"))
        m_store->upsertService(o);
    for (const auto &o : decodeSnapshotList<Pod>(lists, "pods"))
        m_store->upsertPod(o);

    // Metric samples: raw metrics.k8s.io answers, replayed into the history in order.
    QHash<QString, QString> podUidByName;
    for (const QString &uid : m_store->podUids()) {
        const Pod *pod = m_store->pod(uid);
        podUidByName.insert(pod->metadata.namespaceName + u'/' + pod->metadata.name, uid);
    }
    for (const auto &sample : loaded->document.value("metrics", nlohmann::json::array())) {
        if (!sample.is_object())
            continue;
        const qint64 at = QDateTime::fromString(QString::fromStdString(
                                                    sample.value("capturedAt", std::string())),
                                                Qt::ISODateWithMs)
                              .toMSecsSinceEpoch();
        QList<ContainerUsage> containers;
        QList<NodeUsage> nodes;
        if (sample.contains("pods") && sample["pods"].is_object()) {
            const std::string text = sample["pods"].dump();
            for (const PodMetrics &pm : decodeList<PodMetrics>(QByteArrayView(text.data(), qsizetype(text.size()))).items) {
                const QString uid = podUidByName.value(pm.namespaceName + u'/' + pm.name);
                const Pod *pod = m_store->pod(uid);
                const QString controller = uid.isEmpty() ? QString() : m_store->controllerIdOf(uid);
                for (const ContainerMetrics &cm : pm.containers) {
                    ContainerUsage u;
                    u.namespaceName = pm.namespaceName;
                    u.pod = pm.name;
                    u.container = cm.name;
                    u.node = pod ? pod->nodeName : QString();
                    if (!controller.isEmpty()) {
                        u.controllerKind = ClusterStore::controllerKind(controller);
                        u.controllerName = ClusterStore::controllerName(controller);
                    }
                    u.cpuMillicores = double(cm.cpu.nanoValue()) / 1e6;
                    u.workingSetBytes = double(cm.memory.value());
                    containers << u;
                }
            }
        }
        if (sample.contains("nodes") && sample["nodes"].is_object()) {
            const std::string text = sample["nodes"].dump();
            for (const NodeMetrics &nm : decodeList<NodeMetrics>(QByteArrayView(text.data(), qsizetype(text.size()))).items) {
                NodeUsage u;
                u.node = nm.name;
                u.cpuMillicores = double(nm.cpu.nanoValue()) / 1e6;
                u.workingSetBytes = double(nm.memory.value());
                nodes << u;
            }
        }
        m_history->addRound(at, containers, nodes);
    }

    m_window->setConnectionText(
        tr("Snapshot of %1, captured %2 (read-only)")
            .arg(loaded->context,
                 QLocale().toString(loaded->capturedAt.toLocalTime(), QLocale::ShortFormat)));
    m_window->setWindowFilePath(file);
    markLoaded();
    return true;
}

void AppController::fail(const QString &message)
{
    m_window->setConnectionText(message);
    if (m_options.interactive)
        QMessageBox::warning(m_window.get(), tr("Klarsicht"), message);
    Q_EMIT failed(message);
}

void AppController::startSampler()
{
    m_sampler = new MetricsSampler(m_history.get());
    m_sampler->setPodResolver([this](const QString &ns, const QString &pod,
                                     MetricsSampler::PodPlacement *out) {
        if (m_podIndexDirty) {
            // Rebuilt at most once per sampling round, not once per container.
            m_podByName.clear();
            for (const QString &uid : m_store->podUids()) {
                const Pod *p = m_store->pod(uid);
                m_podByName.insert(p->metadata.namespaceName + u'/' + p->metadata.name, uid);
            }
            m_podIndexDirty = false;
        }
        const QString uid = m_podByName.value(ns + u'/' + pod);
        if (const Pod *p = m_store->pod(uid)) {
            out->node = p->nodeName;
            const QString controller = m_store->controllerIdOf(uid);
            if (!controller.isEmpty()) {
                out->controllerKind = ClusterStore::controllerKind(controller);
                out->controllerName = ClusterStore::controllerName(controller);
            }
            return true;
        }
        return false;
    });
    connect(m_sampler, &MetricsSampler::roundRecorded, m_window.get(), &MainWindow::metricsUpdated);
    connect(m_sampler, &MetricsSampler::historyApplied, m_window.get(), &MainWindow::metricsUpdated);
    connect(m_sampler, &MetricsSampler::statusChanged, this, &AppController::showStates);
    m_sampler->setIntervalSeconds(m_intervalSeconds);
    m_sampler->setupFor(m_metricsClient, QUrl(m_options.prometheusUrl));
    m_sampler->start();
}

void AppController::showStates()
{
    if (m_session) {
        for (const InformerBase *informer : m_session->informers()) {
            const InformerBase::State state = informer->state();
            const auto health = state == InformerBase::State::Live ? MainWindow::ResourceHealth::Live
                                : state == InformerBase::State::Forbidden
                                    ? MainWindow::ResourceHealth::Limited
                                    : MainWindow::ResourceHealth::Down;
            m_window->setResourceState(informer->kind().plural,
                                       ClusterSession::stateText(*informer), health);
        }
    }
    showMetricsState();
}

void AppController::showMetricsState()
{
    if (!m_sampler)
        return;
    const MetricsSampler::Status &status = m_sampler->status();
    const auto clock = [](qint64 ms) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::ShortFormat);
    };
    const QString missing = status.missingSinceMs != 0
                                ? tr("no data since %1").arg(clock(status.missingSinceMs))
                                : QString();
    const QString detail = missing.isEmpty() ? status.description
                                             : status.description + QStringLiteral(" — ") + missing;
    const bool healthy = status.missingSinceMs == 0
                         && status.kind != kube::MetricsSourceKind::None;
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
    QStringList details;
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

void AppController::markLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    Q_EMIT loaded();
}
