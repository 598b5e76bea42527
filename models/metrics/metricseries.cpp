#include "models/metrics/metricseries.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

qint64 floorTo(qint64 ms, qint64 step)
{
    const qint64 q = ms / step;
    return (ms % step < 0 ? q - 1 : q) * step;
}

void merge(Summary::Bucket &into, const Summary::Bucket &from)
{
    if (into.count == 0) {
        into = from;
        return;
    }
    into.min = std::min(into.min, from.min);
    into.max = std::max(into.max, from.max);
    into.sum += from.sum;
    into.count += from.count;
}

} // namespace

MetricSeries::MetricSeries(const Config &config)
    : m_config(config)
    , m_raw(std::max<qsizetype>(1, config.rawCapacity))
    , m_mid(std::max<qsizetype>(1, config.midCapacity))
    , m_old(std::max<qsizetype>(1, config.oldCapacity))
{}

MetricSeries::WriteResult MetricSeries::write(qint64 ms, double value, Write mode)
{
    return write(ms, value, mode, fullLimits());
}

MetricSeries::WriteResult MetricSeries::write(qint64 ms, double value, Write mode,
                                              const Limits &limits)
{
    if (!std::isfinite(value))
        return {};
    if (m_raw.isEmpty() || ms > m_raw.back().ms) {
        append(Sample{ms, value}, limits);
        return {true, 0};
    }
    const qsizetype i = m_raw.lowerBound(ms,
                                         [](const Sample &s, qint64 key) { return s.ms < key; });
    if (i >= m_raw.size() || m_raw[i].ms != ms)
        return {};
    Sample &s = m_raw[i];
    const double previous = s.value;
    s.value = mode == Write::Set ? value : s.value + value;
    return {true, previous};
}

void MetricSeries::append(const Sample &sample, const Limits &limits)
{
    const qsizetype keep = std::clamp<qsizetype>(limits.raw, 1, m_raw.capacity());
    bool folded = false;
    while (!m_raw.isEmpty()
           && (m_raw.size() >= keep || m_raw.front().ms <= sample.ms - m_config.rawHorizonMs)) {
        foldIntoMid(m_raw.popFront(), limits);
        folded = true;
    }
    m_raw.push(sample);
    if (folded && keep < m_raw.capacity())
        m_raw.compact(keep); // thinned: give the storage a shorter limit frees back
}

void MetricSeries::foldIntoMid(const Sample &sample, const Limits &limits)
{
    const qint64 start = floorTo(sample.ms, m_config.midBucketMs);
    const Summary::Bucket one{sample.value, sample.value, sample.value, 1};
    if (!m_mid.isEmpty() && m_mid.back().startMs == start) {
        merge(m_mid.back().bucket, one);
        return;
    }
    const qsizetype keep = std::clamp<qsizetype>(limits.mid, 1, m_mid.capacity());
    while (m_mid.size() >= keep)
        foldIntoOld(m_mid.popFront(), limits);
    m_mid.push(TimedBucket{start, one});
    if (keep < m_mid.capacity())
        m_mid.compact(keep);
}

void MetricSeries::foldIntoOld(const TimedBucket &bucket, const Limits &limits)
{
    const qint64 start = floorTo(bucket.startMs, m_config.oldBucketMs);
    if (!m_old.isEmpty() && m_old.back().startMs == start) {
        merge(m_old.back().bucket, bucket.bucket);
        return;
    }
    const qsizetype keep = std::clamp<qsizetype>(limits.old, 1, m_old.capacity());
    while (m_old.size() >= keep)
        m_old.popFront(); // older than the longest range (or than a thinned history keeps)
    m_old.push(TimedBucket{start, bucket.bucket});
    if (keep < m_old.capacity())
        m_old.compact(keep);
}

std::optional<Sample> MetricSeries::latest() const
{
    if (m_raw.isEmpty())
        return std::nullopt;
    return m_raw.back();
}

RangeSummary MetricSeries::summarize(const TimeWindow &window) const
{
    RangeSummary result;
    result.window = window;
    if (!window.isValid())
        return result;
    const auto bars = std::size_t(window.bars);
    std::vector<std::vector<double>> rawPerBar(bars);
    std::vector<std::vector<Summary::Bucket>> bucketsPerBar(bars);
    std::vector<double> allRaw;
    std::vector<Summary::Bucket> allBuckets;

    // Buckets count for the bar holding their start; bar widths are multiples of the bucket
    // widths for every predefined range, so a bucket never straddles two bars there.
    auto collect = [&](const RingBuffer<TimedBucket> &ring) {
        const qsizetype from = ring.lowerBound(
            window.startMs, [](const TimedBucket &b, qint64 key) { return b.startMs < key; });
        for (qsizetype i = from; i < ring.size() && ring[i].startMs < window.endMs(); ++i) {
            bucketsPerBar[std::size_t(window.barAt(ring[i].startMs))].push_back(ring[i].bucket);
            allBuckets.push_back(ring[i].bucket);
        }
    };
    collect(m_old);
    collect(m_mid);
    const qsizetype from = m_raw.lowerBound(window.startMs,
                                            [](const Sample &s, qint64 key) { return s.ms < key; });
    for (qsizetype i = from; i < m_raw.size() && m_raw[i].ms < window.endMs(); ++i) {
        rawPerBar[std::size_t(window.barAt(m_raw[i].ms))].push_back(m_raw[i].value);
        allRaw.push_back(m_raw[i].value);
    }

    auto summarizeMixed = [](const std::vector<double> &raw,
                             std::vector<Summary::Bucket> &buckets) {
        if (buckets.empty())
            return Summary::of(std::span<const double>(raw));
        for (double v : raw)
            buckets.push_back(Summary::Bucket{v, v, v, 1});
        return Summary::ofBuckets(buckets);
    };
    result.bars.reserve(window.bars);
    for (int i = 0; i < window.bars; ++i) {
        result.bars.append(
            BarSummary{window.barStart(i), window.barStart(i + 1),
                       summarizeMixed(rawPerBar[std::size_t(i)], bucketsPerBar[std::size_t(i)])});
    }
    result.whole = summarizeMixed(allRaw, allBuckets);
    return result;
}
