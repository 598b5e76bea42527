#pragma once

// Metrics from the metrics.k8s.io API (metrics-server): PodMetrics per container and NodeMetrics,
// polled as two LIST requests per round. No RSS and no history; CPU is already a rate.
#include "kubeapi/metricssource.h"

#include <QPointer>

namespace kube {

class ApiClient;
class ApiReply;

class MetricsServerSource final : public MetricsSource
{
    Q_OBJECT
public:
    explicit MetricsServerSource(ApiClient *client, QObject *parent = nullptr);
    ~MetricsServerSource() override;

    // Limit pod metrics to one namespace (for users who may not list cluster-wide); "" = all.
    void setNamespace(const QString &ns) { m_namespace = ns; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    MetricsSourceKind kind() const override { return MetricsSourceKind::MetricsServer; }
    QString description() const override;
    bool poll() override;
    bool isBusy() const override { return m_busy; }

private:
    void onPods(ApiReply *reply);
    void onNodes(ApiReply *reply);
    void partDone();

    QPointer<ApiClient> m_client;
    QString m_namespace;
    int m_timeoutMs = 10000;
    bool m_busy = false;
    int m_open = 0;
    MetricsRound m_round;
    QList<QPointer<ApiReply>> m_replies;
};

} // namespace kube
