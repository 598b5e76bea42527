// Informer protocol and merge logic, driven through exact request/answer sequences that a real
// server produces only by chance: paging, 410 mid-list and as a watch ERROR event, dropped
// watches, 429 with Retry-After, 403 with the namespace fallback. A scripted HTTP/1.1 server on
// loopback plays the API server; the demo-cluster integration tests cover the same paths
// against the real thing.
#include "kubeapi/client/apiclient.h"
#include "kubeapi/informers/informer.h"
#include "scripted_server.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using kube::InformerBase;

using namespace scripted;

namespace {

QStringList names(const char *commaSeparated)
{
    return QString::fromLatin1(commaSeparated).split(QLatin1Char(','));
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace

class TestInformerMerge : public QObject
{
    Q_OBJECT
private:
    static QHash<QByteArray, QByteArray> headersOfOneGet(const kube::ClusterConnection &c)
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) { s.reply(r.socket, 200, "{}"); };
        kube::ClusterConnection connection = c;
        connection.server = server.url();
        kube::ApiClient client(connection);
        kube::ApiRequest request;
        request.path = QStringLiteral("/version");
        std::unique_ptr<kube::ApiReply> reply(client.send(request));
        QSignalSpy done(reply.get(), &kube::ApiReply::finished);
        if (!done.wait(10000) || server.requests.isEmpty())
            return {};
        return server.requests.last().headers;
    }

private Q_SLOTS:
    void requestHeaders()
    {
        kube::ClusterConnection c = connectionTo({});
        auto headers = headersOfOneGet(c);
        QVERIFY(headers.value("user-agent").startsWith("klarsicht/"));
        QVERIFY(headers.value("user-agent").endsWith(" (linux/amd64)"));
        QCOMPARE(headers.value("authorization"), QByteArray("Bearer t0ken-never-logged"));
        QCOMPARE(headers.value("accept"), QByteArray("application/json"));

        // The token comes from the token file when there is one.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("token"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("first\n");
        f.close();
        c.token.clear();
        c.tokenFile = file;
        QCOMPARE(headersOfOneGet(c).value("authorization"), QByteArray("Bearer first"));

        // Basic auth only when there is no token.
        kube::ClusterConnection basic = connectionTo({});
        basic.token.clear();
        basic.username = QStringLiteral("admin");
        basic.password = QStringLiteral("pw");
        QCOMPARE(headersOfOneGet(basic).value("authorization"),
                 QByteArray("Basic ") + QByteArray("admin:pw").toBase64());
    }

