#include "kubeapi/client/apireply.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace kube {

ApiReply::ApiReply(ApiClient *client, ApiRequest request)
    : m_client(client)
    , m_request(std::move(request))
{}

ApiReply::~ApiReply()
{
    abort();
}

ApiError::Context ApiReply::errorContext() const
{
    return m_client ? m_client->contextOf(m_request)
                    : ApiError::Context{
                        {}, m_request.verb, m_request.resource, m_request.group, m_request.ns};
}

void ApiReply::start()
{
    if (m_finished || m_aborted || !m_client)
        return;
    QNetworkAccessManager *manager = m_client->acquireManager(m_request.stream);
    const QNetworkRequest request = m_client->buildRequest(m_request);
    m_tokenUsed = m_client->currentToken();
    QNetworkReply *reply = nullptr;
    if (m_request.method == "GET")
        reply = manager->get(request);
    else
        reply = manager->sendCustomRequest(request, m_request.method, m_request.body);
    attach(reply, m_request.stream ? manager : nullptr);
}

void ApiReply::attach(QNetworkReply *reply, QNetworkAccessManager *streamManager)
{
    m_reply = reply;
    m_manager = streamManager;
    m_sslErrors.clear();
    m_httpStatus = 0;
    m_success = false;
    m_body.clear();
    m_errorBody.clear();
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiReply::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &ApiReply::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors += errors;
        if (m_client && m_client->tlsVerificationDisabled() && m_reply)
            m_reply->ignoreSslErrors();
    });
}

void ApiReply::onMetaData()
{
    if (!m_reply)
        return;
    const bool wasSuccess = m_success;
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_success = m_httpStatus >= 200 && m_httpStatus < 300;
    if (m_request.stream && m_success && !wasSuccess)
        Q_EMIT opened();
}

void ApiReply::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_success) {
        readErrorChunk();
        return;
    }
    if (m_request.stream) {
        Q_EMIT readyRead();
        return;
    }
    readBodyChunk();
    if (!m_finished)
        Q_EMIT bodyProgress();
}

void ApiReply::readBodyChunk()
{
    // Read as it comes, straight into one buffer sized by Content-Length: a single copy, made
    // in small steps on warm memory instead of one multi-megabyte copy when the reply ends.
    if (m_body.isEmpty()) {
        bool ok = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && length > 0 && length < (qint64(1) << 31))
            m_body.reserve(qsizetype(length));
    }
    const qint64 available = m_reply->bytesAvailable();
    if (available <= 0)
        return;
    if (m_body.size() + available > m_request.maxBodyBytes) {
        const auto context = errorContext();
        m_body.clear();
        m_body.squeeze();
        finish(ApiError::tooLarge(context, m_request.maxBodyBytes));
        return;
    }
    const qsizetype old = m_body.size();
    m_body.resize(old + qsizetype(available));
    const qint64 got = m_reply->read(m_body.data() + old, available);
    m_body.resize(old + qsizetype(qMax<qint64>(got, 0)));
}

void ApiReply::readErrorChunk()
{
    // An error's Status is small; whatever a broken proxy sends beyond the first 64 KiB is read
    // and dropped, so that it is not buffered either.
    constexpr qsizetype kMaxErrorBody = 64 * 1024;
    const QByteArray chunk = m_reply->readAll();
    if (m_errorBody.size() < kMaxErrorBody)
        m_errorBody += chunk.first(std::min(chunk.size(), kMaxErrorBody - m_errorBody.size()));
}

QByteArray ApiReply::readAvailable()
{
    return m_reply ? m_reply->readAll() : QByteArray();
}

QByteArray ApiReply::takeBody()
{
    return std::exchange(m_body, {});
}

void ApiReply::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    if (m_httpStatus == 0)
        onMetaData();
    const auto context = errorContext();
    const QNetworkReply::NetworkError netError = reply->error();

    if (m_httpStatus == 0) {
        if (!m_sslErrors.isEmpty() && !(m_client && m_client->tlsVerificationDisabled())) {
            finish(ApiError::tls(context, m_sslErrors));
            return;
        }
        // A transfer timeout shows up as "cancelled" although nobody cancelled.
        const auto code = netError == QNetworkReply::OperationCanceledError
                              ? QNetworkReply::TimeoutError
                              : netError;
        finish(ApiError::transport(context, code, reply->errorString()));
        return;
    }

    if (m_success) {
        if (m_request.stream) {
            if (reply->bytesAvailable() > 0)
                Q_EMIT readyRead();
        } else {
            readBodyChunk();
            if (m_finished)
                return; // too large
        }
        if (netError != QNetworkReply::NoError) {
            // The body was cut off (connection dropped mid-stream, or went silent).
            const auto code = netError == QNetworkReply::OperationCanceledError
                                  ? QNetworkReply::TimeoutError
                                  : netError;
            finish(ApiError::transport(context, code, reply->errorString()));
            return;
        }
        finish(ApiError());
        return;
    }

    readErrorChunk();
    const QByteArray body = std::exchange(m_errorBody, {});
    if (m_httpStatus == 401 && m_client && m_client->usesExec() && !m_retriedAfter401) {
        // The exec credential was revoked or expired early: run the plugin again, retry once.
        qCInfo(lcKubeApi) << "401 from the server, refreshing the exec credential of"
                          << m_client->contextName();
        m_retriedAfter401 = true;
        detach();
        m_client->invalidateExecCredential(m_tokenUsed);
        m_client->whenCredentialReady(this);
        return;
    }
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    finish(ApiError::http(context, m_httpStatus, body, ok && retryAfter >= 0 ? retryAfter : -1));
}

void ApiReply::detach()
{
    if (m_manager && m_client)
        m_client->releaseManager(m_manager);
    m_manager = nullptr;
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
}

void ApiReply::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (!error.isOk() && error.kind() != ApiError::Kind::Cancelled)
        qCDebug(lcKubeApi).noquote() << error.toLogString();
    detach();
    Q_EMIT finished();
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    m_finished = true;
    m_error = ApiError::cancelled(errorContext());
    detach();
}

} // namespace kube
