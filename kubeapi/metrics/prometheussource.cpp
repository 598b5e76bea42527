#include "kubeapi/metrics/prometheussource.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"

#include <QDateTime>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace kube {

namespace {

// Prometheus refuses range queries of more than 11,000 points per series.
constexpr qint64 kMaxPointsPerSeries = 11000;

class Assembler final
{
public:
    void add(PrometheusSource::Query query, const PromQueryResult &result)
    {
        using Q = PrometheusSource::Query;
        const bool forNode = query == Q::NodeCpu || query == Q::NodeWorkingSet
                             || query == Q::NodeRss;
        for (const PromQueryResult::Series &series : result.series) {
            const QString node = series.labels.value(QStringLiteral("node"));
            const QString ns = series.labels.value(QStringLiteral("namespace"));
            const QString pod = series.labels.value(QStringLiteral("pod"));
            const QString container = series.labels.value(QStringLiteral("container"));
            if (forNode ? node.isEmpty() : (pod.isEmpty() || container.isEmpty()))
                continue; // without its identity a figure cannot be placed
            for (const PromQueryResult::Point &point : series.points) {
                MetricsRound &round = roundAt(point.ms);
                if (forNode) {
                    NodeMetricsSample &sample = nodeIn(round, point.ms, node);
                    double *target = query == Q::NodeCpu          ? &sample.cpuCores
                                     : query == Q::NodeWorkingSet ? &sample.workingSetBytes
                                                                  : &sample.rssBytes;
                    *target = point.value;
                } else {
                    ContainerMetricsSample &sample = containerIn(
                        round, point.ms,
                        ns + QLatin1Char('/') + pod + QLatin1Char('/') + container);
                    sample.namespaceName = ns;
                    sample.pod = pod;
                    sample.container = container;
                    if (sample.node.isEmpty())
                        sample.node = node;
                    double *target = query == Q::ContainerCpu          ? &sample.cpuCores
                                     : query == Q::ContainerWorkingSet ? &sample.workingSetBytes
                                                                       : &sample.rssBytes;
                    *target = point.value;
                }
            }
        }
    }

    QList<MetricsRound> take() { return m_rounds.values(); }

private:
    MetricsRound &roundAt(qint64 ms)
    {
        auto it = m_rounds.find(ms);
        if (it == m_rounds.end()) {
            MetricsRound round;
            round.timestampMs = ms;
            it = m_rounds.insert(ms, round);
        }
        return *it;
    }
    ContainerMetricsSample &containerIn(MetricsRound &round, qint64 ms, const QString &key)
    {
        const auto hashKey = qMakePair(ms, key);
        auto it = m_containers.constFind(hashKey);
        if (it == m_containers.constEnd()) {
            ContainerMetricsSample sample;
            sample.timestampMs = ms;
            round.containers.append(sample);
            it = m_containers.insert(hashKey, round.containers.size() - 1);
        }
        return round.containers[*it];
    }
    NodeMetricsSample &nodeIn(MetricsRound &round, qint64 ms, const QString &node)
    {
        const auto hashKey = qMakePair(ms, node);
        auto it = m_nodes.constFind(hashKey);
        if (it == m_nodes.constEnd()) {
            NodeMetricsSample sample;
            sample.node = node;
            sample.timestampMs = ms;
            round.nodes.append(sample);
            it = m_nodes.insert(hashKey, round.nodes.size() - 1);
        }
        return round.nodes[*it];
    }

    QMap<qint64, MetricsRound> m_rounds;
    QHash<QPair<qint64, QString>, qsizetype> m_containers;
    QHash<QPair<qint64, QString>, qsizetype> m_nodes;
};

} // namespace

PrometheusSource::PrometheusSource(const QUrl &baseUrl, QObject *parent)
    : MetricsSource(parent)
    , m_baseUrl(baseUrl)
    , m_manager(new QNetworkAccessManager(this))
{}

