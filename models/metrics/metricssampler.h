#pragma once

// Drives the best metrics source of a cluster on a timer (5/15/30/60 s) and records every round
// in MetricsHistory; tells the UI which source is in use, since when, and since when data is missing.
#include "kubeapi/metrics/metricssource.h"
#include "models/metrics/counterrate.h"
#include "models/metrics/metricshistory.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

namespace kube {
class ApiClient;
class PrometheusDiscovery;
} // namespace kube

class MetricsSampler final : public QObject
{
    Q_OBJECT
public:
    // What the UI shows about the metrics of the current cluster.
    struct Status
    {
        kube::MetricsSourceKind kind = kube::MetricsSourceKind::None; // None: no source delivers
        QString description;        // where the figures come from (no credentials)
        qint64 inUseSinceMs = 0;    // when this source was chosen
        qint64 lastDataMs = 0;      // the newest round that delivered figures
        qint64 missingSinceMs = 0;  // 0: figures are current; else the first round that failed
        kube::ApiError lastError;   // of the newest round (may be set on a partial round)
        QStringList failedParts;    // nodes (kubelet) or "pods"/"nodes" (metrics.k8s.io)
        bool historyLoaded = false; // Prometheus history was read into MetricsHistory
        // The history's memory limit at work (MetricsHistory::Config::maxBytes): series it
        // refused so far, and whether it keeps shorter tiers (raw samples for rawSpanMs).
        qint64 refusedSeries = 0;
        bool thinned = false;
        qint64 rawSpanMs = 0;
        qint64 seriesCount = 0;
        qint64 memoryLimitBytes = 0;
    };

    // Where a pod runs and which controller owns it; the app answers from its ClusterStore.
    struct PodPlacement
    {
        QString node;
        ControllerRef controller;
    };
    using PodResolver =
        std::function<bool(const QString &ns, const QString &pod, PodPlacement *out)>;

    // `history` must outlive the sampler.
    explicit MetricsSampler(MetricsHistory *history, QObject *parent = nullptr);
    ~MetricsSampler() override;

    // 5, 15 (default), 30 or 60 seconds; any other value is refused (false).
    static QList<int> allowedIntervalsSeconds() { return {5, 15, 30, 60}; }
    bool setIntervalSeconds(int seconds);
    int intervalSeconds() const { return m_intervalSeconds; }
    // How much history to read at the sampling interval from a Prometheus source when it is
    // chosen (default 6 h, the raw samples MetricsHistory keeps). Older history is read
    // coarser, as far back as MetricsHistory keeps buckets: 5-minute steps up to 24 h,
    // 1-hour steps up to 30 days (see historyTiers()).
    void setHistorySpanMs(qint64 ms) { m_historySpanMs = ms; }

    // One range query of the history read, oldest first: [fromMs, toMs] every stepMs.
    struct HistoryTier
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        qint64 stepMs = 0;
        bool operator==(const HistoryTier &) const = default;
    };
    // The tiers read when a history source is chosen at `nowMs`. MetricSeries only appends,
    // so the oldest tier comes first and each tier ends where the next one starts.
    QList<HistoryTier> historyTiers(qint64 nowMs) const;
    // After this many failed rounds in a row the choice is made again from the best source down.
    void setFailuresBeforeReselect(int rounds) { m_failuresBeforeReselect = qMax(1, rounds); }
    void setPodResolver(PodResolver resolver) { m_resolver = std::move(resolver); }

    // The usual candidates for one cluster, best first: Prometheus at `prometheusUrl` (if
    // valid), a Prometheus found through the service proxy (PrometheusDiscovery), the kubelets,
    // metrics.k8s.io. `client` must outlive the sampler; a dedicated ApiClient keeps metrics
    // requests off the connections the object lists use.
    void setupFor(kube::ApiClient *client, const QUrl &prometheusUrl = QUrl());
    // Explicit candidates, best first (tests, or an app that builds its own). Takes ownership.
    void setCandidates(std::vector<std::unique_ptr<kube::MetricsSource>> sources);

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // One round now, outside the timer (a refresh button; tests).
    void sampleNow();

    const Status &status() const { return m_status; }
    kube::MetricsSource *currentSource() const;

    // Records one round the way the timer does (rates from counters, placement, sums).
    // Public so that tests can feed rounds they took from a source themselves.
    void record(const kube::MetricsRound &round);

Q_SIGNALS:
    void statusChanged();
    // A live round was written to MetricsHistory at `timestampMs`.
    void roundRecorded(qint64 timestampMs, int containers, int nodes);
    // `rounds` rounds of a source's history were written at once (no roundRecorded for them).
    void historyApplied(int rounds);

private:
    void tick();
    void recordRound(const kube::MetricsRound &round, bool announce);
    void onRound(kube::MetricsSource *source, const kube::MetricsRound &round);
    void onHistory(const kube::MetricsHistoryBatch &batch);
    void fetchNextTier(kube::MetricsSource *source);
    void onDiscovered(const QString &proxyPath, const kube::ApiError &error);
    void choose(kube::MetricsSource *source, qint64 nowMs);
    void fail(const kube::MetricsRound &round);
    void connectSource(kube::MetricsSource *source);
    void pruneRates(qint64 nowMs);
    // Quick extra rounds after the first one of a counter source, so CPU rates show early.
    void scheduleStartupRounds(const kube::MetricsRound &first);

    MetricsHistory *m_history;
    QTimer m_timer;
    int m_intervalSeconds = 15;
    qint64 m_historySpanMs = 6 * 3600 * 1000LL;
    int m_failuresBeforeReselect = 3;
    PodResolver m_resolver;

    std::vector<std::unique_ptr<kube::MetricsSource>> m_sources;
    QPointer<kube::ApiClient> m_client;
    std::unique_ptr<kube::PrometheusDiscovery> m_discovery;
    bool m_discovering = false;
    int m_index = 0;       // candidate in use or being tried
    bool m_chosen = false; // m_index delivered figures
    int m_failures = 0;
    bool m_running = false;
    bool m_waitingForHistory = false;
    kube::MetricsRound m_heldRound;    // the first round of a history source, recorded after it
    QList<HistoryTier> m_pendingTiers; // of the history read in progress, oldest first
    int m_historyRounds = 0;           // rounds the read in progress recorded so far
    kube::ApiError m_historyError;     // its first error
    Status m_status;

    int m_startupGeneration = 0; // which choice the pending startup rounds belong to
    CounterRate m_rates;
    QHash<QString, qint64> m_rateSeenMs;
};
