// A pod informer through a burst of watch events from the real demo cluster (its churn fault:
// thousands of MODIFIED events a second, many per network read). The events are decoded off the
// owner's thread and applied in slices; this checks that they still arrive in the server's
// order, that every update follows the one before it for the same pod, and that afterwards the
// cache equals what kubectl lists (UID for UID, resourceVersion for resourceVersion).
#include "tst_client_support.h"

#include <QSignalSpy>

using clienttest::DemoCluster;
using kube::InformerBase;

class TestWatchBurst : public QObject
{
    Q_OBJECT
private:
    DemoCluster m_cluster;
    std::unique_ptr<kube::ApiClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
        m_client = std::make_unique<kube::ApiClient>(m_cluster.connection(QStringLiteral("demo")));
    }

    void burstKeepsOrderAndConverges()
    {
        kube::Informer<kube::Pod> pods(m_client.get());
        // What the handlers saw since the last (re)list: the server sends a watch's events in
        // resourceVersion order, so the versions of adds and updates must only grow.
        bool live = false;
        int relistsAtSync = 0;
        qint64 lastVersion = 0;
        int updates = 0;
        QStringList problems;
        QHash<QString, QString> current; // uid → resourceVersion as the handlers last saw it
        const auto seen = [&](const kube::Informer<kube::Pod>::Ptr &p) {
            const qint64 version = p->metadata.resourceVersion.toLongLong();
            if (pods.relistCount() != relistsAtSync)
                live = false; // a relist is under way: its items come in name order
            if (live && version <= lastVersion && problems.size() < 5)
                problems << QStringLiteral("%1 at %2 after %3")
                                .arg(p->metadata.name)
                                .arg(version)
                                .arg(lastVersion);
            lastVersion = qMax(lastVersion, version);
            current[p->metadata.uid] = p->metadata.resourceVersion;
        };
        pods.addHandlers(
            {seen,
             [&](const auto &before, const auto &now) {
                 if (current.value(now->metadata.uid) != before->metadata.resourceVersion
                     && problems.size() < 5)
                     problems << QStringLiteral("%1: update from %2, last seen %3")
                                     .arg(now->metadata.name, before->metadata.resourceVersion,
                                          current.value(now->metadata.uid));
                 seen(now);
                 ++updates;
             },
             [&](const auto &gone) { current.remove(gone->metadata.uid); }});
        // A list delivers in name order, not version order: order is checked from each list's
        // end on (a relist starts the check again).
        connect(&pods, &InformerBase::synced, this, [&] {
            live = true;
            relistsAtSync = pods.relistCount();
            lastVersion = pods.resourceVersion().toLongLong();
        });
        pods.start();
        QTRY_COMPARE_WITH_TIMEOUT(pods.state(), InformerBase::State::Live, 60000);
        QVERIFY(pods.size() > 10);

        const int updatesBefore = updates;
        QVERIFY(clienttest::injectFaults(*m_client, "churn=2000,churnseconds=3"));
        // The burst touches every pod many times; the cache must end where the server is.
        QVERIFY(clienttest::waitFor([&] { return updates - updatesBefore >= 1000; }, 120000));
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(
                    m_cluster, pods,
                    {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
            },
            120000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        QCOMPARE(pods.state(), InformerBase::State::Live);
        // The handlers' view and the cache agree too.
        QCOMPARE(current.size(), pods.size());
        for (auto it = pods.objects().cbegin(); it != pods.objects().cend(); ++it)
            QCOMPARE(current.value(it.key()), it.value()->metadata.resourceVersion);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_cluster.stop();
    }
};

QTEST_GUILESS_MAIN(TestWatchBurst)
#include "tst_watch_burst.moc"
