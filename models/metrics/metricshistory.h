#pragma once

// The metrics history of one cluster: CPU, working set and RSS per container, and their sums per
// pod, node, controller and namespace, plus "Other processes" per node and restart counts.
#include "models/cluster/controllerref.h"
#include "models/metrics/metricseries.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

enum class Metric : quint8 { Cpu, WorkingSet, Rss }; // millicores, bytes, bytes

enum class SeriesKind : quint8 {
    Container,  // id: namespace/pod/container
    Pod,        // id: namespace/pod — sum of its containers
    Controller, // id: ControllerRef::key() (namespace/Kind/name) — sum of its containers
    Namespace,  // id: namespace — sum of its containers
    Node,       // id: node — the node's own usage as reported by the source
    NodeOther,  // id: node — node usage minus its containers ("Other processes")
};

struct SeriesKey final
{
    SeriesKind kind = SeriesKind::Container;
    Metric metric = Metric::Cpu;
    QString id;
    bool operator==(const SeriesKey &) const = default;
};
size_t qHash(const SeriesKey &key, size_t seed = 0) noexcept;

// One container's usage in a sampling round; NaN where the source has no figure.
struct ContainerUsage final
{
    QString namespaceName;
    QString pod;
    QString container;
    QString node;
    ControllerRef controller; // null for a pod without controller
    double cpuMillicores = std::numeric_limits<double>::quiet_NaN();
    double workingSetBytes = std::numeric_limits<double>::quiet_NaN();
    double rssBytes = std::numeric_limits<double>::quiet_NaN();
};

struct NodeUsage final
{
    QString node;
    double cpuMillicores = std::numeric_limits<double>::quiet_NaN();
    double workingSetBytes = std::numeric_limits<double>::quiet_NaN();
    double rssBytes = std::numeric_limits<double>::quiet_NaN();
};

class MetricsHistory final
{
public:
    struct Config
    {
        qint64 intervalMs = 15000;           // sampling interval: timestamps are aligned to it
        qint64 staleAfterMs = 5 * 60 * 1000; // like Prometheus' 5-minute lookback
        // Memory the history may use (rings and per-series book-keeping, estimated). Past it,
        // every series keeps shorter tiers (thinning, down to kMinScale of each capacity);
        // if that is not enough, new series are refused (counted, see refusedSeries()).
        qint64 maxBytes = qint64(1) << 30;
        qsizetype maxSeries = 4'000'000; // a hard cap on top: new series beyond are refused
        qsizetype restartPointsPerContainer = 64;
        MetricSeries::Config series;
    };

    MetricsHistory()
        : MetricsHistory(Config{})
    {}
    explicit MetricsHistory(const Config &config);

    const Config &config() const { return m_config; }

    // Records one sampling round at `timestampMs` (aligned down to the interval). Container
    // figures update their pod, controller and namespace sums in the same aligned bucket (a
    // container reported twice in one bucket replaces its contribution). A node's "Other
    // processes" = its usage − the sum of its containers in THIS call, clamped at 0, so pass a
    // node together with all of its containers (as one kubelet scrape delivers them).
    // Stamp every sample of a round with the round's time: aggregates accept late contributions
    // only for buckets they already hold.
    void addRound(qint64 timestampMs, const QList<ContainerUsage> &containers,
                  const QList<NodeUsage> &nodes = {});
    // One sample for one series (e.g. from a Prometheus range query), replacing a sample in the
    // same aligned bucket; no sums are updated. False if refused (late, non-finite, cap).
    bool addSample(const SeriesKey &key, qint64 timestampMs, double value);

    // The restart count of a container as seen at `timestampMs`; only changes are stored.
    void addRestartCount(const QString &containerId, qint64 timestampMs, int restartCount);
    // Restarts within (fromMs, toMs]: the increases of each container's count, a decrease
    // counting as a reset to 0. Counts from before the first observation are not known and
    // not counted.
    int restartsInRange(const QStringList &containerIds, qint64 fromMs, qint64 toMs) const;

    RangeSummary summarize(const SeriesKey &key, const TimeWindow &window) const;
    std::optional<Sample> latest(const SeriesKey &key) const;
    // No sample at all, or the newest is older than config().staleAfterMs before `nowMs`.
    bool isStale(const SeriesKey &key, qint64 nowMs) const;
    bool contains(const SeriesKey &key) const { return m_series.contains(key); }

    // Forget objects that are gone: one series, every series of a container (3 metrics and its
    // restarts), or every series whose newest sample is older than `cutoffMs`.
    void remove(const SeriesKey &key) { m_series.remove(key); }
    void removeContainer(const QString &containerId);
    // `keptBytes`, if given, receives ringBytes() of what stays (summed in the same pass).
    int pruneOlderThan(qint64 cutoffMs, qint64 *keptBytes = nullptr);
    void clear();

    qsizetype seriesCount() const { return m_series.size(); }
    qint64 refusedSeries() const { return m_refused; }
    // Bytes held by the sample rings (the hash tables and key strings come on top).
    qint64 ringBytes() const;
    // The memory estimate the thinning works with (rings + per-series book-keeping), as of
    // the last maintenance (once per sampling interval, in addRound()).
    qint64 estimatedBytes() const { return m_estimatedBytes; }
    // 1 = every tier at its capacity; less = thinned under memory pressure.
    double thinning() const { return m_scale; }
    // How far back raw samples (exact percentiles) reach for a series now.
    qint64 rawSpanMs() const;
    // Series removed because their newest sample was older than anything still shown.
    qint64 prunedSeries() const { return m_pruned; }
    // Keeps memory within config().maxBytes and forgets series of objects gone for longer
    // than the longest time range (or what a thinned history still keeps). Called by
    // addRound() at most once per interval; public for tests.
    void maintain(qint64 nowMs);
    static constexpr double kMinScale = 1.0 / 64;

    static QString containerId(const QString &ns, const QString &pod, const QString &container);
    static QString podId(const QString &ns, const QString &pod);

private:
    MetricSeries *seriesFor(const SeriesKey &key);
    MetricSeries::WriteResult write(const SeriesKey &key, qint64 ms, double value,
                                    MetricSeries::Write mode);
    qint64 align(qint64 ms) const;

    struct RestartPoint
    {
        qint64 ms = 0;
        int count = 0;
    };

    MetricSeries::Limits limits() const;

    Config m_config;
    QHash<SeriesKey, MetricSeries> m_series;
    QHash<QString, RingBuffer<RestartPoint>> m_restarts;
    qint64 m_refused = 0;
    qint64 m_pruned = 0;
    double m_scale = 1.0;
    MetricSeries::Limits m_limits;
    qint64 m_estimatedBytes = 0;
    qint64 m_lastMaintenanceMs = 0;
    bool m_maintained = false;
};
