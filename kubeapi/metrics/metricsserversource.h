#pragma once

// Metrics from the metrics.k8s.io API (metrics-server): PodMetrics per container and NodeMetrics,
// polled as two LIST requests per round. No RSS and no history; CPU is already a rate.
#include "kubeapi/metrics/apimetricssource.h"

namespace kube {

class ApiClient;
class ApiReply;

class MetricsServerSource final : public ApiMetricsSource
{
    Q_OBJECT
public:
    explicit MetricsServerSource(ApiClient *client, QObject *parent = nullptr);

    // Limit pod metrics to one namespace (for users who may not list cluster-wide); "" = all.
    void setNamespace(const QString &ns) { m_namespace = ns; }

    MetricsSourceKind kind() const override { return MetricsSourceKind::MetricsServer; }
    QString description() const override;
    bool poll() override;

private:
    // One of the round's two answers (PodMetrics or NodeMetrics), read on the thread pool.
    void onPart(ApiReply *reply, bool pods);
    void partDone();

    QString m_namespace;
    int m_open = 0;
};

} // namespace kube
