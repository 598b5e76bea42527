#pragma once

// Shared by the tst_client_* integration tests: starts the real demo cluster on a free loopback
// port with its kubeconfig, resolves contexts with the real kubeconfig loader, runs kubectl as
// the referee and compares an informer's cache with what kubectl sees.
#include "kubeapi/apiclient.h"
#include "kubeapi/informer.h"
#include "kubeapi/kubeconfig.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

namespace clienttest {

class DemoCluster final
{
public:
    ~DemoCluster() { stop(); }

    // Starts the demo cluster and waits until it serves and has written its kubeconfig.
    bool start(const QStringList &extraArgs, QString *error)
    {
#ifndef KLARSICHT_DEMO_CLUSTER
        *error = QStringLiteral("the demo cluster executable is not part of this build");
        return false;
#else
        const QString program = QStringLiteral(KLARSICHT_DEMO_CLUSTER);
        if (!QFile::exists(program)) {
            *error = QStringLiteral("%1 does not exist").arg(program);
            return false;
        }
        kubeconfigPath = m_dir.filePath(QStringLiteral("kubeconfig"));
        m_process.setProgram(program);
        m_process.setArguments(QStringList{QStringLiteral("--kubeconfig-out"), kubeconfigPath}
                               + extraArgs);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        QByteArray out;
        // Startup of a large preset takes a while; a hung server fails the test, not a timer.
        for (int i = 0; i < 1200 && !out.contains("export KUBECONFIG="); ++i) {
            if (m_process.state() != QProcess::Running) {
                *error = QString::fromUtf8(m_process.readAllStandardError());
                return false;
            }
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
        }
        const qsizetype at = out.indexOf("serving the Kubernetes API at ");
        if (at < 0) {
            *error = QStringLiteral("the demo cluster did not report its address: ")
                + QString::fromUtf8(out);
            return false;
        }
        const qsizetype end = out.indexOf('\n', at);
        url = QUrl(QString::fromUtf8(out.mid(at + 30, end - at - 30).trimmed()));
        QString loadError;
        auto config = kube::Kubeconfig::loadFiles({kubeconfigPath}, true, &loadError);
        if (!config) {
            *error = loadError;
            return false;
        }
        m_config = *config;
        return true;
#endif
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

    qint64 pid() const { return m_process.processId(); }

    kube::ClusterConnection connection(const QString &context) const
    {
        QString error;
        const auto c = m_config.resolve(context, &error);
        if (!c)
            qWarning("cannot resolve context %s: %s", qPrintable(context), qPrintable(error));
        return c.value_or(kube::ClusterConnection{});
    }
    const kube::Kubeconfig &config() const { return m_config; }
    QString dir() const { return m_dir.path(); }

    // Runs kubectl against this cluster (context "demo" unless args name one).
    QByteArray kubectl(const QStringList &args, bool *ok = nullptr) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfigPath);
        // Each test run has its own server: no discovery cache from an earlier one.
        env.insert(QStringLiteral("KUBECACHEDIR"), m_dir.filePath(QStringLiteral("kubecache")));
        p.setProcessEnvironment(env);
        QStringList all = args;
        if (!args.join(QLatin1Char(' ')).contains(QLatin1String("--context")))
            all << QStringLiteral("--context") << QStringLiteral("demo");
        p.start(QStringLiteral("/usr/bin/kubectl"), all);
        // Wait in an event loop, not with waitForFinished(): the informers under test must keep
        // applying watch events while kubectl runs, or they are always behind its snapshot.
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
        }
        const bool good = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (ok)
            *ok = good;
        if (!good)
            qInfo("kubectl %s: %s", qPrintable(all.join(QLatin1Char(' '))),
                  p.readAllStandardError().constData());
        return p.readAllStandardOutput();
    }

    // uid → resourceVersion of `kubectl get <resource> [args] -o json`; nullopt if kubectl failed.
    std::optional<std::map<QString, QString>> kubectlVersions(const QStringList &args) const
    {
        bool ok = false;
        const QByteArray out = kubectl(args + QStringList{QStringLiteral("-o"), QStringLiteral("json")}, &ok);
        if (!ok)
            return std::nullopt;
        const auto json = nlohmann::json::parse(out.begin(), out.end(), nullptr, false);
        if (!json.is_object() || !json.contains("items"))
            return std::nullopt;
        std::map<QString, QString> versions;
        for (const auto &item : json["items"]) {
            const auto &meta = item["metadata"];
            versions[QString::fromStdString(meta.value("uid", std::string()))] =
                QString::fromStdString(meta.value("resourceVersion", std::string()));
        }
        return versions;
    }

    QString kubeconfigPath;
    QUrl url;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    kube::Kubeconfig m_config;
};

template<typename T>
std::map<QString, QString> informerVersions(const kube::Informer<T> &informer)
{
    std::map<QString, QString> versions;
    for (auto it = informer.objects().cbegin(); it != informer.objects().cend(); ++it)
        versions[it.key()] = it.value()->metadata.resourceVersion;
    return versions;
}

// Polls `condition` until it holds once or `ms` pass. Unlike QTRY_VERIFY, it does not evaluate
// the condition again after it held: comparisons with a live cluster are samples, and the next
// sample may catch a change in flight.
template<typename Condition>
bool waitFor(Condition condition, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

// True when the informer holds exactly the objects (UIDs and resourceVersions) kubectl lists.
// Both sides move while the cluster lives, so callers retry this with QTRY_VERIFY.
template<typename T>
bool sameAsKubectl(const DemoCluster &cluster, const kube::Informer<T> &informer,
                   const QStringList &kubectlArgs)
{
    const auto expected = cluster.kubectlVersions(kubectlArgs);
    if (!expected)
        return false;
    const auto actual = informerVersions(informer);
    if (actual != *expected) {
        QStringList diff;
        for (const auto &[uid, version] : actual) {
            const auto it = expected->find(uid);
            if (it == expected->end())
                diff << QStringLiteral("%1 only in informer (rv %2)").arg(uid, version);
            else if (it->second != version)
                diff << QStringLiteral("%1 rv %2 in informer, %3 in kubectl").arg(uid, version, it->second);
        }
        for (const auto &[uid, version] : *expected) {
            if (!actual.count(uid))
                diff << QStringLiteral("%1 only in kubectl (rv %2)").arg(uid, version);
        }
        qInfo("informer %s has %zu objects, kubectl %zu; %s", qPrintable(informer.kind().plural),
              actual.size(), expected->size(), qPrintable(diff.mid(0, 4).join(QStringLiteral("; "))));
        return false;
    }
    return true;
}

} // namespace clienttest
