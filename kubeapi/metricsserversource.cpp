#include "kubeapi/metricsserversource.h"

#include "kubeapi/apiclient.h"
#include "kubeapi/apireply.h"
#include "kubeapi/decoders.h"

#include <QDateTime>

namespace kube {

namespace {

const QString kGroup = QStringLiteral("metrics.k8s.io");

qint64 stampOf(const Timestamp &timestamp, qint64 fallbackMs)
{
    return timestamp.isValid() ? timestamp.msecsSinceEpoch : fallbackMs;
}

} // namespace

MetricsServerSource::MetricsServerSource(ApiClient *client, QObject *parent)
    : MetricsSource(parent)
    , m_client(client)
{
}

MetricsServerSource::~MetricsServerSource()
{
    for (const QPointer<ApiReply> &reply : std::as_const(m_replies))
        delete reply.data();
}

QString MetricsServerSource::description() const
{
    const QString server = m_client ? m_client->displayServer().toString() : QString();
    return server + QStringLiteral(" metrics.k8s.io/v1beta1");
}

bool MetricsServerSource::poll()
{
    if (m_busy)
        return false;
    m_busy = true;
    m_round = MetricsRound{};
    m_round.timestampMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_client) {
        m_round.error = ApiError::transport({}, QNetworkReply::OperationCanceledError,
                                            QStringLiteral("no API client"));
        m_open = 1;
        QMetaObject::invokeMethod(this, &MetricsServerSource::partDone, Qt::QueuedConnection);
        return true;
    }
    ApiRequest pods;
    pods.path = m_namespace.isEmpty()
                    ? QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods")
                    : QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/") + m_namespace
                          + QStringLiteral("/pods");
    pods.verb = QStringLiteral("list");
    pods.resource = QStringLiteral("pods");
    pods.group = kGroup;
    pods.ns = m_namespace;
    pods.inactivityTimeoutMs = m_timeoutMs;
    ApiRequest nodes;
    nodes.path = QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes");
    nodes.verb = QStringLiteral("list");
    nodes.resource = QStringLiteral("nodes");
    nodes.group = kGroup;
    nodes.inactivityTimeoutMs = m_timeoutMs;

    m_open = 2;
    ApiReply *podReply = m_client->send(pods);
    ApiReply *nodeReply = m_client->send(nodes);
    m_replies = {podReply, nodeReply};
    connect(podReply, &ApiReply::finished, this, [this, podReply] { onPods(podReply); });
    connect(nodeReply, &ApiReply::finished, this, [this, nodeReply] { onNodes(nodeReply); });
    return true;
}

void MetricsServerSource::onPods(ApiReply *reply)
{
    m_replies.removeAll(reply);
    reply->deleteLater();
    if (!reply->error().isOk()) {
        m_round.error = reply->error();
        m_round.failedParts.append(QStringLiteral("pods"));
    } else {
        const DecodedList<PodMetrics> list = decodeList<PodMetrics>(reply->takeBody());
        if (!list.ok()) {
            m_round.error = ApiError::decode(reply->errorContext(), list.error);
            m_round.failedParts.append(QStringLiteral("pods"));
        }
        for (const PodMetrics &pod : list.items) {
            for (const ContainerMetrics &container : pod.containers) {
                ContainerMetricsSample sample;
                sample.namespaceName = pod.namespaceName;
                sample.pod = pod.name;
                sample.container = container.name;
                sample.timestampMs = stampOf(pod.timestamp, m_round.timestampMs);
                if (!container.cpu.isNull())
                    sample.cpuCores = container.cpu.toDouble();
                if (!container.memory.isNull())
                    sample.workingSetBytes = container.memory.toDouble();
                m_round.containers.append(sample);
            }
        }
    }
    partDone();
}

void MetricsServerSource::onNodes(ApiReply *reply)
{
    m_replies.removeAll(reply);
    reply->deleteLater();
    if (!reply->error().isOk()) {
        // Users without node access still get pod figures; the error is reported all the same.
        if (m_round.error.isOk())
            m_round.error = reply->error();
        m_round.failedParts.append(QStringLiteral("nodes"));
    } else {
        const DecodedList<NodeMetrics> list = decodeList<NodeMetrics>(reply->takeBody());
        if (!list.ok()) {
            if (m_round.error.isOk())
                m_round.error = ApiError::decode(reply->errorContext(), list.error);
            m_round.failedParts.append(QStringLiteral("nodes"));
        }
        for (const NodeMetrics &node : list.items) {
            NodeMetricsSample sample;
            sample.node = node.name;
            sample.timestampMs = stampOf(node.timestamp, m_round.timestampMs);
            if (!node.cpu.isNull())
                sample.cpuCores = node.cpu.toDouble();
            if (!node.memory.isNull())
                sample.workingSetBytes = node.memory.toDouble();
            m_round.nodes.append(sample);
        }
    }
    partDone();
}

void MetricsServerSource::partDone()
{
    if (--m_open > 0 || !m_busy)
        return;
    m_busy = false;
    const MetricsRound round = std::move(m_round);
    m_round = MetricsRound{};
    Q_EMIT roundFinished(round);
}

} // namespace kube
