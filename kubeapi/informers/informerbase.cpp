#include "kubeapi/informers/informerbase.h"

#include "kubeapi/informers/informerscope.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/client/watchstream.h"
#include "kubeapi/logging.h"
#include "kubeapi/objects/decoders.h"

#include <QTimer>

#include <algorithm>

namespace kube {

namespace {

// Kubernetes writes a list's metadata (with `continue`) before its items, so the token is in
// the first bytes of a page: the next page can be asked for while this one still streams in.
enum class HeadToken { Found, LastPage, NeedMore, Unknown };
constexpr qsizetype kHeadBytes = 4096;

HeadToken scanContinueToken(QByteArrayView bytes, QString *token)
{
    const QByteArrayView head = bytes.first(qMin(bytes.size(), kHeadBytes));
    const qsizetype items = head.indexOf("\"items\"");
    if (items < 0)
        return head.size() < kHeadBytes ? HeadToken::NeedMore : HeadToken::Unknown;
    const qsizetype metadata = head.indexOf("\"metadata\"");
    if (metadata < 0 || metadata > items)
        return HeadToken::Unknown;
    const QByteArrayView meta = head.sliced(metadata, items - metadata);
    const qsizetype key = meta.indexOf("\"continue\"");
    if (key < 0)
        return HeadToken::LastPage;
    qsizetype pos = key + 10;
    while (pos < meta.size() && (meta[pos] == ' ' || meta[pos] == ':'))
        ++pos;
    if (pos >= meta.size() || meta[pos] != '"')
        return HeadToken::Unknown;
    const qsizetype end = meta.indexOf('"', pos + 1);
    if (end < 0)
        return HeadToken::Unknown;
    const QByteArrayView value = meta.sliced(pos + 1, end - pos - 1);
    if (value.contains('\\'))
        return HeadToken::Unknown; // escaped: let the decoder read it properly
    *token = QString::fromUtf8(value);
    return token->isEmpty() ? HeadToken::LastPage : HeadToken::Found;
}

} // namespace

InformerBase::InformerBase(ApiClient *client, ResourceKind kind, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_kind(std::move(kind))
    , m_accessRetry(new QTimer(this))
{
    m_accessRetry->setSingleShot(true);
    connect(m_accessRetry, &QTimer::timeout, this, &InformerBase::retryAccess);
}

InformerBase::~InformerBase()
{
    for (auto &s : m_scopes)
        cancel(s.get());
    dropAccessProbe();
}

void InformerBase::setFallbackNamespaces(const QStringList &namespaces)
{
    m_fallbackNamespaces = namespaces;
}

void InformerBase::start()
{
    if (m_running || !m_client)
        return;
    m_running = true;
    if (m_scopes.empty()) {
        if (m_fallback) {
            startFallback(m_clusterForbiddenError);
            return;
        }
        addScope(QString());
    }
    bool forbidden = m_fallback;
    for (auto &s : m_scopes) {
        if (s->state != State::Forbidden)
            startList(s.get());
        else
            forbidden = true;
    }
    if (forbidden)
        scheduleAccessRetry();
}

void InformerBase::stop()
{
    m_running = false;
    for (auto &s : m_scopes)
        cancel(s.get());
    m_accessRetry->stop();
    dropAccessProbe();
}

void InformerBase::cancel(Scope *s)
{
    ++s->generation;
    s->retryTimer->stop();
    s->retryTimer->disconnect(this);
    // Deferred deletes: we may be inside a signal of the very reply or stream.
    for (Scope::Fetch &fetch : std::exchange(s->fetches, {})) {
        if (ApiReply *reply = fetch.reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    s->deferredToken.clear();
    if (WatchStream *watch = s->watch) {
        s->watch = nullptr;
        watch->disconnect(this);
        watch->stop();
        watch->deleteLater();
    }
    s->inWatch = false;
    s->decodesInFlight = 0;
    s->awaitingToken = false;
    s->watchBatchesPending = 0;
    s->finishDeferred = false;
    const int id = s->id;
    std::erase_if(m_undecoded, [this, id](const LineBatch &b) {
        if (b.scopeId != id)
            return false;
        m_undecodedBytes -= b.bytes;
        return true;
    });
}

bool InformerBase::isCurrent(int scopeId, quint64 generation) const
{
    const Scope *s = scope(scopeId);
    return s && s->generation == generation && m_running;
}

bool InformerBase::tracksSeen(int scopeId) const
{
    const Scope *s = scope(scopeId);
    return s && s->trackSeen;
}

void InformerBase::markSeen(int scopeId, const QString &uid)
{
    if (Scope *s = scope(scopeId); s && s->trackSeen)
        s->seen.insert(uid);
}

ApiError::Context InformerBase::errorContext(const QString &verb, const QString &ns) const
{
    return ApiError::Context{m_client ? m_client->displayServer() : QUrl(), verb, m_kind.plural,
                             m_kind.group, ns};
}

// ---- LIST --------------------------------------------------------------------------------------

void InformerBase::startList(Scope *s)
{
    cancel(s);
    s->listResourceVersion.clear();
    s->seen.clear();
    s->lastPageReceived = false;
    // Filling an empty cache (the first list, single scope) leaves nothing to remove at the end,
    // so the UIDs of 150,000 objects need not be remembered.
    s->trackSeen = !(m_scopes.size() == 1 && size() == 0);
    if (s->synced)
        ++m_relists;
    // A stale scope stays stale and a forbidden one forbidden until the list succeeds.
    if (s->state != State::Stale && s->state != State::Forbidden)
        setScopeState(s, State::Syncing);
    requestPage(s, QString());
}

ApiRequest InformerBase::listRequest(const QString &ns) const
{
    ApiRequest request;
    request.path = m_kind.collectionPath(ns);
    request.verb = QStringLiteral("list");
    request.resource = m_kind.plural;
    request.group = m_kind.group;
    request.ns = ns;
    request.inactivityTimeoutMs = 60000;
    return request;
}

void InformerBase::requestPage(Scope *s, const QString &continueToken)
{
    if (!m_client)
        return; // the client went away before us: nothing more to ask
    ApiRequest request = listRequest(s->ns);
    if (!continueToken.isEmpty()) {
        // A continued page carries no resourceVersion: the token pins it.
        request.query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
        request.query.addQueryItem(QStringLiteral("continue"), continueToken);
    } else if (s->listFrom == Scope::ListFrom::NotOlderThanLast && !s->resourceVersion.isEmpty()) {
        // No limit: a paged list at a given version would be read from etcd.
        request.query.addQueryItem(QStringLiteral("resourceVersion"), s->resourceVersion);
    } else {
        request.query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
        if (s->listFrom != Scope::ListFrom::Consistent)
            request.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
    }
    ++m_listRequests;
    qCDebug(lcKubeApi) << "list" << m_kind.plural << s->ns << "continue"
                       << !continueToken.isEmpty();
    ApiReply *reply = m_client->send(std::move(request));
    s->fetches.push_back(Scope::Fetch{reply, !continueToken.isEmpty(), false, false});
    const int id = s->id;
    const quint64 generation = s->generation;
    connect(reply, &ApiReply::bodyProgress, this,
            [this, id, generation, reply] { onPageHead(id, generation, reply); });
    connect(reply, &ApiReply::finished, this,
            [this, id, generation, reply] { onPageReply(id, generation, reply); });
}

void InformerBase::requestNextPage(Scope *s, const QString &continueToken)
{
    // Each page in flight holds its body until it is read: a few overlap the server's work
    // with ours, more would only cost memory.
    if (int(s->fetches.size()) >= kMaxPagesInFlight)
        s->deferredToken = continueToken;
    else
        requestPage(s, continueToken);
}

void InformerBase::onPageHead(int scopeId, quint64 generation, ApiReply *reply)
{
    Scope *s = scope(scopeId);
    if (!s || s->generation != generation)
        return;
    const auto fetch = std::find_if(s->fetches.begin(), s->fetches.end(),
                                    [reply](const Scope::Fetch &f) { return f.reply == reply; });
    if (fetch == s->fetches.end() || fetch->tokenKnown || fetch->headGaveUp)
        return;
    QString token;
    switch (scanContinueToken(reply->bodySoFar(), &token)) {
    case HeadToken::NeedMore:
        return;
    case HeadToken::Unknown:
        fetch->headGaveUp = true;
        return;
    case HeadToken::LastPage:
        fetch->tokenKnown = true;
        s->lastPageReceived = true;
        return;
    case HeadToken::Found:
        fetch->tokenKnown = true;
        requestNextPage(s, token);
        return;
    }
}

void InformerBase::onPageReply(int scopeId, quint64 generation, ApiReply *reply)
{
    Scope *s = scope(scopeId);
    if (!s || s->generation != generation)
        return;
    const auto fetch = std::find_if(s->fetches.begin(), s->fetches.end(),
                                    [reply](const Scope::Fetch &f) { return f.reply == reply; });
    if (fetch == s->fetches.end())
        return;
    const Scope::Fetch done = *fetch;
    s->fetches.erase(fetch);
    reply->deleteLater();
    const ApiError error = reply->error();
    if (!error.isOk()) {
        if (error.isExpired() && done.continued && s->expiredInARow < 3) {
            // The continue token outlived the server's history: list again from the start;
            // what was applied so far stays and is reconciled when the new list completes.
            qCInfo(lcKubeApi) << m_kind.plural << "continue token expired, listing again";
            ++s->expiredInARow;
            startList(s);
            return;
        }
        fail(s, error);
        return;
    }
    QByteArray body = reply->takeBody();
    // Book-keeping first: the decoded page may come back before decodePage() even returns.
    if (!done.tokenKnown) {
        QString token;
        switch (scanContinueToken(body, &token)) {
        case HeadToken::Found:
            requestNextPage(s, token);
            break;
        case HeadToken::LastPage:
            s->lastPageReceived = true;
            break;
        case HeadToken::NeedMore:
        case HeadToken::Unknown:
            s->awaitingToken = true;
            break;
        }
    }
    if (!s->deferredToken.isEmpty() && int(s->fetches.size()) < kMaxPagesInFlight)
        requestPage(s, std::exchange(s->deferredToken, {}));
    ++s->decodesInFlight;
    decodePage(s->id, s->generation, std::move(body));
}

void InformerBase::pageDecoded(int scopeId, quint64 generation, const ListMeta &meta,
                               const QString &error)
{
    Scope *s = scope(scopeId);
    if (!s || s->generation != generation)
        return;
    --s->decodesInFlight;
    qCDebug(lcKubeApi) << "page decoded" << m_kind.plural << s->ns << meta.continueToken << error;
    if (!error.isEmpty()) {
        fail(s, ApiError::decode(errorContext(QStringLiteral("list"), s->ns), error));
        return;
    }
    if (!meta.resourceVersion.isEmpty())
        s->listResourceVersion = meta.resourceVersion;
    if (s->awaitingToken) {
        s->awaitingToken = false;
        if (meta.continueToken.isEmpty())
            s->lastPageReceived = true;
        else
            requestNextPage(s, meta.continueToken);
    }
    maybeFinishList(s);
}

void InformerBase::maybeFinishList(Scope *s)
{
    if (!s->lastPageReceived || s->decodesInFlight > 0 || !s->fetches.empty() || s->awaitingToken
        || !s->deferredToken.isEmpty())
        return;
    qCDebug(lcKubeApi) << "listed" << m_kind.plural << s->ns << "at" << s->listResourceVersion;
    if (s->trackSeen)
        removeUnseen(s->ns, s->seen);
    s->seen.clear();
    s->seen.squeeze();
    s->resourceVersion = s->listResourceVersion;
    s->listFrom = Scope::ListFrom::NotOlderThanLast;
    s->synced = true;
    s->expiredInARow = 0;
    s->backoff.reset();
    if (s->state == State::Forbidden) {
        // Access was granted again (retryAccess()).
        qCInfo(lcKubeApi).noquote() << m_kind.qualifiedName() << s->ns << "may be listed again";
        if (s->ns.isEmpty())
            m_clusterForbidden = false;
        s->error = ApiError();
        setScopeState(s, State::Syncing);
        Q_EMIT accessChanged();
    }
    Q_EMIT synced();
    startWatch(s);
}

// ---- failures, fallback, state -------------------------------------------------------------

void InformerBase::fail(Scope *s, const ApiError &error)
{
    const bool wasWatching = s->inWatch; // cancel() clears it
    const bool watchHadOpened = s->watchOpened;
    cancel(s);
    s->error = error;
    qCInfo(lcKubeApi).noquote() << m_kind.qualifiedName() << (s->ns.isEmpty() ? QString() : s->ns)
                                << error.toLogString();

    if (error.isForbidden()) {
        if (s->ns.isEmpty() && m_kind.namespaced && !m_fallback)
            startFallback(error);
        else
            forbid(s);
        return;
    }
    if (error.isExpired()) {
        // Our resourceVersion is too old: list again (merging), at once the first time, with a
        // consistent read (the cache may not hold that far back either).
        s->listFrom = Scope::ListFrom::Consistent;
        const int delay = s->expiredInARow++ == 0 ? 0 : s->backoff.nextDelayMs();
        retryLater(s, delay, true);
        return;
    }
    if (error.isTooLarge() && !wasWatching) {
        // An unpaged relist passed the body limit (a very large cluster): pages from now on.
        s->listFrom = Scope::ListFrom::Consistent;
    }
    const bool resume = wasWatching && s->synced && !s->resourceVersion.isEmpty();
    bool giveUpVersion = false;
    // Only watches the server refused count: one that ran and was dropped later resumed fine
    // (a quiet kind's version stays the same across many such drops).
    if (resume && !watchHadOpened) {
        if (s->resumeFailedAt == s->resourceVersion) {
            giveUpVersion = ++s->resumeFailures >= kMaxResumesFromOneVersion;
        } else {
            s->resumeFailedAt = s->resourceVersion;
            s->resumeFailures = 1;
        }
    }
    if (giveUpVersion) {
        // Watches from this version keep failing (a lagging cache answers "Too large resource
        // version", a proxy drops them, ...): read the current state consistently instead.
        qCInfo(lcKubeApi).noquote() << m_kind.qualifiedName() << "gives up resourceVersion"
                                    << s->resourceVersion << "and lists again";
        s->resumeFailures = 0;
        s->resumeFailedAt.clear();
        s->listFrom = Scope::ListFrom::Consistent;
    }
    if (s->synced) {
        if (!s->staleSince.isValid())
            s->staleSince = QDateTime::currentDateTimeUtc();
        setScopeState(s, State::Stale);
    } else {
        setScopeState(s, State::Error);
    }
    // A watch that ran a while before it was dropped was a success: the back-off starts over
    // (client-go resets after a quiet spell too), or a quiet kind that sees no events would
    // climb to the cap over a few harmless drops and then lag its peers by half a minute.
    if (watchHadOpened && s->watchClock.elapsed() > 5000)
        s->backoff.reset();
    const int delay = s->backoff.nextDelayMs(error.retryAfterSeconds());
    // After a dropped watch, resume from where we were; a failed list starts over.
    retryLater(s, delay, !resume || giveUpVersion);
}

void InformerBase::retryLater(Scope *s, int delayMs, bool relist)
{
    s->retryTimer->disconnect(this);
    const int id = s->id;
    connect(s->retryTimer, &QTimer::timeout, this, [this, id, relist] {
        Scope *s = scope(id);
        if (!s || !m_running)
            return;
        if (relist)
            startList(s);
        else
            startWatch(s);
    });
    s->retryTimer->start(delayMs);
}

} // namespace kube
