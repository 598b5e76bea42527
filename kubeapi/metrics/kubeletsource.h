#pragma once

// Metrics straight from each node's kubelet: /api/v1/nodes/{n}/proxy/metrics/cadvisor through the
// API server proxy, read with CadvisorReader. Delivers CPU counters; MetricsSampler makes rates.
#include "kubeapi/metrics/apimetricssource.h"

#include <QStringList>

namespace kube {

class ApiClient;
class ApiReply;

class KubeletSource final : public ApiMetricsSource
{
    Q_OBJECT
public:
    // `client` must outlive the source. At most `parallel` node scrapes run at once so metrics
    // never take every connection the object lists need.
    explicit KubeletSource(ApiClient *client, QObject *parent = nullptr);

    // The nodes to scrape (the app knows them from its node informer). Until this is called,
    // each round lists /api/v1/nodes first.
    void setNodes(const QStringList &nodes);
    void setParallelScrapes(int parallel) { m_parallel = qMax(1, parallel); }

    MetricsSourceKind kind() const override { return MetricsSourceKind::Kubelet; }
    QString description() const override;
    bool poll() override;

    static QString cadvisorPath(const QString &node);

private:
    void onNodeList(ApiReply *reply);
    void startMore();
    void onScrape(ApiReply *reply, const QString &node, qint64 askedMs);

    QStringList m_nodes;
    bool m_nodesGiven = false;
    int m_parallel = 4;
    QStringList m_pending;
    int m_running = 0; // scrapes on the wire
    int m_reading = 0; // scrapes being read on the thread pool
};

} // namespace kube