PrometheusSource::PrometheusSource(ApiClient *client, const QString &proxyPath, QObject *parent)
    : MetricsSource(parent)
    , m_client(client)
    , m_proxyPath(proxyPath)
{}

PrometheusSource::~PrometheusSource() = default;

QString PrometheusSource::description() const
{
    if (m_manager)
        return displayServer(m_baseUrl).toString() + m_baseUrl.path();
    const QString server = m_client ? m_client->displayServer().toString() : QString();
    return server + m_proxyPath;
}

QString PrometheusSource::promql(Query query) const
{
    // kube-prometheus' selectors: app containers only (container!="" drops the pod cgroup,
    // image!="" the pause sandbox). Summing by identity folds the label variants a restarted
    // container or a second scrape job leave behind into one figure per container.
    const QString app = QStringLiteral("{container!=\"\",image!=\"\"}");
    const QString root = QStringLiteral("{id=\"/\"}");
    const QString byContainer = QStringLiteral("sum by (namespace,pod,container,node) (");
    const QString byNode = QStringLiteral("sum by (node) (");
    switch (query) {
    case Query::ContainerCpu:
        return byContainer + QStringLiteral("rate(container_cpu_usage_seconds_total") + app
               + QLatin1Char('[') + m_rateWindow + QStringLiteral("]))");
    case Query::ContainerWorkingSet:
        return byContainer + QStringLiteral("container_memory_working_set_bytes") + app
               + QLatin1Char(')');
    case Query::ContainerRss:
        return byContainer + QStringLiteral("container_memory_rss") + app + QLatin1Char(')');
    case Query::NodeCpu:
        return byNode + QStringLiteral("rate(container_cpu_usage_seconds_total") + root
               + QLatin1Char('[') + m_rateWindow + QStringLiteral("]))");
    case Query::NodeWorkingSet:
        return byNode + QStringLiteral("container_memory_working_set_bytes") + root
               + QLatin1Char(')');
    case Query::NodeRss:
        return byNode + QStringLiteral("container_memory_rss") + root + QLatin1Char(')');
    }
    return {};
}

QString PrometheusSource::promTime(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    const qint64 rest = ms % 1000;
    return QString::number(seconds) + QLatin1Char('.')
           + QStringLiteral("%1").arg(rest, 3, 10, QLatin1Char('0'));
}

ApiError::Context PrometheusSource::errorContext(const QString &apiPath) const
{
    ApiError::Context context;
    context.server = m_manager ? displayServer(m_baseUrl)
                               : (m_client ? m_client->displayServer() : QUrl());
    context.verb = QStringLiteral("get");
    context.resource = apiPath;
    return context;
}

void PrometheusSource::get(const QString &apiPath, const QUrlQuery &query, Done done)
{
    const ApiError::Context context = errorContext(apiPath);
    if (m_manager) {
        QUrl url = m_baseUrl;
        QString base = url.path();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        url.setPath(base + apiPath);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json");
        request.setTransferTimeout(m_timeoutMs);
        QNetworkReply *reply = m_manager->get(request);
        connect(reply, &QNetworkReply::finished, this, [reply, context, done = std::move(done)] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status == 0) {
                done({}, ApiError::transport(context, reply->error(), reply->errorString()));
                return;
            }
            const PromQueryResult result = PromQueryResult::parse(body);
            if (status / 100 != 2) {
                // Prometheus explains a refused query in its JSON envelope (bad_data, ...).
                if (!result.errorType.isEmpty() && result.errorType != QLatin1String("decode"))
                    done(result, ApiError::fromStatusFields(context, status, result.errorType,
                                                            result.error));
                else
                    done(result, ApiError::http(context, status, body));
                return;
            }
            if (!result.ok())
                done(result, ApiError::decode(context, result.error));
            else
                done(result, ApiError());
        });
        return;
    }
    if (!m_client) {
        done({}, ApiError::transport(context, QNetworkReply::OperationCanceledError,
                                     QStringLiteral("no API client")));
        return;
    }
    ApiRequest request;
    request.path = m_proxyPath + apiPath;
    request.query = query;
    request.verb = QStringLiteral("get");
    request.resource = QStringLiteral("services/proxy");
    request.inactivityTimeoutMs = m_timeoutMs;
    ApiReply *reply = m_client->send(request);
    reply->setParent(this); // dropped (and aborted) with the source
    connect(reply, &ApiReply::finished, this, [reply, context, done = std::move(done)] {
        reply->deleteLater();
        if (!reply->error().isOk()) {
            done({}, reply->error());
            return;
        }
        const PromQueryResult result = PromQueryResult::parse(reply->takeBody());
        if (!result.ok())
            done(result, ApiError::decode(context, result.error));
        else
            done(result, ApiError());
    });
}

