// Informers under the demo cluster's injected faults: dropped watches, 410 on the watch and in
// the middle of a paged list, 429 with Retry-After, 500s and a restart of the API server. After
// each fault (and a change made meanwhile with kubectl) the informers' caches must equal what
// kubectl lists from the same server, UID for UID and resourceVersion for resourceVersion.
#include "tst_client_support.h"

#include <QSignalSpy>

using clienttest::DemoCluster;
using kube::InformerBase;

class TestClientFaults : public QObject
{
    Q_OBJECT
private:
    DemoCluster m_cluster;
    std::unique_ptr<kube::ApiClient> m_client;
    std::unique_ptr<kube::Informer<kube::Pod>> m_pods;
    std::unique_ptr<kube::Informer<kube::Deployment>> m_deployments;
    int m_round = 0;

    bool converged()
    {
        return clienttest::sameAsKubectl(
                   m_cluster, *m_pods,
                   {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")})
               && clienttest::sameAsKubectl(
                   m_cluster, *m_deployments,
                   {QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-A")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
        m_client = std::make_unique<kube::ApiClient>(m_cluster.connection(QStringLiteral("demo")));
        m_pods = std::make_unique<kube::Informer<kube::Pod>>(m_client.get());
        m_deployments = std::make_unique<kube::Informer<kube::Deployment>>(m_client.get());
        // Small pages, so that a relist is several requests and a 410 can hit between them.
        m_pods->setPageSize(5);
        m_deployments->setPageSize(2);
        m_pods->start();
        m_deployments->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_pods->state(), InformerBase::State::Live, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_deployments->state(), InformerBase::State::Live, 60000);
        QVERIFY(m_pods->size() > 5);
        QVERIFY(clienttest::waitFor([this] { return converged(); }, 30000));
    }

    void recoversAndConverges_data()
    {
        QTest::addColumn<QByteArray>("faults");
        QTest::addColumn<bool>("expectRelist");
        QTest::newRow("dropped watches") << QByteArray("dropwatches") << false;
        QTest::newRow("410 on the watch") << QByteArray("watch410=2,dropwatches") << true;
        QTest::newRow("410 mid-list") << QByteArray("list410=1,watch410=2,dropwatches") << true;
        QTest::newRow("429 with Retry-After")
            << QByteArray("retryafter=1,429=4,dropwatches") << false;
        QTest::newRow("500s") << QByteArray("500=4,dropwatches") << false;
        QTest::newRow("server restart") << QByteArray("restart") << false;
        // An API server whose watch cache lags answers every watch from our version with 504
        // "Too large resource version": after a few tries the informers relist.
        QTest::newRow("watches fail from one version")
            << QByteArray("watchtoolarge=8,dropwatches") << true;
    }

    void recoversAndConverges()
    {
        QFETCH(QByteArray, faults);
        QFETCH(bool, expectRelist);
        const int relistsBefore = m_pods->relistCount() + m_deployments->relistCount();
        const int watchesBefore = m_pods->watchRequestCount();
        QVERIFY(clienttest::injectFaults(*m_client, faults));
        // Something changes while the informers recover.
        bool ok = false;
        const QString name = QStringLiteral("fault-round-%1").arg(++m_round);
        // The faults hit whichever requests come next, kubectl's too, and a restarting server
        // refuses connections for a moment: kubectl retries until the faults are used up.
        for (int attempt = 0; attempt < 10 && !ok; ++attempt) {
            if (attempt > 0)
                QTest::qWait(1000);
            m_cluster.kubectl({QStringLiteral("create"), QStringLiteral("deployment"), name,
                               QStringLiteral("--image=nginx:1.27"), QStringLiteral("--replicas=2"),
                               QStringLiteral("-n"), QStringLiteral("default")},
                              &ok);
        }
        QVERIFY(ok);
        QTRY_VERIFY_WITH_TIMEOUT(m_pods->watchRequestCount() > watchesBefore, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_pods->state() == InformerBase::State::Live
                                     && m_deployments->state() == InformerBase::State::Live,
                                 60000);
        QVERIFY(clienttest::waitFor([this] { return converged(); }, 60000));
        bool found = false;
        for (const auto &d : m_deployments->objects())
            found = found || d->metadata.name == name;
        QVERIFY(found);
        if (expectRelist)
            QVERIFY(m_pods->relistCount() + m_deployments->relistCount() > relistsBefore);
    }

    void listsComeFromTheWatchCache()
    {
        // client-go's first list asks for resourceVersion=0, which the API server answers from
        // its watch cache: a hundred informers starting (or a relist storm) must not each make
        // a quorum read of etcd. kubectl's own lists are consistent reads and go to storage, so
        // nothing else runs meanwhile.
        const QByteArray prefix = "resource_prefix=\"/services\"";
        const QByteArray resource = "resource=\"services\"";
        const double cacheBefore = clienttest::apiServerCounter(
            *m_client, "apiserver_cache_list_total", prefix);
        const double storageBefore = clienttest::apiServerCounter(
            *m_client, "apiserver_storage_list_total", resource);
        kube::Informer<kube::Service> services(m_client.get());
        services.start();
        QTRY_COMPARE_WITH_TIMEOUT(services.state(), InformerBase::State::Live, 60000);
        QVERIFY(services.size() > 0);
        QCOMPARE(clienttest::apiServerCounter(*m_client, "apiserver_cache_list_total", prefix),
                 cacheBefore + services.listRequestCount());
        QCOMPARE(clienttest::apiServerCounter(*m_client, "apiserver_storage_list_total", resource),
                 storageBefore);
    }

    void cleanupTestCase()
    {
        m_pods.reset();
        m_deployments.reset();
        m_client.reset();
        m_cluster.stop();
    }
};

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_client_faults.moc"
