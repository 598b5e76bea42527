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

#include "kubectl_compat.h"

namespace demotest {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the event loop until `done` is true or `ms` passed; returns `done()`. Tests poll
// conditions with generous deadlines because they also run under ASan on a loaded machine.
inline bool waitUntil(const std::function<bool()> &done, int ms) {
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

inline int freePort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

class DemoClusterProcess final {
public:
    DemoClusterProcess() = default;
    DemoClusterProcess(const DemoClusterProcess &) = delete;
    DemoClusterProcess &operator=(const DemoClusterProcess &) = delete;
    ~DemoClusterProcess() { stop(); }

    // Empty on success, else why the cluster (or kubectl) is unavailable; the caller skips.
    QString start(const QStringList &extra = {}) {
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (m_kubectl.isEmpty())
            return QStringLiteral("kubectl is not installed; these tests use it as the referee");
        const QString binary = QStringLiteral(KLARSICHT_DEMO_CLUSTER);
        if (!QFileInfo(binary).isExecutable())
            return QStringLiteral("the demo cluster executable is missing: ") + binary;
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(binary, QStringList{QStringLiteral("--port"), QString::number(freePort()),
                                            QStringLiteral("--kubeconfig-out"), m_kubeconfig}
                                    + extra);
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("the demo cluster did not start: ") + m_process.errorString();
        // The banner comes once the server listens and the kubeconfig is complete.
        QByteArray banner;
        if (!waitUntil(
                [&] {
                    banner += m_process.readAllStandardOutput();
                    return banner.contains("export KUBECONFIG=")
                           || m_process.state() == QProcess::NotRunning;
                },
                90000)
            || !banner.contains("export KUBECONFIG="))
            return QStringLiteral("the demo cluster printed no kubeconfig line: ")
                   + QString::fromUtf8(banner);
        return {};
    }

    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool running() const { return m_process.state() == QProcess::Running; }

    // A private HOME and cache: kubectl's discovery cache must never leak between runs.
    QProcessEnvironment clientEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("KUBECACHEDIR"), m_dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("KUBECONFIG"), m_kubeconfig);
        return env;
    }

    Result kubectl(const QStringList &args, int timeoutMs = 30000) const {
        QProcess p;
        p.setProcessEnvironment(clientEnvironment());
        p.start(m_kubectl, QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig} + kubectlcompat::adjust(m_kubectl, args));
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
    void startKubectl(QProcess &p, const QStringList &args) const {
        p.setProcessEnvironment(clientEnvironment());
        p.start(m_kubectl, QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig} + kubectlcompat::adjust(m_kubectl, args));
    }

    QString kubeconfig() const { return m_kubeconfig; }
    QString dir() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_kubectl;
    QString m_kubeconfig;
};

} // namespace demotest
