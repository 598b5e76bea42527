#pragma once

// Shared by the tst_client_* integration tests: starts the real demo cluster on a free loopback
// port with its kubeconfig, resolves contexts with the real kubeconfig loader, runs kubectl as
// the referee and compares an informer's cache with what kubectl sees.
#include "democluster_launcher.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/informers/informer.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

namespace clienttest {

class DemoCluster final
{
public:
    // Starts the demo cluster and waits until it serves and has written its kubeconfig.
    bool start(const QStringList &extraArgs, QString *error)
    {
        // Startup of a large preset takes a while; a hung server fails the test, not a timer.
        const QString why = m_launcher.start(extraArgs, 120000);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
        kubeconfigPath = m_launcher.kubeconfig();
        url = m_launcher.url();
        QString loadError;
        auto config = kube::Kubeconfig::loadFiles({kubeconfigPath}, true, &loadError);
        if (!config) {
            *error = loadError;
            return false;
        }
        m_config = *config;
        return true;
    }

    void stop() { m_launcher.stop(); }

    qint64 pid() const { return m_launcher.pid(); }

    kube::ClusterConnection connection(const QString &context) const
    {
        QString error;
        const auto c = m_config.resolve(context, &error);
        if (!c)
            qWarning("cannot resolve context %s: %s", qPrintable(context), qPrintable(error));
        return c.value_or(kube::ClusterConnection{});
    }
    const kube::Kubeconfig &config() const { return m_config; }
    // The demo-token context with its token replaced by an exec plugin (never interactive).
    kube::ClusterConnection execConnection(const QString &script) const
    {
        kube::ClusterConnection c = connection(QStringLiteral("demo-token"));
        c.token.clear();
        c.hasExec = true;
        c.exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        c.exec.command = script;
        c.exec.interactiveMode = QStringLiteral("Never");
        return c;
    }
    QString dir() const { return m_launcher.dir(); }

    // Runs kubectl against this cluster (context "demo" unless args name one).
    QByteArray kubectl(const QStringList &args, bool *ok = nullptr,
                       QByteArray *stdErr = nullptr) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfigPath);
        // Each test run has its own server: no discovery cache from an earlier one.
        env.insert(QStringLiteral("KUBECACHEDIR"),
                   m_launcher.filePath(QStringLiteral("kubecache")));
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
        const QByteArray errors = p.readAllStandardError();
        if (stdErr)
            *stdErr = errors;
        if (!good)
            qInfo("kubectl %s: %s", qPrintable(all.join(QLatin1Char(' '))), errors.constData());
        return p.readAllStandardOutput();
    }

    // uid → resourceVersion of `kubectl get <resource> [args] -o json`; nullopt if kubectl failed.
    std::optional<std::map<QString, QString>> kubectlVersions(const QStringList &args) const
    {
        bool ok = false;
        const QByteArray out = kubectl(
            args + QStringList{QStringLiteral("-o"), QStringLiteral("json")}, &ok);
        if (!ok)
            return std::nullopt;
        return listVersions(out);
    }

    // uid → resourceVersion of a List object's JSON text; nullopt if it is not one.
    static std::optional<std::map<QString, QString>> listVersions(const QByteArray &list)
    {
        const auto json = nlohmann::json::parse(list.begin(), list.end(), nullptr, false);
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
    demolaunch::DemoClusterLauncher m_launcher;
    kube::Kubeconfig m_config;
};

// Sets the demo cluster's faults (the spec of --faults) through POST /demo/faults; false if
// the server did not take them.
inline bool injectFaults(kube::ApiClient &client, const QByteArray &spec)
{
    kube::ApiRequest r;
    r.path = QStringLiteral("/demo/faults");
    r.method = "POST";
    r.body = spec;
    r.contentType = "text/plain";
    r.verb = QStringLiteral("post");
    std::unique_ptr<kube::ApiReply> reply(client.send(r));
    QSignalSpy done(reply.get(), &kube::ApiReply::finished);
    if (!done.wait(20000))
        return false;
    if (!reply->error().isOk())
        qWarning("faults %s: %s", spec.constData(), qPrintable(reply->error().toLogString()));
    return reply->error().isOk();
}

// GET of a path on the server (an admin's client); the body, or empty with a warning.
inline QByteArray getPath(kube::ApiClient &client, const QString &path)
{
    kube::ApiRequest r;
    r.path = path;
    r.verb = QStringLiteral("get");
    std::unique_ptr<kube::ApiReply> reply(client.send(r));
    QSignalSpy done(reply.get(), &kube::ApiReply::finished);
    if (!done.wait(20000))
        return {};
    if (!reply->error().isOk()) {
        qWarning("GET %s: %s", qPrintable(path), qPrintable(reply->error().toLogString()));
        return {};
    }
    return reply->takeBody();
}

// The value of one counter series in the API server's /metrics (a line naming `metric` and
// containing `labelText`, e.g. resource_prefix="/pods"); 0 when the series does not exist yet.
inline double apiServerCounter(kube::ApiClient &client, const QByteArray &metric,
                               const QByteArray &labelText)
{
    const QByteArray text = getPath(client, QStringLiteral("/metrics"));
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(metric + '{')) && line.contains(labelText))
            return line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return 0;
}

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
                diff << QStringLiteral("%1 rv %2 in informer, %3 in kubectl")
                            .arg(uid, version, it->second);
        }
        for (const auto &[uid, version] : *expected) {
            if (!actual.count(uid))
                diff << QStringLiteral("%1 only in kubectl (rv %2)").arg(uid, version);
        }
        qInfo("informer %s has %zu objects, kubectl %zu; %s", qPrintable(informer.kind().plural),
              actual.size(), expected->size(),
              qPrintable(diff.mid(0, 4).join(QStringLiteral("; "))));
        return false;
    }
    return true;
}

} // namespace clienttest
