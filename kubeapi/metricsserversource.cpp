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
    : ApiMetricsSource(client, parent)
{
}

QString MetricsServerSource::description() const
{
    return describe(QStringLiteral("metrics.k8s.io/v1beta1"));
}

bool MetricsServerSource::poll()
{
    if (!beginRound())
        return false;
    if (!hasClient())
        return true;
    ApiRequest pods;
    pods.path = m_namespace.isEmpty()
                    ? QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods")
                    : QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/") + m_namespace
                          + QStringLiteral("/pods");
    pods.verb = QStringLiteral("list");
    pods.resource = QStringLiteral("pods");
    pods.group = kGroup;
    pods.ns = m_namespace;
    ApiRequest nodes;
    nodes.path = QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes");
    nodes.verb = QStringLiteral("list");
    nodes.resource = QStringLiteral("nodes");
    nodes.group = kGroup;

    m_open = 2;
    send(pods, [this](ApiReply *reply) { onPods(reply); });
    send(nodes, [this](ApiReply *reply) { onNodes(reply); });
    return true;
}

void MetricsServerSource::onPods(ApiReply *reply)
{
    MetricsRound &r = round();
    if (!reply->error().isOk()) {
        recordFailure(reply->error(), QStringLiteral("pods"));
    } else {
        const DecodedList<PodMetrics> list = decodeList<PodMetrics>(reply->takeBody());
        if (!list.ok())
            recordFailure(ApiError::decode(reply->errorContext(), list.error), QStringLiteral("pods"));
        for (const PodMetrics &pod : list.items) {
            for (const ContainerMetrics &container : pod.containers) {
                ContainerMetricsSample sample;
                sample.namespaceName = pod.namespaceName;
                sample.pod = pod.name;
                sample.container = container.name;
                sample.timestampMs = stampOf(pod.timestamp, r.timestampMs);
                if (!container.cpu.isNull())
                    sample.cpuCores = container.cpu.toDouble();
                if (!container.memory.isNull())
                    sample.workingSetBytes = container.memory.toDouble();
                r.containers.append(sample);
            }
        }
    }
    partDone();
}

void MetricsServerSource::onNodes(ApiReply *reply)
{
    MetricsRound &r = round();
    if (!reply->error().isOk()) {
        // Users without node access still get pod figures; the error is reported all the same.
        recordFailure(reply->error(), QStringLiteral("nodes"));
    } else {
        const DecodedList<NodeMetrics> list = decodeList<NodeMetrics>(reply->takeBody());
        if (!list.ok())
            recordFailure(ApiError::decode(reply->errorContext(), list.error), QStringLiteral("nodes"));
        for (const NodeMetrics &node : list.items) {
            NodeMetricsSample sample;
            sample.node = node.name;
            sample.timestampMs = stampOf(node.timestamp, r.timestampMs);
            if (!node.cpu.isNull())
                sample.cpuCores = node.cpu.toDouble();
            if (!node.memory.isNull())
                sample.workingSetBytes = node.memory.toDouble();
            r.nodes.append(sample);
        }
    }
    partDone();
}

void MetricsServerSource::partDone()
{
    if (--m_open > 0)
        return;
    finishRound();
}

} // namespace kube
