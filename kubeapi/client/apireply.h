#pragma once

// The answer to one ApiRequest: starts once a credential is at hand, retries once after a 401
// with a refreshed exec credential, hands a stream's body out as it arrives and ends with one
// ApiError (isOk() on success). Owned by whoever called ApiClient::send().
#include "kubeapi/client/apierror.h"
#include "kubeapi/client/apirequest.h"

#include <QByteArrayView>
#include <QObject>
#include <QPointer>

class QNetworkReply;
class QNetworkAccessManager;

namespace kube {

class ApiClient;

class ApiReply final : public QObject
{
    Q_OBJECT
public:
    ~ApiReply() override;

    const ApiRequest &request() const { return m_request; }
    // Server, verb and resource of this request, for wording errors found in its body.
    ApiError::Context errorContext() const;
    bool isFinished() const { return m_finished; }
    // Valid after finished(); for streams also after the headers said 2xx.
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    // The whole body of a finished non-stream reply (moved out: call once).
    QByteArray takeBody();
    // For streams: the bytes received since the last call.
    QByteArray readAvailable();
    // Non-stream 2xx replies: the body received so far (valid until control returns to the
    // event loop; the whole body still comes from takeBody()). Lets a caller read a list's
    // metadata while its items are still arriving.
    QByteArrayView bodySoFar() const { return m_body; }
    // Stops the request quietly: no signal follows; error() then says Cancelled.
    void abort();

Q_SIGNALS:
    // Streams only: the server answered 2xx; the body follows as it comes.
    void opened();
    // Streams only: the server answered 2xx and sent more body bytes.
    void readyRead();
    // Non-stream replies only: the server answered 2xx and more of the body arrived (see
    // bodySoFar()).
    void bodyProgress();
    void finished();

private:
    friend class ApiClient;
    ApiReply(ApiClient *client, ApiRequest request);
    void start();
    void attach(QNetworkReply *reply, QNetworkAccessManager *manager);
    void onMetaData();
    void onReadyRead();
    void readBodyChunk();
    void readErrorChunk();
    void onFinished();
    void finish(const ApiError &error);
    void detach();

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_manager = nullptr;
    QList<QSslError> m_sslErrors;
    QString m_tokenUsed; // to drop exactly the exec credential a 401 refused
    QByteArray m_body;
    QByteArray m_errorBody; // the first 64 KiB of a non-2xx body
    ApiError m_error;
    int m_httpStatus = 0;
    bool m_success = false; // headers said 2xx
    bool m_retriedAfter401 = false;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace kube
