#include "kubeapi/metrics/metricsserversource.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/metrics/metricsserverparse.h"

#include <QDateTime>

namespace kube {

namespace {

const QString kGroup = QStringLiteral("metrics.k8s.io");

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

} // namespace

MetricsServerSource::MetricsServerSource(ApiClient *client, QObject *parent)
    : ApiMetricsSource(client, parent)
{}

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
    offThread(
        [body = reply->takeBody(), at = round().timestampMs, pods] {
            return pods ? parsePodMetricsList(body, at) : parseNodeMetricsList(body, at);
        },
        [this, context, part](ParsedMetricsList parsed) {
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
