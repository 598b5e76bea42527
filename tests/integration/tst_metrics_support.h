#pragma once

// Helpers of the metrics integration tests: starts the real demo cluster (and, for the truth
// test, Debian's Prometheus) on loopback in a temporary directory and stops them again.
#include "democluster_launcher.h"
#include "kubeapi/config/clusterconnection.h"
#include "kubeapi/config/kubeconfig.h"

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
    static QString executable() { return demolaunch::DemoClusterLauncher::executable(); }

    // Empty string on success, else why it failed. The workshop preset with a fixed seed;
    // `readyMs` bounds the wait for the kubeconfig; a metrics history warms up hours of
    // simulated time first, which takes a minute in the sanitizer build.
    QString start(const QStringList &extra = {}, int readyMs = 60000)
    {
        const QString why = m_launcher.start(
            QStringList{QStringLiteral("--preset"), QStringLiteral("workshop"),
                        QStringLiteral("--seed"), QStringLiteral("1")}
                + extra,
            readyMs);
        if (!why.isEmpty())
            return why;
        QString error;
        const auto config = kube::Kubeconfig::load(m_launcher.kubeconfig(), &error);
        if (!config)
            return error;
        const auto connection = config->resolve(QString(), &error);
        if (!connection)
            return error;
        m_connection = *connection;
        return {};
    }

    void stop() { m_launcher.stop(); }

    QString kubeconfig() const { return m_launcher.kubeconfig(); }
    const kube::ClusterConnection &connection() const { return m_connection; }
    QString dir() const { return m_launcher.dir(); }

private:
    demolaunch::DemoClusterLauncher m_launcher;
    kube::ClusterConnection m_connection;
};

} // namespace metricstest
