#pragma once

// Metrics from a Prometheus server's HTTP API, either at an explicit URL (--prometheus) or through
// the API server's service proxy (PrometheusDiscovery). kube-prometheus' PromQL; has history.
#include "kubeapi/metrics/metricssource.h"
#include "kubeapi/metrics/promqueryresult.h"

#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

namespace kube {

class ApiClient;

class PrometheusSource final : public MetricsSource
{
    Q_OBJECT
public:
    // Talks to `baseUrl` directly (http or https, with any path prefix, e.g.
    // http://127.0.0.1:9090 or https://host/prometheus).
    explicit PrometheusSource(const QUrl &baseUrl, QObject *parent = nullptr);
    // Talks through the API server: `proxyPath` such as
    // /api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy. `client` must outlive us.
    PrometheusSource(ApiClient *client, const QString &proxyPath, QObject *parent = nullptr);
    ~PrometheusSource() override;

    // The rate() window of the CPU queries ("5m" as kube-prometheus; at least 4 scrape intervals).
    void setRateWindow(const QString &window) { m_rateWindow = window; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    MetricsSourceKind kind() const override { return MetricsSourceKind::Prometheus; }
    QString description() const override;
    bool poll() override;
    bool isBusy() const override { return m_busy; }
    bool hasHistory() const override { return true; }
    void fetchHistory(qint64 fromMs, qint64 toMs, qint64 stepMs) override;

    // The six PromQL expressions of a round (containers: cpu, working set, rss; nodes: the same
    // from the root cgroup id="/"), in the order of Query.
    enum class Query : quint8 {
        ContainerCpu,
        ContainerWorkingSet,
        ContainerRss,
        NodeCpu,
        NodeWorkingSet,
        NodeRss
    };
    static constexpr int kQueryCount = 6;
    QString promql(Query query) const;

    // One request to the HTTP API (apiPath like "/api/v1/query"); used by the rounds and by
    // tests and discovery. `done` runs on this object's thread.
    using Done = std::function<void(const PromQueryResult &result, const ApiError &error)>;
    void get(const QString &apiPath, const QUrlQuery &query, Done done);

    // Folds the six answers (in Query order) into one round per timestamp, oldest first.
    static QList<MetricsRound> assemble(const QList<PromQueryResult> &answers);

    // Seconds as Prometheus takes them ("1700000000.05").
    static QString promTime(qint64 ms);

private:
    void runQueries(const QString &apiPath, const QUrlQuery &common,
                    std::function<void(QList<MetricsRound>, ApiError)> done);
    ApiError::Context errorContext(const QString &apiPath) const;

    QUrl m_baseUrl;
    QPointer<ApiClient> m_client;
    QString m_proxyPath;
    QNetworkAccessManager *m_manager = nullptr;
    QString m_rateWindow = QStringLiteral("5m");
    int m_timeoutMs = 30000;
    bool m_busy = false;
    bool m_historyBusy = false;
};

} // namespace kube
