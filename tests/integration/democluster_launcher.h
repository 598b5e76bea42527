#pragma once

// Starts the real klarsicht-demo-cluster binary for a test: in a private temporary directory,
// on a free loopback port unless the test names one, and waits for the banner it prints once it
// serves and its kubeconfig is complete. The tests' own support headers build on this one.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

namespace demolaunch {

class DemoClusterLauncher final
{
public:
    DemoClusterLauncher() = default;
    DemoClusterLauncher(const DemoClusterLauncher &) = delete;
    DemoClusterLauncher &operator=(const DemoClusterLauncher &) = delete;
    ~DemoClusterLauncher() { stop(); }

    // KLARSICHT_DEMO_CLUSTER in the environment overrides the build's binary (an installed one).
    static QString executable()
    {
        const QString overridden = qEnvironmentVariable("KLARSICHT_DEMO_CLUSTER");
        if (!overridden.isEmpty())
            return overridden;
#ifdef KLARSICHT_DEMO_CLUSTER
        return QStringLiteral(KLARSICHT_DEMO_CLUSTER);
#else
        return QStringLiteral(KLARSICHT_BINARY_DIR) + QStringLiteral("/bin/klarsicht-demo-cluster");
#endif
    }

    // Empty on success, else why the cluster is not serving. `readyMs` bounds the wait for the
    // banner: the large preset and a metrics history take a while, more so under ASan.
    QString start(const QStringList &args, int readyMs)
    {
        const QString program = executable();
        if (!QFileInfo(program).isExecutable())
            return QStringLiteral("the demo cluster executable is missing: ") + program;
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        m_banner.clear();
        m_url.clear();
        QStringList all{QStringLiteral("--kubeconfig-out"), m_kubeconfig};
        if (!args.contains(QStringLiteral("--port")))
            all << QStringLiteral("--port") << QStringLiteral("0");
        // stdout is read here for the banner; stderr (warnings, faults) goes to the test log.
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, all + args);
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("the demo cluster did not start: ") + m_process.errorString();
        const QDeadlineTimer deadline(readyMs);
        while (!m_banner.contains("export KUBECONFIG=")) {
            if (m_process.state() == QProcess::NotRunning)
                return QStringLiteral("the demo cluster exited (code %1) before serving: %2")
                    .arg(m_process.exitCode())
                    .arg(QString::fromUtf8(m_banner));
            if (deadline.hasExpired())
                return QStringLiteral("the demo cluster printed no kubeconfig line within %1 s: %2")
                    .arg(readyMs / 1000)
                    .arg(QString::fromUtf8(m_banner));
            // The event loop keeps running: a test's own objects may be alive meanwhile.
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            m_process.waitForReadyRead(50);
            m_banner += m_process.readAllStandardOutput();
        }
        const QByteArray marker("serving the Kubernetes API at ");
        const qsizetype at = m_banner.indexOf(marker);
        if (at >= 0) {
            const qsizetype end = m_banner.indexOf('\n', at);
            m_url = QUrl(QString::fromUtf8(
                m_banner.mid(at + marker.size(), end - at - marker.size()).trimmed()));
        }
        return {};
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool running() const
    {
        return m_process.state() == QProcess::Running;
    }
    qint64 pid() const
    {
        return m_process.processId();
    }
    QString kubeconfig() const
    {
        return m_kubeconfig;
    }
    QUrl url() const
    {
        return m_url;
    }
    QString dir() const
    {
        return m_dir.path();
    }
    QString filePath(const QString &name) const
    {
        return m_dir.filePath(name);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_kubeconfig;
    QByteArray m_banner;
    QUrl m_url;
};

} // namespace demolaunch
