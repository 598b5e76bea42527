// Graceful pod deletion against the real kubectl: `kubectl delete pod` stamps deletionTimestamp
// and deletionGracePeriodSeconds, the pod shows Terminating until the kubelet has stopped its
// containers (preStop hook, bounded by the grace period), watches see MODIFIED then DELETED,
// and `--grace-period=0 --force` removes the pod at once.
#include "../skip_or_fail.h"
#include "tst_democluster_support.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtTest/QtTest>

using demotest::waitUntil;

namespace {

const QString kNamespace = QStringLiteral("terminating-test");

} // namespace

class TestDemoClusterTerminating final : public QObject
{
    Q_OBJECT

private:
    demotest::DemoClusterProcess m_cluster;

    demotest::Result kubectl(const QStringList &args, int timeoutMs = 30000) const
    {
        return m_cluster.kubectl(args, timeoutMs);
    }

    QString podField(const QString &name, const QString &jsonPath) const
    {
        const demotest::Result r = kubectl({QStringLiteral("get"), QStringLiteral("pod"), name,
                                            QStringLiteral("-n"), kNamespace, QStringLiteral("-o"),
                                            QStringLiteral("jsonpath=") + jsonPath});
        return r.exitCode == 0 ? r.out.trimmed() : QString();
    }

