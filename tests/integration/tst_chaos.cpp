// The chaos suite: the app's ClusterSession (one informer per followed kind, feeding the
// ClusterStore) against the real demo cluster while rounds of randomly chosen faults hit it:
// dropped watches, 410 on watches and list continuations, 429 with Retry-After, 500s, a lagging
// watch cache, latency, API server restarts, pod churn, and RBAC changes for the viewer (a
// ClusterRoleBinding that lets it read the whole cluster comes and goes). After each round
// settles, every informer must hold exactly the server's objects (UID and resourceVersion, every
// kind): the admin's session everything, the viewer's session what the viewer may list at that
// moment. The seed is printed; KLARSICHT_CHAOS_SEED replays a run, KLARSICHT_CHAOS_ROUNDS sets
// its length.
#include "models/cluster/clustersession.h"
#include "models/cluster/clusterstore.h"
#include "tst_client_support.h"

#include "kubeapi/informers/followedkinds.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

using kube::InformerBase;

class TestChaos final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
        m_admin = std::make_unique<kube::ApiClient>(m_cluster.connection(QStringLiteral("demo")));
        m_session = std::make_unique<ClusterSession>(m_cluster.connection(QStringLiteral("demo")),
                                                     &m_store);
        m_session->start();
        m_viewer = std::make_unique<kube::ApiClient>(
            m_cluster.connection(QStringLiteral("demo-viewer")));
        m_viewerSession = std::make_unique<ClusterSession>(
            m_cluster.connection(QStringLiteral("demo-viewer")), &m_viewerStore);
        for (InformerBase *informer : m_viewerSession->informers())
            informer->setAccessRetryInterval(1000);
        m_viewerSession->start();
        QTRY_VERIFY_WITH_TIMEOUT(allLive(*m_session), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(allLive(*m_viewerSession), 60000);
    }

    void hundredRoundsOfFaults()
    {
        const quint32 seed = qEnvironmentVariableIsSet("KLARSICHT_CHAOS_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("KLARSICHT_CHAOS_SEED"))
                                 : QRandomGenerator::global()->generate();
        const int rounds = qEnvironmentVariableIsSet("KLARSICHT_CHAOS_ROUNDS")
                               ? qEnvironmentVariableIntValue("KLARSICHT_CHAOS_ROUNDS")
                               : 100;
        qInfo("chaos seed %u, %d rounds (replay: KLARSICHT_CHAOS_SEED=%u)", seed, rounds, seed);
        QRandomGenerator random(seed);
        const QList<QByteArray> faults = {
            "dropwatches",
            "watch410=1,dropwatches",
            "list410=1,watch410=1,dropwatches",
            "retryafter=1,429=2",
            "500=2,dropwatches",
            "watchtoolarge=3,dropwatches",
            "latency=50",
            "restart",
            "churn=400,churnseconds=1",
            "rbac,dropwatches", // the viewer's cluster-wide binding toggles
        };
        int differences = 0;
        QElapsedTimer clock;
        clock.start();
        for (int round = 1; round <= rounds; ++round) {
            if (round % 20 == 0)
                qInfo("chaos: round %d after %.0f s", round, double(clock.elapsed()) / 1000);
            QByteArrayList spec;
            const int count = 1 + int(random.bounded(2));
            for (int i = 0; i < count; ++i)
                spec << faults.at(int(random.bounded(faults.size())));
            QByteArray text = spec.join(',');
            if (text.contains("rbac")) {
                QVERIFY(setViewerClusterWide(!m_viewerClusterWide));
                text.replace("rbac,", "");
            }
            QVERIFY2(inject(text),
                     qPrintable(
                         QStringLiteral("round %1: %2").arg(round).arg(QString::fromLatin1(text))));
            QTest::qWait(100 + int(random.bounded(300)));
            // Latency stays only for its round; churn has ended by now or soon.
            if (text.contains("latency"))
                QVERIFY(inject("latency=0"));
            QString diff;
            QElapsedTimer settle;
            settle.start();
            const bool same = clienttest::waitFor(
                [&] {
                    return allLive(*m_session) && allLive(*m_viewerSession)
                           && sameAsServer(*m_session, m_store, *m_admin, &diff)
                           && sameAsServer(*m_viewerSession, m_viewerStore, *m_viewer, &diff);
                },
                90000);
            if (settle.elapsed() > 10000)
                qInfo("round %d (%s) took %.1f s to settle", round, text.constData(),
                      double(settle.elapsed()) / 1000);
            // Most rounds let the cluster run a few seconds before the next fault, as outages
            // come in real life: watches that ran that long reset the back-off. The others hit
            // it again at once, and the back-off climbs as it should for a flapping server.
            if (random.bounded(4) != 0)
                QTest::qWait(5500);
            if (!same) {
                ++differences;
                qWarning("round %d (%s, seed %u): %s", round, text.constData(), seed,
                         qPrintable(diff));
            }
        }
        qInfo("chaos: %d rounds in %.0f s, %d differences, seed %u", rounds,
              double(clock.elapsed()) / 1000, differences, seed);
        QCOMPARE(differences, 0);
    }

    void cleanupTestCase()
    {
        m_viewerSession.reset();
        m_viewer.reset();
        m_session.reset();
        m_admin.reset();
        m_cluster.stop();
    }

private:
    // Sets faults, retrying while the server restarts (an earlier fault of the round).
    bool inject(const QByteArray &spec)
    {
        return clienttest::waitFor([&] { return clienttest::injectFaults(*m_admin, spec); }, 30000);
    }

    // Creates or deletes the ClusterRoleBinding that lets the viewer read the whole cluster.
    bool setViewerClusterWide(bool on)
    {
        kube::ApiRequest r;
        r.path = QStringLiteral("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings");
        if (on) {
            r.method = "POST";
            r.contentType = "application/json";
            r.body = QByteArray(
                         "{'apiVersion':'rbac.authorization.k8s.io/v1',"
                         "'kind':'ClusterRoleBinding','metadata':{'name':'chaos-viewer-all'},"
                         "'roleRef':{'apiGroup':'rbac.authorization.k8s.io',"
                         "'kind':'ClusterRole','name':'view'},"
                         "'subjects':[{'apiGroup':'rbac.authorization.k8s.io',"
                         "'kind':'User','name':'viewer'}]}")
                         .replace('\'', '"');
        } else {
            r.method = "DELETE";
            r.path += QStringLiteral("/chaos-viewer-all");
        }
        const bool done = clienttest::waitFor(
            [&] {
                std::unique_ptr<kube::ApiReply> reply(m_admin->send(r));
                QSignalSpy finished(reply.get(), &kube::ApiReply::finished);
                if (!reply->isFinished() && !finished.wait(20000))
                    return false;
                if (!reply->error().isOk())
                    qWarning("rbac: %s", qPrintable(reply->error().toLogString()));
                return reply->error().isOk();
            },
            30000);
        if (done)
            m_viewerClusterWide = on;
        return done;
    }

    // Live, or (the viewer) Forbidden for a kind it may not read anywhere.
    static bool allLive(const ClusterSession &session)
    {
        for (const InformerBase *informer : session.informers()) {
            if (informer->state() != InformerBase::State::Live
                && informer->state() != InformerBase::State::Forbidden)
                return false;
        }
        return true;
    }

    // uid → resourceVersion as `client` may list it now (a consistent read): cluster-wide, or
    // where that is forbidden in the viewer's namespace, or nothing where that is forbidden
    // too; nullopt when a request failed otherwise (a fault may hit it).
    static std::optional<std::map<QString, QString>> serverVersions(kube::ApiClient &client,
                                                                    const kube::ResourceKind &kind)
    {
        using Versions = std::optional<std::map<QString, QString>>;
        const auto list = [&client](const QString &path, bool *forbidden) -> Versions {
            kube::ApiRequest r;
            r.path = path;
            r.verb = QStringLiteral("list");
            std::unique_ptr<kube::ApiReply> reply(client.send(r));
            QSignalSpy done(reply.get(), &kube::ApiReply::finished);
            if (!reply->isFinished() && !done.wait(20000))
                return std::nullopt;
            *forbidden = reply->error().isForbidden();
            if (!reply->error().isOk())
                return std::nullopt;
            return clienttest::DemoCluster::listVersions(reply->takeBody());
        };
        bool forbidden = false;
        Versions all = list(kind.collectionPath(), &forbidden);
        if (all || !forbidden)
            return all;
        if (!kind.namespaced)
            return std::map<QString, QString>();
        Versions own = list(kind.collectionPath(client.defaultNamespace()), &forbidden);
        if (!own && forbidden)
            return std::map<QString, QString>();
        return own;
    }

    // Every informer of `session` against what `client` may list; `diff` says where they differ.
    static bool sameAsServer(const ClusterSession &session, const ClusterStore &store,
                             kube::ApiClient &client, QString *diff)
    {
        bool same = true;
        qsizetype podsOnServer = -1;
        kube::forEachFollowedKind([&]<typename T>() {
            if (!same)
                return;
            const kube::ResourceKind kind = kube::resourceKindOf<T>();
            const kube::Informer<T> *informer = nullptr;
            for (const InformerBase *base : session.informers()) {
                if (base->kind().plural == kind.plural)
                    informer = dynamic_cast<const kube::Informer<T> *>(base);
            }
            if (!informer) {
                *diff = kind.plural + QStringLiteral(": no informer");
                same = false;
                return;
            }
            const auto server = serverVersions(client, kind);
            if (!server) {
                *diff = kind.plural + QStringLiteral(": the server's list failed");
                same = false;
                return;
            }
            if constexpr (std::is_same_v<T, kube::Pod>)
                podsOnServer = qsizetype(server->size());
            const auto mine = clienttest::informerVersions(*informer);
            if (mine != *server) {
                int missing = 0, extra = 0, older = 0;
                for (const auto &[uid, rv] : *server) {
                    const auto it = mine.find(uid);
                    missing += it == mine.end();
                    older += it != mine.end() && it->second != rv;
                }
                for (const auto &[uid, rv] : mine)
                    extra += !server->count(uid);
                *diff = QStringLiteral("%1 (%2): %3 missing, %4 extra, %5 at another version")
                            .arg(kind.plural, client.contextName())
                            .arg(missing)
                            .arg(extra)
                            .arg(older);
                same = false;
            }
        });
        if (same && store.podCount() != podsOnServer) {
            *diff = client.contextName()
                    + QStringLiteral(": the store's pod count differs from the server's");
            same = false;
        }
        return same;
    }

    clienttest::DemoCluster m_cluster;
    ClusterStore m_store;
    std::unique_ptr<kube::ApiClient> m_admin;
    std::unique_ptr<ClusterSession> m_session;
    ClusterStore m_viewerStore;
    std::unique_ptr<kube::ApiClient> m_viewer;
    std::unique_ptr<ClusterSession> m_viewerSession;
    bool m_viewerClusterWide = false;
};

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
