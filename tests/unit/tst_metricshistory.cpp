// MetricsHistory: bars per range agree exactly with a reference over the same samples while raw,
// memory stays bounded over 30 days, sums per pod/controller/namespace, "Other processes",
// restarts in range, staleness, counter rates, denominators and thresholds.
#include "models/insights/thresholds.h"
#include "models/metrics/counterrate.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/trenddata.h"
#include "models/metrics/utilisation.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// 2026-11-26 00:00 UTC, a bar boundary for every range.
constexpr qint64 kMidnight = 1795651200000LL;

double referencePercentile(const QList<double> &values, int percent)
{
    double best = std::numeric_limits<double>::quiet_NaN();
    for (double candidate : values) {
        qint64 atOrBelow = 0;
        for (double v : values)
            atOrBelow += v <= candidate ? 1 : 0;
        if (100 * atOrBelow >= qint64(percent) * values.size() && !(candidate >= best))
            best = candidate;
    }
    return best;
}

void compareWithReference(const Summary &s, const QList<double> &values)
{
    QCOMPARE(s.count(), values.size());
    if (values.isEmpty())
        return;
    double sum = 0;
    for (double v : values)
        sum += v;
    QVERIFY(s.isExact());
    QCOMPARE(s.value(Statistic::Min), *std::min_element(values.begin(), values.end()));
    QCOMPARE(s.value(Statistic::Max), *std::max_element(values.begin(), values.end()));
    QCOMPARE(s.value(Statistic::Avg), sum / double(values.size()));
    QCOMPARE(s.value(Statistic::P50), referencePercentile(values, 50));
    QCOMPARE(s.value(Statistic::P90), referencePercentile(values, 90));
    QCOMPARE(s.value(Statistic::P95), referencePercentile(values, 95));
}

SeriesKey key(SeriesKind kind, Metric metric, const char *id)
{
    return SeriesKey{kind, metric, QString::fromUtf8(id)};
}

ContainerUsage usage(const char *ns, const char *pod, const char *container, const char *node,
                     const char *controller, double cpu, double ws = 0, double rss = 0)
{
    ContainerUsage u;
    u.namespaceName = QString::fromUtf8(ns);
    u.pod = QString::fromUtf8(pod);
    u.container = QString::fromUtf8(container);
    u.node = QString::fromUtf8(node);
    if (controller)
        u.controller = {u.namespaceName, QStringLiteral("ReplicaSet"),
                        QString::fromUtf8(controller)};
    u.cpuMillicores = cpu;
    u.workingSetBytes = ws;
    u.rssBytes = rss;
    return u;
}

} // namespace

