// Reading snapshot files (models/cluster/snapshotreader): real recorded lists and metrics
// answers, wrapped the way `klarsicht snapshot` writes them, go into a ClusterStore through the
// API decoders; damaged and foreign files give a clear error and leave nothing behind.
#include "kubeapi/objects/decoders.h"
#include "kubeapi/objects/jsonview.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/snapshotreader.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray fixture(const char *path)
{
    QFile file(QStringLiteral(KLARSICHT_FIXTURES_DIR "/") + QLatin1String(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A metrics.k8s.io list answer around one recorded item, as the API server sends it.
QByteArray listOf(const char *kind, const QByteArray &item)
{
    return QByteArray(R"({"kind":")") + kind + R"(","apiVersion":"metrics.k8s.io/v1beta1",)"
           + R"("metadata":{},"items":[)" + item + "]}";
}

} // namespace

class TestSnapshotReader final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &content)
    {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("snapshot-%1.json").arg(++n));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    QByteArray snapshot(const QByteArray &lists, const QByteArray &metrics = "[]",
                        const QByteArray &version = "1")
    {
        // Key order as nlohmann writes it (sorted), with "lists" before the header fields
        // would be too: the reader must not depend on it.
        return QByteArray(R"({"lists": )") + lists + R"(, "metrics": )" + metrics
               + R"(, "capturedAt": "2026-12-01T10:00:00.000Z", "context": "prod",
                    "formatVersion": )"
               + version + R"(, "kind": "KlarsichtSnapshot",
                    "server": "https://k8s.example:6443"})";
    }

private Q_SLOTS:
    void readsRecordedListsAndMetrics()
    {
        const QByteArray pods = fixture("k8s/lists/nri_k8s_1_35_kubelet_pods_podlist.json");
        const QByteArray namespaces = fixture("k8s/lists/ddagent_namespaces_namespacelist.json");
        const QByteArray podMetrics = fixture(
            "k8s/metrics/k8s_website_podmetrics_kube-scheduler-minikube.json");
        const QByteArray nodeMetrics = fixture("k8s/metrics/k8s_website_nodemetrics_minikube.json");
        if (pods.isEmpty() || namespaces.isEmpty() || podMetrics.isEmpty() || nodeMetrics.isEmpty())
            QSKIP("fixtures/real is not present next to the checkout (KLARSICHT_FIXTURES_DIR)");
        const kube::DecodedList<kube::Pod> expected = kube::decodeList<kube::Pod>(pods);
        QVERIFY(expected.ok());
        QVERIFY(!expected.items.isEmpty());

        const QByteArray metrics = R"([{"capturedAt": "2026-12-01T09:59:00.000Z", "pods": )"
                                   + listOf("PodMetricsList", podMetrics) + R"(, "nodes": )"
                                   + listOf("NodeMetricsList", nodeMetrics) + "}]";
        const QString path = write(
            snapshot(R"({"pods": )" + pods + R"(, "namespaces": )" + namespaces + "}", metrics));
        ClusterStore store;
        QList<kube::MetricsRound> rounds;
        QString error;
        const auto header = SnapshotReader::read(
            path, &store, [&](const kube::MetricsRound &r) { rounds << r; }, &error);
        QVERIFY2(header, qPrintable(error));
        QCOMPARE(header->context, QStringLiteral("prod"));
        QCOMPARE(header->server, QStringLiteral("https://k8s.example:6443"));
        QCOMPARE(header->capturedAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));

        QCOMPARE(store.podCount(), expected.items.size());
        for (const kube::Pod &pod : expected.items) {
            const kube::Pod *stored = store.pod(pod.metadata.uid);
            QVERIFY(stored);
            QCOMPARE(stored->metadata.name, pod.metadata.name);
            QCOMPARE(stored->nodeName, pod.nodeName);
            QCOMPARE(store.podUidByName(pod.metadata.namespaceName, pod.metadata.name),
                     pod.metadata.uid);
        }
        // Namespaces of the Namespace list and of the pods alike.
        QVERIFY(store.namespaces().contains(expected.items.front().metadata.namespaceName));
        QVERIFY(store.namespaces().size() >= 2);

        QCOMPARE(rounds.size(), 1);
        const kube::MetricsRound &round = rounds.front();
        QCOMPARE(round.timestampMs,
                 QDateTime(QDate(2026, 12, 1), QTime(9, 59), Qt::UTC).toMSecsSinceEpoch());
        QVERIFY(!round.containers.isEmpty());
        QCOMPARE(round.containers.front().pod, QStringLiteral("kube-scheduler-minikube"));
        QCOMPARE(round.containers.front().namespaceName, QStringLiteral("kube-system"));
        QVERIFY(round.containers.front().cpuCores >= 0);
        QCOMPARE(round.nodes.size(), 1);
        QCOMPARE(round.nodes.front().node, QStringLiteral("minikube"));
        QVERIFY(round.nodes.front().workingSetBytes > 0);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is not a Klarsicht snapshot");
        QTest::newRow("cut off") << snapshot(R"({"pods": {"items": [)").left(40)
                                 << QStringLiteral("is not valid JSON");
        QTest::newRow("other JSON") << QByteArray(R"({"kind": "PodList", "items": []})")
                                    << QStringLiteral("is not a Klarsicht snapshot");
        QTest::newRow("newer") << snapshot("{}", "[]", "7")
                               << QStringLiteral("newer Klarsicht (format 7)");
        QTest::newRow("damaged list")
            << snapshot(R"({"pods": {"items": [{"metadata": {"name": 5}}]}})")
            << QStringLiteral("The list “pods”");
        QTest::newRow("bracket mismatch")
            << snapshot(R"({"pods": {"items": [}]}})") << QStringLiteral("is not valid JSON");
    }

    void rejectsBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = write(content);
        ClusterStore store;
        QString error;
        QVERIFY(!SnapshotReader::read(path, &store, {}, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(store.podCount(), 0);
    }

    void missingFileNamesIt()
    {
        ClusterStore store;
        QString error;
        QVERIFY(
            !SnapshotReader::read(m_dir.filePath(QStringLiteral("none.json")), &store, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("none.json")), qPrintable(error));
    }

    void skipRawHandsOutValueText()
    {
        // Brackets and escaped quotes inside strings are text, not structure.
        const QByteArray text =
            "{\"a\": {\"s\": \"x\\\"}]\", \"n\": [1, {\"b\": \"]\"}]}, \"c\": 2}";
        kube::JsonParser parser;
        parser.start(text);
        QVERIFY(parser.expect('{'));
        std::string_view key;
        QVERIFY(parser.key(&key));
        QByteArrayView span;
        QVERIFY(parser.skipRaw(&span));
        QCOMPARE(QByteArray(span.data(), span.size()),
                 QByteArray("{\"s\": \"x\\\"}]\", \"n\": [1, {\"b\": \"]\"}]}"));
        QVERIFY(parser.expect(','));
        QVERIFY(parser.key(&key));
        QVERIFY(parser.skipRaw(&span));
        QCOMPARE(QByteArray(span.data(), span.size()), QByteArray("2"));
        QVERIFY(parser.expect('}'));
        QVERIFY(parser.finish());
    }
};

QTEST_GUILESS_MAIN(TestSnapshotReader)
#include "tst_snapshotreader.moc"
