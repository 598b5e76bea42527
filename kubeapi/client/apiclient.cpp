#include "kubeapi/client/apiclient.h"

#include "kubeapi/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslKey>

namespace kube {

namespace {

QSslKey readKey(const QByteArray &pem)
{
    // The PEM does not say its algorithm in every form (PKCS#8 "PRIVATE KEY"): try them in turn.
    for (const auto algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

QNetworkProxy proxyFor(const QUrl &url)
{
    if (url.isEmpty())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    const QString scheme = url.scheme().toLower();
    const auto type = scheme.startsWith(QLatin1String("socks")) ? QNetworkProxy::Socks5Proxy
                                                                : QNetworkProxy::HttpProxy;
    const quint16 defaultPort = type == QNetworkProxy::Socks5Proxy ? 1080
                                : scheme == QLatin1String("https") ? 443
                                                                   : 80;
    return QNetworkProxy(type, url.host(), quint16(url.port(defaultPort)), url.userName(),
                         url.password());
}

QByteArray makeUserAgent()
{
    QString version = QCoreApplication::applicationVersion();
#ifdef KLARSICHT_VERSION
    if (version.isEmpty())
        version = QStringLiteral(KLARSICHT_VERSION);
#endif
    if (version.isEmpty())
        version = QStringLiteral("dev");
    return "klarsicht/" + version.toUtf8() + " (linux/amd64)";
}

} // namespace

ApiClient::ApiClient(ClusterConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_userAgent(makeUserAgent())
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!m_connection.certificateAuthorityPem.isEmpty()) {
        // Like kubectl: a CA in the kubeconfig replaces the system's roots for this cluster.
        m_ssl.setCaCertificates(QSslCertificate::fromData(m_connection.certificateAuthorityPem));
    }
    if (m_connection.insecureSkipTlsVerify) {
        qCWarning(lcKubeApi) << "TLS verification is off for context" << m_connection.contextName;
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    if (!m_connection.clientCertificatePem.isEmpty()) {
        m_ssl.setLocalCertificate(QSslCertificate(m_connection.clientCertificatePem));
        m_ssl.setPrivateKey(readKey(m_connection.clientKeyPem));
    }
    m_shortManager = makeManager();
    if (m_connection.hasExec) {
        m_execProvider = new ExecCredentialProvider(m_connection, this);
        connect(m_execProvider, &ExecCredentialProvider::credentialReady, this,
                &ApiClient::onExecCredential);
        connect(m_execProvider, &ExecCredentialProvider::failed, this, &ApiClient::onExecFailed);
    }
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::displayServer() const
{
    return kube::displayServer(m_connection.server);
}

QNetworkAccessManager *ApiClient::makeManager()
{
    auto *manager = new QNetworkAccessManager(this);
    manager->setProxy(proxyFor(m_connection.proxyUrl));
    // Kubernetes never redirects; following one could carry the Authorization header elsewhere.
    manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    return manager;
}

QNetworkAccessManager *ApiClient::acquireManager(bool stream)
{
    if (!stream)
        return m_shortManager;
    // Qt opens at most 6 HTTP/1.1 connections per host and manager, and a watch holds one for
    // minutes. Streams therefore get managers of their own, a few streams each.
    StreamManager *best = nullptr;
    for (auto &entry : m_streamManagers) {
        if (entry.streams < StreamsPerManager && (!best || entry.streams < best->streams))
            best = &entry;
    }
    if (!best) {
        m_streamManagers.append(StreamManager{makeManager(), 0});
        best = &m_streamManagers.last();
    }
    ++best->streams;
    return best->manager;
}

void ApiClient::releaseManager(QNetworkAccessManager *manager)
{
    for (qsizetype i = 0; i < m_streamManagers.size(); ++i) {
        auto &entry = m_streamManagers[i];
        if (entry.manager != manager)
            continue;
        if (--entry.streams == 0 && m_streamManagers.size() > 1) {
            entry.manager->deleteLater();
            m_streamManagers.removeAt(i);
        }
        return;
    }
}

int ApiClient::activeStreamCount() const
{
    int n = 0;
    for (const auto &entry : m_streamManagers)
        n += entry.streams;
    return n;
}

ApiError::Context ApiClient::contextOf(const ApiRequest &request) const
{
    return ApiError::Context{kube::displayServer(m_connection.server), request.verb,
                             request.resource, request.group, request.ns};
}

QString ApiClient::currentToken() const
{
    if (usesExec() && m_haveExecCredential && !m_execCredential.token.isEmpty())
        return m_execCredential.token;
    if (!m_connection.tokenFile.isEmpty()) {
        // Projected service-account tokens rotate: read the file again when it changes.
        const QFileInfo info(m_connection.tokenFile);
        const QDateTime modified = info.lastModified();
        if (modified != m_tokenFileModified || m_tokenFileContent.isEmpty()) {
            QFile file(m_connection.tokenFile);
            if (file.open(QIODevice::ReadOnly)) {
                m_tokenFileContent = QString::fromUtf8(file.readAll()).trimmed();
                m_tokenFileModified = modified;
            } else {
                qCWarning(lcKubeApi)
                    << "cannot read the token file of context" << m_connection.contextName;
            }
        }
        if (!m_tokenFileContent.isEmpty())
            return m_tokenFileContent;
    }
    return m_connection.token;
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest &request) const
{
    QUrl url = m_connection.server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + request.path);
    url.setQuery(request.query);

    QNetworkRequest r(url);
    QSslConfiguration ssl = m_ssl;
    if (usesExec() && m_haveExecCredential && !m_execCredential.clientCertificatePem.isEmpty()) {
        ssl.setLocalCertificate(QSslCertificate(m_execCredential.clientCertificatePem));
        ssl.setPrivateKey(readKey(m_execCredential.clientKeyPem));
    }
    r.setSslConfiguration(ssl);
    if (!m_connection.tlsServerName.isEmpty())
        r.setPeerVerifyName(m_connection.tlsServerName);
    // Real API servers speak HTTP/2 (one connection, many streams); HTTP/1.1 servers such as
    // the demo cluster simply do not offer it in ALPN.
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    r.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    r.setRawHeader("Accept", request.accept);
    if (!request.contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (request.inactivityTimeoutMs > 0)
        r.setTransferTimeout(request.inactivityTimeoutMs);

    const QString token = currentToken();
    if (!token.isEmpty()) {
        r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    } else if (!m_connection.username.isEmpty()) {
        const QByteArray pair = m_connection.username.toUtf8() + ':'
                                + m_connection.password.toUtf8();
        r.setRawHeader("Authorization", "Basic " + pair.toBase64());
    }
    return r;
}

ApiReply *ApiClient::send(ApiRequest request)
{
    auto *reply = new ApiReply(this, std::move(request));
    whenCredentialReady(reply);
    return reply;
}

void ApiClient::whenCredentialReady(ApiReply *reply)
{
    if (!usesExec()) {
        startReply(reply);
        return;
    }
    // The provider's cache knows the expiry; a credential that expires while requests are in
    // flight is caught by the 401 retry.
    if (const auto cached = m_execProvider->cached()) {
        m_execCredential = *cached;
        m_haveExecCredential = true;
        startReply(reply);
        return;
    }
    m_haveExecCredential = false;
    m_waitingForCredential.append(reply);
    m_execProvider->request();
}

void ApiClient::startReply(ApiReply *reply)
{
    // Start from the event loop so that callers can connect to the reply's signals first.
    QMetaObject::invokeMethod(
        reply, [reply] { reply->start(); }, Qt::QueuedConnection);
}

void ApiClient::onExecCredential(const ExecCredential &credential)
{
    m_execCredential = credential;
    m_haveExecCredential = true;
    const auto waiting = std::exchange(m_waitingForCredential, {});
    for (const auto &reply : waiting) {
        if (reply)
            startReply(reply);
    }
}

void ApiClient::onExecFailed(const QString &error)
{
    m_haveExecCredential = false;
    const auto waiting = std::exchange(m_waitingForCredential, {});
    for (const auto &reply : waiting) {
        if (reply)
            reply->finish(ApiError::credential(contextOf(reply->request()), error));
    }
}

void ApiClient::invalidateExecCredential(const QString &tokenUsed)
{
    // Several requests may fail with the same stale token; only the first one drops it.
    if (m_haveExecCredential && m_execCredential.token == tokenUsed) {
        m_haveExecCredential = false;
        m_execProvider->invalidate();
    }
}

} // namespace kube