class TestMetricsHistory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rangesHaveDocumentedBars_data()
    {
        QTest::addColumn<TimeRange>("range");
        QTest::addColumn<int>("bars");
        QTest::addColumn<qint64>("barMs");
        QTest::newRow("30 min") << TimeRange::Last30Minutes << 30 << kMinute;
        QTest::newRow("1 h") << TimeRange::LastHour << 30 << 2 * kMinute;
        QTest::newRow("6 h") << TimeRange::Last6Hours << 24 << 15 * kMinute;
        QTest::newRow("12 h") << TimeRange::Last12Hours << 24 << 30 * kMinute;
        QTest::newRow("24 h") << TimeRange::Last24Hours << 24 << kHour;
        QTest::newRow("3 d") << TimeRange::Last3Days << 36 << 2 * kHour;
        QTest::newRow("7 d") << TimeRange::Last7Days << 28 << 6 * kHour;
        QTest::newRow("30 d") << TimeRange::Last30Days << 30 << kDay;
    }
    void rangesHaveDocumentedBars()
    {
        QFETCH(TimeRange, range);
        QFETCH(int, bars);
        QFETCH(qint64, barMs);
        QCOMPARE(TimeRanges::barCount(range), bars);
        QCOMPARE(TimeRanges::barMs(range), barMs);
        const qint64 now = kMidnight + 3 * kHour + 7 * kMinute + 1234;
        const TimeWindow w = TimeRanges::window(range, now);
        QCOMPARE(w.bars, bars);
        QCOMPARE(w.barMs, barMs);
        QCOMPARE(w.endMs() - w.startMs, TimeRanges::durationMs(range));
        QCOMPARE(w.barAt(now), bars - 1); // the bar in progress is the last one
        QCOMPARE(w.startMs % barMs, 0);
        QVERIFY(!TimeRanges::label(range).isEmpty());
    }

    void customRange()
    {
        const TimeWindow w = TimeRanges::custom(kMidnight + 5 * kMinute, kMidnight + 9 * kHour);
        QCOMPARE(w.barMs, 15 * kMinute);
        QCOMPARE(w.startMs, kMidnight);
        QCOMPARE(w.bars, 36);
        QVERIFY(!TimeRanges::custom(kMidnight, kMidnight).isValid());
    }

    // Random samples over 6 h (with gaps and jitter): every bar and the whole range equal the
    // reference on the samples whose time falls into them.
    void barsMatchReferenceExactly()
    {
        QRandomGenerator rng(424242);
        for (TimeRange range :
             {TimeRange::Last30Minutes, TimeRange::LastHour, TimeRange::Last6Hours}) {
            MetricsHistory history;
            const SeriesKey k = key(SeriesKind::Container, Metric::Cpu, "ns/p/c");
            const qint64 now = kMidnight + 6 * kHour - 1;
            QList<std::pair<qint64, double>> samples;
            for (qint64 t = kMidnight; t <= now; t += 15000) {
                if (rng.bounded(10) == 0)
                    continue; // a missed round
                const double v = rng.bounded(4) == 0 ? double(rng.bounded(10))
                                                     : rng.generateDouble() * 2000.0;
                QVERIFY(history.addSample(k, t + rng.bounded(15000), v));
                samples.append({t, v});
            }
            const TimeWindow w = TimeRanges::window(range, now);
            const RangeSummary r = history.summarize(k, w);
            QCOMPARE(r.bars.size(), w.bars);
            QList<double> inWindow;
            for (int i = 0; i < w.bars; ++i) {
                QList<double> inBar;
                for (const auto &[t, v] : samples) {
                    if (t >= w.barStart(i) && t < w.barStart(i + 1))
                        inBar.append(v);
                }
                inWindow += inBar;
                QCOMPARE(r.bars[i].startMs, w.barStart(i));
                compareWithReference(r.bars[i].summary, inBar);
            }
            compareWithReference(r.whole, inWindow);
        }
    }

    // 31 days at 15 s: the rings never outgrow their capacity, the cost per series is the
    // documented constant, and old bars come from buckets with exact counts, Min and Max.
    void boundedOverThirtyDays()
    {
        MetricsHistory history;
        const SeriesKey k = key(SeriesKind::Node, Metric::WorkingSet, "n1");
        const qint64 start = kMidnight - 31 * kDay;
        qint64 n = 0;
        double lo = 1e300, hi = -1e300;
        const qint64 now = kMidnight - 1;
        const TimeWindow w = TimeRanges::window(TimeRange::Last30Days, now);
        for (qint64 t = start; t <= now; t += 15000, ++n) {
            const double v = double((n * 7919) % 100003) * 4096.0;
            QVERIFY(history.addSample(k, t, v));
            if (t >= w.startMs) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        const MetricSeries::Config c = history.config().series;
        QCOMPARE(history.ringBytes(),
                 c.rawCapacity * MetricSeries::kSampleBytes
                     + (c.midCapacity + c.oldCapacity) * MetricSeries::kBucketBytes);
        QCOMPARE(MetricSeries::kSampleBytes, 16);
        QCOMPARE(MetricSeries::kBucketBytes, 40);
        const RangeSummary r = history.summarize(k, w);
        QCOMPARE(r.whole.count(), 30 * 5760);
        QVERIFY(!r.whole.isExact());
        QCOMPARE(r.whole.min(), lo);
        QCOMPARE(r.whole.max(), hi);
        for (const BarSummary &bar : r.bars)
            QCOMPARE(bar.summary.count(), 5760);
        // The last 6 hours are still raw, so a 6-hour view is exact.
        const RangeSummary recent = history.summarize(
            k, TimeRanges::window(TimeRange::Last6Hours, now));
        QVERIFY(recent.whole.isExact());
        QCOMPARE(recent.whole.count(), 6 * 240);
    }

    void sumsPerPodControllerNamespaceAndOtherProcesses()
    {
        MetricsHistory history;
        const qint64 t = kMidnight + 20000; // aligned down to kMidnight + 15000
        NodeUsage node{QStringLiteral("n1"), 1000, 8e9, 6e9};
        history.addRound(t,
                         {usage("shop", "web-1", "app", "n1", "web", 100, 1e9, 5e8),
                          usage("shop", "web-1", "proxy", "n1", "web", 50, 2e8, 1e8),
                          usage("shop", "web-2", "app", "n1", "web", 200, 1e9, 5e8),
                          usage("shop", "solo", "app", "n1", nullptr, 25, 1e8, 1e8)},
                         {node});
        const auto value = [&](SeriesKind kind, Metric m, const char *id) {
            const auto s = history.latest(key(kind, m, id));
            return s ? s->value : -1.0;
        };
        QCOMPARE(history.latest(key(SeriesKind::Pod, Metric::Cpu, "shop/web-1"))->ms,
                 kMidnight + 15000);
        QCOMPARE(value(SeriesKind::Pod, Metric::Cpu, "shop/web-1"), 150.0);
        QCOMPARE(value(SeriesKind::Controller, Metric::Cpu, "shop/ReplicaSet/web"), 350.0);
        QCOMPARE(value(SeriesKind::Namespace, Metric::Cpu, "shop"), 375.0);
        QCOMPARE(value(SeriesKind::Node, Metric::Cpu, "n1"), 1000.0);
        QCOMPARE(value(SeriesKind::NodeOther, Metric::Cpu, "n1"), 625.0);
        QCOMPARE(value(SeriesKind::NodeOther, Metric::WorkingSet, "n1"), 8e9 - 2.3e9);
        QVERIFY(!history.contains(key(SeriesKind::Controller, Metric::Cpu, "shop/ReplicaSet/")));

        // The same container again in the same bucket replaces its contribution.
        history.addRound(t + 5000, {usage("shop", "web-1", "app", "n1", "web", 130, 1e9, 5e8)});
        QCOMPARE(value(SeriesKind::Pod, Metric::Cpu, "shop/web-1"), 180.0);
        QCOMPARE(value(SeriesKind::Namespace, Metric::Cpu, "shop"), 405.0);

        // Containers above the node's own figure: "Other processes" is 0, not negative.
        history.addRound(t + 15000, {usage("shop", "web-1", "app", "n1", "web", 900)},
                         {NodeUsage{QStringLiteral("n1"), 800, 1, 1}});
        QCOMPARE(value(SeriesKind::NodeOther, Metric::Cpu, "n1"), 0.0);
        // A missing figure is not a zero.
        ContainerUsage partial = usage("shop", "web-2", "app", "n1", "web", 10);
        partial.rssBytes = std::nan("");
        history.addRound(t + 30000, {partial});
        QCOMPARE(history.latest(key(SeriesKind::Container, Metric::Rss, "shop/web-2/app"))->ms,
                 kMidnight + 15000);
    }

    void restartsWithinRange()
    {
        MetricsHistory history;
        const QString a = MetricsHistory::containerId(QStringLiteral("ns"), QStringLiteral("p"),
                                                      QStringLiteral("a"));
        const QString b = MetricsHistory::containerId(QStringLiteral("ns"), QStringLiteral("q"),
                                                      QStringLiteral("b"));
        history.addRestartCount(a, 1000, 2);
        history.addRestartCount(a, 2000, 2);
        history.addRestartCount(a, 3000, 5);
        history.addRestartCount(a, 4000, 1); // pod recreated: counts from 0 again
        history.addRestartCount(b, 3500, 7); // first seen inside the range: baseline only
        history.addRestartCount(b, 3600, 8);
        QCOMPARE(history.restartsInRange({a}, 1500, 5000), 3 + 1);
        QCOMPARE(history.restartsInRange({a}, 3000, 5000), 1);
        QCOMPARE(history.restartsInRange({a}, 0, 2500), 0);
        QCOMPARE(history.restartsInRange({a, b}, 1500, 5000), 5);
        QCOMPARE(history.restartsInRange({QStringLiteral("unknown")}, 0, 5000), 0);
    }

    void staleAfterThreshold()
    {
        MetricsHistory history;
        const SeriesKey k = key(SeriesKind::Container, Metric::Cpu, "ns/p/c");
        QVERIFY(history.isStale(k, kMidnight));
        history.addSample(k, kMidnight, 1);
        QVERIFY(!history.isStale(k, kMidnight + history.config().staleAfterMs));
        QVERIFY(history.isStale(k, kMidnight + history.config().staleAfterMs + 1));
    }

    void lateAndCappedWritesAreRefused()
    {
        MetricsHistory::Config config;
        config.maxSeries = 2;
        MetricsHistory history(config);
        QVERIFY(history.addSample(key(SeriesKind::Pod, Metric::Cpu, "a"), kMidnight, 1));
        QVERIFY(history.addSample(key(SeriesKind::Pod, Metric::Cpu, "b"), kMidnight, 1));
        QVERIFY(!history.addSample(key(SeriesKind::Pod, Metric::Cpu, "c"), kMidnight, 1));
        QCOMPARE(history.refusedSeries(), 1);
        QVERIFY(history.addSample(key(SeriesKind::Pod, Metric::Cpu, "a"), kMidnight + kHour, 2));
        QVERIFY(!history.addSample(key(SeriesKind::Pod, Metric::Cpu, "a"), kMidnight + kMinute, 3));
        QVERIFY(!history.addSample(key(SeriesKind::Pod, Metric::Cpu, "a"), kMidnight + 2 * kHour,
                                   std::numeric_limits<double>::infinity()));
        QCOMPARE(history.pruneOlderThan(kMidnight + kMinute), 1);
        QCOMPARE(history.seriesCount(), 1);
    }

    void counterRates()
    {
        QCOMPARE(CounterRate::rate(0, 10.0, 15000, 13.0).value(), 0.2);
        // A reset: the new value is the increase since 0.
        QCOMPARE(CounterRate::rate(0, 10.0, 10000, 2.0).value(), 0.2);
        QVERIFY(!CounterRate::rate(1000, 1.0, 1000, 2.0));
        QVERIFY(!CounterRate::rate(0, 1.0, 1000, std::nan("")));
        CounterRate rates;
        const QString k = QStringLiteral("ns/p/c");
        QVERIFY(!rates.add(k, 0, 100.0));
        QCOMPARE(rates.add(k, 15000, 101.5).value(), 0.1);
        QVERIFY(!rates.add(k, 15000, 102.0)); // not newer: ignored
        QCOMPARE(rates.add(k, 30000, 0.75).value(), 0.05);
        QCOMPARE(rates.size(), 1);
    }

    void denominators()
    {
        Utilisation u = Utilisation::ofLimit(250, 500.0, 4000.0);
        QCOMPARE(u.kind, Denominator::Limit);
        QCOMPARE(u.percent, 50.0);
        QCOMPARE(u.denominator, 500.0);
        u = Utilisation::ofLimit(250, std::nullopt, 4000.0);
        QCOMPARE(u.kind, Denominator::NodeAllocatable);
        QCOMPARE(u.percent, 6.25);
        u = Utilisation::ofLimits(300, {100.0, std::nullopt}, 1000.0);
        QCOMPARE(u.kind, Denominator::NodeAllocatable);
        QCOMPARE(u.percent, 30.0);
        u = Utilisation::ofLimits(300, {100.0, 500.0}, 1000.0);
        QCOMPARE(u.kind, Denominator::Limit);
        QCOMPARE(u.denominator, 600.0);
        QVERIFY(!Utilisation::ofRequest(1, std::nullopt).isValid());
        QVERIFY(!Utilisation::ofRequest(1, 0.0).isValid());
        QCOMPARE(Utilisation::ofRequests(150, {100.0, 100.0}).percent, 75.0);
        QVERIFY(!Utilisation::ofRequests(150, {100.0, std::nullopt}).isValid());
        QCOMPARE(Utilisation::ofAllocatable(3, 4.0).kind, Denominator::NodeAllocatable);
        QVERIFY(!Utilisation::ofAllocatable(3, std::nullopt).isValid());
    }

    void thresholds_data()
    {
        QTest::addColumn<double>("percent");
        QTest::addColumn<bool>("stale");
        QTest::addColumn<HealthStatus>("expected");
        QTest::newRow("ok") << 79.9 << false << HealthStatus::Ok;
        QTest::newRow("warning at 80") << 80.0 << false << HealthStatus::Warning;
        QTest::newRow("critical at 90") << 90.0 << false << HealthStatus::Critical;
        QTest::newRow("over 100") << 140.0 << false << HealthStatus::Critical;
        QTest::newRow("no data") << std::nan("") << false << HealthStatus::NoData;
        QTest::newRow("stale wins") << 95.0 << true << HealthStatus::Stale;
    }
    void thresholds()
    {
        QFETCH(double, percent);
        QFETCH(bool, stale);
        QFETCH(HealthStatus, expected);
        QCOMPARE(Thresholds().classify(percent, stale), expected);
    }

    // The Trend column's bars: height from the percentage, status from the thresholds, grey
    // (NoData) where the bar has no samples, relative heights without a denominator.
    void trendDataFromRange()
    {
        MetricsHistory history;
        const SeriesKey k = key(SeriesKind::Container, Metric::Cpu, "ns/p/c");
        const qint64 now = kMidnight + 30 * kMinute - 1;
        const TimeWindow w = TimeRanges::window(TimeRange::Last30Minutes, now);
        history.addSample(k, w.barStart(0), 500);
        history.addSample(k, w.barStart(1), 850);
        history.addSample(k, w.barStart(1) + 15000, 800);
        history.addSample(k, w.barStart(3), 1200);
        const RangeSummary r = history.summarize(k, w);
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const auto ofLimit = [](double v) { return Utilisation::ofLimit(v, 1000.0, std::nullopt); };
        const TrendData t = TrendData::build(r, Statistic::Max, Metric::Cpu, ofLimit, Thresholds(),
                                             en);
        QCOMPARE(t.startMs, w.startMs);
        QCOMPARE(t.barMs, kMinute);
        QCOMPARE(t.bars.size(), 30);
        QCOMPARE(t.bars[0].status, HealthStatus::Ok);
        QCOMPARE(t.bars[0].height, 0.5);
        QCOMPARE(t.bars[0].valueText, QStringLiteral("500m · 50% of limit"));
        QCOMPARE(t.bars[1].status, HealthStatus::Warning);
        QCOMPARE(t.bars[1].height, 0.85);
        QCOMPARE(t.bars[2].status, HealthStatus::NoData);
        QVERIFY(t.bars[2].valueText.isEmpty());
        QCOMPARE(t.bars[3].status, HealthStatus::Critical);
        QCOMPARE(t.bars[3].height, 1.0); // 120 %: clamped to the cell
        QCOMPARE(t.bars[3].valueText, QStringLiteral("1.2 cores · 120% of limit"));

        const TrendData relative = TrendData::build(r, Statistic::Min, Metric::Cpu, {},
                                                    Thresholds(), en);
        QCOMPARE(relative.bars[3].height, 1.0);
        QCOMPARE(relative.bars[1].height, 800.0 / 1200.0);
        QCOMPARE(relative.bars[1].status, HealthStatus::Ok);
        QCOMPARE(relative.bars[1].valueText, QStringLiteral("800m"));
    }

    void configurableThresholds()
    {
        const auto custom = Thresholds::create(50, 70);
        QVERIFY(custom);
        QCOMPARE(custom->classify(60), HealthStatus::Warning);
        QCOMPARE(custom->classify(70), HealthStatus::Critical);
        QString error;
        QVERIFY(!Thresholds::create(90, 80, &error));
        QVERIFY(error.contains(QStringLiteral("90")));
        QVERIFY(!Thresholds::create(0, 80));
        QCOMPARE(Thresholds::statusName(HealthStatus::Warning), QStringLiteral("Warning"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsHistory)
#include "tst_metricshistory.moc"
