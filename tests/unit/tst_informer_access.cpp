// RBAC changes while the informers run (issue 12): what becomes forbidden leaves the cache, a
// forbidden list is tried again every few moments (here: a fraction of a second), and the way
// back to the cluster-wide list is found when access returns. In the namespace fallback, a
// namespace that goes stale or fails shows so, not as "forbidden". A scripted server plays the
// API server; tst_client_rbac does the same against the demo cluster's real RBAC.
#include "kubeapi/client/apiclient.h"
#include "kubeapi/informers/informer.h"
#include "scripted_server.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using kube::InformerBase;
using namespace scripted;

namespace {

QByteArray node(const char *uid)
{
    return q("{'kind':'Node','apiVersion':'v1','metadata':{'name':'") + uid + q("','uid':'") + uid
           + q("','resourceVersion':'1'}}");
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

constexpr int kRetryMs = 200;

} // namespace

class TestInformerAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Cluster-wide access withdrawn after the first sync: the watch's reconnect is refused, the
    // informer falls back to the context's namespace, and the pods of other namespaces leave the
    // cache. Access granted again: the one-item probe finds it and the cluster-wide list returns.
    void clusterWideAccessWithdrawnAndGrantedAgain()
    {
        ScriptedServer server;
        bool clusterAllowed = true;
        server.handler = [&clusterAllowed](ScriptedServer &s, const Request &r) {
            if (r.path == u"/api/v1/pods") {
                if (!clusterAllowed)
                    return s.reply(r.socket, 403, status(403, "Forbidden"));
                if (r.isWatch())
                    return s.openWatch(r.socket);
                return s.reply(r.socket, 200,
                               podList({pod("a1", "4", "team-a"), pod("b1", "5", "team-b")}, "5"));
            }
            if (r.path == u"/api/v1/namespaces/team-a/pods") {
                if (r.isWatch())
                    return s.openWatch(r.socket);
                return s.reply(r.socket, 200, podList({pod("a1", "4", "team-a")}, "6"));
            }
            s.reply(r.socket, 404, status(404, "NotFound"));
        };
        kube::ApiClient client(connectionTo(server.url(), QStringLiteral("team-a")));
        kube::Informer<kube::Pod> pods(&client);
        pods.setAccessRetryInterval(kRetryMs);
        QSignalSpy access(&pods, &InformerBase::accessChanged);
        QSignalSpy removed(&pods, &InformerBase::objectRemoved);
        pods.start();
        QTRY_COMPARE(pods.state(), InformerBase::State::Live);
        QCOMPARE(pods.size(), 2);
        QVERIFY(pods.visibleClusterWide());
        QCOMPARE(access.count(), 0);

        clusterAllowed = false;
        server.dropWatches();
        QTRY_VERIFY_WITH_TIMEOUT(!pods.visibleClusterWide(), 10000);
        QCOMPARE(pods.uids(), QStringList{QStringLiteral("a1")});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), QStringLiteral("b1"));
        QCOMPARE(access.count(), 1);
        QTRY_COMPARE(pods.state(), InformerBase::State::Live); // limited, and live
        QCOMPARE(pods.visibleNamespaces(), QStringList{QStringLiteral("team-a")});
        QVERIFY(pods.lastError().isForbidden());

        // Still forbidden: the probes keep being refused and nothing changes.
        const int requestsBefore = int(server.requests.size());
        QTest::qWait(kRetryMs * 4);
        QVERIFY(server.requests.size() > requestsBefore + 1);
        QVERIFY(!pods.visibleClusterWide());
        QCOMPARE(access.count(), 1);

        clusterAllowed = true;
        QTRY_VERIFY_WITH_TIMEOUT(pods.visibleClusterWide(), 10000);
        QTRY_COMPARE(pods.state(), InformerBase::State::Live);
        QCOMPARE(sorted(pods.uids()), (QStringList{QStringLiteral("a1"), QStringLiteral("b1")}));
        QCOMPARE(access.count(), 2);
        QVERIFY(pods.lastError().isOk());
        const Request &probe = *std::find_if(
            server.requests.cbegin(), server.requests.cend(), [](const Request &r) {
                return r.path == u"/api/v1/pods"
                       && r.query.queryItemValue(QStringLiteral("limit")) == u"1";
            });
        QCOMPARE(probe.query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("0"));
    }

    // A cluster-scoped kind has no fallback: withdrawn, its cache empties; granted, it fills.
    void clusterScopedKindEmptiesAndFillsAgain()
    {
        ScriptedServer server;
        bool allowed = true;
        server.handler = [&allowed](ScriptedServer &s, const Request &r) {
            if (!allowed)
                return s.reply(r.socket, 403, status(403, "Forbidden"));
            if (r.isWatch())
                return s.openWatch(r.socket);
            s.reply(r.socket, 200, podList({node("n1"), node("n2")}, "7"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Node> nodes(&client);
        nodes.setAccessRetryInterval(kRetryMs);
        QSignalSpy access(&nodes, &InformerBase::accessChanged);
        nodes.start();
        QTRY_COMPARE(nodes.state(), InformerBase::State::Live);
        QCOMPARE(nodes.size(), 2);

        allowed = false;
        server.dropWatches();
        QTRY_COMPARE_WITH_TIMEOUT(nodes.state(), InformerBase::State::Forbidden, 10000);
        QCOMPARE(nodes.size(), 0);
        QVERIFY(!nodes.visibleClusterWide());
        QCOMPARE(access.count(), 1);
        QTest::qWait(kRetryMs * 3); // refused retries: no flicker, no news
        QCOMPARE(nodes.state(), InformerBase::State::Forbidden);
        QCOMPARE(access.count(), 1);

        allowed = true;
        QTRY_COMPARE_WITH_TIMEOUT(nodes.state(), InformerBase::State::Live, 10000);
        QCOMPARE(nodes.size(), 2);
        QVERIFY(nodes.visibleClusterWide());
        QCOMPARE(access.count(), 2);
    }

    // In the fallback, one namespace loses access: its pods go, the other's stay and stay live.
    void namespaceAccessWithdrawnInTheFallback()
    {
        ScriptedServer server;
        bool teamBAllowed = true;
        server.handler = [&teamBAllowed](ScriptedServer &s, const Request &r) {
            const bool teamB = r.path.startsWith(u"/api/v1/namespaces/team-b/");
            if (r.path == u"/api/v1/pods" || (teamB && !teamBAllowed))
                return s.reply(r.socket, 403, status(403, "Forbidden"));
            if (r.isWatch())
                return s.openWatch(r.socket);
            if (teamB)
                return s.reply(r.socket, 200, podList({pod("b1", "3", "team-b")}, "8"));
            s.reply(r.socket, 200, podList({pod("a1", "2", "team-a")}, "8"));
        };
        kube::ApiClient client(connectionTo(server.url(), QStringLiteral("team-a")));
        kube::Informer<kube::Pod> pods(&client);
        pods.setFallbackNamespaces({QStringLiteral("team-b")});
        pods.setAccessRetryInterval(kRetryMs);
        pods.start();
        QTRY_COMPARE(pods.size(), 2);
        QTRY_COMPARE(pods.state(), InformerBase::State::Live);
        QCOMPARE(pods.visibleNamespaces(),
                 (QStringList{QStringLiteral("team-a"), QStringLiteral("team-b")}));

        teamBAllowed = false;
        server.dropWatches();
        QTRY_COMPARE_WITH_TIMEOUT(pods.visibleNamespaces(), QStringList{QStringLiteral("team-a")},
                                  10000);
        QCOMPARE(pods.uids(), QStringList{QStringLiteral("a1")});
        QTRY_COMPARE(pods.state(), InformerBase::State::Live);

        teamBAllowed = true;
        QTRY_COMPARE_WITH_TIMEOUT(pods.size(), 2, 10000);
        QCOMPARE(pods.visibleNamespaces(),
                 (QStringList{QStringLiteral("team-a"), QStringLiteral("team-b")}));
    }

    // The fallback's namespace goes stale (the server fails): the informer is Stale with the
    // server's error, not Forbidden; one that never listed is in Error.
    void fallbackShowsStaleAndFailingAsSuch()
    {
        ScriptedServer server;
        bool failing = false;
        server.handler = [&failing](ScriptedServer &s, const Request &r) {
            if (r.path == u"/api/v1/pods")
                return s.reply(r.socket, 403, status(403, "Forbidden"));
            if (failing)
                return s.reply(r.socket, 500, status(500, "InternalError"));
            if (r.isWatch())
                return s.openWatch(r.socket);
            s.reply(r.socket, 200, podList({pod("a1", "2", "team-a")}, "9"));
        };
        kube::ApiClient client(connectionTo(server.url(), QStringLiteral("team-a")));
        kube::Informer<kube::Pod> pods(&client);
        pods.start();
        QTRY_COMPARE(pods.state(), InformerBase::State::Live);
        QVERIFY(!pods.visibleClusterWide());

        failing = true;
        server.dropWatches();
        QTRY_COMPARE_WITH_TIMEOUT(pods.state(), InformerBase::State::Stale, 10000);
        QVERIFY(pods.staleSince().isValid());
        QTRY_COMPARE_WITH_TIMEOUT(pods.lastError().httpStatus(), 500, 10000);
        QCOMPARE(pods.size(), 1); // stale, not gone
        QCOMPARE(pods.visibleNamespaces(), QStringList{QStringLiteral("team-a")});

        kube::Informer<kube::Pod> fresh(&client);
        fresh.start();
        QTRY_COMPARE_WITH_TIMEOUT(fresh.state(), InformerBase::State::Error, 10000);
        QCOMPARE(fresh.lastError().httpStatus(), 500);
        QVERIFY(!fresh.visibleClusterWide());
    }

    // A quiet kind (no events) whose long-lived watches are dropped now and then reconnects as
    // fast the fourth time as the first: a watch that ran is a success, the back-off restarts.
    // (Before, the delay doubled with each drop: 0.8, 1.6, 3.2, 6.4 s … up to 45 s.)
    void droppedLongWatchesDoNotClimbTheBackoff()
    {
        ScriptedServer server;
        int watches = 0;
        server.handler = [&watches](ScriptedServer &s, const Request &r) {
            if (r.isWatch()) {
                ++watches;
                return s.openWatch(r.socket);
            }
            s.reply(r.socket, 200, podList({pod("a1", "2")}, "2"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> pods(&client);
        pods.start();
        QTRY_COMPARE(watches, 1);
        QElapsedTimer reconnect;
        for (int drop = 1; drop <= 4; ++drop) {
            QTest::qWait(5200); // the watch runs longer than a flap
            server.dropWatches();
            reconnect.start();
            QTRY_COMPARE_WITH_TIMEOUT(watches, drop + 1, 20000);
            qInfo("drop %d: watching again after %lld ms", drop, qlonglong(reconnect.elapsed()));
        }
        QVERIFY2(reconnect.elapsed() < 2500, qPrintable(QString::number(reconnect.elapsed())));
        QCOMPARE(pods.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInformerAccess)
#include "tst_informer_access.moc"
