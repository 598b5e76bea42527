// The metrics sources against the real demo cluster: metrics.k8s.io figures compared with what
// kubectl reads from the same API, the kubelet source reading every node's cadvisor endpoint
// through the API server proxy, and the sampler choosing and recording a source end to end.
#include "../skip_or_fail.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/metrics/kubeletsource.h"
#include "kubeapi/metrics/metricsserversource.h"
#include "models/metrics/metricssampler.h"
#include "tst_metrics_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <optional>

using namespace kube;
using metricstest::waitUntil;

namespace {

// The reference reads quantities with its own small suffix table (not kube::Quantity).
double refQuantity(const QString &text)
{
    static const QList<QPair<QString, double>> suffixes{{QStringLiteral("Ki"), 1024.0},
                                                        {QStringLiteral("Mi"), 1048576.0},
                                                        {QStringLiteral("Gi"), 1073741824.0},
                                                        {QStringLiteral("n"), 1e-9},
                                                        {QStringLiteral("u"), 1e-6},
                                                        {QStringLiteral("m"), 1e-3},
                                                        {QStringLiteral("k"), 1e3},
                                                        {QStringLiteral("M"), 1e6},
                                                        {QStringLiteral("G"), 1e9}};
    for (const auto &s : suffixes)
        if (text.endsWith(s.first))
            return text.chopped(s.first.size()).toDouble() * s.second;
    return text.toDouble();
}

std::optional<QByteArray> kubectlRaw(const QString &kubeconfig, const QString &path)
{
    QProcess kubectl;
    kubectl.start(QStringLiteral("kubectl"),
                  {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
                   QStringLiteral("--raw"), path});
    if (!kubectl.waitForFinished(30000) || kubectl.exitCode() != 0)
        return std::nullopt;
    return kubectl.readAllStandardOutput();
}

bool within(double ours, double theirs, double relative)
{
    if (theirs == 0)
        return ours == 0;
    return std::abs(ours - theirs) / std::abs(theirs) <= relative;
}

MetricsRound pollOnce(MetricsSource &source)
{
    QSignalSpy spy(&source, &MetricsSource::roundFinished);
    if (!source.poll())
        return {};
    if (!spy.wait(30000))
        return {};
    return spy.first().first().value<MetricsRound>();
}

} // namespace

