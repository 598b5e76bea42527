// The truth test: Debian's Prometheus scrapes every demo node's cadvisor endpoint through the API
// server proxy (file_sd_configs + the kubeconfig's client certificate, as scripts/demo-prometheus
// does), and our kubelet source's working set and CPU rate for each workshop container must agree
// with Prometheus' own instant values and rate(...[1m]) at our sample times within 2 %. Our
// percentiles over Prometheus' raw samples must equal a reference computation exactly.
#include "../skip_or_fail.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/metrics/kubeletsource.h"
#include "kubeapi/metrics/prometheussource.h"
#include "models/metrics/metricssampler.h"
#include "tst_metrics_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace kube;
using metricstest::waitUntil;

namespace {

const QString kPrometheus = QStringLiteral("/usr/bin/prometheus");
constexpr qint64 kRateWindowMs = 60000; // rate(...[1m])

QString keyOf(const QString &ns, const QString &pod, const QString &container)
{
    return ns + QLatin1Char('/') + pod + QLatin1Char('/') + container;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

MetricsRound pollOnce(MetricsSource &source)
{
    QSignalSpy spy(&source, &MetricsSource::roundFinished);
    if (!source.poll() || !spy.wait(30000))
        return {};
    return spy.first().first().value<MetricsRound>();
}

// One PromQL answer through our PrometheusSource::get (the decoder is unit-tested on its own).
PromQueryResult query(PrometheusSource &prom, const QString &promql, qint64 atMs,
                      ApiError *error = nullptr)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), promql);
    q.addQueryItem(QStringLiteral("time"), PrometheusSource::promTime(atMs));
    PromQueryResult out;
    bool done = false;
    prom.get(QStringLiteral("/api/v1/query"), q, [&](const PromQueryResult &r, const ApiError &e) {
        out = r;
        if (error)
            *error = e;
        done = true;
    });
    waitUntil([&] { return done; }, 30000);
    return out;
}

QHash<QString, double> byContainer(const PromQueryResult &result)
{
    QHash<QString, double> out;
    for (const auto &s : result.series)
        if (!s.points.isEmpty())
            out.insert(keyOf(s.labels.value(QStringLiteral("namespace")),
                             s.labels.value(QStringLiteral("pod")),
                             s.labels.value(QStringLiteral("container"))),
                       s.points.first().value);
    return out;
}

double relDiff(double ours, double theirs)
{
    if (ours == theirs)
        return 0;
    return std::abs(ours - theirs) / std::max(std::abs(ours), std::abs(theirs));
}

// The reference: nearest rank on the sorted values, 1-based rank ceil(p·n/100) in integers.
double refPercentile(std::vector<double> sorted, int p)
{
    const size_t n = sorted.size();
    size_t rank = (size_t(p) * n + 99) / 100;
    rank = std::clamp<size_t>(rank, 1, n);
    return sorted[rank - 1];
}

} // namespace