void PrometheusSource::runQueries(const QString &apiPath, const QUrlQuery &common,
                                  std::function<void(QList<MetricsRound>, ApiError)> done)
{
    struct Pending
    {
        QList<PromQueryResult> answers;
        ApiError error;
        int open = kQueryCount;
    };
    auto pending = std::make_shared<Pending>();
    pending->answers.resize(kQueryCount);
    for (int i = 0; i < kQueryCount; ++i) {
        QUrlQuery query = common;
        query.addQueryItem(QStringLiteral("query"), promql(Query(i)));
        get(apiPath, query,
            [pending, i, done](const PromQueryResult &result, const ApiError &error) {
                if (!error.isOk() && pending->error.isOk())
                    pending->error = error;
                pending->answers[i] = result;
                if (--pending->open == 0) {
                    QList<MetricsRound> rounds = assemble(pending->answers);
                    done(std::move(rounds), pending->error);
                }
            });
    }
}

QList<MetricsRound> PrometheusSource::assemble(const QList<PromQueryResult> &answers)
{
    Assembler assembler;
    for (qsizetype i = 0; i < answers.size() && i < kQueryCount; ++i)
        assembler.add(Query(i), answers[i]);
    return assembler.take();
}

bool PrometheusSource::poll()
{
    if (m_busy)
        return false;
    m_busy = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QUrlQuery common;
    common.addQueryItem(QStringLiteral("time"), promTime(now));
    runQueries(QStringLiteral("/api/v1/query"), common,
               [this, now](QList<MetricsRound> rounds, ApiError error) {
                   MetricsRound round;
                   round.timestampMs = now;
                   // An instant query evaluates every expression at `time`: one round at most.
                   if (!rounds.isEmpty())
                       round = std::move(rounds.first());
                   round.timestampMs = now;
                   round.error = error;
                   m_busy = false;
                   Q_EMIT roundFinished(round);
               });
    return true;
}

void PrometheusSource::fetchHistory(qint64 fromMs, qint64 toMs, qint64 stepMs)
{
    if (m_historyBusy || toMs <= fromMs || stepMs <= 0) {
        MetricsHistoryBatch empty;
        QMetaObject::invokeMethod(
            this, [this, empty] { Q_EMIT historyFinished(empty); }, Qt::QueuedConnection);
        return;
    }
    m_historyBusy = true;
    // Widen the step rather than ask for more points than Prometheus serves.
    const qint64 minStep = (toMs - fromMs) / kMaxPointsPerSeries + 1;
    const qint64 step = qMax(stepMs, minStep);
    QUrlQuery common;
    common.addQueryItem(QStringLiteral("start"), promTime(fromMs));
    common.addQueryItem(QStringLiteral("end"), promTime(toMs));
    common.addQueryItem(QStringLiteral("step"), promTime(step));
    runQueries(QStringLiteral("/api/v1/query_range"), common,
               [this](QList<MetricsRound> rounds, ApiError error) {
                   MetricsHistoryBatch batch;
                   batch.rounds = std::move(rounds);
                   batch.error = error;
                   m_historyBusy = false;
                   Q_EMIT historyFinished(batch);
               });
}

} // namespace kube
