#include "kubeapi/client/watchstream.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"

namespace kube {

WatchStream::WatchStream(ApiClient *client, ApiRequest request, QObject *parent)
    : QObject(parent)
{
    request.stream = true;
    m_reply = client->send(std::move(request));
    connect(m_reply, &ApiReply::opened, this, [this] {
        m_open = true;
        Q_EMIT opened();
    });
    connect(m_reply, &ApiReply::readyRead, this, &WatchStream::onReadyRead);
    connect(m_reply, &ApiReply::finished, this, &WatchStream::onFinished);
}

WatchStream::~WatchStream()
{
    stop();
}

void WatchStream::stop()
{
    m_stopped = true;
    if (ApiReply *reply = m_reply) {
        // Deferred: we may be inside the reply's own signal.
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QList<QByteArray> WatchStream::takeLines(QByteArray &buffer)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        qsizetype end = nl;
        if (end > start && buffer.at(end - 1) == '\r')
            --end;
        if (end > start)
            lines.append(buffer.mid(start, end - start));
        start = nl + 1;
    }
    if (start > 0)
        buffer.remove(0, start);
    return lines;
}

void WatchStream::onReadyRead()
{
    if (!m_reply)
        return;
    m_buffer += m_reply->readAvailable();
    const QList<QByteArray> complete = takeLines(m_buffer);
    QPointer<WatchStream> self(this);
    if (m_batched) {
        if (!complete.isEmpty())
            Q_EMIT lines(complete);
        if (!self || m_stopped)
            return;
    } else {
        for (const QByteArray &l : complete) {
            Q_EMIT line(l);
            // A receiver may stop or delete us on any line (e.g. a 410 ERROR event).
            if (!self || m_stopped)
                return;
        }
    }
    if (m_buffer.size() > m_maxLine) {
        const ApiError::Context context = m_reply->errorContext();
        stop();
        Q_EMIT finished(ApiError::decode(
            context, QStringLiteral("a watch event is longer than %1 bytes").arg(m_maxLine)));
    }
}

void WatchStream::onFinished()
{
    if (!m_reply || m_stopped)
        return;
    const ApiError error = m_reply->error();
    const bool success = m_reply->httpStatus() >= 200 && m_reply->httpStatus() < 300;
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
    m_open = false;
    if (success && !m_buffer.trimmed().isEmpty()) {
        // The server may end without a final newline.
        const QByteArray rest = std::exchange(m_buffer, {}).trimmed();
        QPointer<WatchStream> self(this);
        if (m_batched)
            Q_EMIT lines({rest});
        else
            Q_EMIT line(rest);
        if (!self || m_stopped)
            return;
    }
    Q_EMIT finished(error);
}

} // namespace kube
