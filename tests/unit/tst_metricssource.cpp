// The metrics sources' pure parts: the cadvisor reader on real kubelet dumps (checked against an
// independent line scan), the Prometheus API answer decoder on the documented examples, the
// assembly of query answers into rounds, and the choice of well-known Prometheus Services.
#include "kubeapi/metrics/cadvisorreader.h"
#include "kubeapi/metrics/prometheusdiscovery.h"
#include "kubeapi/metrics/prometheussource.h"
#include "kubeapi/metrics/promqueryresult.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace kube;

namespace {

QByteArray readFixture(const QString &relative)
{
    QFile file(QStringLiteral(KLARSICHT_FIXTURES_DIR) + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The reference: a plain regular-expression scan of the dump, one line at a time, sharing no
// code with PromParser. Kubelet dumps use no escapes in label values, which keeps it simple.
struct RefRow
{
    double cpu = NAN, ws = NAN, rss = NAN;
    qint64 cpuMs = 0, wsMs = 0;
};

QHash<QString, RefRow> referenceScan(const QByteArray &body, RefRow *root)
{
    QHash<QString, RefRow> rows;
    static const QRegularExpression line(
        QStringLiteral("^(container_cpu_usage_seconds_total|container_memory_working_set_bytes|"
                       "container_memory_rss)"
                       "\\{([^}]*)\\} (\\S+)(?: (\\d+))?$"));
    static const QRegularExpression label(QStringLiteral("(\\w+)=\"([^\"]*)\""));
    for (const QByteArray &raw : body.split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch())
            continue;
        QHash<QString, QString> labels;
        auto it = label.globalMatch(m.captured(2));
        while (it.hasNext()) {
            const auto l = it.next();
            labels.insert(l.captured(1), l.captured(2));
        }
        if (labels.contains(QStringLiteral("cpu"))
            && labels.value(QStringLiteral("cpu")) != QLatin1String("total"))
            continue;
        RefRow *row = nullptr;
        if (!labels.value(QStringLiteral("container")).isEmpty()
            && !labels.value(QStringLiteral("image")).isEmpty())
            row = &rows[labels.value(QStringLiteral("namespace")) + QLatin1Char('/')
                        + labels.value(QStringLiteral("pod")) + QLatin1Char('/')
                        + labels.value(QStringLiteral("container"))];
        else if (labels.value(QStringLiteral("id")) == QLatin1String("/"))
            row = root;
        else
            continue;
        const double value = m.captured(3).toDouble();
        const qint64 ms = m.captured(4).toLongLong();
        if (m.captured(1) == QLatin1String("container_cpu_usage_seconds_total")) {
            row->cpu = value;
            row->cpuMs = ms;
        } else if (m.captured(1) == QLatin1String("container_memory_working_set_bytes")) {
            row->ws = value;
            row->wsMs = ms;
        } else {
            row->rss = value;
        }
    }
    return rows;
}

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

Service service(const QString &ns, const QString &name, QList<ServicePort> ports)
{
    Service s;
    s.metadata.namespaceName = ns;
    s.metadata.name = name;
    s.ports = std::move(ports);
    return s;
}

ServicePort port(const QString &name, int number)
{
    ServicePort p;
    p.name = name;
    p.port = number;
    return p;
}

} // namespace

class TestMetricsSource final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cadvisorAgainstReference_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("1.31") << QStringLiteral(
            "prom/kubelet/nri_k8s_1_31_kubelet_metrics_cadvisor.prom");
        QTest::newRow("1.35") << QStringLiteral(
            "prom/kubelet/nri_k8s_1_35_kubelet_metrics_cadvisor.prom");
    }
    void cadvisorAgainstReference()
    {
        QFETCH(QString, file);
        const QByteArray body = readFixture(file);
        if (body.isEmpty())
            QSKIP("fixture missing: set KLARSICHT_FIXTURES_DIR to ../shared/fixtures/real");
        RefRow refRoot;
        const QHash<QString, RefRow> ref = referenceScan(body, &refRoot);
        QVERIFY(ref.size() > 5);

        const CadvisorReader::Result read = CadvisorReader::read(
            {body.constData(), size_t(body.size())}, 42);
        QVERIFY2(read.ok, read.error.message.c_str());
        QCOMPARE(read.containers.size(), ref.size());
        for (const CadvisorReader::Row &row : read.containers) {
            const QString key = row.namespaceName + QLatin1Char('/') + row.pod + QLatin1Char('/')
                                + row.container;
            QVERIFY2(ref.contains(key), qPrintable(key));
            const RefRow &r = ref[key];
            QVERIFY2(same(row.cpuSecondsTotal, r.cpu), qPrintable(key));
            QVERIFY2(same(row.workingSetBytes, r.ws), qPrintable(key));
            QVERIFY2(same(row.rssBytes, r.rss), qPrintable(key));
            if (!std::isnan(r.cpu))
                QCOMPARE(row.cpuMs, r.cpuMs);
            QCOMPARE(row.workingSetMs, r.wsMs);
        }
        QVERIFY(read.hasNode);
        QCOMPARE(read.node.cpuSecondsTotal, refRoot.cpu);
        QCOMPARE(read.node.workingSetBytes, refRoot.ws);
        QCOMPARE(read.node.rssBytes, refRoot.rss);
        QCOMPARE(read.node.cpuMs, refRoot.cpuMs);
    }

    void cadvisorFallbackStampAndDuplicates()
    {
        // Unstamped lines take the scrape time; a lingering older row of the same container
        // does not replace the newer one, whatever the order.
        const std::string body =
            "container_memory_working_set_bytes{container=\"app\",id=\"/"
            "a\",image=\"i\",name=\"n\",namespace=\"ns\",pod=\"p\"} 100 2000\n"
            "container_memory_working_set_bytes{container=\"app\",id=\"/"
            "b\",image=\"i\",name=\"m\",namespace=\"ns\",pod=\"p\"} 50 1000\n"
            "container_memory_rss{container=\"app\",id=\"/"
            "a\",image=\"i\",name=\"n\",namespace=\"ns\",pod=\"p\"} 7\n"
            "container_memory_rss{container=\"\",id=\"/kubepods/"
            "pod1\",image=\"\",name=\"\",namespace=\"ns\",pod=\"p\"} 999\n"
            "container_cpu_usage_seconds_total{container=\"app\",cpu=\"cpu01\",id=\"/"
            "a\",image=\"i\",name=\"n\",namespace=\"ns\",pod=\"p\"} 5\n";
        const auto read = CadvisorReader::read(body, 777);
        QVERIFY(read.ok);
        QCOMPARE(read.containers.size(), 1);
        QCOMPARE(read.containers[0].workingSetBytes, 100.0);
        QCOMPARE(read.containers[0].workingSetMs, 2000);
        QCOMPARE(read.containers[0].rssBytes, 7.0);
        QCOMPARE(read.containers[0].rssMs, 777);
        QVERIFY(std::isnan(read.containers[0].cpuSecondsTotal)); // per-CPU rows are not the total
        QVERIFY(!read.hasNode);
    }

    void cadvisorBadBody()
    {
        const auto read = CadvisorReader::read("container_memory_rss{container=\"a\" 1\n", 1);
        QVERIFY(!read.ok);
        QCOMPARE(read.error.line, 1u);
        QVERIFY(!read.error.message.empty());
    }

    void promQueryVector()
    {
        const QByteArray body = readFixture(
            QStringLiteral("prom/promql_api/prometheus_docs_query_instant_up_vector.json"));
        if (body.isEmpty())
            QSKIP("fixture missing: set KLARSICHT_FIXTURES_DIR to ../shared/fixtures/real");
        const PromQueryResult r = PromQueryResult::parse(body);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.resultType, QStringLiteral("vector"));
        QCOMPARE(r.series.size(), 2);
        QCOMPARE(r.series[0].labels.value(QStringLiteral("instance")),
                 QStringLiteral("localhost:9090"));
        QCOMPARE(r.series[0].points.size(), 1);
        QCOMPARE(r.series[0].points[0].ms, Q_INT64_C(1435781451781));
        QCOMPARE(r.series[0].points[0].value, 1.0);
        QCOMPARE(r.series[1].points[0].value, 0.0);
    }

    void promQueryMatrix()
    {
        const QByteArray body = readFixture(
            QStringLiteral("prom/promql_api/prometheus_docs_query_range_up.json"));
        if (body.isEmpty())
            QSKIP("fixture missing: set KLARSICHT_FIXTURES_DIR to ../shared/fixtures/real");
        const PromQueryResult r = PromQueryResult::parse(body);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.resultType, QStringLiteral("matrix"));
        QCOMPARE(r.series.size(), 2);
        QCOMPARE(r.series[1].points.size(), 3);
        QCOMPARE(r.series[1].points[0].ms, Q_INT64_C(1435781430781));
        QCOMPARE(r.series[1].points[2].ms, Q_INT64_C(1435781460781));
        QCOMPARE(r.series[1].points[2].value, 1.0);
    }

    void promQuerySpecialValuesAndErrors()
    {
        const auto r = PromQueryResult::parse(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            "{\"metric\":{},\"value\":[1700000000.050,\"NaN\"]},{\"metric\":{},\"value\":[1,\"+"
            "Inf\"]},"
            "{\"metric\":{},\"value\":[1,\"-Inf\"]},{\"metric\":{},\"value\":[1,\"0.0000001\"]}]},"
            "\"warnings\":[\"w\"]}");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.series[0].points[0].ms, Q_INT64_C(1700000000050));
        QVERIFY(std::isnan(r.series[0].points[0].value));
        QVERIFY(std::isinf(r.series[1].points[0].value) && r.series[1].points[0].value > 0);
        QVERIFY(std::isinf(r.series[2].points[0].value) && r.series[2].points[0].value < 0);
        QCOMPARE(r.series[3].points[0].value, 1e-7);
        QCOMPARE(r.warnings, QStringList{QStringLiteral("w")});

        const auto bad = PromQueryResult::parse(
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter "
            "\\\"query\\\": 1:10: parse error: unclosed left parenthesis\"}");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.errorType, QStringLiteral("bad_data"));
        QVERIFY(bad.error.contains(QStringLiteral("unclosed left parenthesis")));

        for (const char *broken : {"", "[]", "{\"status\":\"success\"}",
                                   "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                   "\"result\":[{\"value\":[1,2]}]}}",
                                   "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                   "\"result\":[{\"values\":[[1]]}]}}",
                                   "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                   "\"result\":[{\"metric\":{\"a\":1},\"value\":[1,\"2\"]}]}}",
                                   "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                   "\"result\":[{\"value\":[1,\"x\"]}]}}"}) {
            const auto r2 = PromQueryResult::parse(QByteArrayView(broken));
            QVERIFY2(!r2.ok(), broken);
            QCOMPARE(r2.errorType, QStringLiteral("decode"));
        }
        const auto scalar = PromQueryResult::parse(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.05,"
            "\"3\"]}}");
        QVERIFY(scalar.ok());
        QCOMPARE(scalar.series[0].points[0].value, 3.0);
        QCOMPARE(scalar.series[0].points[0].ms, Q_INT64_C(1700000000050));
    }

    void assembleRounds()
    {
        auto vec =
            [](std::initializer_list<std::pair<QHash<QString, QString>, std::pair<qint64, double>>>
                   rows) {
                PromQueryResult r;
                r.resultType = QStringLiteral("matrix");
                for (const auto &row : rows) {
                    PromQueryResult::Series s;
                    s.labels = row.first;
                    s.points.append({row.second.first, row.second.second});
                    r.series.append(s);
                }
                return r;
            };
        const QHash<QString, QString> a{{QStringLiteral("namespace"), QStringLiteral("ns")},
                                        {QStringLiteral("pod"), QStringLiteral("p")},
                                        {QStringLiteral("container"), QStringLiteral("c")},
                                        {QStringLiteral("node"), QStringLiteral("n1")}};
        const QHash<QString, QString> n{{QStringLiteral("node"), QStringLiteral("n1")}};
        const QHash<QString, QString> anonymous{{QStringLiteral("pod"), QStringLiteral("p")}};
        QList<PromQueryResult> answers(PrometheusSource::kQueryCount);
        answers[0] = vec({{a, {2000, 0.25}}, {a, {1000, 0.5}}, {anonymous, {1000, 9}}});
        answers[1] = vec({{a, {1000, 100}}});
        answers[2] = vec({{a, {2000, 50}}});
        answers[3] = vec({{n, {1000, 1.5}}});
        answers[4] = vec({{n, {1000, 4096}}, {{}, {1000, 1}}});
        const QList<MetricsRound> rounds = PrometheusSource::assemble(answers);
        QCOMPARE(rounds.size(), 2);
        QCOMPARE(rounds[0].timestampMs, 1000);
        QCOMPARE(rounds[0].containers.size(), 1);
        QCOMPARE(rounds[0].containers[0].cpuCores, 0.5);
        QCOMPARE(rounds[0].containers[0].workingSetBytes, 100.0);
        QVERIFY(std::isnan(rounds[0].containers[0].rssBytes));
        QCOMPARE(rounds[0].containers[0].node, QStringLiteral("n1"));
        QCOMPARE(rounds[0].nodes.size(), 1);
        QCOMPARE(rounds[0].nodes[0].cpuCores, 1.5);
        QCOMPARE(rounds[0].nodes[0].workingSetBytes, 4096.0);
        QCOMPARE(rounds[1].timestampMs, 2000);
        QCOMPARE(rounds[1].containers[0].cpuCores, 0.25);
        QCOMPARE(rounds[1].containers[0].rssBytes, 50.0);
        QVERIFY(rounds[1].nodes.isEmpty());
    }

    void promqlAndTime()
    {
        PrometheusSource source(QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(source.promql(PrometheusSource::Query::ContainerCpu),
                 QStringLiteral(
                     "sum by (namespace,pod,container,node) "
                     "(rate(container_cpu_usage_seconds_total{container!=\"\",image!=\"\"}[5m]))"));
        source.setRateWindow(QStringLiteral("1m"));
        QVERIFY(source.promql(PrometheusSource::Query::NodeCpu)
                    .endsWith(QStringLiteral("{id=\"/\"}[1m]))")));
        QCOMPARE(PrometheusSource::promTime(1700000000050), QStringLiteral("1700000000.050"));
        QCOMPARE(PrometheusSource::promTime(15000), QStringLiteral("15.000"));
    }

    void discoveryCandidates()
    {
        const QList<Service> services{
            service(QStringLiteral("x"), QStringLiteral("prometheus-server"),
                    {port(QString(), 80)}),
            service(QStringLiteral("b"), QStringLiteral("prometheus-operated"),
                    {port(QStringLiteral("web"), 9090)}),
            service(QStringLiteral("other"), QStringLiteral("prometheus-k8s"),
                    {port(QStringLiteral("web"), 9090)}),
            service(
                QStringLiteral("monitoring"), QStringLiteral("prometheus-k8s"),
                {port(QStringLiteral("reloader-web"), 8080), port(QStringLiteral("web"), 9090)}),
            service(QStringLiteral("a"), QStringLiteral("prometheus-operated"),
                    {port(QStringLiteral("web"), 9090)}),
            service(QStringLiteral("kps"), QStringLiteral("kube-prometheus-stack-prometheus"),
                    {port(QStringLiteral("http-web"), 9090),
                     port(QStringLiteral("reloader-web"), 8080)}),
            service(QStringLiteral("default"), QStringLiteral("kubernetes"),
                    {port(QStringLiteral("https"), 443)}),
        };
        const auto c = PrometheusDiscovery::candidates(services);
        QCOMPARE(c.size(), 5);
        QCOMPARE(PrometheusDiscovery::proxyPath(c[0]),
                 QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy"));
        QCOMPARE(PrometheusDiscovery::proxyPath(c[1]),
                 QStringLiteral("/api/v1/namespaces/a/services/prometheus-operated:web/proxy"));
        QCOMPARE(c[2].namespaceName, QStringLiteral("b"));
        QCOMPARE(
            PrometheusDiscovery::proxyPath(c[3]),
            QStringLiteral(
                "/api/v1/namespaces/kps/services/kube-prometheus-stack-prometheus:http-web/proxy"));
        QCOMPARE(PrometheusDiscovery::proxyPath(c[4]),
                 QStringLiteral("/api/v1/namespaces/x/services/prometheus-server:80/proxy"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsSource)
#include "tst_metricssource.moc"
