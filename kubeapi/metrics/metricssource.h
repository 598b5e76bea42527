#pragma once

// The one interface every metrics source implements (Prometheus HTTP API, kubelet cadvisor via
// the API server proxy, metrics.k8s.io): a round of current figures on demand, history if it has.
#include "kubeapi/client/apierror.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <limits>

namespace kube {

// Best first: the order in which MetricsSampler tries them.
enum class MetricsSourceKind : quint8 {
    None,
    Prometheus,    // /api/v1/query(_range) of a Prometheus server (explicit URL or discovered)
    Kubelet,       // /api/v1/nodes/{n}/proxy/metrics/cadvisor, parsed with PromParser
    MetricsServer, // metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics
};

// One app container's figures at one instant; NaN where the source has no figure (the kubelet
// source has no CPU rate before its second scrape, metrics.k8s.io has no RSS).
struct ContainerMetricsSample
{
    QString namespaceName;
    QString pod;
    QString container;
    QString node; // "" when the source does not say
    qint64 timestampMs = 0;
    double cpuCores = std::numeric_limits<double>::quiet_NaN();
    // The cumulative counter (kubelet only): MetricsSampler turns it into cpuCores from the
    // delta to the previous round, so the rate spans exactly the sampling interval.
    double cpuSecondsTotal = std::numeric_limits<double>::quiet_NaN();
    qint64 cpuTimestampMs = 0; // the counter's own stamp; 0 = timestampMs
    double workingSetBytes = std::numeric_limits<double>::quiet_NaN();
    double rssBytes = std::numeric_limits<double>::quiet_NaN();
};

// A node's own usage (its root cgroup): everything on it, containers and other processes.
struct NodeMetricsSample
{
    QString node;
    qint64 timestampMs = 0;
    double cpuCores = std::numeric_limits<double>::quiet_NaN();
    double cpuSecondsTotal = std::numeric_limits<double>::quiet_NaN(); // kubelet only
    qint64 cpuTimestampMs = 0; // the counter's own stamp; 0 = timestampMs
    double workingSetBytes = std::numeric_limits<double>::quiet_NaN();
    double rssBytes = std::numeric_limits<double>::quiet_NaN();
};

// The result of one poll(). `error` is the first failure; data may still be present when only
// part of the round failed (one node of many), `failedParts` then names the parts.
struct MetricsRound
{
    qint64 timestampMs = 0; // when the round was asked for (the figures carry their own times)
    QList<ContainerMetricsSample> containers;
    QList<NodeMetricsSample> nodes;
    ApiError error;
    QStringList failedParts; // e.g. node names whose scrape failed
    bool hasData() const { return !containers.isEmpty() || !nodes.isEmpty(); }
};

// History from a source that keeps it: one round per step, oldest first.
struct MetricsHistoryBatch
{
    QList<MetricsRound> rounds;
    ApiError error;
};

class MetricsSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~MetricsSource() override = default;

    virtual MetricsSourceKind kind() const = 0;
    // Where the figures come from, safe to show (a URL without credentials, "metrics.k8s.io").
    virtual QString description() const = 0;

    // Starts one round; roundFinished() follows exactly once, also on failure. Returns false
    // (and emits nothing) while the previous round is still running.
    virtual bool poll() = 0;
    virtual bool isBusy() const = 0;

    // Sources with a time-series store answer fetchHistory() with historyFinished() once.
    virtual bool hasHistory() const { return false; }
    virtual void fetchHistory(qint64 fromMs, qint64 toMs, qint64 stepMs)
    {
        Q_UNUSED(fromMs)
        Q_UNUSED(toMs)
        Q_UNUSED(stepMs)
        MetricsHistoryBatch empty;
        Q_EMIT historyFinished(empty);
    }

Q_SIGNALS:
    void roundFinished(const kube::MetricsRound &round);
    void historyFinished(const kube::MetricsHistoryBatch &batch);
};

} // namespace kube

Q_DECLARE_METATYPE(kube::MetricsRound)
Q_DECLARE_METATYPE(kube::MetricsHistoryBatch)
