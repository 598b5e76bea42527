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
    if (!std::isfinite(value))
        return {};
    if (m_raw.isEmpty() || ms > m_raw.back().ms) {
        append(Sample{ms, value});
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

void MetricSeries::append(const Sample &sample)
{
    while (!m_raw.isEmpty()
           && (m_raw.isFull() || m_raw.front().ms <= sample.ms - m_config.rawHorizonMs))
        foldIntoMid(m_raw.popFront());
    m_raw.push(sample);
}

void MetricSeries::foldIntoMid(const Sample &sample)
{
    const qint64 start = floorTo(sample.ms, m_config.midBucketMs);
    const Summary::Bucket one{sample.value, sample.value, sample.value, 1};
    if (!m_mid.isEmpty() && m_mid.back().startMs == start) {
        merge(m_mid.back().bucket, one);
        return;
    }
    if (m_mid.isFull())
        foldIntoOld(m_mid.popFront());
    m_mid.push(TimedBucket{start, one});
}

void MetricSeries::foldIntoOld(const TimedBucket &bucket)
{
    const qint64 start = floorTo(bucket.startMs, m_config.oldBucketMs);
    if (!m_old.isEmpty() && m_old.back().startMs == start) {
        merge(m_old.back().bucket, bucket.bucket);
        return;
    }
    if (m_old.isFull())
        m_old.popFront(); // older than the longest range: dropped
    m_old.push(TimedBucket{start, bucket.bucket});
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
