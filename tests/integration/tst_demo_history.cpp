// The demo's history path end to end: the real demo cluster writes 8 hours of its kubelets'
// cadvisor series (--history-out --history-hours 8; scripts/demo writes 6), scripts/demo-prometheus turns them into blocks with promtool
// and starts Debian's Prometheus on them, scraping the same cluster live. Prometheus must hold
// the whole history with the labels a live scrape gives, the first live scrapes must continue
// the counter without a reset or a hole, and our PrometheusSource backfill must fill all 24
// bars of the 6 h range in MetricsHistory, and the 12 h range from where the history begins
// (the hours beyond the sixth come from the sampler's 5-minute tier).
#include "../skip_or_fail.h"
#include "tst_metrics_support.h"

#include "kubeapi/metrics/prometheussource.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/metricssampler.h"
#include "models/metrics/timerange.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace kube;
using metricstest::waitUntil;

namespace {

// A workshop container whose pod name is stable (a StatefulSet's) and that runs all along.
const QString kNamespace = QStringLiteral("team-a");
// More than the 6 raw hours, so that the sampler's coarser history tier finds data too.
constexpr int kHistoryHours = 8;
const QString kPod = QStringLiteral("db-0");
const QString kContainer = QStringLiteral("db");
constexpr double kStepSeconds = 15;

QString selector()
{
    return QStringLiteral("{namespace=\"%1\",pod=\"%2\",container=\"%3\"}")
        .arg(kNamespace, kPod, kContainer);
}

// One answer of the HTTP API through our PrometheusSource::get.
PromQueryResult ask(PrometheusSource &prom, const QString &apiPath, const QUrlQuery &query,
                    ApiError *error)
{
    PromQueryResult out;
    bool done = false;
    prom.get(apiPath, query, [&](const PromQueryResult &result, const ApiError &e) {
        out = result;
        *error = e;
        done = true;
    });
    waitUntil([&] { return done; }, 60000);
    return out;
}

// kubectl as the referee for what the pod is: `kubectl get pod -o jsonpath=…`.
QString kubectlField(const QString &kubeconfig, const QString &jsonpath)
{
    QProcess kubectl;
    kubectl.start(QStringLiteral("kubectl"),
                  {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("-n"), kNamespace,
                   QStringLiteral("get"), QStringLiteral("pod"), kPod, QStringLiteral("-o"),
                   QStringLiteral("jsonpath=") + jsonpath});
    if (!kubectl.waitForFinished(60000) || kubectl.exitCode() != 0)
        return {};
    return QString::fromUtf8(kubectl.readAllStandardOutput()).trimmed();
}

struct FileSeries
{
    qsizetype samples = 0;
    double first = 0, last = 0;
    bool endsWithEof = false;
};

// The history file's samples of our container's CPU counter, read the plain way.
FileSeries scanHistory(const QString &path)
{
    FileSeries out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QByteArray prefix = "container_cpu_usage_seconds_total{container=\"" + kContainer.toUtf8()
                              + "\",";
    const QByteArray pod = ",pod=\"" + kPod.toUtf8() + "\"}";
    const QByteArray ns = ",namespace=\"" + kNamespace.toUtf8() + "\",";
    QByteArray line;
    while (!file.atEnd()) {
        line = file.readLine();
        if (line == "# EOF\n") {
            out.endsWithEof = file.atEnd();
            break;
        }
        if (!line.startsWith(prefix) || !line.contains(pod) || !line.contains(ns))
            continue;
        const double t = line.mid(line.lastIndexOf(' ') + 1).trimmed().toDouble();
        if (out.samples++ == 0)
            out.first = t;
        out.last = t;
    }
    return out;
}

} // namespace

class TstDemoHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"/usr/bin/prometheus", "/usr/bin/promtool"})
            if (!QFileInfo(QString::fromLatin1(tool)).isExecutable())
                SKIP_OR_FAIL(qPrintable(
                    QString::fromLatin1(tool)
                    + QStringLiteral(
                        " is missing (Debian package prometheus): no demo history test")));
        for (const char *tool : {"kubectl", "curl", "python3", "bash"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                SKIP_OR_FAIL(
                    qPrintable(QStringLiteral("%1 is not on PATH: scripts/demo-prometheus needs it")
                                   .arg(QString::fromLatin1(tool))));
    }

    void cleanupTestCase()
    {
        if (m_script.state() != QProcess::NotRunning) {
            m_script.terminate(); // the script stops Prometheus and removes its data directory
            if (!m_script.waitForFinished(20000))
                m_script.kill();
        }
        m_cluster.stop();
    }

    void historyBackfillsPrometheus()
    {
        QElapsedTimer clock;
        clock.start();
        m_history = m_cluster.dir() + QStringLiteral("/history.om");
        // Six simulated hours of warm-up: seconds here, about a minute under ASan on a busy machine.
        const QString error = m_cluster.start({QStringLiteral("--history-out"), m_history,
                                               QStringLiteral("--history-hours"),
                                               QString::number(kHistoryHours)},
                                              300000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const qint64 clusterMs = clock.elapsed();
        // scripts/demo-prometheus exactly as scripts/demo runs it.
        const QString urlFile = m_cluster.dir() + QStringLiteral("/prometheus.url");
        m_script.setProcessChannelMode(QProcess::MergedChannels);
        m_script.setStandardOutputFile(m_cluster.dir() + QStringLiteral("/demo-prometheus.log"));
        m_script.start(
            QStringLiteral(KLARSICHT_SOURCE_DIR) + QStringLiteral("/scripts/demo-prometheus"),
            {QStringLiteral("--kubeconfig"), m_cluster.kubeconfig(), QStringLiteral("--backfill"),
             m_history, QStringLiteral("--url-file"), urlFile});
        QVERIFY(m_script.waitForStarted(10000));
        // Read while promtool works: the script runs at once, as in scripts/demo.
        const FileSeries file = scanHistory(m_history);
        QVERIFY2(file.endsWithEof, "the history file does not end with # EOF");
        QVERIFY2(file.samples > 0, "no history samples of team-a/db-0/db in the file");
        // The hours at 15 s, both ends included (the container ran all along), plus what the
        // writer caught up with the clock while it computed: at most one sample per step.
        QVERIFY2(file.last - file.first >= kHistoryHours * 3600,
                 qPrintable(QString::number(file.last - file.first)));
        QVERIFY(file.samples >= qsizetype(kHistoryHours * 3600 / kStepSeconds) + 1);
        QVERIFY(file.samples <= qsizetype((file.last - file.first) / kStepSeconds) + 2);
        m_historyEnd = file.last;
        m_historyBegin = file.first;
        QVERIFY2(waitUntil(
                     [&] {
                         return QFileInfo(urlFile).size() > 0
                                || m_script.state() == QProcess::NotRunning;
                     },
                     90000),
                 "scripts/demo-prometheus printed no URL within 90 s");
        if (m_script.state() == QProcess::NotRunning && m_script.exitCode() == 3)
            SKIP_OR_FAIL("scripts/demo-prometheus found no Prometheus");
        QVERIFY2(
            m_script.state() == QProcess::Running,
            qPrintable(QStringLiteral("scripts/demo-prometheus stopped; see %1/demo-prometheus.log")
                           .arg(m_cluster.dir())));
        QFile url(urlFile);
        QVERIFY(url.open(QIODevice::ReadOnly));
        m_url = QUrl(QString::fromUtf8(url.readAll()).trimmed());
        QVERIFY(m_url.isValid());
        const qint64 prometheusMs = clock.elapsed();

        const QString node = kubectlField(m_cluster.kubeconfig(),
                                          QStringLiteral("{.spec.nodeName}"));
        const QString image = kubectlField(m_cluster.kubeconfig(),
                                           QStringLiteral("{.spec.containers[0].image}"));
        QVERIFY2(!node.isEmpty() && !image.isEmpty(),
                 "kubectl could not read the pod's node and image");

        // The whole history, for each of the three families.
        PrometheusSource prom(m_url);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        const QStringList metrics{QStringLiteral("container_cpu_usage_seconds_total"),
                                  QStringLiteral("container_memory_working_set_bytes"),
                                  QStringLiteral("container_memory_rss")};
        for (const QString &metric : metrics) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("query"), metric + selector());
            q.addQueryItem(QStringLiteral("start"),
                           PrometheusSource::promTime(nowMs - kHistoryHours * 3600 * 1000LL));
            q.addQueryItem(QStringLiteral("end"), PrometheusSource::promTime(nowMs));
            q.addQueryItem(QStringLiteral("step"), QStringLiteral("15"));
            ApiError e;
            const PromQueryResult r = ask(prom, QStringLiteral("/api/v1/query_range"), q, &e);
            QVERIFY2(e.isOk(), qPrintable(metric + QStringLiteral(": ") + e.message()));
            QCOMPARE(r.series.size(), 1); // history and live scrapes are one series: same labels
            const PromQueryResult::Series &s = r.series.first();
            QCOMPARE(s.labels.value(QStringLiteral("job")), QStringLiteral("kubelet"));
            QCOMPARE(s.labels.value(QStringLiteral("node")), node);
            QCOMPARE(s.labels.value(QStringLiteral("instance")), node);
            QCOMPARE(s.labels.value(QStringLiteral("metrics_path")),
                     QStringLiteral("/metrics/cadvisor"));
            QCOMPARE(s.labels.value(QStringLiteral("image")), image);
            QVERIFY(s.labels.value(QStringLiteral("id"))
                        .endsWith(s.labels.value(QStringLiteral("name"))));
            QCOMPARE(s.labels.value(QStringLiteral("cpu")), metric.endsWith(QLatin1String("_total"))
                                                                ? QStringLiteral("total")
                                                                : QString());
            QVERIFY(s.points.size() > 2);
            const double spanHours = double(s.points.last().ms - s.points.first().ms) / 3600e3;
            qInfo("%s: %lld points over %.2f h", qPrintable(metric), qlonglong(s.points.size()),
                  spanHours);
            QVERIFY2(spanHours >= kHistoryHours - 0.5,
                     qPrintable(QStringLiteral("%1 spans only %2 h").arg(metric).arg(spanHours)));
        }

        // Every history sample made it into the blocks (promtool drops disordered ones silently).
        {
            QUrlQuery q;
            q.addQueryItem(
                QStringLiteral("query"),
                QStringLiteral("count_over_time(container_cpu_usage_seconds_total%1[%2s])")
                    .arg(selector())
                    .arg(qint64(m_historyEnd - file.first) + 1));
            q.addQueryItem(QStringLiteral("time"),
                           PrometheusSource::promTime(qint64(m_historyEnd * 1000)));
            ApiError e;
            const PromQueryResult r = ask(prom, QStringLiteral("/api/v1/query"), q, &e);
            QVERIFY2(e.isOk(), qPrintable(e.message()));
            QCOMPARE(r.series.size(), 1);
            QCOMPARE(qsizetype(r.series.first().points.first().value), file.samples);
        }
        qInfo("history: %lld samples of team-a/db-0/db CPU from %.0f to %.0f; cluster ready after "
              "%lld ms, "
              "Prometheus after %lld ms",
              qlonglong(file.samples), file.first, file.last, qlonglong(clusterMs),
              qlonglong(prometheusMs));
    }

    void liveScrapesContinueTheHistory()
    {
        if (!m_url.isValid())
            QSKIP("no Prometheus from the previous test");
        PrometheusSource prom(m_url);
        // Raw samples around the join: wait for two live scrapes after the history's end.
        QList<PromQueryResult::Point> points;
        const auto liveCount = [&] {
            return std::count_if(points.begin(), points.end(),
                                 [&](const PromQueryResult::Point &p) {
                                     return double(p.ms) / 1000 > m_historyEnd;
                                 });
        };
        QString lastError;
        QVERIFY2(
            waitUntil(
                [&] {
                    QUrlQuery q;
                    q.addQueryItem(
                        QStringLiteral("query"),
                        QStringLiteral("container_cpu_usage_seconds_total%1[10m]").arg(selector()));
                    q.addQueryItem(QStringLiteral("time"),
                                   PrometheusSource::promTime(QDateTime::currentMSecsSinceEpoch()));
                    ApiError e;
                    const PromQueryResult r = ask(prom, QStringLiteral("/api/v1/query"), q, &e);
                    lastError = e.message();
                    points = r.series.size() == 1 ? r.series.first().points
                                                  : QList<PromQueryResult::Point>();
                    if (liveCount() >= 2)
                        return true;
                    QThread::msleep(500);
                    return false;
                },
                120000),
            qPrintable(QStringLiteral("no two live scrapes after the history within 120 s (%1)")
                           .arg(lastError)));
        double largestGap = 0;
        for (qsizetype i = 1; i < points.size(); ++i) {
            const double gap = double(points[i].ms - points[i - 1].ms) / 1000;
            largestGap = std::max(largestGap, gap);
            QVERIFY2(points[i].value >= points[i - 1].value,
                     qPrintable(QStringLiteral("counter reset at %1: %2 after %3")
                                    .arg(points[i].ms)
                                    .arg(points[i].value)
                                    .arg(points[i - 1].value)));
        }
        const auto firstLive = std::find_if(
            points.begin(), points.end(),
            [&](const PromQueryResult::Point &p) { return double(p.ms) / 1000 > m_historyEnd; });
        const double joinGap = double(firstLive->ms) / 1000 - m_historyEnd;
        qInfo("join: %lld raw samples in the last 10 min, %lld live; first live scrape %.1f s "
              "after the "
              "history's last sample; largest gap %.1f s",
              qlonglong(points.size()), qlonglong(liveCount()), joinGap, largestGap);
        // The join gap is Prometheus' start, its file_sd refresh (5 s) and the target's scrape
        // offset (up to one step): about 20 s here, more on a loaded machine or under ASan.
        // Four steps still leave every 15-minute bar fully covered.
        QVERIFY2(largestGap <= 4 * kStepSeconds + 0.5,
                 qPrintable(QStringLiteral("a gap of %1 s between samples").arg(largestGap)));
    }

    void prometheusSourceFillsSixHourBars()
    {
        if (!m_url.isValid())
            QSKIP("no Prometheus from the first test");
        MetricsHistory history;
        MetricsSampler sampler(&history);
        std::vector<std::unique_ptr<MetricsSource>> sources;
        sources.push_back(std::make_unique<PrometheusSource>(m_url));
        sampler.setCandidates(std::move(sources));
        QSignalSpy applied(&sampler, &MetricsSampler::historyApplied);
        QElapsedTimer clock;
        clock.start();
        sampler.start();
        QVERIFY2(waitUntil([&] { return !applied.isEmpty(); }, 90000),
                 "the sampler read no history within 90 s");
        const qint64 loadMs = clock.elapsed();
        sampler.stop();
        QVERIFY2(sampler.status().historyLoaded, qPrintable(sampler.status().lastError.message()));
        QCOMPARE(sampler.status().kind, MetricsSourceKind::Prometheus);

        const QString id = MetricsHistory::containerId(kNamespace, kPod, kContainer);
        const TimeWindow window = TimeRanges::window(TimeRange::Last6Hours,
                                                     QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(window.bars, 24);
        QCOMPARE(window.barMs, 15 * 60 * 1000LL);
        for (const Metric metric : {Metric::Cpu, Metric::WorkingSet, Metric::Rss}) {
            const RangeSummary summary = history.summarize({SeriesKind::Container, metric, id},
                                                           window);
            QCOMPARE(summary.bars.size(), 24);
            qint64 samples = 0;
            for (qsizetype i = 0; i < summary.bars.size(); ++i) {
                QVERIFY2(
                    !summary.bars[i].summary.isEmpty(),
                    qPrintable(
                        QStringLiteral("bar %1 of metric %2 is empty").arg(i).arg(int(metric))));
                QVERIFY(summary.bars[i].summary.min() > 0);
                samples += summary.bars[i].summary.count();
            }
            qInfo("metric %d: 24 of 24 bars filled, %lld samples in the window (history read in "
                  "%lld ms, %d rounds)",
                  int(metric), qlonglong(samples), qlonglong(loadMs),
                  applied.first().first().toInt());
        }

        // The 12 h range: its bars from where the history begins are filled, those from
        // before it stay empty (nothing invented). Hours 6 to 8 come from the 5-minute tier.
        const TimeWindow twelve = TimeRanges::window(TimeRange::Last12Hours,
                                                     QDateTime::currentMSecsSinceEpoch());
        const qint64 beginMs = qint64(m_historyBegin * 1000);
        constexpr qint64 kCoarseStepMs = 5 * 60 * 1000;
        int filled = 0;
        int beyondSixHours = 0;
        for (const Metric metric : {Metric::Cpu, Metric::WorkingSet}) {
            const RangeSummary summary = history.summarize({SeriesKind::Container, metric, id},
                                                           twelve);
            for (qsizetype i = 0; i < summary.bars.size(); ++i) {
                const BarSummary &bar = summary.bars[i];
                // A 5-minute bucket starts up to one step before its first sample.
                if (bar.endMs <= beginMs - kCoarseStepMs) {
                    QVERIFY2(
                        bar.summary.isEmpty(),
                        qPrintable(
                            QStringLiteral("12 h bar %1 before the history is not empty").arg(i)));
                } else if (bar.startMs >= beginMs + kCoarseStepMs) {
                    QVERIFY2(!bar.summary.isEmpty(),
                             qPrintable(QStringLiteral("12 h bar %1 of metric %2 is empty")
                                            .arg(i)
                                            .arg(int(metric))));
                    ++filled;
                    if (bar.endMs <= twelve.endMs() - 6 * 3600 * 1000LL)
                        ++beyondSixHours;
                }
            }
        }
        QVERIFY2(beyondSixHours >= 2, "no 12 h bar older than 6 hours was checked");
        qInfo("12 h range: %d bars filled, %d of them older than 6 h", filled, beyondSixHours);
    }

private:
    metricstest::DemoCluster m_cluster;
    QProcess m_script;
    QString m_history;
    double m_historyEnd = 0;
    double m_historyBegin = 0;
    QUrl m_url;
};

QTEST_GUILESS_MAIN(TstDemoHistory)
#include "tst_demo_history.moc"
