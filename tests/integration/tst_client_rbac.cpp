// RBAC changed while Klarsicht runs (issue 12), against the demo cluster's real RBAC with
// kubectl making the changes: the viewer's session follows what it may read. A cluster-wide
// grant withdrawn sends the pods informer back to the viewer's namespace and the other
// namespaces' pods out of the store; granted again, the whole cluster returns; a cluster-scoped
// kind withdrawn empties. Each change is news the window shows (ClusterSession::accessChanged).
#include "../skip_or_fail.h"
#include "models/cluster/clustersession.h"
#include "models/cluster/clusterstore.h"
#include "tst_client_support.h"

#include <QStandardPaths>
#include <QtTest>

using kube::InformerBase;

class TestClientRbac final : public QObject
{
    Q_OBJECT
private:
    bool kubectlOk(const QStringList &args)
    {
        bool ok = false;
        m_cluster.kubectl(args, &ok);
        return ok;
    }
    const InformerBase *informer(const QString &plural) const
    {
        for (const InformerBase *i : m_session->informers()) {
            if (i->kind().plural == plural)
                return i;
        }
        return nullptr;
    }
    // Pod UIDs the admin sees, everywhere or in one namespace.
    QSet<QString> podUids(const QString &ns = {}) const
    {
        QStringList args{QStringLiteral("get"), QStringLiteral("pods")};
        args << (ns.isEmpty() ? QStringList{QStringLiteral("-A")}
                              : QStringList{QStringLiteral("-n"), ns});
        const auto versions = m_cluster.kubectlVersions(args);
        QSet<QString> uids;
        for (const auto &[uid, rv] : versions.value_or(std::map<QString, QString>()))
            uids.insert(uid);
        return uids;
    }
    QSet<QString> storePods() const
    {
        const QList<QString> uids = m_store.podUids();
        return QSet<QString>(uids.begin(), uids.end());
    }
    bool dropWatches() { return clienttest::injectFaults(*m_admin, "dropwatches"); }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            SKIP_OR_FAIL("kubectl is not installed; it makes the RBAC changes here");
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
        m_admin = std::make_unique<kube::ApiClient>(m_cluster.connection(QStringLiteral("demo")));
        // The viewer may read the whole cluster, and nodes, when the session starts.
        QVERIFY(kubectlOk({QStringLiteral("create"), QStringLiteral("clusterrolebinding"),
                           QStringLiteral("viewer-all"), QStringLiteral("--clusterrole=view"),
                           QStringLiteral("--user=viewer")}));
        QVERIFY(kubectlOk({QStringLiteral("create"), QStringLiteral("clusterrole"),
                           QStringLiteral("node-reader"), QStringLiteral("--verb=get,list,watch"),
                           QStringLiteral("--resource=nodes")}));
        QVERIFY(
            kubectlOk({QStringLiteral("create"), QStringLiteral("clusterrolebinding"),
                       QStringLiteral("viewer-nodes"), QStringLiteral("--clusterrole=node-reader"),
                       QStringLiteral("--user=viewer")}));
        m_session = std::make_unique<ClusterSession>(
            m_cluster.connection(QStringLiteral("demo-viewer")), &m_store);
        for (InformerBase *i : m_session->informers())
            i->setAccessRetryInterval(500);
        m_notices = std::make_unique<QSignalSpy>(m_session.get(), &ClusterSession::accessChanged);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->allSettled(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(informer(QStringLiteral("pods"))->state(),
                                  InformerBase::State::Live, 30000);
    }

    void clusterWideGrantWithdrawnAndGivenBack()
    {
        const InformerBase *pods = informer(QStringLiteral("pods"));
        QVERIFY(pods->visibleClusterWide());
        QVERIFY(clienttest::waitFor([&] { return storePods() == podUids(); }, 30000));
        QVERIFY(podUids(QStringLiteral("team-a")).size() < podUids().size());

        QVERIFY(kubectlOk({QStringLiteral("delete"), QStringLiteral("clusterrolebinding"),
                           QStringLiteral("viewer-all")}));
        QVERIFY(dropWatches()); // the next watch is where a real server says 403 too
        QTRY_VERIFY_WITH_TIMEOUT(!pods->visibleClusterWide(), 30000);
        QCOMPARE(pods->visibleNamespaces(), QStringList{QStringLiteral("team-a")});
        QVERIFY(clienttest::waitFor(
            [&] { return storePods() == podUids(QStringLiteral("team-a")); }, 30000));
        QTRY_COMPARE_WITH_TIMEOUT(pods->state(), InformerBase::State::Live, 30000);
        QVERIFY(ClusterSession::limited(*pods));
        QCOMPARE(ClusterSession::stateText(*pods), QStringLiteral("only namespaces team-a"));
        QTRY_VERIFY(!m_notices->isEmpty());
        QStringList news;
        for (const QList<QVariant> &n : std::as_const(*m_notices))
            news << n.first().toString();
        QVERIFY2(news.contains(QStringLiteral("pods: access now limited to namespaces team-a")),
                 qPrintable(news.join(u'|')));
        m_notices->clear();

        QVERIFY(kubectlOk({QStringLiteral("create"), QStringLiteral("clusterrolebinding"),
                           QStringLiteral("viewer-all"), QStringLiteral("--clusterrole=view"),
                           QStringLiteral("--user=viewer")}));
        QTRY_VERIFY_WITH_TIMEOUT(pods->visibleClusterWide(), 30000);
        QVERIFY(clienttest::waitFor([&] { return storePods() == podUids(); }, 30000));
        QTRY_VERIFY(!m_notices->isEmpty());
        news.clear();
        for (const QList<QVariant> &n : std::as_const(*m_notices))
            news << n.first().toString();
        QVERIFY2(news.contains(QStringLiteral("pods: access across the cluster returned")),
                 qPrintable(news.join(u'|')));
        QTRY_COMPARE_WITH_TIMEOUT(pods->state(), InformerBase::State::Live, 30000);
        QVERIFY(!ClusterSession::limited(*pods));
    }

    void clusterScopedGrantWithdrawn()
    {
        const InformerBase *nodes = informer(QStringLiteral("nodes"));
        QTRY_COMPARE_WITH_TIMEOUT(nodes->state(), InformerBase::State::Live, 30000);
        QVERIFY(nodes->size() > 0);
        QVERIFY(!m_store.nodeNames().isEmpty());
        m_notices->clear();
        QVERIFY(kubectlOk({QStringLiteral("delete"), QStringLiteral("clusterrolebinding"),
                           QStringLiteral("viewer-nodes")}));
        QVERIFY(dropWatches());
        QTRY_COMPARE_WITH_TIMEOUT(nodes->state(), InformerBase::State::Forbidden, 30000);
        QCOMPARE(nodes->size(), 0);
        QVERIFY(m_store.nodeNames().isEmpty());
        QTRY_VERIFY(!m_notices->isEmpty());
        QCOMPARE(m_notices->last().first().toString(),
                 QStringLiteral("nodes: access withdrawn; they are no longer shown"));
    }

    void cleanupTestCase()
    {
        m_notices.reset();
        m_session.reset();
        m_admin.reset();
        m_cluster.stop();
    }

private:
    clienttest::DemoCluster m_cluster;
    ClusterStore m_store;
    std::unique_ptr<kube::ApiClient> m_admin;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<QSignalSpy> m_notices;
};

QTEST_GUILESS_MAIN(TestClientRbac)
#include "tst_client_rbac.moc"
