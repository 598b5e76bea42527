#include "models/metrics/metricshistory.h"

#include <QHashFunctions>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr std::array<Metric, 3> kMetrics = {Metric::Cpu, Metric::WorkingSet, Metric::Rss};

template<typename Usage>
double valueOf(const Usage &u, Metric m)
{
    switch (m) {
    case Metric::Cpu:
        return u.cpuMillicores;
    case Metric::WorkingSet:
        return u.workingSetBytes;
    case Metric::Rss:
        return u.rssBytes;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

size_t qHash(const SeriesKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, quint8(key.kind), quint8(key.metric), key.id);
}

// A series' hash node, key and object beside its rings: what an empty series costs.
constexpr qint64 kSeriesOverheadBytes = 320;

MetricsHistory::MetricsHistory(const Config &config)
    : m_config(config)
{
    if (m_config.intervalMs <= 0)
        m_config.intervalMs = 15000;
    m_limits = limits();
}

MetricSeries::Limits MetricsHistory::limits() const
{
    const auto scaled = [this](qsizetype capacity) {
        return std::max<qsizetype>(2, qsizetype(std::ceil(double(capacity) * m_scale)));
    };
    const MetricSeries::Config &c = m_config.series;
    return {std::min(c.rawCapacity, scaled(c.rawCapacity)),
            std::min(c.midCapacity, scaled(c.midCapacity)),
            std::min(c.oldCapacity, scaled(c.oldCapacity))};
}

qint64 MetricsHistory::rawSpanMs() const
{
    return std::min(m_config.series.rawHorizonMs, qint64(m_limits.raw) * m_config.intervalMs);
}

void MetricsHistory::maintain(qint64 nowMs)
{
    m_lastMaintenanceMs = nowMs;
    m_maintained = true;
    // Forget what nothing can show any more: the newest sample is older than the oldest
    // bucket a series still keeps (30 days unthinned), so the series holds no visible point.
    const MetricSeries::Config &c = m_config.series;
    const qint64 kept = std::max({c.rawHorizonMs, qint64(m_limits.mid) * c.midBucketMs,
                                  qint64(m_limits.old) * c.oldBucketMs});
    qint64 ringBytesKept = 0; // one pass over the series for both
    m_pruned += pruneOlderThan(nowMs - kept, &ringBytesKept);
    m_estimatedBytes = ringBytesKept + qint64(m_series.size()) * kSeriesOverheadBytes;
    // Over the budget: every series keeps shorter tiers from its next write on; well under
    // it again (objects went away): longer tiers, as far as the capacities go.
    if (m_estimatedBytes > m_config.maxBytes && m_scale > kMinScale)
        m_scale = std::max(kMinScale, m_scale * 0.7);
    else if (m_estimatedBytes < m_config.maxBytes / 2 && m_scale < 1.0)
        m_scale = std::min(1.0, m_scale * 1.25);
    m_limits = limits();
}

QString MetricsHistory::containerId(const QString &ns, const QString &pod, const QString &container)
{
    return ns + u'/' + pod + u'/' + container;
}

QString MetricsHistory::podId(const QString &ns, const QString &pod)
{
    return ns + u'/' + pod;
}

qint64 MetricsHistory::align(qint64 ms) const
{
    const qint64 step = m_config.intervalMs;
    const qint64 q = ms / step;
    return (ms % step < 0 ? q - 1 : q) * step;
}

MetricSeries *MetricsHistory::seriesFor(const SeriesKey &key)
{
    auto it = m_series.find(key);
    if (it != m_series.end())
        return &it.value();
    // Even the thinnest tiers are over the budget: a new series would only push it further.
    const bool full = m_scale <= kMinScale && m_estimatedBytes > m_config.maxBytes;
    if (m_series.size() >= m_config.maxSeries || full) {
        ++m_refused;
        return nullptr;
    }
    m_estimatedBytes += kSeriesOverheadBytes;
    return &m_series.emplace(key, m_config.series).value();
}

MetricSeries::WriteResult MetricsHistory::write(const SeriesKey &key, qint64 ms, double value,
                                                MetricSeries::Write mode)
{
    if (!std::isfinite(value))
        return {};
    MetricSeries *series = seriesFor(key);
    return series ? series->write(ms, value, mode, m_limits) : MetricSeries::WriteResult{};
}

void MetricsHistory::addRound(qint64 timestampMs, const QList<ContainerUsage> &containers,
                              const QList<NodeUsage> &nodes)
{
    const qint64 ms = align(timestampMs);
    if (!m_maintained || timestampMs - m_lastMaintenanceMs >= m_config.intervalMs
        || timestampMs < m_lastMaintenanceMs)
        maintain(timestampMs);
    QHash<QString, std::array<double, 3>> containersPerNode;
    for (const ContainerUsage &c : containers) {
        const QString id = containerId(c.namespaceName, c.pod, c.container);
        const QString pod = podId(c.namespaceName, c.pod);
        const QString controller = c.controller.key();
        auto &nodeSums = containersPerNode[c.node];
        for (Metric m : kMetrics) {
            const double v = valueOf(c, m);
            if (!std::isfinite(v))
                continue;
            nodeSums[std::size_t(m)] += v;
            const auto written = write(SeriesKey{SeriesKind::Container, m, id}, ms, v,
                                       MetricSeries::Write::Set);
            if (!written.accepted)
                continue;
            // Only the change reaches the sums, so a repeated report in one bucket is not
            // counted twice.
            const double delta = v - written.previous;
            write(SeriesKey{SeriesKind::Pod, m, pod}, ms, delta, MetricSeries::Write::Add);
            write(SeriesKey{SeriesKind::Namespace, m, c.namespaceName}, ms, delta,
                  MetricSeries::Write::Add);
            if (!controller.isEmpty())
                write(SeriesKey{SeriesKind::Controller, m, controller}, ms, delta,
                      MetricSeries::Write::Add);
        }
    }
    for (const NodeUsage &n : nodes) {
        const auto sums = containersPerNode.value(n.node, {0.0, 0.0, 0.0});
        for (Metric m : kMetrics) {
            const double usage = valueOf(n, m);
            if (!std::isfinite(usage))
                continue;
            write(SeriesKey{SeriesKind::Node, m, n.node}, ms, usage, MetricSeries::Write::Set);
            // Usage and container figures are read at slightly different moments, so the
            // difference can dip below 0 on an idle node; it is never negative in reality.
            const double other = std::max(0.0, usage - sums[std::size_t(m)]);
            write(SeriesKey{SeriesKind::NodeOther, m, n.node}, ms, other, MetricSeries::Write::Set);
        }
    }
}

bool MetricsHistory::addSample(const SeriesKey &key, qint64 timestampMs, double value)
{
    return write(key, align(timestampMs), value, MetricSeries::Write::Set).accepted;
}

void MetricsHistory::addRestartCount(const QString &containerId, qint64 timestampMs,
                                     int restartCount)
{
    auto it = m_restarts.find(containerId);
    if (it == m_restarts.end())
        it = m_restarts.insert(containerId, RingBuffer<RestartPoint>(std::max<qsizetype>(
                                                2, m_config.restartPointsPerContainer)));
    RingBuffer<RestartPoint> &points = it.value();
    if (!points.isEmpty()
        && (timestampMs < points.back().ms || points.back().count == restartCount))
        return;
    if (points.isFull())
        points.popFront();
    points.push(RestartPoint{timestampMs, restartCount});
}

int MetricsHistory::restartsInRange(const QStringList &containerIds, qint64 fromMs,
                                    qint64 toMs) const
{
    int total = 0;
    for (const QString &id : containerIds) {
        const auto it = m_restarts.constFind(id);
        if (it == m_restarts.constEnd())
            continue;
        const RingBuffer<RestartPoint> &points = it.value();
        std::optional<int> previous;
        for (qsizetype i = 0; i < points.size() && points[i].ms <= toMs; ++i) {
            const RestartPoint &p = points[i];
            if (p.ms > fromMs && previous)
                total += p.count >= *previous ? p.count - *previous : p.count;
            previous = p.count;
        }
    }
    return total;
}

RangeSummary MetricsHistory::summarize(const SeriesKey &key, const TimeWindow &window) const
{
    const auto it = m_series.constFind(key);
    if (it == m_series.constEnd()) {
        // An unknown series still gets its (empty) bars so views can paint "no data".
        return MetricSeries(MetricSeries::Config{0, 1, 1, 1, 1, 1}).summarize(window);
    }
    return it->summarize(window);
}

std::optional<Sample> MetricsHistory::latest(const SeriesKey &key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.constEnd() ? std::nullopt : it->latest();
}

bool MetricsHistory::isStale(const SeriesKey &key, qint64 nowMs) const
{
    const auto last = latest(key);
    return !last || nowMs - last->ms > m_config.staleAfterMs;
}

void MetricsHistory::removeContainer(const QString &containerId)
{
    for (Metric m : kMetrics)
        m_series.remove(SeriesKey{SeriesKind::Container, m, containerId});
    m_restarts.remove(containerId);
}

int MetricsHistory::pruneOlderThan(qint64 cutoffMs, qint64 *keptBytes)
{
    int removed = 0;
    qint64 bytes = 0;
    for (auto it = m_series.begin(); it != m_series.end();) {
        const auto last = it->latest();
        if (!last || last->ms < cutoffMs) {
            it = m_series.erase(it);
            ++removed;
        } else {
            bytes += it->bytes();
            ++it;
        }
    }
    for (auto it = m_restarts.begin(); it != m_restarts.end();) {
        if (it->isEmpty() || it->back().ms < cutoffMs) {
            it = m_restarts.erase(it);
        } else {
            bytes += it->bytes();
            ++it;
        }
    }
    if (keptBytes)
        *keptBytes = bytes;
    return removed;
}

void MetricsHistory::clear()
{
    m_series.clear();
    m_restarts.clear();
    m_refused = 0;
    m_pruned = 0;
    m_scale = 1.0;
    m_limits = limits();
    m_estimatedBytes = 0;
    m_lastMaintenanceMs = 0;
    m_maintained = false;
}

qint64 MetricsHistory::ringBytes() const
{
    qint64 total = 0;
    for (const MetricSeries &s : m_series)
        total += s.bytes();
    for (const auto &r : m_restarts)
        total += r.bytes();
    return total;
}
