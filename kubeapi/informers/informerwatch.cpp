#include "kubeapi/informers/informerbase.h"

// The informer's WATCH: from the last resourceVersion with bookmarks, its lines decoded off the
// owner's thread in order (with a bound on what waits for the decoder), and how a watch ends.
#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/watchstream.h"
#include "kubeapi/informers/informerscope.h"
#include "kubeapi/logging.h"

#include <QRandomGenerator>

namespace kube {

void InformerBase::startWatch(Scope *s)
{
    cancel(s);
    if (!m_client)
        return;
    ApiRequest request;
    request.path = m_kind.collectionPath(s->ns);
    request.query.addQueryItem(QStringLiteral("watch"), QStringLiteral("true"));
    request.query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    if (!s->resourceVersion.isEmpty())
        request.query.addQueryItem(QStringLiteral("resourceVersion"), s->resourceVersion);
    // Spread the reconnects of many informers over time, like client-go (5–10 minutes).
    const int timeout = 300 + int(QRandomGenerator::global()->bounded(301));
    request.query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeout));
    request.verb = QStringLiteral("watch");
    request.resource = m_kind.plural;
    request.group = m_kind.group;
    request.ns = s->ns;
    request.inactivityTimeoutMs = m_watchInactivityMs;
    ++m_watchRequests;
    qCDebug(lcKubeApi) << "watch" << m_kind.plural << s->ns << "from" << s->resourceVersion;
    s->inWatch = true;
    s->watchOpened = false;
    s->watchEvents = 0;
    s->watchClock.start();
    s->watch = new WatchStream(m_client, std::move(request), this);
    const int id = s->id;
    const quint64 generation = s->generation;
    connect(s->watch, &WatchStream::opened, this, [this, id, generation] {
        Scope *s = scope(id);
        if (!s || s->generation != generation)
            return;
        s->watchOpened = true;
        s->resumeFailures = 0;
        s->resumeFailedAt.clear();
        s->staleSince = QDateTime();
        s->error = ApiError();
        setScopeState(s, State::Live);
    });
    s->watch->setBatched(true);
    connect(s->watch, &WatchStream::lines, this,
            [this, id, generation](const QList<QByteArray> &lines) {
                onWatchLines(id, generation, lines);
            });
    connect(s->watch, &WatchStream::finished, this, [this, id, generation](const ApiError &error) {
        onWatchFinished(id, generation, error);
    });
}

void InformerBase::watchEventSeen(int scopeId)
{
    if (Scope *s = scope(scopeId)) {
        ++s->watchEvents;
        s->expiredInARow = 0;
        s->backoff.reset();
    }
}

void InformerBase::onWatchLines(int scopeId, quint64 generation, const QList<QByteArray> &lines)
{
    Scope *s = scope(scopeId);
    if (!s || s->generation != generation || !m_running)
        return;
    qsizetype bytes = 0;
    for (const QByteArray &line : lines)
        bytes += line.size();
    // Lines that arrive while the decoder is busy join the batch waiting behind it.
    if (!m_undecoded.empty() && m_undecoded.back().scopeId == scopeId
        && m_undecoded.back().generation == generation) {
        m_undecoded.back().lines += lines;
        m_undecoded.back().bytes += bytes;
    } else {
        m_undecoded.push_back(LineBatch{scopeId, generation, lines, bytes});
        ++s->watchBatchesPending;
    }
    m_undecodedBytes += bytes;
    if (m_undecodedBytes > kMaxUndecodedBytes) {
        qCWarning(lcKubeApi).noquote()
            << m_kind.qualifiedName() << "watch events wait faster than they are decoded;"
            << "resuming the watch from the last applied event";
        fail(s,
             ApiError::tooLarge(errorContext(QStringLiteral("watch"), s->ns), kMaxUndecodedBytes));
        return;
    }
    pumpWatchDecoder();
}

void InformerBase::pumpWatchDecoder()
{
    while (!m_decoding && !m_undecoded.empty()) {
        LineBatch batch = std::move(m_undecoded.front());
        m_undecoded.pop_front();
        m_undecodedBytes -= batch.bytes;
        if (!isCurrent(batch.scopeId, batch.generation))
            continue;
        m_decoding = true;
        decodeWatchLines(batch.scopeId, batch.generation, std::move(batch.lines));
    }
}

void InformerBase::watchLinesDecoded()
{
    m_decoding = false;
    pumpWatchDecoder();
}

void InformerBase::watchBatchApplied(int scopeId, quint64 generation)
{
    Scope *s = scope(scopeId);
    if (!s || s->generation != generation || s->watchBatchesPending <= 0)
        return;
    if (--s->watchBatchesPending == 0 && s->finishDeferred) {
        s->finishDeferred = false;
        finishWatch(s, s->deferredFinishError);
    }
}

void InformerBase::watchResourceVersion(int scopeId, const QString &resourceVersion)
{
    Scope *s = scope(scopeId);
    if (s && !resourceVersion.isEmpty())
        s->resourceVersion = resourceVersion;
}

void InformerBase::watchFailed(int scopeId, const ApiError &error)
{
    if (Scope *s = scope(scopeId))
        fail(s, error);
}

void InformerBase::onWatchFinished(int scopeId, quint64 generation, const ApiError &error)
{
    Scope *s = scope(scopeId);
    if (!s || s->generation != generation)
        return;
    if (s->watch)
        s->watch->deleteLater();
    s->watch = nullptr;
    if (s->watchBatchesPending > 0) {
        // Its last events are still being decoded or applied: resume from after them.
        s->finishDeferred = true;
        s->deferredFinishError = error;
        return;
    }
    finishWatch(s, error);
}

void InformerBase::finishWatch(Scope *s, const ApiError &error)
{
    // A watch that went quiet for the inactivity timeout is resumed like one the server ended:
    // quiet kinds must not flicker to "stale"; if the connection is really gone, the new watch
    // fails and says so.
    const bool quiet = s->watchOpened && error.kind() == ApiError::Kind::Transport
                       && error.networkError() == QNetworkReply::TimeoutError;
    if (!error.isOk() && !quiet) {
        fail(s, error);
        return;
    }
    s->inWatch = false;
    // The server ended the watch (its timeout): resume from the last resourceVersion. A server
    // that closes every watch at once must not make us spin, hence the back-off then.
    if (s->watchEvents > 0 || s->watchClock.elapsed() > 5000)
        startWatch(s);
    else
        retryLater(s, s->backoff.nextDelayMs(), false);
}

} // namespace kube
