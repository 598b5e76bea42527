#include "models/metrics/percentiles.h"

#include <algorithm>
#include <vector>

namespace {
constexpr int kPercents[3] = {50, 90, 95};
}

double Summary::nearestRank(std::span<const double> sorted, int percent)
{
    const auto n = qint64(sorted.size());
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    // ceil(p·n/100) in integers; rank 0 (p = 0) means the smallest value.
    const qint64 rank = std::max<qint64>(1, (qint64(percent) * n + 99) / 100);
    return sorted[std::size_t(std::min(rank, n) - 1)];
}

Summary Summary::of(std::span<const double> values)
{
    std::vector<double> sorted;
    sorted.reserve(values.size());
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        sum += v;
        sorted.push_back(v);
    }
    Summary s;
    s.m_count = qint64(sorted.size());
    if (sorted.empty())
        return s;
    std::sort(sorted.begin(), sorted.end());
    s.m_values[int(Statistic::Min)] = sorted.front();
    s.m_values[int(Statistic::Max)] = sorted.back();
    s.m_values[int(Statistic::Avg)] = sum / double(sorted.size());
    for (int i = 0; i < 3; ++i)
        s.m_values[int(Statistic::P50) + i] = nearestRank(sorted, kPercents[i]);
    return s;
}

Summary Summary::ofBuckets(std::span<const Bucket> buckets)
{
    struct Weighted
    {
        double mean;
        quint32 count;
    };
    std::vector<Weighted> means;
    means.reserve(buckets.size());
    Summary s;
    s.m_exact = false;
    double sum = 0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const Bucket &b : buckets) {
        if (b.count == 0)
            continue;
        s.m_count += b.count;
        sum += b.sum;
        lo = std::min(lo, b.min);
        hi = std::max(hi, b.max);
        means.push_back({b.sum / double(b.count), b.count});
    }
    if (s.m_count == 0)
        return s;
    std::sort(means.begin(), means.end(),
              [](const Weighted &a, const Weighted &b) { return a.mean < b.mean; });
    s.m_values[int(Statistic::Min)] = lo;
    s.m_values[int(Statistic::Max)] = hi;
    s.m_values[int(Statistic::Avg)] = sum / double(s.m_count);
    for (int i = 0; i < 3; ++i) {
        const qint64 rank = std::max<qint64>(1, (qint64(kPercents[i]) * s.m_count + 99) / 100);
        qint64 seen = 0;
        for (const Weighted &w : means) {
            seen += w.count;
            if (seen >= rank) {
                // A bucket mean never lies outside the true range, but clamp for clarity.
                s.m_values[int(Statistic::P50) + i] = std::clamp(w.mean, lo, hi);
                break;
            }
        }
    }
    return s;
}

double Summary::value(Statistic statistic) const
{
    if (m_count == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return m_values[int(statistic)];
}