class TestMetricsSources final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MetricsRound>();
        const QString error = m_cluster.start();
        if (!error.isEmpty())
            SKIP_OR_FAIL(qPrintable(QStringLiteral("demo cluster unavailable: ") + error));
        m_client = std::make_unique<ApiClient>(m_cluster.connection());
    }

    void metricsServerMatchesKubectl()
    {
        MetricsServerSource source(m_client.get());
        const MetricsRound round = pollOnce(source);
        QVERIFY2(round.error.isOk(), qPrintable(round.error.toLogString()));
        QVERIFY(round.containers.size() > 5);
        QVERIFY(!round.nodes.isEmpty());

        const auto raw = kubectlRaw(m_cluster.kubeconfig(),
                                    QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods"));
        QVERIFY2(raw, "kubectl get --raw failed");
        QHash<QString, QPair<double, double>> ref;
        const QJsonArray items =
            QJsonDocument::fromJson(*raw).object().value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject meta = item[QStringLiteral("metadata")].toObject();
            for (const QJsonValue &c : item[QStringLiteral("containers")].toArray()) {
                const QJsonObject usage = c[QStringLiteral("usage")].toObject();
                ref.insert(meta[QStringLiteral("namespace")].toString() + QLatin1Char('/')
                               + meta[QStringLiteral("name")].toString() + QLatin1Char('/')
                               + c[QStringLiteral("name")].toString(),
                           {refQuantity(usage[QStringLiteral("cpu")].toString()),
                            refQuantity(usage[QStringLiteral("memory")].toString())});
            }
        }
        int compared = 0;
        for (const ContainerMetricsSample &s : round.containers) {
            const QString key = s.namespaceName + QLatin1Char('/') + s.pod + QLatin1Char('/')
                                + s.container;
            if (!ref.contains(key))
                continue; // a pod that came or went between the two reads
            ++compared;
            QVERIFY(s.timestampMs > 0);
            QVERIFY(std::isnan(s.rssBytes));
            // The two reads happen moments apart and the demo's usage moves: a few percent.
            QVERIFY2(within(s.workingSetBytes, ref[key].second, 0.05), qPrintable(key));
            QVERIFY2(within(s.cpuCores, ref[key].first, 0.10)
                         || std::abs(s.cpuCores - ref[key].first) < 0.002,
                     qPrintable(key));
        }
        QVERIFY2(compared >= round.containers.size() * 9 / 10,
                 qPrintable(QString::number(compared)));
        qInfo("metrics.k8s.io: %d containers compared with kubectl, %d nodes", compared,
              int(round.nodes.size()));
    }

    void kubeletParsesEveryNode()
    {
        const auto raw = kubectlRaw(m_cluster.kubeconfig(), QStringLiteral("/api/v1/nodes"));
        QVERIFY(raw);
        QStringList nodes;
        for (const QJsonValue &item :
             QJsonDocument::fromJson(*raw).object().value(QStringLiteral("items")).toArray())
            nodes.append(item[QStringLiteral("metadata")][QStringLiteral("name")].toString());
        QVERIFY(!nodes.isEmpty());

        KubeletSource source(m_client.get()); // lists the nodes itself
        const MetricsRound round = pollOnce(source);
        QVERIFY2(round.error.isOk(), qPrintable(round.error.toLogString()));
        QVERIFY(round.failedParts.isEmpty());
        QStringList seen;
        for (const NodeMetricsSample &n : round.nodes) {
            seen.append(n.node);
            QVERIFY(n.cpuSecondsTotal > 0);
            QVERIFY(n.workingSetBytes > 0);
            QVERIFY(n.rssBytes > 0);
        }
        seen.sort();
        nodes.sort();
        QCOMPARE(seen, nodes);
        QHash<QString, int> perNode;
        for (const ContainerMetricsSample &c : round.containers) {
            QVERIFY(!c.container.isEmpty());
            QVERIFY(c.workingSetBytes > 0);
            ++perNode[c.node];
        }
        QVERIFY(!round.containers.isEmpty());
        qInfo("kubelet: %d nodes, %d app containers", int(round.nodes.size()),
              int(round.containers.size()));

        // The same working sets as metrics.k8s.io reports (one usage curve behind both).
        MetricsServerSource ms(m_client.get());
        const MetricsRound reference = pollOnce(ms);
        QHash<QString, double> refWs;
        for (const auto &s : reference.containers)
            refWs.insert(s.namespaceName + QLatin1Char('/') + s.pod + QLatin1Char('/')
                             + s.container,
                         s.workingSetBytes);
        int compared = 0;
        for (const auto &c : round.containers) {
            const QString key = c.namespaceName + QLatin1Char('/') + c.pod + QLatin1Char('/')
                                + c.container;
            if (!refWs.contains(key))
                continue;
            ++compared;
            QVERIFY2(within(c.workingSetBytes, refWs[key], 0.05), qPrintable(key));
        }
        QVERIFY(compared > 0);
    }

    void samplerChoosesAndRecords()
    {
        MetricsHistory::Config config;
        config.intervalMs = 1000;
        MetricsHistory history(config);
        MetricsSampler sampler(&history);
        sampler.setupFor(m_client.get()); // no Prometheus in the workshop: the kubelets win
        QSignalSpy recorded(&sampler, &MetricsSampler::roundRecorded);
        sampler.start();
        QVERIFY(recorded.wait(30000));
        QCOMPARE(sampler.status().kind, MetricsSourceKind::Kubelet);
        QVERIFY(sampler.status().inUseSinceMs > 0);
        QCOMPARE(sampler.status().missingSinceMs, 0);
        QTest::qWait(1100);
        sampler.sampleNow();
        QVERIFY(recorded.wait(30000));
        sampler.stop();
        // After two rounds every container with a running CPU counter has a rate.
        int withCpu = 0;
        const QList<QVariant> last = recorded.last();
        QVERIFY(last.at(1).toInt() > 0);
        QVERIFY(last.at(2).toInt() > 0);
        const auto raw = kubectlRaw(m_cluster.kubeconfig(),
                                    QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods"));
        for (const QJsonValue &item :
             QJsonDocument::fromJson(*raw).object().value(QStringLiteral("items")).toArray()) {
            const QJsonObject meta = item[QStringLiteral("metadata")].toObject();
            for (const QJsonValue &c : item[QStringLiteral("containers")].toArray()) {
                const SeriesKey key{
                    SeriesKind::Container, Metric::Cpu,
                    MetricsHistory::containerId(meta[QStringLiteral("namespace")].toString(),
                                                meta[QStringLiteral("name")].toString(),
                                                c[QStringLiteral("name")].toString())};
                if (const auto s = history.latest(key); s && s->value >= 0)
                    ++withCpu;
            }
        }
        QVERIFY(withCpu > 0);
        qInfo("sampler: kubelet source, %d containers with a CPU rate", withCpu);
    }

private:
    metricstest::DemoCluster m_cluster;
    std::unique_ptr<ApiClient> m_client;
};

QTEST_GUILESS_MAIN(TestMetricsSources)
#include "tst_metrics_sources.moc"
