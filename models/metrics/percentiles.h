#pragma once

// Summary statistics of a set of samples — Min, Avg, 50th, 90th, 95th, Max — with the
// nearest-rank percentile method (see docs/metrics.md); the figures behind every trend bar.
#include <QList>
#include <QMetaType>

#include <cmath>
#include <limits>
#include <span>

// The statistic a column or chart series shows; order as in the UI's percentile selector.
enum class Statistic { Min, Avg, P50, P90, P95, Max };

class Summary final
{
public:
    // Statistics of `values` (any order). Avg is the sum in the given order divided by the count,
    // so callers that pass samples in time order get a reproducible figure. NaN values are skipped.
    static Summary of(std::span<const double> values);
    static Summary of(const QList<double> &values)
    {
        return of(std::span(values.data(), values.size()));
    }

    // The nearest-rank percentile of already sorted values: the value at 1-based rank
    // ceil(p × n / 100), computed in integers so p = 90, n = 10 gives rank 9 exactly.
    static double nearestRank(std::span<const double> sorted, int percent);

    // Statistics read from downsampled buckets (docs/metrics.md): Min, Max, Avg and count are
    // exact; the percentiles are nearest-rank over the bucket averages weighted by their sample
    // counts, so approximate (exact() is false).
    struct Bucket
    {
        double min = 0, max = 0, sum = 0;
        quint32 count = 0;
    };
    static Summary ofBuckets(std::span<const Bucket> buckets);

    bool isEmpty() const { return m_count == 0; }
    qint64 count() const { return m_count; }
    bool isExact() const { return m_exact; }
    // NaN when empty.
    double value(Statistic statistic) const;
    double min() const { return value(Statistic::Min); }
    double avg() const { return value(Statistic::Avg); }
    double max() const { return value(Statistic::Max); }

private:
    qint64 m_count = 0;
    bool m_exact = true;
    double m_values[6] = {};
};

Q_DECLARE_METATYPE(Summary)
