#pragma once

// A streamed response read as it arrives and cut into lines: watch events (one JSON object per
// line) and followed logs. Partial lines wait for the rest; the last unterminated line is
// delivered when the stream ends.
#include "kubeapi/client/apierror.h"
#include "kubeapi/client/apirequest.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace kube {

class ApiClient;
class ApiReply;

class WatchStream final : public QObject
{
    Q_OBJECT
public:
    // Starts the request (request.stream is forced on).
    WatchStream(ApiClient *client, ApiRequest request, QObject *parent = nullptr);
    ~WatchStream() override;

    // Stops quietly: no signal follows.
    void stop();
    bool isOpen() const { return m_open; }
    // Lines longer than this end the stream with a decode error (a broken or hostile server
    // must not make us buffer without bound). Default 64 MiB.
    void setMaxLineLength(qsizetype bytes) { m_maxLine = bytes; }
    // Batched: lines() once per arrival with all its complete lines, instead of line() for
    // each (one network read can bring thousands of watch events).
    void setBatched(bool batched) { m_batched = batched; }

    // Cuts `buffer` into complete lines (without "\n" or "\r\n"), keeping the unfinished rest in
    // `buffer`. Empty lines are skipped. Public for tests.
    static QList<QByteArray> takeLines(QByteArray &buffer);

Q_SIGNALS:
    void opened();                              // the server answered 2xx
    void line(const QByteArray &line);          // one complete, non-empty line
    void lines(const QList<QByteArray> &lines); // batched: the complete lines of one arrival
    void finished(const kube::ApiError &error); // isOk() = the server ended the stream

private:
    void onReadyRead();
    void onFinished();

    QPointer<ApiReply> m_reply;
    QByteArray m_buffer;
    qsizetype m_maxLine = 64 * 1024 * 1024;
    bool m_open = false;
    bool m_stopped = false;
    bool m_batched = false;
};

} // namespace kube