    void pagedListThenWatch()
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            const QString cont = r.query.queryItemValue(QStringLiteral("continue"));
            if (cont.isEmpty())
                s.reply(r.socket, 200, podList({pod("a", "10"), pod("b", "11")}, "20", "page2"));
            else if (cont == u"page2")
                s.reply(r.socket, 200, podList({pod("c", "12"), pod("d", "13")}, "20", "page3"));
            else
                s.reply(r.socket, 200, podList({pod("e", "14")}, "20"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        informer.setPageSize(2);
        QSignalSpy added(&informer, &InformerBase::objectAdded);
        informer.start();
        QCOMPARE(informer.state(), InformerBase::State::Syncing);
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        QCOMPARE(sorted(informer.uids()), names("a,b,c,d,e"));
        QCOMPARE(added.size(), 5);
        QVERIFY(informer.hasSynced());

        QCOMPARE(server.requests.size(), 4);
        QCOMPARE(server.requests[0].query.queryItemValue(QStringLiteral("limit")),
                 QStringLiteral("2"));
        const Request &watch = server.requests[3];
        QVERIFY(watch.isWatch());
        QCOMPARE(watch.query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("20"));
        QCOMPARE(watch.query.queryItemValue(QStringLiteral("allowWatchBookmarks")),
                 QStringLiteral("true"));
        const int timeout = watch.query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt();
        QVERIFY(timeout >= 300 && timeout <= 600);

        QSignalSpy updated(&informer, &InformerBase::objectUpdated);
        QSignalSpy removed(&informer, &InformerBase::objectRemoved);
        server.send(watchEvent("ADDED", pod("f", "21")));
        server.send(watchEvent("MODIFIED", pod("a", "22")));
        server.send(watchEvent("DELETED", pod("b", "23")));
        server.send(q("{'type':'BOOKMARK','object':{'kind':'Pod','apiVersion':'v1','metadata':{'"
                      "resourceVersion':'30'}}}"));
        QTRY_COMPARE(informer.resourceVersion(), QStringLiteral("30"));
        QCOMPARE(sorted(informer.uids()), names("a,c,d,e,f"));
        QCOMPARE(informer.get(QStringLiteral("a"))->metadata.resourceVersion, QStringLiteral("22"));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(removed.size(), 1);

        // A normal end of the watch resumes from the last resourceVersion (the bookmark's).
        server.endWatch();
        QTRY_COMPARE(server.requests.size(), 5);
        QCOMPARE(server.requests[4].query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("30"));
        QCOMPARE(informer.relistCount(), 0);
    }

    void expiredWatchRelistsAndMerges()
    {
        ScriptedServer server;
        int lists = 0;
        server.handler = [&lists](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            if (lists++ == 0)
                s.reply(r.socket, 200,
                        podList({pod("keep", "1"), pod("change", "2"), pod("gone", "3")}, "5"));
            else
                s.reply(r.socket, 200,
                        podList({pod("keep", "1"), pod("change", "8"), pod("new", "9")}, "9"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        QList<QString> handlerRemoved;
        informer.addHandlers({{}, {}, [&](const auto &p) { handlerRemoved << p->metadata.name; }});
        // A second subscriber (the store and, say, a log view) sees every change as well, after
        // the first, with the informer's own objects.
        QStringList secondSaw;
        informer.addHandlers(
            {[&](const auto &p) { secondSaw << u"added " + p->metadata.name; },
             [&](const auto &, const auto &now) { secondSaw << u"updated " + now->metadata.name; },
             [&](const auto &p) {
                 secondSaw << u"removed " + p->metadata.name;
                 QCOMPARE(handlerRemoved.size(), 1);
             }});
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        const auto keepBefore = informer.get(QStringLiteral("keep"));
        secondSaw.clear();

        QSignalSpy added(&informer, &InformerBase::objectAdded);
        QSignalSpy updated(&informer, &InformerBase::objectUpdated);
        QSignalSpy removed(&informer, &InformerBase::objectRemoved);
        QSignalSpy synced(&informer, &InformerBase::synced);
        server.send(watchEvent("ERROR", status(410, "Expired")));
        QTRY_COMPARE(synced.size(), 1);
        QCOMPARE(informer.relistCount(), 1);
        QCOMPARE(sorted(informer.uids()), names("change,keep,new"));
        // Merged, not replaced: exactly one of each change, and the unchanged object is the same.
        QCOMPARE(added.size(), 1);
        QCOMPARE(added[0][0].toString(), QStringLiteral("new"));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated[0][0].toString(), QStringLiteral("change"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0][0].toString(), QStringLiteral("gone"));
        QCOMPARE(handlerRemoved, QList<QString>{QStringLiteral("pod-gone")});
        secondSaw.sort();
        QCOMPARE(secondSaw,
                 QStringList({QStringLiteral("added pod-new"), QStringLiteral("removed pod-gone"),
                              QStringLiteral("updated pod-change")}));
        QCOMPARE(informer.get(QStringLiteral("keep")), keepBefore);
        // The relist starts afresh (no stale resourceVersion) and the new watch follows it.
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        const Request &relist = server.requests[2];
        QVERIFY(!relist.isWatch());
        QVERIFY(relist.query.queryItemValue(QStringLiteral("resourceVersion")).isEmpty());
        QCOMPARE(server.requests.last().query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("9"));
    }

    void expiredContinueRestartsList()
    {
        ScriptedServer server;
        int firstPages = 0;
        server.handler = [&firstPages](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            const QString cont = r.query.queryItemValue(QStringLiteral("continue"));
            if (cont.isEmpty()) {
                // The first list saw "old", which is gone by the time the list restarts.
                if (firstPages++ == 0)
                    s.reply(r.socket, 200, podList({pod("old", "1"), pod("a", "2")}, "4", "p2"));
                else
                    s.reply(r.socket, 200, podList({pod("a", "2"), pod("b", "6")}, "7", "p2b"));
            } else if (cont == u"p2") {
                s.reply(r.socket, 410, status(410, "Expired"));
            } else {
                s.reply(r.socket, 200, podList({pod("c", "7")}, "7"));
            }
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        informer.setPageSize(2);
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        QCOMPARE(sorted(informer.uids()), names("a,b,c"));
        QCOMPARE(firstPages, 2);
        QCOMPARE(informer.resourceVersion(), QStringLiteral("7"));
    }

    void droppedWatchGoesStaleAndResumes()
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            s.reply(r.socket, 200, podList({pod("a", "1")}, "3"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        server.send(watchEvent("MODIFIED", pod("a", "4")));
        QTRY_COMPARE(informer.resourceVersion(), QStringLiteral("4"));

        QSignalSpy states(&informer, &InformerBase::stateChanged);
        server.dropWatch();
        QTRY_VERIFY(!states.isEmpty());
        QCOMPARE(states[0][0].value<InformerBase::State>(), InformerBase::State::Stale);
        QVERIFY(informer.staleSince().isValid());
        QCOMPARE(informer.lastError().kind(), kube::ApiError::Kind::Transport);
        // Back-off, then a watch from where it broke off (no relist).
        QTRY_COMPARE_WITH_TIMEOUT(informer.state(), InformerBase::State::Live, 10000);
        QVERIFY(!informer.staleSince().isValid());
        QCOMPARE(server.requests.last().query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("4"));
        QCOMPARE(informer.relistCount(), 0);
    }

    void quietWatchIsResumedWithoutGoingStale()
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket); // and never says anything
            s.reply(r.socket, 200, podList({pod("a", "1")}, "3"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        informer.setWatchInactivityTimeout(300);
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        QSignalSpy states(&informer, &InformerBase::stateChanged);
        QTRY_VERIFY_WITH_TIMEOUT(informer.watchRequestCount() >= 3, 15000);
        QVERIFY(states.isEmpty());
        QCOMPARE(informer.relistCount(), 0);
        QCOMPARE(server.requests.last().query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("3"));
    }

    void tooManyRequestsIsRetried()
    {
        ScriptedServer server;
        int lists = 0;
        server.handler = [&lists](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            if (lists++ < 2)
                s.reply(r.socket, 429, status(429, "TooManyRequests"), "Retry-After: 1\r\n");
            else
                s.reply(r.socket, 200, podList({pod("a", "1")}, "3"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Error);
        QCOMPARE(informer.lastError().httpStatus(), 429);
        QCOMPARE(informer.lastError().retryAfterSeconds(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(informer.state(), InformerBase::State::Live, 15000);
        QCOMPARE(lists, 3);
        QCOMPARE(informer.size(), 1);
    }

    void forbiddenFallsBackToNamespaces()
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.path == u"/api/v1/pods" || r.path.startsWith(u"/api/v1/namespaces/secret/"))
                return s.reply(r.socket, 403, status(403, "Forbidden"));
            if (r.isWatch())
                return s.openWatch(r.socket);
            if (r.path == u"/api/v1/namespaces/team-a/pods")
                return s.reply(r.socket, 200, podList({pod("a1", "1", "team-a")}, "3"));
            s.reply(r.socket, 404, status(404, "NotFound"));
        };
        kube::ApiClient client(connectionTo(server.url(), QStringLiteral("team-a")));
        kube::Informer<kube::Pod> informer(&client);
        informer.setFallbackNamespaces({QStringLiteral("secret"), QStringLiteral("team-a")});
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        // Limited, and live: the state is that of the namespaces that may be read.
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        QVERIFY(!informer.visibleClusterWide());
        QCOMPARE(informer.visibleNamespaces(), QStringList{QStringLiteral("team-a")});
        QCOMPARE(informer.uids(), QStringList{QStringLiteral("a1")});
        QVERIFY(informer.lastError().isForbidden());

        // Cluster-scoped kinds have nothing to fall back to.
        kube::Informer<kube::Node> nodes(&client);
        server.handler = [](ScriptedServer &s, const Request &r) {
            s.reply(r.socket, 403, status(403, "Forbidden"));
        };
        nodes.start();
        QTRY_COMPARE(nodes.state(), InformerBase::State::Forbidden);
        QCOMPARE(nodes.lastError().explanation(),
                 QStringLiteral("You may not list nodes across the cluster."));
        QVERIFY(!nodes.visibleClusterWide());
        QVERIFY(nodes.visibleNamespaces().isEmpty());
    }

    // One network read with hundreds of events: decoded off this thread, applied in the order
    // sent, and in slices (the event loop gets turns in between), ending at the last event's
    // resourceVersion. An ERROR event in the same read ends the watch after the events before it.
    void watchBurstIsAppliedInOrderAndInSlices()
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            s.reply(r.socket, 200, podList({pod("a", "1"), pod("b", "2")}, "2"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        QList<int> versions;
        bool chainBroken = false;
        QHash<QString, QString> last;
        int turnsSeen = -1;
        informer.addHandlers(
            {[&](const auto &p) { last[p->metadata.uid] = p->metadata.resourceVersion; },
             [&](const auto &before, const auto &now) {
                 // Each update follows the one before it for the same object.
                 chainBroken = chainBroken
                               || last.value(now->metadata.uid) != before->metadata.resourceVersion;
                 last[now->metadata.uid] = now->metadata.resourceVersion;
                 versions << now->metadata.resourceVersion.toInt();
                 if (versions.size() == 1) {
                     // Queued behind this slice: runs when the loop gets a turn.
                     QTimer::singleShot(0, &informer, [&] { turnsSeen = int(versions.size()); });
                 }
                 // A slow consumer: each update costs 1 ms of this thread.
                 QElapsedTimer busy;
                 busy.start();
                 while (busy.nsecsElapsed() < 1'000'000) {
                 }
             },
             {}});
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);

        constexpr int kEvents = 200;
        QByteArray burst;
        for (int i = 0; i < kEvents; ++i) {
            const QByteArray rv = QByteArray::number(10 + i);
            burst += watchEvent("MODIFIED", pod(i % 2 ? "b" : "a", rv.constData())) + '\n';
        }
        server.watchSocket->write(QByteArray::number(burst.size(), 16) + "\r\n" + burst + "\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(informer.resourceVersion(), QString::number(10 + kEvents - 1),
                                  30000);
        QCOMPARE(versions.size(), kEvents);
        for (int i = 0; i < kEvents; ++i)
            QCOMPARE(versions[i], 10 + i);
        QVERIFY(!chainBroken);
        // The loop ran between the first and the last update: the burst was not applied at once.
        QVERIFY2(turnsSeen > 0 && turnsSeen < kEvents, qPrintable(QString::number(turnsSeen)));
        QCOMPARE(informer.relistCount(), 0);

        // Events after an ERROR in the same read are not applied; the relist brings the truth.
        versions.clear();
        QByteArray withError = watchEvent("MODIFIED", pod("a", "300")) + '\n'
                               + watchEvent("ERROR", status(410, "Expired")) + '\n'
                               + watchEvent("MODIFIED", pod("b", "301")) + '\n';
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            s.reply(r.socket, 200, podList({pod("a", "300"), pod("b", "302")}, "302"));
        };
        QSignalSpy synced(&informer, &InformerBase::synced);
        server.watchSocket->write(QByteArray::number(withError.size(), 16) + "\r\n" + withError
                                  + "\r\n");
        QTRY_COMPARE(synced.size(), 1);
        QCOMPARE(versions, QList<int>({300, 302}));
        QCOMPARE(informer.relistCount(), 1);
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        QCOMPARE(informer.resourceVersion(), QStringLiteral("302"));
    }

    void garbageOnTheWatchIsAnErrorNotACrash()
    {
        ScriptedServer server;
        server.handler = [](ScriptedServer &s, const Request &r) {
            if (r.isWatch())
                return s.openWatch(r.socket);
            s.reply(r.socket, 200, podList({pod("a", "1")}, "3"));
        };
        kube::ApiClient client(connectionTo(server.url()));
        kube::Informer<kube::Pod> informer(&client);
        informer.start();
        QTRY_COMPARE(informer.state(), InformerBase::State::Live);
        server.send("{\"type\":\"ADDED\",\"object\":[1,2");
        QTRY_COMPARE(informer.state(), InformerBase::State::Stale);
        QCOMPARE(informer.lastError().kind(), kube::ApiError::Kind::Decode);
        QCOMPARE(informer.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(informer.state(), InformerBase::State::Live, 10000);
    }
};

QTEST_GUILESS_MAIN(TestInformerMerge)
#include "tst_informer_merge.moc"
