// The REST + watch client and the informers against the real demo cluster over HTTPS: client
// certificate, token, exec plugin (re-run after expiry and after a 401), the read-only viewer
// (namespace-scoped fallback, nodes not accessible), a wrong CA, insecure-skip-tls-verify, and
// many concurrent watches over HTTP/1.1 that must not starve short requests. kubectl is the
// referee for what the server holds.
#include "tst_client_support.h"

#include "kubeapi/client/watchstream.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

using clienttest::DemoCluster;
using kube::InformerBase;

class TestClientDemoCluster : public QObject
{
    Q_OBJECT
private:
    DemoCluster m_cluster;

    static kube::ApiRequest get(const QString &path)
    {
        kube::ApiRequest r;
        r.path = path;
        r.verb = QStringLiteral("get");
        return r;
    }

    // Sends a GET and waits for its answer.
    static kube::ApiError fetch(kube::ApiClient &client, const QString &path,
                                QByteArray *body = nullptr)
    {
        std::unique_ptr<kube::ApiReply> reply(client.send(get(path)));
        QSignalSpy done(reply.get(), &kube::ApiReply::finished);
        if (!done.wait(30000))
            return kube::ApiError::cancelled({});
        if (body)
            *body = reply->takeBody();
        return reply->error();
    }

    QString writeExecScript(const QString &token, int validSeconds, bool badTokenFirst)
    {
        const QString script = m_cluster.dir() + QStringLiteral("/exec-plugin.sh");
        const QString counter = m_cluster.dir() + QStringLiteral("/exec-runs");
        QFile::remove(counter);
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        // The first run may hand out a token the server refuses, to exercise the 401 refresh.
        const QString text =
            QStringLiteral(
                "#!/bin/sh\n"
                "runs=$(cat '%1' 2>/dev/null | wc -l)\n"
                "echo run >> '%1'\n"
                "token='%2'\n"
                "if [ %4 = 1 ] && [ \"$runs\" = 0 ]; then token=wrong-token; fi\n"
                "exp=$(date -u -d '+%3 seconds' +%Y-%m-%dT%H:%M:%SZ)\n"
                "printf "
                "'{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                "\"status\":{\"token\":\"%s\",\"expirationTimestamp\":\"%s\"}}\\n' \"$token\" "
                "\"$exp\"\n")
                .arg(counter, token, QString::number(validSeconds),
                     badTokenFirst ? QStringLiteral("1") : QStringLiteral("0"));
        f.write(text.toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return script;
    }

    int scriptRuns() const
    {
        QFile f(m_cluster.dir() + QStringLiteral("/exec-runs"));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(f.readAll().count('\n'));
    }

    kube::ClusterConnection execConnection(const QString &script) const
    {
        return m_cluster.execConnection(script);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
    }

    void clientCertificateContext()
    {
        kube::ApiClient client(m_cluster.connection(QStringLiteral("demo")));
        QVERIFY(!client.tlsVerificationDisabled());
        kube::Informer<kube::Pod> pods(&client);
        kube::Informer<kube::Node> nodes(&client);
        kube::Informer<kube::Deployment> deployments(&client);
        pods.start();
        nodes.start();
        deployments.start();
        QTRY_COMPARE_WITH_TIMEOUT(pods.state(), InformerBase::State::Live, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(nodes.state(), InformerBase::State::Live, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(deployments.state(), InformerBase::State::Live, 60000);
        QVERIFY(pods.size() > 0);
        QVERIFY(nodes.size() > 0);
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(
                    m_cluster, pods,
                    {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
            },
            60000));
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(m_cluster, nodes,
                                                 {QStringLiteral("get"), QStringLiteral("nodes")});
            },
            60000));
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(
                    m_cluster, deployments,
                    {QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-A")});
            },
            60000));

        // A change made with kubectl reaches the cache through the watch.
        bool ok = false;
        m_cluster.kubectl({QStringLiteral("create"), QStringLiteral("deployment"),
                           QStringLiteral("client-cert-check"),
                           QStringLiteral("--image=nginx:1.27"), QStringLiteral("-n"),
                           QStringLiteral("default")},
                          &ok);
        QVERIFY(ok);
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(
                    m_cluster, deployments,
                    {QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-A")});
            },
            60000));
        QCOMPARE(pods.relistCount(), 0);
    }

    void tokenContext()
    {
        kube::ApiClient client(m_cluster.connection(QStringLiteral("demo-token")));
        kube::Informer<kube::Namespace> namespaces(&client);
        kube::Informer<kube::Pod> pods(&client);
        namespaces.start();
        pods.start();
        QTRY_COMPARE_WITH_TIMEOUT(namespaces.state(), InformerBase::State::Live, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(pods.state(), InformerBase::State::Live, 60000);
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(
                    m_cluster, namespaces, {QStringLiteral("get"), QStringLiteral("namespaces")});
            },
            60000));
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(
                    m_cluster, pods,
                    {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
            },
            60000));
    }

    void execPluginRerunAfterExpiry()
    {
        const QString token = m_cluster.connection(QStringLiteral("demo-token")).token;
        QVERIFY(!token.isEmpty());
        const QString script = writeExecScript(token, 3, false);
        kube::ApiClient client(execConnection(script));
        QVERIFY(client.execProvider());
        QByteArray body;
        QVERIFY2(fetch(client, QStringLiteral("/api/v1/namespaces"), &body).isOk(),
                 body.constData());
        QVERIFY(body.contains("NamespaceList"));
        QCOMPARE(client.execRuns(), 1);
        // While cached, the plugin is not run again.
        QVERIFY(fetch(client, QStringLiteral("/version")).isOk());
        QCOMPARE(client.execRuns(), 1);
        // Once the credential has expired, the next request runs the plugin again.
        QTRY_VERIFY_WITH_TIMEOUT(!client.execProvider()->cached().has_value(), 15000);
        QVERIFY(fetch(client, QStringLiteral("/version")).isOk());
        QCOMPARE(client.execRuns(), 2);
        QCOMPARE(scriptRuns(), 2);
    }

    void execPluginRefreshedAfter401()
    {
        const QString token = m_cluster.connection(QStringLiteral("demo-token")).token;
        const QString script = writeExecScript(token, 3600, true);
        kube::ApiClient client(execConnection(script));
        // The first credential is refused; the client runs the plugin again and retries once.
        QByteArray body;
        const kube::ApiError e = fetch(client, QStringLiteral("/api/v1/namespaces"), &body);
        QVERIFY2(e.isOk(), qPrintable(e.toLogString()));
        QCOMPARE(client.execRuns(), 2);
        QCOMPARE(scriptRuns(), 2);
        QVERIFY(!e.explanation().contains(token));
    }

    void viewerFallsBackToItsNamespace()
    {
        kube::ApiClient client(m_cluster.connection(QStringLiteral("demo-viewer")));
        QCOMPARE(client.defaultNamespace(), QStringLiteral("team-a"));
        kube::Informer<kube::Pod> pods(&client);
        pods.setFallbackNamespaces({QStringLiteral("team-b")});
        kube::Informer<kube::Node> nodes(&client);
        pods.start();
        nodes.start();
        QTRY_VERIFY_WITH_TIMEOUT(pods.hasSynced(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(pods.state(), InformerBase::State::Live, 30000);
        QVERIFY(!pods.visibleClusterWide());
        QCOMPARE(pods.visibleNamespaces(), QStringList{QStringLiteral("team-a")});
        QVERIFY(pods.size() > 0);
        QVERIFY(clienttest::waitFor(
            [&] {
                return clienttest::sameAsKubectl(m_cluster, pods,
                                                 {QStringLiteral("get"), QStringLiteral("pods"),
                                                  QStringLiteral("-n"), QStringLiteral("team-a")});
            },
            60000));
        for (const auto &pod : pods.objects())
            QCOMPARE(pod->metadata.namespaceName, QStringLiteral("team-a"));

        QTRY_COMPARE_WITH_TIMEOUT(nodes.state(), InformerBase::State::Forbidden, 60000);
        QCOMPARE(nodes.size(), 0);
        QVERIFY(nodes.lastError().isForbidden());
        QCOMPARE(nodes.lastError().explanation(),
                 QStringLiteral("You may not list nodes across the cluster."));
    }

    void wrongCaIsATlsErrorNamingTheServer()
    {
        kube::ClusterConnection c = m_cluster.connection(QStringLiteral("demo"));
        // A certificate that did not sign the server's: the client certificate itself.
        c.certificateAuthorityPem = c.clientCertificatePem;
        kube::ApiClient client(c);
        const kube::ApiError e = fetch(client, QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(e.kind(), kube::ApiError::Kind::Tls);
        const QString server = client.displayServer().toString();
        QVERIFY(server.startsWith(QStringLiteral("https://127.0.0.1:")));
        QCOMPARE(e.explanation(),
                 QStringLiteral("The certificate of %1 is not signed by the CA in your kubeconfig.")
                     .arg(server));

        kube::Informer<kube::Namespace> namespaces(&client);
        namespaces.start();
        QTRY_COMPARE_WITH_TIMEOUT(namespaces.state(), InformerBase::State::Error, 60000);
        QCOMPARE(namespaces.lastError().kind(), kube::ApiError::Kind::Tls);
    }

    void insecureSkipTlsVerifyConnectsAndSaysSo()
    {
        kube::ClusterConnection c = m_cluster.connection(QStringLiteral("demo-token"));
        c.certificateAuthorityPem.clear();
        c.insecureSkipTlsVerify = true;
        kube::ApiClient client(c);
        QVERIFY(client.tlsVerificationDisabled());
        kube::Informer<kube::Namespace> namespaces(&client);
        namespaces.start();
        QTRY_COMPARE_WITH_TIMEOUT(namespaces.state(), InformerBase::State::Live, 60000);
        QVERIFY(namespaces.size() > 0);
    }

    void manyWatchesDoNotStarveRequests()
    {
        kube::ApiClient client(m_cluster.connection(QStringLiteral("demo")));
        // 14 long-lived watches over HTTP/1.1 (the demo cluster does not offer HTTP/2)…
        std::vector<std::unique_ptr<kube::WatchStream>> watches;
        int opened = 0;
        for (int i = 0; i < 14; ++i) {
            kube::ApiRequest r = get(QStringLiteral("/api/v1/pods"));
            r.verb = QStringLiteral("watch");
            r.query.addQueryItem(QStringLiteral("watch"), QStringLiteral("true"));
            r.query.addQueryItem(QStringLiteral("timeoutSeconds"), QStringLiteral("300"));
            watches.push_back(std::make_unique<kube::WatchStream>(&client, r));
            connect(watches.back().get(), &kube::WatchStream::opened, this,
                    [&opened] { ++opened; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(opened, 14, 60000);
        QCOMPARE(client.activeStreamCount(), 14);
        QVERIFY(client.streamManagerCount() >= 14 / kube::ApiClient::StreamsPerManager);
        // …and short requests still get through at once, many in parallel.
        std::vector<std::unique_ptr<kube::ApiReply>> gets;
        int finishedOk = 0;
        for (int i = 0; i < 12; ++i) {
            gets.emplace_back(client.send(
                get(i % 2 ? QStringLiteral("/version") : QStringLiteral("/api/v1/namespaces"))));
            connect(
                gets.back().get(), &kube::ApiReply::finished, this,
                [&finishedOk, r = gets.back().get()] { finishedOk += r->error().isOk() ? 1 : 0; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finishedOk, 12, 60000);
        for (const auto &w : watches)
            QVERIFY(w->isOpen());
        // Informers for every kind the views use, on top, also all get live.
        QList<InformerBase *> informers{
            new kube::Informer<kube::Namespace>(&client, this),
            new kube::Informer<kube::Node>(&client, this),
            new kube::Informer<kube::Pod>(&client, this),
            new kube::Informer<kube::ReplicaSet>(&client, this),
            new kube::Informer<kube::Deployment>(&client, this),
            new kube::Informer<kube::StatefulSet>(&client, this),
            new kube::Informer<kube::DaemonSet>(&client, this),
            new kube::Informer<kube::Job>(&client, this),
            new kube::Informer<kube::CronJob>(&client, this),
            new kube::Informer<kube::Service>(&client, this),
            new kube::Informer<kube::Event>(&client, this),
            new kube::Informer<kube::HorizontalPodAutoscaler>(&client, this)};
        for (InformerBase *informer : std::as_const(informers))
            informer->start();
        for (InformerBase *informer : std::as_const(informers)) {
            QTRY_VERIFY2_WITH_TIMEOUT(informer->state() == InformerBase::State::Live,
                                      qPrintable(informer->kind().plural + QLatin1Char(' ')
                                                 + informer->lastError().toLogString()),
                                      20000);
        }
        QCOMPARE(client.activeStreamCount(), 26);
        qDeleteAll(informers);
        watches.clear();
        QTRY_COMPARE(client.activeStreamCount(), 0);
    }

    void cleanupTestCase() { m_cluster.stop(); }
};

QTEST_GUILESS_MAIN(TestClientDemoCluster)
#include "tst_client_democluster.moc"
