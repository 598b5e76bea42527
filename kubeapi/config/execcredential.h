#pragma once

// Runs a kubeconfig exec credential plugin (client.authentication.k8s.io v1/v1beta1) without
// blocking, and caches its ExecCredential until expirationTimestamp or a 401 (invalidate()).
#include "kubeapi/config/clusterconnection.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <optional>

namespace kube {

struct ExecCredential
{
    QString token; // bearer token, or empty when a client certificate is used
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expiry; // UTC; invalid = valid until a 401
};

class ExecCredentialProvider final : public QObject
{
    Q_OBJECT

public:
    // Takes the exec settings and the cluster info (for provideClusterInfo) from `connection`.
    explicit ExecCredentialProvider(const ClusterConnection &connection, QObject *parent = nullptr);
    ~ExecCredentialProvider() override;

    // The cached credential if it has not expired (now < expiry), else nullopt.
    std::optional<ExecCredential> cached() const;

    // Delivers a credential: credentialReady() (queued, even from the cache) or failed().
    // While the plugin runs, further requests wait for the same run.
    void request();
    // Drops the cache after a 401 so the next request() runs the plugin again.
    void invalidate();

    bool isRunning() const { return m_process != nullptr; }
    int runCount() const { return m_runs; } // how often the plugin was started

    // Kills a plugin that has not answered within this time (default 5 minutes: device-code
    // logins wait for a person).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // The PATH the plugin is looked up in and started with: ours, then the login shell's (a
    // desktop launcher does not run ~/.profile), then common install folders. Exposed for tests.
    static QStringList searchPath(const QString &loginShellPath);

signals:
    void credentialReady(const kube::ExecCredential &credential);
    void failed(const QString &error);
    // A line the plugin wrote to stderr, e.g. a device-code login prompt worth showing.
    void pluginMessage(const QString &line);

private:
    void start();
    void startWithPath(const QStringList &path);
    void queryLoginShellPath();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void finishWithError(const QString &error);
    QByteArray execInfo(bool interactive) const;
    bool parseOutput(const QByteArray &stdoutBytes, ExecCredential *out, QString *error) const;

    ClusterConnection m_connection;
    std::optional<ExecCredential> m_cache;
    QPointer<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_program;
    int m_runs = 0;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_timedOut = false;
    bool m_tooMuchOutput = false; // stdout passed kMaxStdout: killed
    static constexpr qsizetype kMaxStdout = 1024 * 1024;
    bool m_pending = false;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::ExecCredential)
