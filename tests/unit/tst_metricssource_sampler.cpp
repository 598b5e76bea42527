// MetricsSampler's choice of source, counter → rate conversion, missing-data bookkeeping and the
// history hand-over, driven by a scripted MetricsSource (the real sources are tested against the
// demo cluster and Prometheus in tests/integration/tst_metrics_*).
#include "models/metrics/metricssampler.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <deque>

using namespace kube;

namespace {

class ScriptedSource final : public MetricsSource
{
public:
    ScriptedSource(MetricsSourceKind kind, bool history = false)
        : m_kind(kind)
        , m_history(history)
    {}
    MetricsSourceKind kind() const override { return m_kind; }
    QString description() const override { return QStringLiteral("scripted"); }
    bool poll() override
    {
        if (m_busy)
            return false;
        ++polls;
        m_busy = true;
        MetricsRound round;
        if (!script.empty()) {
            round = script.front();
            script.pop_front();
        } else {
            round.timestampMs = 1;
            round.error = ApiError::transport({}, QNetworkReply::ConnectionRefusedError,
                                              QStringLiteral("refused"));
        }
        QMetaObject::invokeMethod(
            this,
            [this, round] {
                m_busy = false;
                Q_EMIT roundFinished(round);
            },
            Qt::QueuedConnection);
        return true;
    }
    bool isBusy() const override { return m_busy; }
    bool hasHistory() const override { return m_history; }
    // Answers like a range query: the scripted rounds within [fromMs, toMs].
    void fetchHistory(qint64 fromMs, qint64 toMs, qint64 stepMs) override
    {
        asked = {fromMs, toMs, stepMs};
        askedAll.append(asked);
        MetricsHistoryBatch answer;
        answer.error = historyAnswer.error;
        for (const MetricsRound &round : std::as_const(historyAnswer.rounds))
            if (round.timestampMs >= fromMs && round.timestampMs <= toMs)
                answer.rounds.append(round);
        QMetaObject::invokeMethod(
            this, [this, answer] { Q_EMIT historyFinished(answer); }, Qt::QueuedConnection);
    }

    std::deque<MetricsRound> script;
    MetricsHistoryBatch historyAnswer;
    std::tuple<qint64, qint64, qint64> asked{0, 0, 0};
    QList<std::tuple<qint64, qint64, qint64>> askedAll;
    int polls = 0;

private:
    MetricsSourceKind m_kind;
    bool m_history;
    bool m_busy = false;
};

// The one container of the scripted rounds: ns/p/c.
ContainerMetricsSample containerC()
{
    ContainerMetricsSample c;
    c.namespaceName = QStringLiteral("ns");
    c.pod = QStringLiteral("p");
    c.container = QStringLiteral("c");
    return c;
}

// A Prometheus-like round: one container with a CPU rate.
MetricsRound rateRound(qint64 ms, double cores)
{
    MetricsRound round;
    round.timestampMs = ms;
    ContainerMetricsSample c = containerC();
    c.cpuCores = cores;
    round.containers.append(c);
    return round;
}

MetricsRound kubeletRound(qint64 ms, double counter, double ws, double nodeCounter)
{
    MetricsRound round;
    round.timestampMs = ms;
    ContainerMetricsSample c = containerC();
    c.node = QStringLiteral("n1");
    c.timestampMs = ms;
    c.cpuSecondsTotal = counter;
    c.workingSetBytes = ws;
    round.containers.append(c);
    NodeMetricsSample n;
    n.node = QStringLiteral("n1");
    n.timestampMs = ms;
    n.cpuSecondsTotal = nodeCounter;
    n.workingSetBytes = 10 * ws;
    round.nodes.append(n);
    return round;
}

const SeriesKey cpuKey{SeriesKind::Container, Metric::Cpu, QStringLiteral("ns/p/c")};

} // namespace

