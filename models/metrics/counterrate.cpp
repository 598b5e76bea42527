#include "models/metrics/counterrate.h"

#include <cmath>

std::optional<double> CounterRate::rate(qint64 previousMs, double previous, qint64 currentMs,
                                        double current)
{
    if (currentMs <= previousMs || !std::isfinite(previous) || !std::isfinite(current)
        || previous < 0 || current < 0)
        return std::nullopt;
    const double increase = current >= previous ? current - previous : current;
    return increase / (double(currentMs - previousMs) / 1000.0);
}

std::optional<double> CounterRate::add(const QString &key, qint64 timestampMs, double counter)
{
    if (!std::isfinite(counter) || counter < 0)
        return std::nullopt;
    const auto it = m_last.find(key);
    if (it == m_last.end()) {
        m_last.insert(key, Last{timestampMs, counter});
        return std::nullopt;
    }
    if (timestampMs <= it->ms)
        return std::nullopt;
    const auto result = rate(it->ms, it->value, timestampMs, counter);
    *it = Last{timestampMs, counter};
    return result;
}