    bool isGone(const QString &name, const QString &ns = kNamespace) const
    {
        const demotest::Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("pod"), name, QStringLiteral("-n"), ns});
        return r.exitCode != 0
               && r.err.contains(
                   QStringLiteral("Error from server (NotFound): pods \"%1\" not found").arg(name));
    }

    // A running pod that would take 600 s to stop (preStop sleep 600, grace period 600).
    QString createSlowToStopPod(const QString &name)
    {
        return createRunningPod(
            name,
            QJsonObject{{QStringLiteral("sleep"), QJsonObject{{QStringLiteral("seconds"), 600}}}},
            600);
    }

    // Creates a pod whose container has `preStop` as its lifecycle.preStop hook and waits until
    // it runs; returns an error text or an empty string.
    QString createRunningPod(const QString &name, const QJsonObject &preStop, int gracePeriod)
    {
        QJsonObject container{{QStringLiteral("name"), QStringLiteral("app")},
                              {QStringLiteral("image"), QStringLiteral("nginx:1.27")}};
        if (!preStop.isEmpty())
            container.insert(QStringLiteral("lifecycle"),
                             QJsonObject{{QStringLiteral("preStop"), preStop}});
        const QJsonObject pod{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                     {QStringLiteral("namespace"), kNamespace}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("terminationGracePeriodSeconds"), gracePeriod},
                         {QStringLiteral("containers"), QJsonArray{container}}}}};
        const QString file = m_cluster.filePath(name + QStringLiteral(".json"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || f.write(QJsonDocument(pod).toJson()) <= 0)
            return QStringLiteral("cannot write ") + file;
        f.close();
        const demotest::Result r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), file});
        if (r.out.trimmed() != QStringLiteral("pod/%1 created").arg(name))
            return r.out + r.err;
        if (!waitUntil(
                [&] {
                    return podField(name, QStringLiteral("{.status.phase}"))
                           == QLatin1String("Running");
                },
                60000))
            return QStringLiteral("pod %1 never ran").arg(name);
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cluster.start({QStringLiteral("--seed"), QStringLiteral("11")});
        if (!error.isEmpty())
            SKIP_OR_FAIL(qPrintable(error));
        const demotest::Result r = kubectl(
            {QStringLiteral("create"), QStringLiteral("namespace"), kNamespace});
        QCOMPARE(r.out.trimmed(), QStringLiteral("namespace/%1 created").arg(kNamespace));
    }

    void cleanupTestCase() { m_cluster.stop(); }

    // The pod's preStop hook (sleep 10) keeps it Terminating well past kubectl's next call.
    void gracefulDeletionShowsTerminating()
    {
        const QString name = QStringLiteral("slow-stopper");
        const QJsonObject sleepHook{
            {QStringLiteral("exec"),
             QJsonObject{
                 {QStringLiteral("command"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"),
                                                        QStringLiteral("sleep 10")}}}}};
        const QString error = createRunningPod(name, sleepHook, 45);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QProcess watch;
        m_cluster.startKubectl(
            watch, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), kNamespace,
                    QStringLiteral("--field-selector=metadata.name=") + name, QStringLiteral("-w"),
                    QStringLiteral("--output-watch-events")});
        QVERIFY(watch.waitForStarted());
        QByteArray seen;
        QVERIFY2(
            waitUntil([&] { return (seen += watch.readAllStandardOutput()).contains("ADDED"); },
                      30000),
            seen.constData());

        demotest::Result r = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), name,
                                      QStringLiteral("-n"), kNamespace,
                                      QStringLiteral("--wait=false")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("pod \"%1\" deleted").arg(name)),
                 qPrintable(r.out + r.err));

        r = kubectl(
            {QStringLiteral("get"), QStringLiteral("pod"), name, QStringLiteral("-n"), kNamespace});
        QVERIFY2(QRegularExpression(QStringLiteral("\\n") + name
                                    + QStringLiteral("\\s+\\d/\\d\\s+Terminating\\s"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out + r.err));
        QCOMPARE(podField(name, QStringLiteral("{.metadata.deletionGracePeriodSeconds}")),
                 QStringLiteral("45"));
        // deletionTimestamp is when the grace period ends: at least 45 s after the pod started.
        const QDateTime started = QDateTime::fromString(
            podField(name, QStringLiteral("{.status.startTime}")), Qt::ISODate);
        const QDateTime deadline = QDateTime::fromString(
            podField(name, QStringLiteral("{.metadata.deletionTimestamp}")), Qt::ISODate);
        QVERIFY(started.isValid() && deadline.isValid());
        QVERIFY2(started.secsTo(deadline) >= 45,
                 qPrintable(started.toString(Qt::ISODate) + QLatin1Char(' ')
                            + deadline.toString(Qt::ISODate)));

        // The kubelet sends SIGTERM (Killing), runs the hook, and deletes the pod when done.
        QVERIFY2(waitUntil([&] { return isGone(name); }, 60000),
                 "the terminating pod was never deleted");
        r = kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-n"),
                     kNamespace, QStringLiteral("--field-selector=involvedObject.name=") + name});
        QVERIFY2(QRegularExpression(QStringLiteral("Normal\\s+Killing\\s+pod/") + name
                                    + QStringLiteral("\\s+Stopping container app"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out + r.err));

        QVERIFY2(
            waitUntil([&] { return (seen += watch.readAllStandardOutput()).contains("DELETED"); },
                      30000),
            seen.constData());
        watch.terminate();
        watch.waitForFinished(5000);
        const QString events = QString::fromUtf8(seen);
        const qsizetype modified = QRegularExpression(
                                       QStringLiteral("\\nMODIFIED\\s+") + name
                                       + QStringLiteral("\\s+\\S+\\s+Terminating\\s"))
                                       .match(events)
                                       .capturedStart();
        const qsizetype deleted = events.indexOf(QStringLiteral("\nDELETED"));
        QVERIFY2(modified > 0 && deleted > modified, qPrintable(events));
    }

    // A second delete may shorten the grace period; the kubelet then stops the pod at the new
    // deadline even though its preStop hook (sleep 600) would run much longer.
    void shorterGracePeriodWins()
    {
        const QString name = QStringLiteral("stubborn");
        const QString error = createSlowToStopPod(name);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        demotest::Result r = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), name,
                                      QStringLiteral("-n"), kNamespace,
                                      QStringLiteral("--wait=false")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(podField(name, QStringLiteral("{.metadata.deletionGracePeriodSeconds}")),
                 QStringLiteral("600"));
        r = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), name, QStringLiteral("-n"),
                     kNamespace, QStringLiteral("--grace-period=2"),
                     QStringLiteral("--wait=false")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Gone already on a slow machine, or still Terminating with the shorter grace period.
        const QString grace = podField(name,
                                       QStringLiteral("{.metadata.deletionGracePeriodSeconds}"));
        QVERIFY2(grace == QLatin1String("2") || isGone(name), qPrintable(grace));
        QVERIFY2(waitUntil([&] { return isGone(name); }, 60000),
                 "not deleted after the shortened grace period");
    }

    void forceDeletionIsImmediate()
    {
        const QString name = QStringLiteral("forced");
        const QString error = createSlowToStopPod(name);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const demotest::Result r = kubectl(
            {QStringLiteral("delete"), QStringLiteral("pod"), name, QStringLiteral("-n"),
             kNamespace, QStringLiteral("--grace-period=0"), QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0
                     && r.out.contains(QStringLiteral("pod \"%1\" force deleted").arg(name)),
                 qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QLatin1String("Immediate deletion does not wait for confirmation")),
                 qPrintable(r.err));
        // No polling: the API server removed it before answering.
        QVERIFY(isGone(name));
    }

    // deletecollection (`kubectl delete pods --all`) terminates gracefully as well.
    void deleteCollectionIsGraceful()
    {
        const QString name = QStringLiteral("in-a-collection");
        const QString error = createSlowToStopPod(name);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        demotest::Result r = kubectl({QStringLiteral("delete"), QStringLiteral("pods"),
                                      QStringLiteral("--all"), QStringLiteral("-n"), kNamespace,
                                      QStringLiteral("--wait=false")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("pod \"%1\" deleted").arg(name)),
                 qPrintable(r.out + r.err));
        QCOMPARE(podField(name, QStringLiteral("{.metadata.deletionGracePeriodSeconds}")),
                 QStringLiteral("600"));
        r = kubectl({QStringLiteral("delete"), QStringLiteral("pods"), QStringLiteral("--all"),
                     QStringLiteral("-n"), kNamespace, QStringLiteral("--grace-period=0"),
                     QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(isGone(name));
    }

    // kubectl's default delete waits (by watching) until the pod is really gone; the
    // workshop's ReplicaSet then replaces it.
    void waitingDeleteOfAWorkshopPod()
    {
        const QString ns = QStringLiteral("team-a");
        const auto webPods = [&] {
            const demotest::Result r = kubectl(
                {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
                 QStringLiteral("-l"), QStringLiteral("app=web"),
                 QStringLiteral("--field-selector=status.phase=Running"), QStringLiteral("-o"),
                 QStringLiteral("jsonpath={.items[*].metadata.name}")});
            return r.out.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        };
        const QStringList before = webPods();
        QVERIFY(!before.isEmpty());
        const QString victim = before.first();
        QCOMPARE(kubectl({QStringLiteral("get"), QStringLiteral("pod"), victim,
                          QStringLiteral("-n"), ns, QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.spec.terminationGracePeriodSeconds}")})
                     .out,
                 QStringLiteral("30"));
        const demotest::Result r = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), victim,
                                            QStringLiteral("-n"), ns,
                                            QStringLiteral("--timeout=60s")},
                                           90000);
        QVERIFY2(r.exitCode == 0
                     && r.out.contains(QStringLiteral("pod \"%1\" deleted").arg(victim)),
                 qPrintable(r.out + r.err));
        QVERIFY(isGone(victim, ns));
        // Compared with the Deployment's current replicas: its HPA may rescale meanwhile.
        QStringList after;
        QString replicas;
        QVERIFY2(waitUntil(
                     [&] {
                         replicas = kubectl({QStringLiteral("get"), QStringLiteral("deployment"),
                                             QStringLiteral("web"), QStringLiteral("-n"), ns,
                                             QStringLiteral("-o"),
                                             QStringLiteral("jsonpath={.spec.replicas}")})
                                        .out;
                         after = webPods();
                         return after.size() == replicas.toInt() && !after.contains(victim);
                     },
                     60000),
                 qPrintable(replicas + QStringLiteral(" replicas wanted, running: ")
                            + after.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterTerminating)
#include "tst_democluster_terminating.moc"
