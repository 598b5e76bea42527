#pragma once

// One metric time series with bounded memory: raw samples for the recent hours, then buckets of
// min/max/sum/count at two coarser resolutions (docs/metrics.md has the sizes and the cost).
#include "models/metrics/percentiles.h"
#include "models/metrics/ringbuffer.h"
#include "models/metrics/timerange.h"

#include <QList>
#include <QtGlobal>

#include <optional>

struct Sample final
{
    qint64 ms = 0;
    double value = 0;
};

struct BarSummary final
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    Summary summary; // empty when the bar has no samples
};

struct RangeSummary final
{
    TimeWindow window;
    QList<BarSummary> bars; // window.bars entries, oldest first
    Summary whole;          // over every sample in the window (not a summary of the bars)
};

class MetricSeries final
{
public:
    struct Config
    {
        qint64 rawHorizonMs = 6 * 3600 * 1000LL; // raw samples older than this are downsampled
        qsizetype rawCapacity = 1440;            // 6 h at 15 s
        qint64 midBucketMs = 5 * 60 * 1000LL;
        qsizetype midCapacity = 288; // 24 h of 5-minute buckets
        qint64 oldBucketMs = 3600 * 1000LL;
        qsizetype oldCapacity = 720; // 30 days of 1-hour buckets
    };
    // How many entries each tier may hold now (at most the configured capacities): a history
    // under memory pressure keeps shorter tiers for every series (MetricsHistory's thinning).
    struct Limits
    {
        qsizetype raw = 0, mid = 0, old = 0;
    };
    enum class Write { Set, Add };
    struct WriteResult
    {
        bool accepted = false;
        double previous = 0; // the value replaced or added to; 0 for a new sample
    };

    explicit MetricSeries(const Config &config);

    // Set replaces, Add adds to, the raw sample at exactly `ms`; a newer `ms` appends. Writes
    // older than the newest sample succeed only where a raw sample with that time exists
    // (aggregates receive their members' contributions this way); others are refused.
    WriteResult write(qint64 ms, double value, Write mode);
    // The same within `limits`: an append folds (and then drops) what exceeds them.
    WriteResult write(qint64 ms, double value, Write mode, const Limits &limits);
    Limits fullLimits() const
    {
        return {m_config.rawCapacity, m_config.midCapacity, m_config.oldCapacity};
    }

    std::optional<Sample> latest() const;
    // Min/Avg/percentiles/Max per bar and over the window. Exact while every sample in a bar is
    // still raw; from buckets otherwise (Summary::isExact() tells).
    RangeSummary summarize(const TimeWindow &window) const;

    qsizetype rawCount() const { return m_raw.size(); }
    qsizetype bucketCount() const { return m_mid.size() + m_old.size(); }
    // Bytes held by the rings (they grow with use up to their capacities).
    qsizetype bytes() const { return m_raw.bytes() + m_mid.bytes() + m_old.bytes(); }
    static constexpr qsizetype kSampleBytes = sizeof(Sample);
    struct TimedBucket
    {
        qint64 startMs = 0;
        Summary::Bucket bucket;
    };
    static constexpr qsizetype kBucketBytes = sizeof(TimedBucket);

private:
    void append(const Sample &sample, const Limits &limits);
    void foldIntoMid(const Sample &sample, const Limits &limits);
    void foldIntoOld(const TimedBucket &bucket, const Limits &limits);

    Config m_config;
    RingBuffer<Sample> m_raw;
    RingBuffer<TimedBucket> m_mid;
    RingBuffer<TimedBucket> m_old;
};
