#include "kubeapi/metrics/kubeletsource.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/metrics/cadvisorreader.h"
#include "kubeapi/objects/decoders.h"

#include <QDateTime>

#include <optional>

namespace kube {

KubeletSource::KubeletSource(ApiClient *client, QObject *parent)
    : ApiMetricsSource(client, parent)
{}

void KubeletSource::setNodes(const QStringList &nodes)
{
    m_nodes = nodes;
    m_nodesGiven = true;
}

QString KubeletSource::description() const
{
    return describe(QStringLiteral("/api/v1/nodes/*/proxy/metrics/cadvisor"));
}

QString KubeletSource::cadvisorPath(const QString &node)
{
    return QStringLiteral("/api/v1/nodes/") + QString::fromUtf8(QUrl::toPercentEncoding(node))
           + QStringLiteral("/proxy/metrics/cadvisor");
}

bool KubeletSource::poll()
{
    if (!beginRound())
        return false;
    if (!hasClient())
        return true;
    if (m_nodesGiven) {
        m_pending = m_nodes;
        QMetaObject::invokeMethod(this, &KubeletSource::startMore, Qt::QueuedConnection);
        return true;
    }
    ApiRequest request;
    request.path = QStringLiteral("/api/v1/nodes");
    request.verb = QStringLiteral("list");
    request.resource = QStringLiteral("nodes");
    send(request, [this](ApiReply *reply) { onNodeList(reply); });
    return true;
}

void KubeletSource::onNodeList(ApiReply *reply)
{
    if (!reply->error().isOk()) {
        round().error = reply->error();
        finishRound();
        return;
    }
    const QByteArray body = reply->takeBody();
    const DecodedList<Node> nodes = decodeList<Node>(body);
    if (!nodes.ok()) {
        round().error = ApiError::decode(reply->errorContext(), nodes.error);
        finishRound();
        return;
    }
    m_pending.clear();
    for (const Node &node : nodes.items)
        m_pending.append(node.metadata.name);
    startMore();
}

void KubeletSource::startMore()
{
    if (!hasClient())
        m_pending.clear();
    while (m_running < m_parallel && !m_pending.isEmpty()) {
        const QString node = m_pending.takeFirst();
        ApiRequest request;
        request.path = cadvisorPath(node);
        // The kubelet answers 0.0.4 text for this; OpenMetrics would change timestamp units.
        request.accept = QByteArrayLiteral("text/plain;version=0.0.4;q=1,*/*;q=0.1");
        request.verb = QStringLiteral("get");
        request.resource = QStringLiteral("nodes/proxy");
        const qint64 askedMs = QDateTime::currentMSecsSinceEpoch();
        ++m_running;
        send(request, [this, node, askedMs](ApiReply *reply) { onScrape(reply, node, askedMs); });
    }
    if (m_running == 0 && m_reading == 0 && m_pending.isEmpty())
        finishRound();
}

namespace {

// One node's scrape as samples, or why its body could not be read; made off the GUI thread.
struct NodeScrape
{
    QList<ContainerMetricsSample> containers;
    std::optional<NodeMetricsSample> node;
    QString error;
};

NodeScrape readScrape(const QByteArray &body, const QString &node, qint64 askedMs)
{
    NodeScrape out;
    const CadvisorReader::Result read = CadvisorReader::read(
        std::string_view(body.constData(), size_t(body.size())), askedMs);
    if (!read.ok) {
        // The parser's technical detail; ApiError::explanation() frames it translated.
        out.error = QStringLiteral("node %1, /metrics/cadvisor line %2, column %3: %4")
                        .arg(node)
                        .arg(read.error.line)
                        .arg(read.error.column)
                        .arg(QString::fromStdString(read.error.message));
        return out;
    }
    out.containers.reserve(read.containers.size());
    for (const CadvisorReader::Row &row : read.containers) {
        ContainerMetricsSample sample;
        sample.namespaceName = row.namespaceName;
        sample.pod = row.pod;
        sample.container = row.container;
        sample.node = node;
        // One stamp per sample: the working set's (what the UI shows first).
        sample.timestampMs = row.workingSetMs ? row.workingSetMs : row.cpuMs;
        sample.cpuSecondsTotal = row.cpuSecondsTotal;
        sample.cpuTimestampMs = row.cpuMs;
        sample.workingSetBytes = row.workingSetBytes;
        sample.rssBytes = row.rssBytes;
        out.containers.append(sample);
    }
    if (read.hasNode) {
        NodeMetricsSample sample;
        sample.node = node;
        sample.timestampMs = read.node.workingSetMs ? read.node.workingSetMs : read.node.cpuMs;
        sample.cpuSecondsTotal = read.node.cpuSecondsTotal;
        sample.cpuTimestampMs = read.node.cpuMs;
        sample.workingSetBytes = read.node.workingSetBytes;
        sample.rssBytes = read.node.rssBytes;
        out.node = sample;
    }
    return out;
}

} // namespace

void KubeletSource::onScrape(ApiReply *reply, const QString &node, qint64 askedMs)
{
    --m_running;
    if (!reply->error().isOk()) {
        recordFailure(reply->error(), node);
        startMore();
        return;
    }
    // The next scrape starts while this one is read on the thread pool.
    ++m_reading;
    const ApiError::Context context = reply->errorContext();
    offThread([body = reply->takeBody(), node, askedMs] { return readScrape(body, node, askedMs); },
              [this, context, node](NodeScrape scrape) {
                  --m_reading;
                  MetricsRound &r = round();
                  if (!scrape.error.isEmpty()) {
                      recordFailure(ApiError::decode(context, scrape.error), node);
                  } else {
                      r.containers.append(std::move(scrape.containers));
                      if (scrape.node)
                          r.nodes.append(*scrape.node);
                  }
                  startMore();
              });
    startMore();
}

} // namespace kube
