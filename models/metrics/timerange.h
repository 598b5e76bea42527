#pragma once

// The selectable time ranges (30 min … 30 days) and the window of equal bars each one is shown
// as in the trend column and the charts; bar counts and widths are documented in docs/metrics.md.
#include <QList>
#include <QString>
#include <QtGlobal>

enum class TimeRange {
    Last30Minutes,
    LastHour,
    Last6Hours,
    Last12Hours,
    Last24Hours,
    Last3Days,
    Last7Days,
    Last30Days
};

// Bars [startMs + i·barMs, startMs + (i+1)·barMs), i < bars; the window is [startMs, endMs()).
struct TimeWindow final
{
    qint64 startMs = 0;
    qint64 barMs = 0;
    int bars = 0;

    qint64 endMs() const { return startMs + barMs * bars; }
    qint64 barStart(int i) const { return startMs + barMs * i; }
    // The bar holding `ms`, or -1 outside the window.
    int barAt(qint64 ms) const
    {
        if (barMs <= 0 || ms < startMs || ms >= endMs())
            return -1;
        return int((ms - startMs) / barMs);
    }
    bool isValid() const { return barMs > 0 && bars > 0; }
    bool operator==(const TimeWindow &) const = default;
};

class TimeRanges final
{
public:
    static constexpr TimeRange defaultRange() { return TimeRange::Last6Hours; }
    static QList<TimeRange> all();

    static qint64 durationMs(TimeRange range);
    static qint64 barMs(TimeRange range);
    static int barCount(TimeRange range) { return int(durationMs(range) / barMs(range)); }

    // The window ending with the bar that holds `nowMs`. Bars are aligned to multiples of their
    // width since the epoch (UTC), so they do not shift while time passes; the last bar is the
    // one in progress.
    static TimeWindow window(TimeRange range, qint64 nowMs);
    // A custom range [fromMs, toMs): the narrowest bar width from 1 min … 1 day that needs at
    // most 36 bars, aligned like window(). Invalid window if toMs <= fromMs.
    static TimeWindow custom(qint64 fromMs, qint64 toMs);

    // "Last 6 hours" — translated, for the range selector.
    static QString label(TimeRange range);
    // "6 h" — translated, short form for column titles and tool tips.
    static QString shortLabel(TimeRange range);
};
