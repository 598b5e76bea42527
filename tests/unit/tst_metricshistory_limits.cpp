// MetricsHistory within its memory limit (issue 12): rings grow with use instead of being
// allocated in full, a history over its limit thins every series' tiers instead of refusing
// new ones (and refuses only when even the thinnest tiers do not fit, counted), series of
// objects gone for longer than anything shown are pruned, and restarts within a range come
// from the restart counts the store sees change.
#include "models/cluster/cluster.h"
#include "models/cluster/clusterstore.h"
#include "models/metrics/metricshistory.h"

#include <QDateTime>
#include <QtTest>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kMidnight = 1795651200000LL; // 2026-11-26 00:00 UTC

QList<ContainerUsage> containers(int pods, int round)
{
    QList<ContainerUsage> list;
    for (int p = 0; p < pods; ++p) {
        for (int c = 0; c < 2; ++c) {
            ContainerUsage u;
            u.namespaceName = QStringLiteral("ns-%1").arg(p % 10);
            u.pod = QStringLiteral("pod-%1").arg(p);
            u.container = c == 0 ? QStringLiteral("app") : QStringLiteral("sidecar");
            u.node = QStringLiteral("node-%1").arg(p % 50);
            u.cpuMillicores = 10 + (p + round) % 7;
            u.workingSetBytes = 1e6 * (1 + (p + round) % 5);
            u.rssBytes = 5e5 * (1 + p % 3);
            list.append(u);
        }
    }
    return list;
}

kube::Pod pod(const QString &uid, int restarts)
{
    kube::Pod p;
    p.metadata.uid = uid;
    p.metadata.name = QStringLiteral("web-1");
    p.metadata.namespaceName = QStringLiteral("shop");
    p.metadata.resourceVersion = QString::number(restarts + 1);
    p.phase = QStringLiteral("Running");
    kube::Container c;
    c.name = QStringLiteral("app");
    p.containers = {c};
    kube::ContainerStatus s;
    s.name = QStringLiteral("app");
    s.restartCount = restarts;
    p.containerStatuses = {s};
    return p;
}

} // namespace

class TestMetricsHistoryLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A new series costs what it holds: two samples are not a ring of 1,440.
    void ringsGrowWithUse()
    {
        MetricsHistory history;
        const SeriesKey k{SeriesKind::Container, Metric::Cpu, QStringLiteral("ns/p/c")};
        QVERIFY(history.addSample(k, kMidnight, 1));
        QVERIFY(history.addSample(k, kMidnight + 15000, 2));
        QVERIFY(history.ringBytes() <= 4 * MetricSeries::kSampleBytes);
        QCOMPARE(history.summarize(k, TimeRanges::window(TimeRange::LastHour, kMidnight + 15000))
                     .whole.count(),
                 2);
    }

    // 1,000 pods (2,000 containers, 9,030 series) for 3 hours at 15 s need ~100 MB with full
    // tiers; with a 12 MiB limit every series keeps shorter raw tiers, nothing is refused, and
    // each still has its newest sample and its whole range (from buckets).
    void overTheLimitEverySeriesKeepsShorterTiers()
    {
        MetricsHistory::Config config;
        config.maxBytes = 12 * 1024 * 1024;
        MetricsHistory history(config);
        const int rounds = 3 * 240;
        for (int r = 0; r < rounds; ++r)
            history.addRound(kMidnight + r * 15000, containers(1000, r));
        history.maintain(kMidnight + rounds * 15000);
        QCOMPARE(history.refusedSeries(), 0);
        QVERIFY2(history.thinning() < 1.0, qPrintable(QString::number(history.thinning())));
        QVERIFY(history.rawSpanMs() < 3 * kHour);
        QVERIFY2(history.estimatedBytes() <= config.maxBytes * 11 / 10,
                 qPrintable(QString::number(history.estimatedBytes())));
        QCOMPARE(history.seriesCount(), 2000 * 3 + 1000 * 3 + 10 * 3);
        const SeriesKey k{SeriesKind::Container, Metric::WorkingSet,
                          MetricsHistory::containerId(QStringLiteral("ns-3"),
                                                      QStringLiteral("pod-13"),
                                                      QStringLiteral("app"))};
        const qint64 last = kMidnight + (rounds - 1) * 15000;
        QCOMPARE(history.latest(k)->ms, last);
        const RangeSummary r = history.summarize(k,
                                                 TimeRanges::window(TimeRange::Last6Hours, last));
        QCOMPARE(r.whole.count(), rounds);
        QVERIFY(!r.whole.isExact());

        // The objects go away: well under the limit again, the tiers grow back.
        const double thinned = history.thinning();
        for (int r = 0; r < 40; ++r)
            history.addRound(last + (r + 1) * 15000, containers(10, r));
        history.maintain(last + 45 * kDay); // the 1,000 pods' series are pruned meanwhile
        QVERIFY(history.prunedSeries() > 0);
        for (int r = 0; r < 40; ++r)
            history.maintain(last + 45 * kDay + r * 15000);
        QVERIFY(history.thinning() > thinned);
    }

    // A limit even the thinnest tiers cannot meet: new series are refused and counted.
    void refusedOnlyWhenThinningIsNotEnough()
    {
        MetricsHistory::Config config;
        config.maxBytes = 256 * 1024; // less than the book-keeping of 1,000 series
        MetricsHistory history(config);
        for (int r = 0; r < 30; ++r)
            history.addRound(kMidnight + r * 15000, containers(500, r));
        QCOMPARE(history.thinning(), MetricsHistory::kMinScale);
        const qint64 before = history.refusedSeries();
        QVERIFY(!history.addSample(SeriesKey{SeriesKind::Node, Metric::Cpu, QStringLiteral("new")},
                                   kMidnight + 31 * 15000, 1));
        QCOMPARE(history.refusedSeries(), before + 1);
    }

    // Series whose newest sample is older than the longest range leave; live ones stay.
    void seriesOfGoneObjectsArePruned()
    {
        MetricsHistory history;
        const SeriesKey gone{SeriesKind::Pod, Metric::Cpu, QStringLiteral("ns/gone")};
        const SeriesKey live{SeriesKind::Pod, Metric::Cpu, QStringLiteral("ns/live")};
        QVERIFY(history.addSample(gone, kMidnight, 1));
        QVERIFY(history.addSample(live, kMidnight, 1));
        history.maintain(kMidnight + 29 * kDay);
        QCOMPARE(history.seriesCount(), 2); // still inside "Last 30 days"
        QVERIFY(history.addSample(live, kMidnight + 29 * kDay, 2));
        history.maintain(kMidnight + 31 * kDay);
        QVERIFY(!history.contains(gone));
        QVERIFY(history.contains(live));
        QCOMPARE(history.prunedSeries(), 1);
    }

    // The column's "within the time range" figure: two restarts seen while the app runs.
    void restartsWithinTheRangeComeFromTheStore()
    {
        Cluster cluster;
        const QString id = MetricsHistory::containerId(
            QStringLiteral("shop"), QStringLiteral("web-1"), QStringLiteral("app"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        cluster.store()->upsert(pod(QStringLiteral("u1"), 5)); // first sight: nothing counted
        QCOMPARE(cluster.history()->restartsInRange({id}, now - kHour, now + kMinute), 0);
        cluster.store()->upsert(pod(QStringLiteral("u1"), 6));
        cluster.store()->upsert(pod(QStringLiteral("u1"), 6)); // no change
        cluster.store()->upsert(pod(QStringLiteral("u1"), 7));
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(cluster.history()->restartsInRange({id}, now - kHour, after + 1), 2);
        // A range that ended before: none of them.
        QCOMPARE(cluster.history()->restartsInRange({id}, now - 2 * kHour, now - kHour), 0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsHistoryLimits)
#include "tst_metricshistory_limits.moc"
