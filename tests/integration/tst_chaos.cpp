// The chaos suite: the app's ClusterSession (one informer per followed kind, feeding the
// ClusterStore) against the real demo cluster while rounds of randomly chosen faults hit it:
// dropped watches, 410 on watches and list continuations, 429 with Retry-After, 500s, a lagging
// watch cache, latency, API server restarts, and pod churn. After each round settles, every
// informer must hold exactly the server's objects (UID and resourceVersion, every kind). The
// seed is printed; KLARSICHT_CHAOS_SEED replays a run, KLARSICHT_CHAOS_ROUNDS sets its length.
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
        QTRY_VERIFY_WITH_TIMEOUT(allLive(), 60000);
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
            const QByteArray text = spec.join(',');
            QVERIFY2(inject(text),
                     qPrintable(
                         QStringLiteral("round %1: %2").arg(round).arg(QString::fromLatin1(text))));
            QTest::qWait(100 + int(random.bounded(300)));
            // Latency stays only for its round; churn has ended by now or soon.
            if (text.contains("latency"))
                QVERIFY(inject("latency=0"));
            QString diff;
            const bool same = clienttest::waitFor([&] { return allLive() && sameAsServer(&diff); },
                                                  90000);
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

    bool allLive() const
    {
        for (const InformerBase *informer : m_session->informers()) {
            if (informer->state() != InformerBase::State::Live)
                return false;
        }
        return true;
    }

    // uid → resourceVersion as the server lists it now (a consistent read); nullopt when the
    // request failed (a fault may hit it).
    std::optional<std::map<QString, QString>> serverVersions(const kube::ResourceKind &kind)
    {
        kube::ApiRequest r;
        r.path = kind.collectionPath();
        r.verb = QStringLiteral("list");
        std::unique_ptr<kube::ApiReply> reply(m_admin->send(r));
        QSignalSpy done(reply.get(), &kube::ApiReply::finished);
        if (!reply->isFinished() && !done.wait(20000))
            return std::nullopt;
        if (!reply->error().isOk())
            return std::nullopt;
        return clienttest::DemoCluster::listVersions(reply->takeBody());
    }

    // Every informer against the server; `diff` says where they differ.
    bool sameAsServer(QString *diff)
    {
        bool same = true;
        qsizetype podsOnServer = -1;
        kube::forEachFollowedKind([&]<typename T>() {
            if (!same)
                return;
            const kube::ResourceKind kind = kube::resourceKindOf<T>();
            const kube::Informer<T> *informer = nullptr;
            for (const InformerBase *base : m_session->informers()) {
                if (base->kind().plural == kind.plural)
                    informer = dynamic_cast<const kube::Informer<T> *>(base);
            }
            if (!informer) {
                *diff = kind.plural + QStringLiteral(": no informer");
                same = false;
                return;
            }
            const auto server = serverVersions(kind);
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
                *diff = QStringLiteral("%1: %2 missing, %3 extra, %4 at another version")
                            .arg(kind.plural)
                            .arg(missing)
                            .arg(extra)
                            .arg(older);
                same = false;
            }
        });
        if (same && m_store.podCount() != podsOnServer) {
            *diff = QStringLiteral("the store's pod count differs from the server's");
            same = false;
        }
        return same;
    }

    clienttest::DemoCluster m_cluster;
    ClusterStore m_store;
    std::unique_ptr<kube::ApiClient> m_admin;
    std::unique_ptr<ClusterSession> m_session;
};

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
