#include "views/charts/timechart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

TimeChart::TimeChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
}

void TimeChart::reset(const QString &title, const TimeWindow &window, int timeTicks)
{
    QChart *c = chart();
    // "2,5" in German: axis numbers follow the language chosen at runtime.
    c->setLocalizeNumbers(true);
    c->setLocale(QLocale());
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    c->setTitle(title);
    m_window = window;
    m_time = new QDateTimeAxis;
    m_time->setFormat(window.endMs() - window.startMs > 86400000 ? QStringLiteral("dd.MM.")
                                                                 : QStringLiteral("HH:mm"));
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(window.startMs),
                     QDateTime::fromMSecsSinceEpoch(window.endMs()));
    m_time->setTickCount(timeTicks);
    m_value = new QValueAxis;
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_value, Qt::AlignLeft);
}

QLineSeries *TimeChart::addLine(const QString &name, const QList<QPointF> &points)
{
    auto *line = new QLineSeries;
    line->setName(name);
    line->append(points);
    chart()->addSeries(line);
    return line;
}

QLineSeries *TimeChart::addLevel(const QString &name, double y, Qt::PenStyle style)
{
    QLineSeries *line = addLine(
        name, {QPointF(double(m_window.startMs), y), QPointF(double(m_window.endMs()), y)});
    QPen pen = line->pen();
    pen.setStyle(style);
    line->setPen(pen);
    return line;
}

void TimeChart::setValueAxis(double top, int ticks, const QString &labelFormat,
                             const QString &title)
{
    m_value->setRange(0, top);
    m_value->setTickCount(ticks);
    m_value->setLabelFormat(labelFormat);
    m_value->setTitleText(title);
}

void TimeChart::setNiceValueAxis(double max, const QString &title)
{
    m_value->setLabelFormat(QStringLiteral("%.0f"));
    m_value->setTitleText(title);
    m_value->setRange(0, std::max(1.0, max * 1.1));
    // Whole tick values: 0–3.3 with five ticks would read "0 1 2 2 3".
    m_value->applyNiceNumbers();
}

void TimeChart::finish()
{
    for (QAbstractSeries *s : chart()->series()) {
        s->attachAxis(m_time);
        s->attachAxis(m_value);
    }
    if (!m_legendToggles)
        return;
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, marker, [marker] {
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            marker->setLabelBrush(marker->series()->isVisible() ? QBrush(Qt::black)
                                                                : QBrush(Qt::gray));
        });
    }
}

QList<QLineSeries *> TimeChart::lines() const
{
    QList<QLineSeries *> out;
    for (QAbstractSeries *s : chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(s))
            out << line;
    }
    return out;
}