class TestMetricsTruth final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MetricsRound>();
        if (!QFileInfo(kPrometheus).isExecutable())
            SKIP_OR_FAIL(
                "/usr/bin/prometheus is missing (Debian package prometheus): no truth test");
        const QString error = m_cluster.start();
        if (!error.isEmpty())
            SKIP_OR_FAIL(qPrintable(QStringLiteral("demo cluster unavailable: ") + error));
        m_client = std::make_unique<ApiClient>(m_cluster.connection());
    }

    void cleanupTestCase()
    {
        if (m_prometheus.state() != QProcess::NotRunning) {
            m_prometheus.terminate();
            if (!m_prometheus.waitForFinished(10000))
                m_prometheus.kill();
        }
    }

    void truth()
    {
        QElapsedTimer elapsed;
        elapsed.start();
        // The nodes, from the API (through our kubelet source's own node listing).
        KubeletSource kubelet(m_client.get());
        const MetricsRound first = pollOnce(kubelet);
        QVERIFY2(first.error.isOk(), qPrintable(first.error.toLogString()));
        QStringList nodes;
        for (const auto &n : first.nodes)
            nodes.append(n.node);
        QVERIFY(!nodes.isEmpty());
        kubelet.setNodes(nodes);

        // Prometheus: file_sd targets (one per node, same API server address), TLS from the
        // kubeconfig's data written to files, 1 s scrapes to keep the test short.
        const QString dir = m_cluster.dir();
        const ClusterConnection &c = m_cluster.connection();
        QVERIFY(writeFile(dir + QStringLiteral("/ca.crt"), c.certificateAuthorityPem));
        QVERIFY(writeFile(dir + QStringLiteral("/client.crt"), c.clientCertificatePem));
        QVERIFY(writeFile(dir + QStringLiteral("/client.key"), c.clientKeyPem));
        QFile::setPermissions(dir + QStringLiteral("/client.key"),
                              QFile::ReadOwner | QFile::WriteOwner);
        const QString address = c.server.host() + QLatin1Char(':')
                                + QString::number(c.server.port());
        QJsonArray targets;
        for (const QString &node : nodes)
            targets.append(QJsonObject{
                {QStringLiteral("targets"), QJsonArray{address}},
                {QStringLiteral("labels"), QJsonObject{{QStringLiteral("node"), node}}}});
        QVERIFY(writeFile(dir + QStringLiteral("/targets.json"), QJsonDocument(targets).toJson()));
        const QString config =
            QStringLiteral(
                "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                "scrape_configs:\n  - job_name: kubelet\n    scheme: https\n"
                "    tls_config:\n      ca_file: %1/ca.crt\n      cert_file: %1/client.crt\n"
                "      key_file: %1/client.key\n"
                "    file_sd_configs:\n      - files: [%1/targets.json]\n"
                "    relabel_configs:\n      - source_labels: [node]\n"
                "        target_label: __metrics_path__\n"
                "        replacement: /api/v1/nodes/${1}/proxy/metrics/cadvisor\n"
                "      - source_labels: [node]\n        target_label: instance\n")
                .arg(dir);
        QVERIFY(writeFile(dir + QStringLiteral("/prometheus.yml"), config.toUtf8()));
        const int port = metricstest::freePort();
        QVERIFY(port > 0);
        m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
        m_prometheus.setStandardOutputFile(dir + QStringLiteral("/prometheus.log"));
        m_prometheus.start(
            kPrometheus,
            {QStringLiteral("--config.file=") + dir + QStringLiteral("/prometheus.yml"),
             QStringLiteral("--storage.tsdb.path=") + dir + QStringLiteral("/tsdb"),
             QStringLiteral("--web.listen-address=127.0.0.1:") + QString::number(port),
             QStringLiteral("--log.level=warn")});
        QVERIFY(m_prometheus.waitForStarted(10000));
        PrometheusSource prom(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));

        // Wait until a workshop container's working set is queryable (first scrapes done).
        const QString wsQuery = QStringLiteral(
            "sum by (namespace,pod,container) "
            "(container_memory_working_set_bytes{container!=\"\",image!=\"\"})");
        QVERIFY2(waitUntil(
                     [&] {
                         if (m_prometheus.state() == QProcess::NotRunning)
                             return true;
                         return !query(prom, wsQuery, QDateTime::currentMSecsSinceEpoch())
                                     .series.isEmpty();
                     },
                     30000),
                 "Prometheus never had a working set (see prometheus.log in the test's temp dir)");
        QVERIFY(m_prometheus.state() == QProcess::Running);

        // Our two kubelet rounds, one rate window apart; the second one waits until Prometheus
        // has a full minute of its own samples before it.
        QTest::qWait(1500);
        const MetricsRound r0 = pollOnce(kubelet);
        QVERIFY2(r0.error.isOk(), qPrintable(r0.error.toLogString()));
        // The same window as rate(...[1m]) evaluated at our second sample's time.
        const qint64 due = r0.timestampMs + kRateWindowMs;
        waitUntil([due] { return QDateTime::currentMSecsSinceEpoch() >= due; },
                  int(kRateWindowMs) + 5000);
        const MetricsRound r1 = pollOnce(kubelet);
        QVERIFY2(r1.error.isOk(), qPrintable(r1.error.toLogString()));

        // Our figures, through the sampler's own counter → rate path.
        MetricsHistory::Config hc;
        hc.intervalMs = 1000;
        MetricsHistory history(hc);
        MetricsSampler sampler(&history);
        sampler.record(r0);
        sampler.record(r1);

        // Prometheus at our second sample's time (the demo's kubelet writes no timestamps, so
        // both sides stamp with their scrape time; ours is the request time).
        const qint64 t1 = r1.containers.isEmpty() ? r1.timestampMs
                                                  : r1.containers.first().timestampMs;
        const QHash<QString, double> promWs = byContainer(query(prom, wsQuery, t1));
        const QHash<QString, double> promCpu = byContainer(
            query(prom,
                  QStringLiteral(
                      "sum by (namespace,pod,container) "
                      "(rate(container_cpu_usage_seconds_total{container!=\"\",image!=\"\"}[1m]))"),
                  t1));
        QHash<QString, double> counters0;
        for (const auto &s : r0.containers)
            counters0.insert(keyOf(s.namespaceName, s.pod, s.container), s.cpuSecondsTotal);

        double maxWs = 0, maxCpu = 0;
        int comparedWs = 0, comparedCpu = 0;
        for (const ContainerMetricsSample &s : r1.containers) {
            const QString key = keyOf(s.namespaceName, s.pod, s.container);
            const auto ws = history.latest({SeriesKind::Container, Metric::WorkingSet, key});
            if (promWs.contains(key) && ws) {
                const double d = relDiff(ws->value, promWs[key]);
                maxWs = std::max(maxWs, d);
                ++comparedWs;
                QVERIFY2(d <= 0.02,
                         qPrintable(QStringLiteral("%1 working set: ours %2, Prometheus %3")
                                        .arg(key)
                                        .arg(ws->value)
                                        .arg(promWs[key])));
            }
            // Containers that restarted inside the window (crash loops) have no comparable rate.
            if (!counters0.contains(key) || !(s.cpuSecondsTotal >= counters0[key])
                || !promCpu.contains(key))
                continue;
            const auto cpu = history.latest({SeriesKind::Container, Metric::Cpu, key});
            QVERIFY2(cpu, qPrintable(key));
            const double ours = cpu->value / 1000.0;
            const double d = relDiff(ours, promCpu[key]);
            maxCpu = std::max(maxCpu, d);
            ++comparedCpu;
            QVERIFY2(d <= 0.02,
                     qPrintable(QStringLiteral("%1 CPU: ours %2 cores, Prometheus rate[1m] %3")
                                    .arg(key)
                                    .arg(ours, 0, 'g', 10)
                                    .arg(promCpu[key], 0, 'g', 10)));
        }
        QVERIFY(comparedWs >= 5);
        QVERIFY(comparedCpu >= 5);
        qInfo("truth: working set %d containers, max deviation %.4f %%; CPU rate %d containers, "
              "max deviation %.4f %%",
              comparedWs, maxWs * 100, comparedCpu, maxCpu * 100);

        // Percentiles: Prometheus' raw working-set samples of the last minute, into our
        // MetricsHistory, against a reference nearest-rank computation on the same values.
        const PromQueryResult raw = query(
            prom,
            QStringLiteral("container_memory_working_set_bytes{container!=\"\",image!=\"\"}[1m]"),
            t1);
        QCOMPARE(raw.resultType, QStringLiteral("matrix"));
        int checked = 0;
        for (const auto &series : raw.series) {
            if (series.points.size() < 20)
                continue;
            MetricsHistory::Config pc;
            pc.intervalMs = 1; // keep every raw sample as it is
            MetricsHistory ph(pc);
            const SeriesKey key{SeriesKind::Container, Metric::WorkingSet, QStringLiteral("x")};
            std::vector<double> values;
            double sum = 0;
            for (const auto &p : series.points) {
                QVERIFY(ph.addSample(key, p.ms, p.value));
                values.push_back(p.value);
                sum += p.value;
            }
            const qint64 from = series.points.first().ms;
            const TimeWindow window{from, series.points.last().ms - from + 1, 1};
            const Summary ours = ph.summarize(key, window).whole;
            std::sort(values.begin(), values.end());
            QCOMPARE(ours.count(), qint64(values.size()));
            QCOMPARE(ours.min(), values.front());
            QCOMPARE(ours.max(), values.back());
            QCOMPARE(ours.avg(), sum / double(values.size()));
            QCOMPARE(ours.value(Statistic::P50), refPercentile(values, 50));
            QCOMPARE(ours.value(Statistic::P90), refPercentile(values, 90));
            QCOMPARE(ours.value(Statistic::P95), refPercentile(values, 95));
            ++checked;
        }
        QVERIFY(checked >= 5);

        // Our Prometheus source on the same server: a round and history.
        const MetricsRound pr = pollOnce(prom);
        QVERIFY2(pr.error.isOk(), qPrintable(pr.error.toLogString()));
        QVERIFY(pr.containers.size() >= comparedWs);
        QVERIFY(!pr.nodes.isEmpty());
        QSignalSpy historySpy(&prom, &MetricsSource::historyFinished);
        prom.fetchHistory(t1 - 30000, t1, 5000);
        QVERIFY(historySpy.wait(30000));
        const auto batch = historySpy.first().first().value<MetricsHistoryBatch>();
        QVERIFY2(batch.error.isOk(), qPrintable(batch.error.toLogString()));
        QVERIFY(batch.rounds.size() >= 5);
        qInfo("truth: %d percentile series checked; test took %lld ms", checked, elapsed.elapsed());
    }

private:
    metricstest::DemoCluster m_cluster;
    std::unique_ptr<ApiClient> m_client;
    QProcess m_prometheus;
};

QTEST_GUILESS_MAIN(TestMetricsTruth)
#include "tst_metrics_truth.moc"
