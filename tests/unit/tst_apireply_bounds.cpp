// Replies are bounded (issue 12): a body past the request's limit ends the request with a clear
// "too large" error instead of growing without end, and an error body is kept to its first
// 64 KiB however much the server sends. A scripted server on loopback answers.
#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "scripted_server.h"

#include <QSignalSpy>
#include <QTest>

using namespace scripted;

class TestApiReplyBounds : public QObject
{
    Q_OBJECT
private:
    static std::unique_ptr<kube::ApiReply> get(kube::ApiClient &client, qint64 maxBody)
    {
        kube::ApiRequest r;
        r.path = QStringLiteral("/api/v1/pods");
        r.verb = QStringLiteral("list");
        r.resource = QStringLiteral("pods");
        r.maxBodyBytes = maxBody;
        std::unique_ptr<kube::ApiReply> reply(client.send(r));
        QSignalSpy done(reply.get(), &kube::ApiReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        return reply;
    }

private Q_SLOTS:
    void bodyOverTheLimitFails()
    {
        ScriptedServer server;
        const QByteArray big = podList({pod("a", "1"), pod("b", "2"), pod("c", "3")}, "3")
                                   .leftJustified(200 * 1024, ' ');
        server.handler = [&big](ScriptedServer &s, const Request &r) {
            s.reply(r.socket, 200, big);
        };
        kube::ApiClient client(connectionTo(server.url()));
        auto small = get(client, 64 * 1024);
        QVERIFY(small->isFinished());
        QVERIFY(small->error().isTooLarge());
        QCOMPARE(small->error().kind(), kube::ApiError::Kind::TooLarge);
        QVERIFY(small->takeBody().isEmpty());
        QVERIFY2(small->error().explanation().contains(u"MiB"),
                 qPrintable(small->error().explanation()));
        QVERIFY(small->error().toLogString().startsWith(u"too large"));
        // The same answer within the default limit is read whole.
        auto fine = get(client, qint64(1) << 30);
        QVERIFY2(fine->error().isOk(), qPrintable(fine->error().toLogString()));
        QCOMPARE(fine->takeBody().size(), big.size());
    }

    void errorBodyKeepsItsBeginning()
    {
        ScriptedServer server;
        // A proxy's 502 page of 8 MiB: the client keeps the beginning, the request ends.
        const QByteArray page =
            QByteArray("<html>bad gateway ").leftJustified(8 * 1024 * 1024, 'x');
        server.handler = [&page](ScriptedServer &s, const Request &r) {
            s.reply(r.socket, 502, page);
        };
        kube::ApiClient client(connectionTo(server.url()));
        auto reply = get(client, qint64(1) << 30);
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->error().httpStatus(), 502);
        QVERIFY(reply->error().message().size() < 64 * 1024);
        QVERIFY(reply->error().isTransient());
    }
};

QTEST_GUILESS_MAIN(TestApiReplyBounds)
#include "tst_apireply_bounds.moc"
