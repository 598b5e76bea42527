#include "models/metrics/trenddata.h"

#include "models/insights/formatter.h"

#include <algorithm>

TrendData TrendData::build(const RangeSummary &range, Statistic statistic, Metric metric,
                           const std::function<Utilisation(double)> &percentOf,
                           const Thresholds &thresholds, const QLocale &locale)
{
    TrendData data;
    data.startMs = range.window.startMs;
    data.barMs = range.window.barMs;
    double highest = 0;
    for (const BarSummary &bar : range.bars) {
        if (!bar.summary.isEmpty())
            highest = std::max(highest, bar.summary.value(statistic));
    }
    data.bars.reserve(range.bars.size());
    for (const BarSummary &bar : range.bars) {
        TrendBar out;
        if (!bar.summary.isEmpty()) {
            const double value = bar.summary.value(statistic);
            const Utilisation u = percentOf ? percentOf(value) : Utilisation{};
            out.valueText = Formatter::value(metric, value, locale);
            if (u.isValid()) {
                out.height = std::clamp(u.percent / 100.0, 0.0, 1.0);
                out.status = thresholds.classify(u.percent);
                out.valueText += QStringLiteral(" · ") + Formatter::utilisation(u, locale);
            } else {
                out.height = highest > 0 ? std::clamp(value / highest, 0.0, 1.0) : 0.0;
                out.status = HealthStatus::Ok;
            }
        }
        data.bars.append(out);
    }
    return data;
}
