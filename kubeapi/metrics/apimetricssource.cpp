#include "kubeapi/metrics/apimetricssource.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"

#include <QDateTime>

namespace kube {

ApiMetricsSource::ApiMetricsSource(ApiClient *client, QObject *parent)
    : MetricsSource(parent)
    , m_client(client)
{}

ApiMetricsSource::~ApiMetricsSource()
{
    for (const QPointer<ApiReply> &reply : std::as_const(m_replies))
        delete reply.data();
}

QString ApiMetricsSource::describe(const QString &what) const
{
    const QString server = m_client ? m_client->displayServer().toString() : QString();
    return server + QLatin1Char(' ') + what;
}

bool ApiMetricsSource::beginRound()
{
    if (m_busy)
        return false;
    m_busy = true;
    m_round = MetricsRound{};
    m_round.timestampMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_client) {
        m_round.error = ApiError::transport({}, QNetworkReply::OperationCanceledError,
                                            QStringLiteral("no API client"));
        QMetaObject::invokeMethod(this, &ApiMetricsSource::finishRound, Qt::QueuedConnection);
    }
    return true;
}

void ApiMetricsSource::recordFailure(const ApiError &error, const QString &part)
{
    if (m_round.error.isOk())
        m_round.error = error;
    m_round.failedParts.append(part);
}

ApiReply *ApiMetricsSource::send(const ApiRequest &request, std::function<void(ApiReply *)> done)
{
    ApiRequest timed = request;
    if (timed.inactivityTimeoutMs <= 0)
        timed.inactivityTimeoutMs = m_timeoutMs;
    ApiReply *reply = m_client->send(timed);
    m_replies.append(reply);
    connect(reply, &ApiReply::finished, this, [this, reply, done = std::move(done)] {
        m_replies.removeAll(reply);
        reply->deleteLater();
        done(reply);
    });
    return reply;
}

void ApiMetricsSource::finishRound()
{
    if (!m_busy)
        return;
    m_busy = false;
    const MetricsRound round = std::move(m_round);
    m_round = MetricsRound{};
    Q_EMIT roundFinished(round);
}

} // namespace kube
