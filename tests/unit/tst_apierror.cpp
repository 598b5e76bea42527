// ApiError: Status bodies are read like client-go reads them, explanations name what failed
// and never carry a credential.
#include "kubeapi/client/apierror.h"

#include <QSslError>
#include <QTest>

#include <nlohmann/json.hpp>

using kube::ApiError;

class TestApiError : public QObject
{
    Q_OBJECT
private:
    static ApiError::Context ctx(const char *verb, const char *resource, const char *ns = "")
    {
        return ApiError::Context{QUrl(QStringLiteral("https://user:secret@10.0.0.1:6443/k8s?x=1")),
                                 QLatin1String(verb), QLatin1String(resource), QString(),
                                 QLatin1String(ns)};
    }

private Q_SLOTS:
    void statusBodyIsRead()
    {
        const QByteArray body =
            R"json({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
            "message":"nodes is forbidden: User viewer cannot list resource nodes at the cluster scope",
            "reason":"Forbidden","details":{"kind":"nodes"},"code":403})json";
        const ApiError e = ApiError::http(ctx("list", "nodes"), 403, body);
        QCOMPARE(e.kind(), ApiError::Kind::Http);
        QCOMPARE(e.httpStatus(), 403);
        QCOMPARE(e.reason(), QStringLiteral("Forbidden"));
        QVERIFY(e.message().startsWith(QStringLiteral("nodes is forbidden")));
        QVERIFY(e.isForbidden());
        QVERIFY(!e.isTransient());
        QCOMPARE(e.explanation(), QStringLiteral("You may not list nodes across the cluster."));
    }

    void forbiddenInNamespace()
    {
        const ApiError e = ApiError::http(ctx("watch", "pods", "team-b"), 403, "forbidden");
        QCOMPARE(e.explanation(), QStringLiteral("You may not watch pods in namespace team-b."));
        QCOMPARE(e.message(), QStringLiteral("forbidden"));
    }

    void retryAfterFromHeaderAndDetails()
    {
        const QByteArray body =
            R"json({"kind":"Status","status":"Failure","reason":"TooManyRequests",
            "message":"slow down","details":{"retryAfterSeconds":7},"code":429})json";
        QCOMPARE(ApiError::http(ctx("list", "pods"), 429, body).retryAfterSeconds(), 7);
        // The header wins over the body; plain-text 429 from priority-and-fairness has only it.
        QCOMPARE(ApiError::http(ctx("list", "pods"), 429, body, 3).retryAfterSeconds(), 3);
        const ApiError plain = ApiError::http(ctx("list", "pods"), 429,
                                              "Too many requests, please try again later.", 1);
        QCOMPARE(plain.retryAfterSeconds(), 1);
        QVERIFY(plain.isTransient());
        QVERIFY(plain.reason().isEmpty());
    }

    void expiredFromWatchStatus()
    {
        const auto status = nlohmann::json::parse(
            R"json({"kind":"Status","apiVersion":"v1","metadata":{},
            "status":"Failure","message":"too old resource version: 100 (250)","reason":"Expired","code":410})json");
        const ApiError e = ApiError::fromStatus(ctx("watch", "pods"), status);
        QVERIFY(e.isExpired());
        QCOMPARE(e.httpStatus(), 410);
        QVERIFY(ApiError::fromStatusFields(ctx("watch", "pods"), 0, QStringLiteral("Gone"), {})
                    .isExpired());
        QVERIFY(!ApiError::fromStatusFields(ctx("watch", "pods"), 500,
                                            QStringLiteral("InternalError"), {})
                     .isExpired());
    }

    void malformedBodiesDoNotBreakIt_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("<html>bad gateway</html>");
        QTest::newRow("truncated") << QByteArray(R"json({"kind":"Status","reas)json");
        QTest::newRow("wrong types")
            << QByteArray(R"json({"kind":"Status","reason":5,"code":"x","details":[]})json");
        QTest::newRow("array") << QByteArray("[1,2,3]");
    }
    void malformedBodiesDoNotBreakIt()
    {
        QFETCH(QByteArray, body);
        const ApiError e = ApiError::http(ctx("get", "pods"), 502, body);
        QCOMPARE(e.httpStatus(), 502);
        QVERIFY(e.isTransient());
        QVERIFY(!e.explanation().isEmpty());
    }

    void serverShownWithoutCredentials()
    {
        const ApiError e = ApiError::transport(ctx("list", "pods"),
                                               QNetworkReply::ConnectionRefusedError,
                                               QStringLiteral("Connection refused"));
        const QString text = e.explanation();
        QVERIFY2(text.contains(QStringLiteral("https://10.0.0.1:6443")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("secret")));
        QVERIFY(!text.contains(QStringLiteral("user")));
        QVERIFY(!e.toLogString().contains(QStringLiteral("secret")));
        QVERIFY(e.isTransient());
    }

    void tlsUntrustedNamesServer()
    {
        const ApiError e = ApiError::tls(ctx("list", "pods"),
                                         {QSslError(QSslError::SelfSignedCertificateInChain),
                                          QSslError(QSslError::SelfSignedCertificateInChain)});
        QCOMPARE(e.kind(), ApiError::Kind::Tls);
        QCOMPARE(e.sslErrors().size(), 1);
        QCOMPARE(e.explanation(), QStringLiteral("The certificate of https://10.0.0.1:6443 is not "
                                                 "signed by the CA in your kubeconfig."));
        const ApiError mismatch = ApiError::tls(ctx("list", "pods"),
                                                {QSslError(QSslError::HostNameMismatch)});
        QVERIFY(mismatch.explanation().contains(QStringLiteral("tls-server-name")));
    }

    void unauthorizedAndNotFound()
    {
        const ApiError e = ApiError::http(
            ctx("list", "pods"), 401,
            R"json({"kind":"Status","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401})json");
        QVERIFY(e.isUnauthorized());
        QVERIFY(e.explanation().contains(QStringLiteral("credentials")));
        ApiError::Context c = ctx("list", "horizontalpodautoscalers");
        c.group = QStringLiteral("autoscaling");
        const ApiError nf = ApiError::http(c, 404, "404 page not found");
        QVERIFY2(nf.explanation().startsWith(
                     QStringLiteral("horizontalpodautoscalers.autoscaling was not found")),
                 qPrintable(nf.explanation()));
    }

    // What a credential plugin wrote to stderr is in the explanation, not in the log line.
    void credentialPluginOutputIsNotLogged()
    {
        const ApiError e = ApiError::credential(
            ApiError::Context{}, QStringLiteral("exec: executable kubelogin failed with exit code "
                                                "1\nerror: user alice@corp.example has no access"));
        QVERIFY(e.explanation().contains(u"alice@corp.example"));
        QVERIFY(!e.toLogString().contains(u"alice@corp.example"));
        QVERIFY(e.toLogString().contains(u"exit code 1"));
    }

    void okIsOk()
    {
        const ApiError e;
        QVERIFY(e.isOk());
        QVERIFY(e.explanation().isEmpty());
        QVERIFY(!e.isTransient());
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
