#pragma once

// Helpers of the demo cluster's referee tests: starts the real klarsicht-demo-cluster on a free
// loopback port in a private temporary directory and runs the real kubectl against it.
#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtNetwork/QTcpServer>

#include <functional>

#include "democluster_launcher.h"
#include "kubectl_compat.h"

namespace demotest {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the event loop until `done` is true or `ms` passed; returns `done()`. Tests poll
// conditions with generous deadlines because they also run under ASan on a loaded machine.
inline bool waitUntil(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
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

class DemoClusterProcess final
{
public:
    DemoClusterProcess() = default;
    DemoClusterProcess(const DemoClusterProcess &) = delete;
    DemoClusterProcess &operator=(const DemoClusterProcess &) = delete;
    ~DemoClusterProcess() { stop(); }

    // Empty on success, else why the cluster (or kubectl) is unavailable; the caller skips.
    QString start(const QStringList &extra = {})
    {
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (m_kubectl.isEmpty())
            return QStringLiteral("kubectl is not installed; these tests use it as the referee");
        const QString why = m_launcher.start(extra, 90000);
        m_kubeconfig = m_launcher.kubeconfig();
        return why;
    }

    void stop() { m_launcher.stop(); }

    bool running() const { return m_launcher.running(); }

    // A private HOME and cache: kubectl's discovery cache must never leak between runs.
    QProcessEnvironment clientEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_launcher.dir());
        env.insert(QStringLiteral("KUBECACHEDIR"), m_launcher.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("KUBECONFIG"), m_kubeconfig);
        return env;
    }

    Result kubectl(const QStringList &args, int timeoutMs = 30000) const
    {
        QProcess p;
        p.setProcessEnvironment(clientEnvironment());
        p.start(m_kubectl, QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig}
                               + kubectlcompat::adjust(m_kubectl, args));
        Result r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("kubectl timed out: ") + args.join(QLatin1Char(' '));
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // kubectl started in the background (get -w, logs -f); the caller owns and ends it.
    void startKubectl(QProcess &p, const QStringList &args) const
    {
        p.setProcessEnvironment(clientEnvironment());
        p.start(m_kubectl, QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig}
                               + kubectlcompat::adjust(m_kubectl, args));
    }

    QString kubeconfig() const { return m_kubeconfig; }
    QString dir() const { return m_launcher.dir(); }
    QString filePath(const QString &name) const { return m_launcher.filePath(name); }

private:
    demolaunch::DemoClusterLauncher m_launcher;
    QString m_kubectl;
    QString m_kubeconfig;
};

} // namespace demotest
