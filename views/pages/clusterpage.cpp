#include "views/pages/clusterpage.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/insightsnames.h"
#include "models/metrics/metricshistory.h"

#include "views/charts/timechart.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QLineSeries>
#include <QTimer>

#include <cmath>

namespace {
// Distinguishable colours (Okabe–Ito, readable for colour-blind users); the counts use them by
// meaning: ready/running green, pending orange, failed/not ready vermillion, unknown grey.
const QColor kBlue(0x00, 0x72, 0xb2), kGreen(0x00, 0x9e, 0x73), kOrange(0xe6, 0x9f, 0x00),
    kPink(0xcc, 0x79, 0xa7), kRed(0xd5, 0x5e, 0x00), kSky(0x56, 0xb4, 0xe9),
    kGrey(0x88, 0x88, 0x88), kBlack(0x22, 0x22, 0x22);
} // namespace

ClusterPage::ClusterPage(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    for (int i = 0; i < 4; ++i) {
        auto *view = new TimeChart(this);
        view->setLegendToggles(true);
        view->setMinimumSize(300, 220);
        view->setFocusPolicy(Qt::StrongFocus);
        grid->addWidget(view, i / 2, i % 2);
        m_charts << view;
    }
    auto *timer = new QTimer(this);
    timer->setInterval(60000);
    connect(timer, &QTimer::timeout, this, &ClusterPage::refresh);
    timer->start();
}

void ClusterPage::setSources(ClusterStore *feed, const MetricsHistory *history)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = feed;
    m_history = history;
    m_samples.clear();
    // Another cluster's counts must not continue this one's lines.
    if (m_store) {
        connect(m_store, &ClusterStore::cleared, this, [this] {
            m_samples.clear();
            draw();
        });
    }
    refresh();
}

void ClusterPage::setTimeRange(TimeRange range)
{
    m_range = range;
    draw();
}

void ClusterPage::refresh()
{
    sample();
    draw();
}

void ClusterPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        draw();
    QWidget::changeEvent(event);
}

void ClusterPage::sample()
{
    if (!m_store)
        return;
    // Before the first list arrives the counts are unknown, not zero: a 0 sample would draw a
    // cliff from nothing to the real count.
    if (m_store->nodeNames().isEmpty() && m_store->podUids().isEmpty())
        return;
    CountSample s;
    s.ms = QDateTime::currentMSecsSinceEpoch();
    s.nodesKnown = !m_store->nodeNames().isEmpty();
    for (const QString &name : m_store->nodeNames()) {
        ++s.values[0];
        ++s.values[m_store->node(name)->readyStatus() == u"True" ? 1 : 2];
    }
    for (const QString &uid : m_store->podUids()) {
        const QString phase = m_store->pod(uid)->phase;
        ++s.values[3];
        const int i = phase == u"Pending"     ? 4
                      : phase == u"Running"   ? 5
                      : phase == u"Succeeded" ? 7
                      : phase == u"Failed"    ? 8
                                              : 6;
        ++s.values[i];
    }
    m_samples << s;
    // Keep 30 days of one-minute samples at most.
    if (m_samples.size() > 43200)
        m_samples.removeFirst();
}

void ClusterPage::draw()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const TimeWindow window = TimeRanges::window(m_range, now);
    // The theme repeats its colours after five series (Avg and Max looked alike), and the first
    // minutes have a single point per series, which a bare line never shows.
    const auto colour = [](TimeChart *view, const QList<QColor> &colors) {
        const QList<QLineSeries *> lines = view->lines();
        for (int i = 0; i < lines.size(); ++i) {
            QPen pen(colors.value(i, kGrey));
            pen.setWidthF(2.0);
            lines[i]->setPen(pen);
            lines[i]->setPointsVisible(lines[i]->count() < 60);
            lines[i]->setMarkerSize(5);
        }
    };

    // Node utilisation: per bar each node's average as % of allocatable, then the statistic
    // across nodes — how the portal's Min/Avg/50th/90th/95th/Max node lines read.
    const Metric metrics[] = {Metric::Cpu, Metric::WorkingSet};
    for (int m = 0; m < 2; ++m) {
        TimeChart *view = m_charts[m];
        view->reset(m == 0 ? tr("Node CPU utilisation %") : tr("Node memory utilisation %"), window,
                    7);
        QList<QList<double>> perBar(window.bars);
        if (m_store && m_history) {
            for (const QString &name : m_store->nodeNames()) {
                const kube::Node *node = m_store->node(name);
                const kube::Quantity &alloc = m == 0 ? node->allocatable.cpu
                                                     : node->allocatable.memory;
                const double denom = m == 0 ? double(alloc.milliValue()) : alloc.toDouble();
                if (alloc.isNull() || denom <= 0)
                    continue;
                const RangeSummary r = m_history->summarize(
                    SeriesKey{SeriesKind::Node, metrics[m], name}, window);
                for (int i = 0; i < r.bars.size() && i < window.bars; ++i) {
                    const double v = r.bars[i].summary.avg();
                    if (!std::isnan(v))
                        perBar[i] << v / denom * 100.0;
                }
            }
        }
        double maxY = 0;
        for (Statistic s : {Statistic::Avg, Statistic::Min, Statistic::P50, Statistic::P90,
                            Statistic::P95, Statistic::Max}) {
            QList<QPointF> points;
            for (int i = 0; i < window.bars; ++i) {
                if (perBar[i].isEmpty())
                    continue;
                const double v = Summary::of(perBar[i]).value(s);
                points << QPointF(double(window.barStart(i) + window.barMs / 2), v);
                maxY = std::max(maxY, v);
            }
            view->addLine(InsightsNames::statistic(s), points);
        }
        view->setNiceValueAxis(std::min(100.0, std::max(maxY, 10.0)), tr("% of allocatable"));
        colour(view, {kBlack, kGreen, kSky, kOrange, kPink, kRed});
        view->finish();
    }

    const QStringList countNames[2] = {
        {tr("Total"), tr("Ready"), tr("Not ready")},
        {tr("Total"), tr("Pending"), tr("Running"), tr("Unknown"), tr("Succeeded"), tr("Failed")}};
    for (int c = 0; c < 2; ++c) {
        TimeChart *view = m_charts[2 + c];
        bool nodesHidden = c == 0 && !m_samples.isEmpty();
        for (const auto &s : std::as_const(m_samples))
            nodesHidden = nodesHidden && !s.nodesKnown;
        // Pods but no node in sight: RBAC hides the nodes; say so instead of drawing nothing.
        view->reset(c == 1        ? tr("Active pod count")
                    : nodesHidden ? tr("Node count (no access to nodes)")
                                  : tr("Node count"),
                    window, 7);
        double maxY = 0;
        const int offset = c == 0 ? 0 : 3;
        for (int k = 0; k < countNames[c].size(); ++k) {
            QList<QPointF> points;
            for (const auto &s : std::as_const(m_samples)) {
                if (s.ms < window.startMs || (c == 0 && !s.nodesKnown))
                    continue;
                points << QPointF(double(s.ms), s.values[offset + k]);
                maxY = std::max(maxY, double(s.values[offset + k]));
            }
            view->addLine(countNames[c][k], points);
        }
        // At least 0–4 on the axis: a smaller range gives ticks like "0 0 1 1" in whole numbers.
        view->setNiceValueAxis(std::max(maxY, 3.0), tr("Count"));
        colour(view, c == 0 ? QList<QColor>{kBlue, kGreen, kRed}
                            : QList<QColor>{kBlue, kOrange, kGreen, kGrey, kSky, kRed});
        view->finish();
    }
}
