#pragma once

// The value behind the Trend column: one entry per bar of the selected range with its height,
// threshold status and display text. Item models return it, TrendDelegate paints it.
//
// Role contract: the model returns QVariant::fromValue(TrendData) for the trend role it hands
// to TrendDelegate (the delegate takes the role number in its constructor). An invalid QVariant
// or a TrendData without bars paints nothing. Bars are oldest first; bar i spans
// [startMs + i·barMs, startMs + (i+1)·barMs) in ms since the epoch (UTC).
#include "models/insights/thresholds.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/utilisation.h"

#include <QList>
#include <QLocale>
#include <QMetaType>
#include <QString>

#include <functional>
#include <limits>

struct TrendBar final
{
    // Fraction of the cell height, 0…1 (the delegate clamps); NaN or 0 for no data.
    double height = std::numeric_limits<double>::quiet_NaN();
    HealthStatus status = HealthStatus::NoData; // NoData and Stale paint grey
    QString valueText;                          // "1.2 cores · 83% of limit", for the tool tip
    bool operator==(const TrendBar &) const = default;
};

struct TrendData final
{
    qint64 startMs = 0;
    qint64 barMs = 0;
    QList<TrendBar> bars;

    qint64 barStart(int i) const { return startMs + barMs * i; }
    bool operator==(const TrendData &) const = default;

    // Builds the bars from a range summary: each bar shows `statistic` of its samples. With a
    // denominator (`percentOf` returns a valid Utilisation) the height is the percentage (100 % =
    // full cell) and the status follows `thresholds`; without one the height is relative to the
    // highest bar and the status OK. Empty bars are NoData.
    static TrendData build(const RangeSummary &range, Statistic statistic, Metric metric,
                           const std::function<Utilisation(double)> &percentOf,
                           const Thresholds &thresholds, const QLocale &locale = QLocale());
};

Q_DECLARE_METATYPE(TrendData)
