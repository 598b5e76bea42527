#include "models/cluster/cluster.h"

#include "kubeapi/client/apiclient.h"
#include "models/cluster/clustersession.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/snapshotreader.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/metricssampler.h"
#include "models/namespaces/accessreviewer.h"

#include <QDateTime>

Cluster::Cluster(QObject *parent)
    : QObject(parent)
    , m_store(new ClusterStore(this))
    , m_history(std::make_unique<MetricsHistory>())
    , m_sampler(new MetricsSampler(m_history.get(), this))
{
    // Metrics sources name pods by namespace and name; the store knows where each runs and
    // which controller it belongs to.
    m_sampler->setPodResolver([store = m_store](const QString &ns, const QString &pod,
                                                MetricsSampler::PodPlacement *out) {
        const QString uid = store->podUidByName(ns, pod);
        const kube::Pod *p = uid.isEmpty() ? nullptr : store->pod(uid);
        if (!p)
            return false;
        out->node = p->nodeName;
        out->controller = store->controllerOf(uid);
        return true;
    });
    // Restarts within a time range are the increases of the counts seen while we watch.
    connect(m_store, &ClusterStore::containerRestartsChanged, this,
            [history = m_history.get()](const QString &ns, const QString &pod,
                                        const QString &container, int before, int now) {
                const QString id = MetricsHistory::containerId(ns, pod, container);
                const qint64 ms = QDateTime::currentMSecsSinceEpoch();
                history->addRestartCount(id, ms - 1, before);
                history->addRestartCount(id, ms, now);
            });
    connect(m_sampler, &MetricsSampler::roundRecorded, this, &Cluster::metricsUpdated);
    connect(m_sampler, &MetricsSampler::historyApplied, this, &Cluster::metricsUpdated);
    connect(m_sampler, &MetricsSampler::statusChanged, this, &Cluster::stateChanged);
}

Cluster::~Cluster()
{
    // The sampler reads the store and the metrics client: it goes first, the session last.
    delete m_sampler;
    m_sampler = nullptr;
    delete m_metricsClient;
    delete m_accessReviewer;
    delete m_session;
}

void Cluster::connectTo(const QString &contextName, const kube::ClusterConnection &connection,
                        const QStringList &fallbackNamespaces, const QUrl &prometheusUrl,
                        int intervalSeconds)
{
    m_source = Source::Live;
    m_contextName = contextName;
    m_session = new ClusterSession(connection, m_store);
    m_session->setFallbackNamespaces(fallbackNamespaces);
    m_server = m_session->client()->displayServer().toString();
    m_insecure = connection.insecureSkipTlsVerify;
    m_accessReviewer = new AccessReviewer(m_session->client());
    connect(m_session, &ClusterSession::settled, this, &Cluster::markLoaded);
    connect(m_session, &ClusterSession::stateChanged, this, &Cluster::stateChanged);
    m_metricsClient = new kube::ApiClient(connection);
    m_sampler->setIntervalSeconds(intervalSeconds);
    m_sampler->setupFor(m_metricsClient, prometheusUrl);
    m_sampler->start();
    m_session->start();
}

bool Cluster::openSnapshot(const QString &path, QString *error)
{
    const auto header = SnapshotReader::read(
        path, m_store, [this](const kube::MetricsRound &round) { m_sampler->record(round); },
        error);
    if (!header) {
        m_history->clear();
        return false;
    }
    m_source = Source::Snapshot;
    m_contextName = header->context;
    m_server = header->server;
    m_capturedAt = header->capturedAt;
    markLoaded();
    return true;
}

void Cluster::setSamplingInterval(int seconds)
{
    m_sampler->setIntervalSeconds(seconds);
}

void Cluster::markLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    Q_EMIT loaded();
}
