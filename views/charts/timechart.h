#pragma once

// A line chart over a time window, as the Cluster page and the details pane draw them: a time
// axis (clock times, or dates beyond a day), a value axis from 0, numbers in the language
// chosen at runtime. Each redraw starts with reset(), adds lines, sets the value axis and
// ends with finish().
#include "models/metrics/timerange.h"

#include <QChartView>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

class TimeChart final : public QChartView
{
    Q_OBJECT
public:
    explicit TimeChart(QWidget *parent = nullptr);

    // Clicking a legend entry shows or hides its line (the portal's toggles).
    void setLegendToggles(bool on) { m_legendToggles = on; }

    // Forgets every line and axis: a new drawing over `window` with `timeTicks` time ticks.
    void reset(const QString &title, const TimeWindow &window, int timeTicks);
    // A line through (ms since the epoch, value) points; the theme's pen unless `pen` is set.
    QLineSeries *addLine(const QString &name, const QList<QPointF> &points);
    // A horizontal line across the window at `y` (a request, a limit).
    QLineSeries *addLevel(const QString &name, double y, Qt::PenStyle style);
    // The value axis 0…top with `ticks` ticks, its numbers in `labelFormat` (printf style).
    void setValueAxis(double top, int ticks, const QString &labelFormat, const QString &title = {});
    // The value axis 0…max rounded to whole, readable tick values (counts, percentages).
    void setNiceValueAxis(double max, const QString &title);
    // Attaches every line to both axes; call once the lines are in.
    void finish();

    QList<QLineSeries *> lines() const;
    const TimeWindow &window() const { return m_window; }

private:
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_value = nullptr;
    TimeWindow m_window;
    bool m_legendToggles = false;
};
