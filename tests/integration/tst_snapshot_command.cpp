// `klarsicht snapshot` as a user runs it, against the real demo cluster and kubectl: the admin's
// snapshot agrees with `kubectl get pods -A -o json` on every pod; a namespace-limited user's
// snapshot holds exactly the pods kubectl shows that user, and says which kinds it could not
// see; `--watch` follows the cluster through faults and writes the state at its end.
#include "pod_lines.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QtTest>

using namespace podlines;

namespace {
constexpr int kDeadlineMs = 120000; // generous: ASan CI on a loaded 2-core machine
} // namespace

class TestSnapshotCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
    }

    void snapshotAgreesWithKubectl()
    {
        // The cluster lives on (crash loops restart, cron jobs start pods): compare a snapshot
        // only when kubectl saw the same pod versions right before and right after it.
        QVERIFY(agreesWithKubectl(QStringLiteral("demo"), {QStringLiteral("-A")}));
    }

    void limitedUserSnapshotsItsNamespace()
    {
        // demo-viewer may read team-a only: the snapshot falls back to the context's namespace
        // as the window does, instead of writing a file without pods.
        const QStringList scope{QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                                QStringLiteral("-n"), QStringLiteral("team-a")};
        QVERIFY(agreesWithKubectl(QStringLiteral("demo-viewer"), scope));
        const auto doc = readJson(file());
        const std::string nodes = doc["access"].value("nodes", std::string());
        QVERIFY2(nodes.find("nodes") != std::string::npos && nodes != "ok", nodes.c_str());
        const std::string pods = doc["access"].value("pods", std::string());
        QVERIFY2(pods.find("team-a") != std::string::npos, pods.c_str());
        QVERIFY(!doc["lists"].contains("nodes"));
    }

    void watchFollowsTheClusterThroughFaults()
    {
        // The informers keep running for --watch seconds while the server drops watches,
        // expires them, fails requests and churns pods; churn ends well before the end. The
        // file then holds the cluster as it stands (kubectl right after agrees).
        auto client = std::make_unique<kube::ApiClient>(
            m_cluster.connection(QStringLiteral("demo")));
        QString last;
        for (int attempt = 0; attempt < 3; ++attempt) {
            QProcess snapshot;
            snapshot.start(QStringLiteral(KLARSICHT_APP),
                           {QStringLiteral("snapshot"), QStringLiteral("-o"), file(),
                            QStringLiteral("--kubeconfig"), m_cluster.kubeconfigPath,
                            QStringLiteral("--context"), QStringLiteral("demo"),
                            QStringLiteral("--samples"), QStringLiteral("0"),
                            QStringLiteral("--watch"), QStringLiteral("16")});
            QVERIFY(snapshot.waitForStarted());
            QTest::qWait(2000);
            QVERIFY(clienttest::injectFaults(*client,
                                             "churn=300,churnseconds=3,watch410=2,dropwatches"));
            QTest::qWait(2000);
            QVERIFY(clienttest::injectFaults(*client, "500=3,dropwatches"));
            QVERIFY(snapshot.waitForFinished(kDeadlineMs));
            QVERIFY2(snapshot.exitStatus() == QProcess::NormalExit && snapshot.exitCode() == 0,
                     snapshot.readAllStandardError().constData());
            const auto taken = snapshotPods(file());
            const auto after = kubectlPods(m_cluster);
            QVERIFY(!after.empty());
            if (versions(taken) == versions(after)) {
                for (const auto &[uid, pod] : after)
                    QCOMPARE(taken.at(uid).second, pod.second);
                qInfo("%d pods agree with kubectl after the watch", int(after.size()));
                return;
            }
            // A crash loop restarted or a cron job started a pod right at the end: again.
            last = QStringLiteral("the snapshot and kubectl differ in %1 of %2 pods")
                       .arg(differences(taken, after))
                       .arg(after.size());
            qInfo("%s", qPrintable(last));
        }
        QFAIL(qPrintable(last));
    }

    void cleanupTestCase() { m_cluster.stop(); }

private:
    QString file() const { return m_cluster.dir() + QStringLiteral("/snapshot.json"); }

    static nlohmann::json readJson(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = f.readAll();
        return nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    }

    static int differences(const PodLines &a, const PodLines &b)
    {
        int n = 0;
        for (const auto &[uid, pod] : b)
            n += !a.count(uid) || a.at(uid).first != pod.first;
        for (const auto &[uid, pod] : a)
            n += !b.count(uid);
        return n;
    }

    // Takes snapshots as `context` until one was taken while kubectl (with `scope`) saw no pod
    // change, then compares every pod's line.
    bool agreesWithKubectl(const QString &context, const QStringList &scope)
    {
        const QDeadlineTimer deadline(kDeadlineMs);
        while (!deadline.hasExpired()) {
            const auto before = kubectlPods(m_cluster, scope);
            if (before.empty())
                return false;
            QProcess snapshot;
            snapshot.start(QStringLiteral(KLARSICHT_APP),
                           {QStringLiteral("snapshot"), QStringLiteral("-o"), file(),
                            QStringLiteral("--kubeconfig"), m_cluster.kubeconfigPath,
                            QStringLiteral("--context"), context, QStringLiteral("--samples"),
                            QStringLiteral("0")});
            if (!snapshot.waitForFinished(kDeadlineMs) || snapshot.exitCode() != 0) {
                qWarning("snapshot: %s", snapshot.readAllStandardError().constData());
                return false;
            }
            const auto taken = snapshotPods(file());
            const auto after = kubectlPods(m_cluster, scope);
            if (versions(before) != versions(after) || versions(taken) != versions(before)) {
                QTest::qWait(500);
                continue;
            }
            for (const auto &[uid, pod] : before) {
                const auto it = taken.find(uid);
                if (it == taken.end() || it->second.second != pod.second) {
                    qWarning("%s: snapshot has %s", qPrintable(pod.second),
                             it == taken.end() ? "nothing" : qPrintable(it->second.second));
                    return false;
                }
            }
            qInfo("%d pods agree with kubectl as %s", int(before.size()), qPrintable(context));
            return taken.size() == before.size();
        }
        qWarning("pods kept changing while snapshots were taken");
        return false;
    }

    clienttest::DemoCluster m_cluster;
};

QTEST_GUILESS_MAIN(TestSnapshotCommand)
#include "tst_snapshot_command.moc"
