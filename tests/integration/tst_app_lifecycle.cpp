// The klarsicht binary as a user starts it: `klarsicht --demo` starts the demo cluster as its
// child; a SIGTERM or SIGINT to the app stops that child and removes its temporary folder, and
// even a SIGKILL (no destructors run) leaves no demo cluster running. Also: --help and
// --version answer without a display, and an invalid option is refused with a message.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <utility>

namespace {

QString app()
{
    return QStringLiteral(KLARSICHT_APP);
}

// The PIDs of `pid`'s children, from /proc/<pid>/task/<pid>/children.
QList<qint64> childrenOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<qint64> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &field : file.readAll().split(' ')) {
        if (!field.trimmed().isEmpty())
            out << field.trimmed().toLongLong();
    }
    return out;
}

bool isRunning(qint64 pid)
{
    // A zombie still has /proc/<pid>; only a live process has state other than Z.
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && close + 2 < stat.size() && stat.at(close + 2) != 'Z';
}

QString commandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll().replace('\0', ' '));
}

struct Started
{
    qint64 cluster = 0;
    QString folder; // the demo cluster's temporary folder (holds its kubeconfig)

    Started() = default;
    Started(const Started &) = delete;
    Started(Started &&other) noexcept
        : cluster(std::exchange(other.cluster, 0))
        , folder(std::move(other.folder))
    {}
    // A failed check must not leave a server running for the rest of the test run.
    ~Started()
    {
        if (cluster != 0 && isRunning(cluster))
            ::kill(pid_t(cluster), SIGKILL);
    }
};

// Waits until the app's demo cluster child has written its kubeconfig.
Started waitForDemoCluster(QProcess &klarsicht)
{
    Started out;
    for (int i = 0; i < 600 && out.folder.isEmpty(); ++i) {
        QTest::qWait(100);
        for (qint64 child : childrenOf(klarsicht.processId())) {
            const QString cmd = commandLine(child);
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("--kubeconfig-out (\\S+)/kubeconfig")).match(cmd);
            if (cmd.contains(QStringLiteral("klarsicht-demo-cluster")) && m.hasMatch()
                && QFile(m.captured(1) + QStringLiteral("/kubeconfig")).size() > 0) {
                out.cluster = child;
                out.folder = m.captured(1);
            }
        }
    }
    return out;
}

void startDemo(QProcess &klarsicht)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    klarsicht.setProcessEnvironment(env);
    klarsicht.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    klarsicht.start(app(), {QStringLiteral("--demo")});
    QVERIFY2(klarsicht.waitForStarted(10000), qPrintable(klarsicht.errorString()));
}

} // namespace

class TestAppLifecycle final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndVersionNeedNoDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        QProcess help;
        help.setProcessEnvironment(env);
        help.start(app(),
                   {QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("de")});
        QVERIFY(help.waitForFinished(20000));
        QCOMPARE(help.exitCode(), 0);
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("--interval <Sekunden>")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Einblicke in Kubernetes-Cluster")),
                 qPrintable(text));

        QProcess version;
        version.setProcessEnvironment(env);
        version.start(app(), {QStringLiteral("--version")});
        QVERIFY(version.waitForFinished(20000));
        QCOMPARE(version.exitCode(), 0);
        QVERIFY(QString::fromUtf8(version.readAllStandardOutput())
                    .startsWith(QStringLiteral("klarsicht ")));
    }

    void invalidOptionIsRefused()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess klarsicht;
        klarsicht.setProcessEnvironment(env);
        klarsicht.start(app(), {QStringLiteral("--interval"), QStringLiteral("7"),
                                QStringLiteral("--lang"), QStringLiteral("de")});
        QVERIFY(klarsicht.waitForFinished(20000));
        QCOMPARE(klarsicht.exitCode(), 2);
        const QString err = QString::fromUtf8(klarsicht.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral(
                     "--interval muss 5, 15, 30 oder 60 (Sekunden) sein, nicht „7“.")),
                 qPrintable(err));
    }

    void terminationStopsTheDemoCluster_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void terminationStopsTheDemoCluster()
    {
        QFETCH(int, signal);
        QProcess klarsicht;
        startDemo(klarsicht);
        const Started demo = waitForDemoCluster(klarsicht);
        QVERIFY2(demo.cluster != 0, "klarsicht --demo started no demo cluster within 60 s");
        QVERIFY(QDir(demo.folder).exists());

        ::kill(pid_t(klarsicht.processId()), signal);
        QVERIFY(klarsicht.waitForFinished(20000));
        QCOMPARE(klarsicht.exitStatus(), QProcess::NormalExit); // quit, not killed by the signal
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(demo.cluster), 10000);
        QVERIFY2(!QDir(demo.folder).exists(), qPrintable(demo.folder));
    }

    void killedAppTakesTheDemoClusterAlong()
    {
        QProcess klarsicht;
        startDemo(klarsicht);
        const Started demo = waitForDemoCluster(klarsicht);
        QVERIFY2(demo.cluster != 0, "klarsicht --demo started no demo cluster within 60 s");

        klarsicht.kill(); // SIGKILL: no destructor runs; the kernel's parent-death signal must
        QVERIFY(klarsicht.waitForFinished(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(demo.cluster), 10000);
        QDir(demo.folder).removeRecursively(); // what nobody could clean up
    }
};

QTEST_GUILESS_MAIN(TestAppLifecycle)
#include "tst_app_lifecycle.moc"
