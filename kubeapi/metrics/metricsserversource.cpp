#include "kubeapi/metrics/metricsserversource.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/objects/decoders.h"

#include <QDateTime>

namespace kube {

namespace {

const QString kGroup = QStringLiteral("metrics.k8s.io");

qint64 stampOf(const Timestamp &timestamp, qint64 fallbackMs)
{
    return timestamp.isValid() ? timestamp.msecsSinceEpoch : fallbackMs;
}

// A list of the metrics.k8s.io group (`ns` empty: cluster-wide).
ApiRequest listRequest(const QString &resource, const QString &ns = QString())
{
    ApiRequest request;
    request.path = QStringLiteral("/apis/metrics.k8s.io/v1beta1/")
                   + (ns.isEmpty() ? QString() : QStringLiteral("namespaces/") + ns + u'/')
                   + resource;
    request.verb = QStringLiteral("list");
    request.resource = resource;
    request.group = kGroup;
    request.ns = ns;
    return request;
}

// CPU and memory of a PodMetrics container or a NodeMetrics entry; a missing figure stays NaN.
template <typename Sample, typename Usage>
void setUsage(Sample *sample, const Usage &usage)
{
    if (!usage.cpu.isNull())
        sample->cpuCores = usage.cpu.toDouble();
    if (!usage.memory.isNull())
        sample->workingSetBytes = usage.memory.toDouble();
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
    const ApiRequest pods = listRequest(QStringLiteral("pods"), m_namespace);
    const ApiRequest nodes = listRequest(QStringLiteral("nodes"));
    m_open = 2;
    send(pods, [this](ApiReply *reply) { onPart(reply, true); });
    send(nodes, [this](ApiReply *reply) { onPart(reply, false); });
    return true;
}

namespace {

// What one response of the round turns into, made off the GUI thread.
struct Parsed
{
    QList<ContainerMetricsSample> containers;
    QList<NodeMetricsSample> nodes;
    QString error; // the decoder's, when the body is not a valid list
};

Parsed parsePods(const QByteArray &body, qint64 fallbackMs)
{
    Parsed out;
    const DecodedList<PodMetrics> list = decodeList<PodMetrics>(body);
    out.error = list.error;
    for (const PodMetrics &pod : list.items) {
        for (const ContainerMetrics &container : pod.containers) {
            ContainerMetricsSample sample;
            sample.namespaceName = pod.namespaceName;
            sample.pod = pod.name;
            sample.container = container.name;
            sample.timestampMs = stampOf(pod.timestamp, fallbackMs);
            setUsage(&sample, container);
            out.containers.append(sample);
        }
    }
    return out;
}

Parsed parseNodes(const QByteArray &body, qint64 fallbackMs)
{
    Parsed out;
    const DecodedList<NodeMetrics> list = decodeList<NodeMetrics>(body);
    out.error = list.error;
    for (const NodeMetrics &node : list.items) {
        NodeMetricsSample sample;
        sample.node = node.name;
        sample.timestampMs = stampOf(node.timestamp, fallbackMs);
        setUsage(&sample, node);
        out.nodes.append(sample);
    }
    return out;
}

} // namespace

void MetricsServerSource::onPart(ApiReply *reply, bool pods)
{
    const QString part = pods ? QStringLiteral("pods") : QStringLiteral("nodes");
    if (!reply->error().isOk()) {
        // Users without node access still get pod figures; the error is reported all the same.
        recordFailure(reply->error(), part);
        partDone();
        return;
    }
    const ApiError::Context context = reply->errorContext();
    offThread([body = reply->takeBody(), at = round().timestampMs, pods] {
                  return pods ? parsePods(body, at) : parseNodes(body, at);
              },
              [this, context, part](Parsed parsed) {
                  if (!parsed.error.isEmpty())
                      recordFailure(ApiError::decode(context, parsed.error), part);
                  round().containers.append(std::move(parsed.containers));
                  round().nodes.append(std::move(parsed.nodes));
                  partDone();
              });
}

void MetricsServerSource::partDone()
{
    if (--m_open > 0)
        return;
    finishRound();
}

} // namespace kube
