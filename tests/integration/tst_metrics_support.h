#pragma once

// Helpers of the metrics integration tests: starts the real demo cluster (and, for the truth
// test, Debian's Prometheus) on loopback in a temporary directory and stops them again.
#include "kubeapi/clusterconnection.h"
#include "kubeapi/kubeconfig.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <optional>

namespace metricstest {

// Runs the event loop until `done` is true or `ms` passed; returns `done()`.
inline bool waitUntil(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return true;
}

inline int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

class DemoCluster final
{
public:
    // KLARSICHT_DEMO_CLUSTER overrides the build's own binary (e.g. an installed one).
    static QString executable()
    {
        const QString overridden = qEnvironmentVariable("KLARSICHT_DEMO_CLUSTER");
        if (!overridden.isEmpty())
            return overridden;
        return QStringLiteral(KLARSICHT_BINARY_DIR) + QStringLiteral("/bin/klarsicht-demo-cluster");
    }

    ~DemoCluster() { stop(); }

    // Empty string on success, else why it failed.
    // `readyMs` bounds the wait for the kubeconfig; a metrics history warms up hours of
    // simulated time first, which takes a minute in the sanitizer build.
    QString start(const QStringList &extra = {}, int readyMs = 60000)
    {
        if (!QFileInfo(executable()).isExecutable())
            return QStringLiteral("the demo cluster executable is missing: ") + executable();
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        m_process.setProcessChannelMode(QProcess::ForwardedChannels);
        m_process.start(executable(), QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                                  QStringLiteral("--kubeconfig-out"), m_kubeconfig,
                                                  QStringLiteral("--preset"), QStringLiteral("workshop"),
                                                  QStringLiteral("--seed"), QStringLiteral("1")}
                                          + extra);
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("the demo cluster did not start: ") + m_process.errorString();
        // The server writes the kubeconfig once it listens.
        if (!waitUntil([this] { return QFileInfo(m_kubeconfig).size() > 0 || m_process.state() == QProcess::NotRunning; },
                       readyMs)
            || m_process.state() == QProcess::NotRunning)
            return QStringLiteral("the demo cluster wrote no kubeconfig within %1 s").arg(readyMs / 1000);
        QThread::msleep(100); // the file may still be being written
        QString error;
        const auto config = kube::Kubeconfig::load(m_kubeconfig, &error);
        if (!config)
            return error;
        const auto connection = config->resolve(QString(), &error);
        if (!connection)
            return error;
        m_connection = *connection;
        return {};
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString kubeconfig() const { return m_kubeconfig; }
    const kube::ClusterConnection &connection() const { return m_connection; }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_kubeconfig;
    kube::ClusterConnection m_connection;
};

} // namespace metricstest