class TestMetricsSampler final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void intervals()
    {
        MetricsHistory history;
        MetricsSampler sampler(&history);
        QCOMPARE(sampler.intervalSeconds(), 15);
        for (int s : {5, 15, 30, 60})
            QVERIFY(sampler.setIntervalSeconds(s));
        QVERIFY(!sampler.setIntervalSeconds(10));
        QCOMPARE(sampler.intervalSeconds(), 60);
    }

    void fallsBackAndComputesRates()
    {
        MetricsHistory history;
        MetricsSampler sampler(&history);
        auto prom = std::make_unique<ScriptedSource>(MetricsSourceKind::Prometheus);
        auto kubelet = std::make_unique<ScriptedSource>(MetricsSourceKind::Kubelet);
        ScriptedSource *k = kubelet.get();
        const qint64 t0 = 1'700'000'000'000;
        k->script = {kubeletRound(t0, 10.0, 1000, 100.0),
                     kubeletRound(t0 + 15000, 13.0, 1100, 130.0),
                     kubeletRound(t0 + 30000, 1.5, 1200, 160.0)}; // the container restarted
        std::vector<std::unique_ptr<MetricsSource>> sources;
        sources.push_back(std::move(prom));
        sources.push_back(std::move(kubelet));
        sampler.setCandidates(std::move(sources));
        QSignalSpy recorded(&sampler, &MetricsSampler::roundRecorded);
        sampler.start();
        QVERIFY(recorded.wait(2000));
        QCOMPARE(sampler.status().kind, MetricsSourceKind::Kubelet);
        QCOMPARE(sampler.status().inUseSinceMs, t0);
        QCOMPARE(sampler.status().missingSinceMs, 0);
        // First kubelet round: no rate yet, working set recorded.
        QVERIFY(!history.latest(cpuKey));
        QCOMPARE(
            history.latest({SeriesKind::Container, Metric::WorkingSet, QStringLiteral("ns/p/c")})
                ->value,
            1000.0);

        sampler.sampleNow();
        QVERIFY(recorded.wait(2000));
        QCOMPARE(history.latest(cpuKey)->value, 3.0 / 15.0 * 1000.0);
        QCOMPARE(history.latest({SeriesKind::Node, Metric::Cpu, QStringLiteral("n1")})->value,
                 2000.0);
        sampler.sampleNow();
        QVERIFY(recorded.wait(2000));
        // A decrease is a reset: the increase is the new value itself.
        QCOMPARE(history.latest(cpuKey)->value, 1.5 / 15.0 * 1000.0);
        sampler.stop();
    }

    void missingDataAndReselection()
    {
        MetricsHistory history;
        MetricsSampler sampler(&history);
        sampler.setFailuresBeforeReselect(2);
        auto kubelet = std::make_unique<ScriptedSource>(MetricsSourceKind::Kubelet);
        ScriptedSource *k = kubelet.get();
        const qint64 t0 = 1'700'000'000'000;
        MetricsRound failed;
        failed.timestampMs = t0 + 15000;
        failed.error = ApiError::transport({}, QNetworkReply::RemoteHostClosedError,
                                           QStringLiteral("closed"));
        MetricsRound failed2 = failed;
        failed2.timestampMs = t0 + 30000;
        k->script = {kubeletRound(t0, 1, 1, 1), failed, failed2, kubeletRound(t0 + 45000, 2, 2, 2)};
        std::vector<std::unique_ptr<MetricsSource>> sources;
        sources.push_back(std::move(kubelet));
        sampler.setCandidates(std::move(sources));
        QSignalSpy status(&sampler, &MetricsSampler::statusChanged);
        sampler.sampleNow();
        QVERIFY(status.wait(2000));
        QCOMPARE(sampler.status().kind, MetricsSourceKind::Kubelet);
        sampler.sampleNow();
        QVERIFY(status.wait(2000));
        QCOMPARE(sampler.status().missingSinceMs, t0 + 15000);
        QCOMPARE(sampler.status().lastError.networkError(), QNetworkReply::RemoteHostClosedError);
        QCOMPARE(sampler.status().kind, MetricsSourceKind::Kubelet); // one failure is not enough
        sampler.sampleNow();
        QVERIFY(status.wait(2000));
        QCOMPARE(sampler.status().kind, MetricsSourceKind::None); // chosen again from the top
        QCOMPARE(sampler.status().missingSinceMs, t0 + 15000);    // still since the first failure
        sampler.sampleNow();
        QVERIFY(status.wait(2000));
        QCOMPARE(sampler.status().kind, MetricsSourceKind::Kubelet);
        QCOMPARE(sampler.status().missingSinceMs, 0);
        QCOMPARE(sampler.status().inUseSinceMs, t0 + 45000);
        QCOMPARE(k->polls, 4);
    }

    void historyBeforeLiveRound()
    {
        MetricsHistory history;
        MetricsSampler sampler(&history);
        sampler.setHistorySpanMs(60000);
        auto prom = std::make_unique<ScriptedSource>(MetricsSourceKind::Prometheus, true);
        ScriptedSource *p = prom.get();
        const qint64 t0 = 1'700'000'010'000; // a multiple of 15 s
        const MetricsRound live = rateRound(t0, 0.5);
        p->script = {live};
        for (int i = 4; i >= 1; --i) {
            MetricsRound old = live;
            old.timestampMs = t0 - i * 15000;
            old.containers[0].cpuCores = 0.1 * i;
            p->historyAnswer.rounds.append(old);
        }
        std::vector<std::unique_ptr<MetricsSource>> sources;
        sources.push_back(std::move(prom));
        sampler.setCandidates(std::move(sources));
        QSignalSpy applied(&sampler, &MetricsSampler::historyApplied);
        QSignalSpy recorded(&sampler, &MetricsSampler::roundRecorded);
        sampler.sampleNow();
        QVERIFY(applied.wait(2000));
        QCOMPARE(applied.first().first().toInt(), 4);
        QCOMPARE(p->asked, std::make_tuple(t0 - 60000, t0 - 15000, qint64(15000)));
        QCOMPARE(recorded.size(),
                 1); // the history is announced by historyApplied, then the live round
        QCOMPARE(recorded.last().first().toLongLong(), t0);
        QVERIFY(sampler.status().historyLoaded);
        QCOMPARE(history.latest(cpuKey)->value, 500.0);
        const TimeWindow window{t0 - 60000, 15000, 5};
        const RangeSummary summary = history.summarize(cpuKey, window);
        QCOMPARE(summary.whole.count(), 5);
        QCOMPARE(summary.whole.max(), 500.0);
        QCOMPARE(summary.whole.min(), 100.0);
    }

    // Beyond the raw hours, history is read coarser as far back as MetricsHistory keeps it,
    // oldest tier first (MetricSeries only appends), so a 24 h or 30 d range has bars at once.
    void historyReadInTiersOldestFirst()
    {
        MetricsHistory history;
        MetricsSampler sampler(&history);
        auto prom = std::make_unique<ScriptedSource>(MetricsSourceKind::Prometheus, true);
        ScriptedSource *p = prom.get();
        constexpr qint64 kMin = 60 * 1000, kHour = 60 * kMin, kDay = 24 * kHour;
        const qint64 t0 = 1'700'002'800'000; // a multiple of 15 s
        p->script = {rateRound(t0, 0.5)};
        for (int i = 0; i < 3; ++i) // what the hourly tier finds: 20 days ago
            p->historyAnswer.rounds.append(rateRound(t0 - 20 * kDay + i * kHour, 0.1));
        for (int i = 0; i < 3; ++i) // the 5-minute tier: 12 hours ago
            p->historyAnswer.rounds.append(rateRound(t0 - 12 * kHour + i * 5 * kMin, 0.2));
        for (int i = 0; i < 3; ++i) // the raw tier: an hour ago
            p->historyAnswer.rounds.append(rateRound(t0 - kHour + i * 15000, 0.3));
        std::vector<std::unique_ptr<MetricsSource>> sources;
        sources.push_back(std::move(prom));
        sampler.setCandidates(std::move(sources));
        QSignalSpy applied(&sampler, &MetricsSampler::historyApplied);
        sampler.sampleNow();
        QVERIFY(applied.wait(2000));
        QCOMPARE(applied.first().first().toInt(), 9);
        using Asked = std::tuple<qint64, qint64, qint64>;
        const QList<Asked> expected{
            Asked{t0 - 30 * kDay, t0 - kDay - kHour, kHour},
            Asked{t0 - kDay, t0 - 6 * kHour - 5 * kMin, 5 * kMin},
            Asked{t0 - 6 * kHour, t0 - 15000, 15000},
        };
        QCOMPARE(p->askedAll, expected);
        QVERIFY(sampler.status().historyLoaded);

        // Every tier landed: one bar per day over 30 days sees all four values.
        const RangeSummary month = history.summarize(cpuKey,
                                                     TimeWindow{t0 - 30 * kDay + kHour, kDay, 30});
        QCOMPARE(month.whole.min(), 100.0);
        QCOMPARE(month.whole.max(), 500.0);
        const RangeSummary day = history.summarize(cpuKey,
                                                   TimeWindow{t0 - 24 * kHour + 15000, kHour, 24});
        const BarSummary &twelveHoursAgo = day.bars[12];
        QVERIFY(!twelveHoursAgo.summary.isEmpty());
        QCOMPARE(twelveHoursAgo.summary.max(), 200.0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsSampler)
#include "tst_metricssource_sampler.moc"
