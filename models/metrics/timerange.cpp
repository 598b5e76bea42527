#include "models/metrics/timerange.h"

#include <QCoreApplication>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

struct RangeSpec
{
    TimeRange range;
    qint64 duration;
    qint64 bar;
    const char *label;
    const char *shortLabel;
};

// 6 h = 24 bars of 15 min as in Container insights; the others keep 24–36 bars whose width
// is a multiple of the downsampled bucket that serves them (5 min up to 24 h, 1 h beyond).
constexpr RangeSpec kRanges[] = {
    {TimeRange::Last30Minutes, 30 * kMinute, kMinute,
     QT_TRANSLATE_NOOP("TimeRange", "Last 30 minutes"), QT_TRANSLATE_NOOP("TimeRange", "30 min")},
    {TimeRange::LastHour, kHour, 2 * kMinute, QT_TRANSLATE_NOOP("TimeRange", "Last hour"),
     QT_TRANSLATE_NOOP("TimeRange", "1 h")},
    {TimeRange::Last6Hours, 6 * kHour, 15 * kMinute, QT_TRANSLATE_NOOP("TimeRange", "Last 6 hours"),
     QT_TRANSLATE_NOOP("TimeRange", "6 h")},
    {TimeRange::Last12Hours, 12 * kHour, 30 * kMinute,
     QT_TRANSLATE_NOOP("TimeRange", "Last 12 hours"), QT_TRANSLATE_NOOP("TimeRange", "12 h")},
    {TimeRange::Last24Hours, 24 * kHour, kHour, QT_TRANSLATE_NOOP("TimeRange", "Last 24 hours"),
     QT_TRANSLATE_NOOP("TimeRange", "24 h")},
    {TimeRange::Last3Days, 3 * kDay, 2 * kHour, QT_TRANSLATE_NOOP("TimeRange", "Last 3 days"),
     QT_TRANSLATE_NOOP("TimeRange", "3 d")},
    {TimeRange::Last7Days, 7 * kDay, 6 * kHour, QT_TRANSLATE_NOOP("TimeRange", "Last 7 days"),
     QT_TRANSLATE_NOOP("TimeRange", "7 d")},
    {TimeRange::Last30Days, 30 * kDay, kDay, QT_TRANSLATE_NOOP("TimeRange", "Last 30 days"),
     QT_TRANSLATE_NOOP("TimeRange", "30 d")},
};

const RangeSpec &spec(TimeRange range)
{
    for (const RangeSpec &s : kRanges) {
        if (s.range == range)
            return s;
    }
    return kRanges[2];
}

qint64 floorTo(qint64 ms, qint64 step)
{
    const qint64 q = ms / step;
    return (ms % step < 0 ? q - 1 : q) * step;
}

} // namespace

QList<TimeRange> TimeRanges::all()
{
    QList<TimeRange> result;
    for (const RangeSpec &s : kRanges)
        result.append(s.range);
    return result;
}

qint64 TimeRanges::durationMs(TimeRange range)
{
    return spec(range).duration;
}

qint64 TimeRanges::barMs(TimeRange range)
{
    return spec(range).bar;
}

TimeWindow TimeRanges::window(TimeRange range, qint64 nowMs)
{
    const RangeSpec &s = spec(range);
    TimeWindow w;
    w.barMs = s.bar;
    w.bars = int(s.duration / s.bar);
    const qint64 end = floorTo(nowMs, s.bar) + s.bar;
    w.startMs = end - s.duration;
    return w;
}

TimeWindow TimeRanges::custom(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return {};
    static constexpr qint64 kWidths[] = {kMinute,      2 * kMinute, 5 * kMinute, 15 * kMinute,
                                         30 * kMinute, kHour,       2 * kHour,   6 * kHour,
                                         12 * kHour,   kDay};
    TimeWindow w;
    for (qint64 width : kWidths) {
        const qint64 start = floorTo(fromMs, width);
        const qint64 end = floorTo(toMs - 1, width) + width;
        w = TimeWindow{start, width, int((end - start) / width)};
        if (w.bars <= 36)
            return w;
    }
    return w; // longer than 36 days: more bars of one day
}

QString TimeRanges::label(TimeRange range)
{
    return QCoreApplication::translate("TimeRange", spec(range).label);
}

QString TimeRanges::shortLabel(TimeRange range)
{
    return QCoreApplication::translate("TimeRange", spec(range).shortLabel);
}
