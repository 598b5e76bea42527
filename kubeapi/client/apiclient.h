#pragma once

// The REST + watch client of one cluster: builds requests with the TLS settings, proxy and
// credentials of a ClusterConnection and sends them over connection pools that keep long-lived
// streams (watches, log follows) from starving short requests. Lives on one thread.
#include "kubeapi/client/apireply.h"
#include "kubeapi/client/apirequest.h"
#include "kubeapi/config/clusterconnection.h"
#include "kubeapi/config/execcredential.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

class QNetworkAccessManager;

namespace kube {

class ApiClient final : public QObject
{
    Q_OBJECT
public:
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

    // The exec plugin runner (nullptr without exec): its messages (device-code prompts) are
    // worth showing. It runs the plugin when a request needs a credential the cache lacks.
    ExecCredentialProvider *execProvider() const { return m_execProvider; }
    // How often the exec plugin ran so far (diagnostics and tests).
    int execRuns() const { return m_execProvider ? m_execProvider->runCount() : 0; }
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
    void onExecCredential(const ExecCredential &credential);
    void onExecFailed(const QString &error);
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

    ExecCredentialProvider *m_execProvider = nullptr;
    ExecCredential m_execCredential; // the one requests are built with
    bool m_haveExecCredential = false;
    QList<QPointer<ApiReply>> m_waitingForCredential;

    mutable QString m_tokenFileContent;
    mutable QDateTime m_tokenFileModified;
};

} // namespace kube
