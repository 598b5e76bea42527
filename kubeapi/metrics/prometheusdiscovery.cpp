#include "kubeapi/metrics/prometheusdiscovery.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/metrics/promqueryresult.h"
#include "kubeapi/objects/decoders.h"

#include <algorithm>

namespace kube {

namespace {

// Lower rank = better. -1: not a Prometheus we know.
int rankOf(const Service &service)
{
    const QString &name = service.metadata.name;
    if (name == QLatin1String("prometheus-k8s")
        && service.metadata.namespaceName == QLatin1String("monitoring"))
        return 0;
    if (name == QLatin1String("prometheus-operated"))
        return 1;
    if (name == QLatin1String("kube-prometheus-stack-prometheus"))
        return 2;
    if (name == QLatin1String("prometheus-server"))
        return 3;
    return -1;
}

PrometheusDiscovery::Candidate candidateOf(const Service &service)
{
    PrometheusDiscovery::Candidate c;
    c.namespaceName = service.metadata.namespaceName;
    c.service = service.metadata.name;
    // The charts name the UI/API port "web" (operator), "http-web" (kube-prometheus-stack) or
    // "http" (prometheus chart, port 80); 9090 is Prometheus' own default.
    const ServicePort *best = nullptr;
    for (const QLatin1String wanted : {QLatin1String("web"), QLatin1String("http-web"),
                                       QLatin1String("http"), QLatin1String("https")}) {
        for (const ServicePort &port : service.ports)
            if (!best && port.name == wanted)
                best = &port;
    }
    for (const ServicePort &port : service.ports)
        if (!best && port.port == 9090)
            best = &port;
    if (!best && !service.ports.isEmpty())
        best = &service.ports.first();
    if (best) {
        c.port = best->name.isEmpty() ? QString::number(best->port) : best->name;
        if (best->name == QLatin1String("https") || best->port == 443)
            c.scheme = QStringLiteral("https");
    }
    return c;
}

} // namespace

PrometheusDiscovery::PrometheusDiscovery(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QList<PrometheusDiscovery::Candidate> PrometheusDiscovery::candidates(const QList<Service> &services)
{
    QList<std::pair<int, const Service *>> ranked;
    for (const Service &service : services) {
        const int rank = rankOf(service);
        if (rank >= 0)
            ranked.append({rank, &service});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return a.second->metadata.namespaceName < b.second->metadata.namespaceName;
    });
    QList<Candidate> out;
    for (const auto &entry : ranked)
        out.append(candidateOf(*entry.second));
    return out;
}

QString PrometheusDiscovery::proxyPath(const Candidate &c)
{
    QString target = c.service;
    if (!c.port.isEmpty())
        target += QLatin1Char(':') + c.port;
    if (!c.scheme.isEmpty())
        target = c.scheme + QLatin1Char(':') + target;
    return QStringLiteral("/api/v1/namespaces/") + c.namespaceName + QStringLiteral("/services/")
           + target + QStringLiteral("/proxy");
}

void PrometheusDiscovery::start()
{
    m_queue.clear();
    m_lastError = ApiError();
    if (!m_client) {
        Q_EMIT finished(QString(), m_lastError);
        return;
    }
    ApiRequest request;
    request.path = QStringLiteral("/api/v1/services");
    request.verb = QStringLiteral("list");
    request.resource = QStringLiteral("services");
    request.inactivityTimeoutMs = 15000;
    ApiReply *reply = m_client->send(request);
    reply->setParent(this);
    connect(reply, &ApiReply::finished, this, [this, reply] { onServices(reply); });
}

void PrometheusDiscovery::onServices(ApiReply *reply)
{
    reply->deleteLater();
    if (reply->error().isOk()) {
        const DecodedList<Service> list = decodeList<Service>(reply->takeBody());
        if (!list.ok())
            m_lastError = ApiError::decode(reply->errorContext(), list.error);
        m_queue = candidates(list.items);
    } else {
        m_lastError = reply->error();
        // Without list access to Services, try kube-prometheus' fixed name directly.
        m_queue = {Candidate{QStringLiteral("monitoring"), QStringLiteral("prometheus-k8s"),
                             QStringLiteral("web"), QString()}};
    }
    probeNext();
}

void PrometheusDiscovery::probeNext()
{
    if (m_queue.isEmpty() || !m_client) {
        Q_EMIT finished(QString(), m_lastError);
        return;
    }
    const QString path = proxyPath(m_queue.takeFirst());
    ApiRequest request;
    request.path = path + QStringLiteral("/api/v1/query");
    request.query.addQueryItem(QStringLiteral("query"), QStringLiteral("vector(1)"));
    request.verb = QStringLiteral("get");
    request.resource = QStringLiteral("services/proxy");
    request.inactivityTimeoutMs = 10000;
    ApiReply *reply = m_client->send(request);
    reply->setParent(this);
    connect(reply, &ApiReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (reply->error().isOk()) {
            const PromQueryResult result = PromQueryResult::parse(reply->takeBody());
            if (result.ok()) {
                Q_EMIT finished(path, ApiError());
                return;
            }
            m_lastError = ApiError::decode(reply->errorContext(), result.error);
        } else {
            m_lastError = reply->error();
        }
        probeNext();
    });
}

} // namespace kube
