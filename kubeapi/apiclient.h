#pragma once

// The REST + watch client of one cluster: builds requests with the TLS settings, proxy and
// credentials of a ClusterConnection and sends them over connection pools that keep long-lived
// streams (watches, log follows) from starving short requests. Lives on one thread.
#include "kubeapi/apireply.h"
#include "kubeapi/apirequest.h"
#include "kubeapi/clusterconnection.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>

class QNetworkAccessManager;

namespace kube {

// What an exec plugin (or another interactive login) produced. Holds secrets.
struct ExecCredentialResult
{
    QString token;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expiry;   // invalid = valid until a 401
    QString error;      // non-empty: the plugin failed; shown to the user (no secret in it)
};

class ApiClient final : public QObject
{
    Q_OBJECT
public:
    // Runs the exec plugin of `connection` asynchronously and calls `done` on this thread.
    using ExecRunner = std::function<void(const ClusterConnection &connection,
                                          std::function<void(ExecCredentialResult)> done)>;

    explicit ApiClient(ClusterConnection connection, QObject *parent = nullptr);
    ~ApiClient() override;

    // scheme://host:port of the API server (no path, no credentials): safe to show.
    QUrl displayServer() const;
    QString contextName() const { return m_connection.contextName; }
    QString defaultNamespace() const { return m_connection.defaultNamespace; }
    // True when the kubeconfig says insecure-skip-tls-verify: the UI must say so.
    bool tlsVerificationDisabled() const { return m_connection.insecureSkipTlsVerify; }
    QByteArray userAgent() const { return m_userAgent; }

    // Starts a request. The reply belongs to the caller (delete it, or deleteLater() after
    // finished()); deleting it aborts the request.
    ApiReply *send(ApiRequest request);

    // Replaces how exec plugins are run (the default runs the kubeconfig's command).
    void setExecRunner(ExecRunner runner);
    // How often the exec plugin ran so far (diagnostics and tests).
    int execRuns() const { return m_execRuns; }
    // Streams share managers of at most this many streams each; short requests have their own.
    static constexpr int StreamsPerManager = 4;
    int streamManagerCount() const { return int(m_streamManagers.size()); }
    int activeStreamCount() const;

private:
    friend class ApiReply;
    struct StreamManager
    {
        QNetworkAccessManager *manager = nullptr;
        int streams = 0;
    };

    void whenCredentialReady(ApiReply *reply);
    void runExec();
    void invalidateExecCredential(const QString &tokenUsed);
    bool usesExec() const { return m_connection.hasExec; }
    QNetworkRequest buildRequest(const ApiRequest &request) const;
    QNetworkAccessManager *acquireManager(bool stream);
    void releaseManager(QNetworkAccessManager *manager);
    QNetworkAccessManager *makeManager();
    QString currentToken() const;
    ApiError::Context contextOf(const ApiRequest &request) const;
    void startReply(ApiReply *reply);

    ClusterConnection m_connection;
    QSslConfiguration m_ssl;
    QByteArray m_userAgent;
    QNetworkAccessManager *m_shortManager = nullptr;
    QList<StreamManager> m_streamManagers;

    ExecRunner m_execRunner;
    ExecCredentialResult m_execCredential;
    bool m_haveExecCredential = false;
    bool m_execRunning = false;
    int m_execRuns = 0;
    QList<QPointer<ApiReply>> m_waitingForCredential;

    mutable QString m_tokenFileContent;
    mutable QDateTime m_tokenFileModified;
};

} // namespace kube
