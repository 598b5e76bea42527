// The pieces of informer recovery that need no server: back-off bounds and growth, Retry-After,
// and cutting a watch stream into lines whatever the chunking.
#include "kubeapi/client/backoff.h"
#include "kubeapi/client/watchstream.h"
#include "kubeapi/informers/resourcekind.h"

#include <QTest>

class TestInformerBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void growsWithinBoundsAndCaps()
    {
        for (quint32 seed = 1; seed <= 20; ++seed) {
            kube::Backoff b(800, 30000);
            b.setSeed(seed);
            int previousBase = 0;
            for (int i = 0; i < 12; ++i) {
                const int d = b.nextDelayMs();
                // The un-jittered base doubles: the n-th delay is at least 800 * 2^(n-1), capped,
                // and jitter lengthens it by at most half.
                const int base = std::min(800 << i, 30000);
                QVERIFY2(d >= base && d <= base * 3 / 2, qPrintable(QString::number(d)));
                QVERIFY(base >= previousBase);
                previousBase = base;
            }
        }
    }

    void jitterSpreadsInformers()
    {
        // Twenty informers failing at once must not all come back at the same millisecond.
        QSet<int> delays;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            kube::Backoff b;
            b.setSeed(seed);
            delays.insert(b.nextDelayMs());
        }
        QVERIFY(delays.size() > 10);
    }

    void jitterAppliesAfterTheCap()
    {
        // Twenty informers that have all reached the cap (an API server down for minutes) must
        // not reconnect in lock-step: jitter comes after the cap, over [max, 1.5 max].
        QSet<int> delays;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            kube::Backoff b(800, 30000);
            b.setSeed(seed);
            for (int i = 0; i < 20; ++i)
                b.nextDelayMs();
            const int d = b.nextDelayMs();
            QVERIFY2(d >= 30000 && d <= 45000, qPrintable(QString::number(d)));
            delays.insert(d);
        }
        QVERIFY2(delays.size() > 10, qPrintable(QString::number(delays.size())));
    }

    void resetStartsOver()
    {
        kube::Backoff b(800, 30000);
        for (int i = 0; i < 8; ++i)
            b.nextDelayMs();
        QCOMPARE(b.failures(), 8);
        b.reset();
        QVERIFY(b.nextDelayMs() < 1600);
    }

    void retryAfterIsAFloor()
    {
        kube::Backoff b(800, 30000);
        // Early on, the server's longer word wins.
        const int d = b.nextDelayMs(5);
        QVERIFY(d >= 5000 && d <= 6000);
        // Once the delay has grown, a short Retry-After does not cut it short: a server that
        // answers every request with "429, retry in 2 s" still sees the back-off grow.
        for (int i = 0; i < 10; ++i)
            b.nextDelayMs();
        const int d2 = b.nextDelayMs(2);
        QVERIFY2(d2 >= 30000, qPrintable(QString::number(d2)));
        // An absurd header does not park the informer for hours.
        QVERIFY(b.nextDelayMs(86400) <= 720000);
        b.reset();
        QVERIFY(b.nextDelayMs(0) >= 800);
    }

    void linesWhateverTheChunking_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 2, 3, 7, 64, 4096})
            QTest::addRow("chunk %d", chunk) << chunk;
    }
    void linesWhateverTheChunking()
    {
        QFETCH(int, chunk);
        const QByteArray stream =
            "{\"type\":\"ADDED\"}\n{\"type\":\"MODIFIED\"}\r\n\n"
            "{\"type\":\"BOOKMARK\",\"object\":{\"x\":\"\\n\"}}\n{\"partial\"";
        QByteArray buffer;
        QList<QByteArray> lines;
        for (qsizetype i = 0; i < stream.size(); i += chunk) {
            buffer += stream.mid(i, chunk);
            lines += kube::WatchStream::takeLines(buffer);
        }
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray("{\"type\":\"ADDED\"}"));
        QCOMPARE(lines[1], QByteArray("{\"type\":\"MODIFIED\"}"));
        QCOMPARE(lines[2], QByteArray("{\"type\":\"BOOKMARK\",\"object\":{\"x\":\"\\n\"}}"));
        QCOMPARE(buffer, QByteArray("{\"partial\""));
    }

    void collectionPaths()
    {
        const auto pods = kube::resourceKindOf<kube::Pod>();
        QCOMPARE(pods.collectionPath(), QStringLiteral("/api/v1/pods"));
        QCOMPARE(pods.collectionPath(QStringLiteral("team-a")),
                 QStringLiteral("/api/v1/namespaces/team-a/pods"));
        const auto nodes = kube::resourceKindOf<kube::Node>();
        QCOMPARE(nodes.collectionPath(QStringLiteral("team-a")), QStringLiteral("/api/v1/nodes"));
        const auto deployments = kube::resourceKindOf<kube::Deployment>();
        QCOMPARE(deployments.collectionPath(QStringLiteral("x")),
                 QStringLiteral("/apis/apps/v1/namespaces/x/deployments"));
        QCOMPARE(deployments.qualifiedName(), QStringLiteral("deployments.apps"));
    }
};

QTEST_GUILESS_MAIN(TestInformerBackoff)
#include "tst_informer_backoff.moc"
