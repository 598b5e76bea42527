#include "kubeapi/informers/informerbase.h"

// The informer's scopes: the cluster-wide one, or — when listing cluster-wide is forbidden —
// one per namespace the user may see (the context's own and --namespace ones), and the state
// they add up to. RBAC can change while we run: what becomes forbidden leaves the cache (it is
// no longer the cluster's state we can vouch for), and what is forbidden is tried again every
// few minutes; when the cluster-wide list is allowed again, the fallback ends.
#include "kubeapi/client/apiclient.h"
#include "kubeapi/informers/informerscope.h"
#include "kubeapi/logging.h"

namespace kube {

InformerBase::Scope *InformerBase::scope(int id) const
{
    for (const auto &s : m_scopes) {
        if (s->id == id)
            return s.get();
    }
    return nullptr;
}

InformerBase::Scope *InformerBase::addScope(const QString &ns)
{
    auto s = std::make_unique<Scope>();
    s->id = m_nextScopeId++;
    s->ns = ns;
    s->retryTimer = new QTimer(this);
    s->retryTimer->setSingleShot(true);
    m_scopes.push_back(std::move(s));
    return m_scopes.back().get();
}

void InformerBase::startFallback(const ApiError &forbidden)
{
    m_fallback = true;
    m_clusterForbidden = true;
    m_clusterForbiddenError = forbidden;
    for (auto &s : m_scopes)
        cancel(s.get());
    m_scopes.clear();
    QStringList namespaces;
    const QString contextNs = m_client ? m_client->defaultNamespace() : QString();
    namespaces << (contextNs.isEmpty() ? QStringLiteral("default") : contextNs);
    namespaces << m_fallbackNamespaces;
    namespaces.removeAll(QString());
    namespaces.removeDuplicates();
    qCInfo(lcKubeApi).noquote() << m_kind.qualifiedName()
                                << "may not be listed cluster-wide; falling back to"
                                << namespaces.join(QStringLiteral(", "));
    // Listed before (the permission was withdrawn): what lies outside the namespaces we may
    // still read goes; the rest is reconciled by the namespaces' lists.
    if (size() > 0)
        removeOutside(namespaces);
    for (const QString &ns : std::as_const(namespaces))
        addScope(ns);
    emitStateIfChanged();
    Q_EMIT accessChanged();
    if (!m_running)
        return;
    for (auto &s : m_scopes)
        startList(s.get());
    scheduleAccessRetry();
}

void InformerBase::leaveFallback()
{
    qCInfo(lcKubeApi).noquote() << m_kind.qualifiedName() << "may be listed cluster-wide again";
    for (auto &s : m_scopes)
        cancel(s.get());
    m_scopes.clear();
    m_fallback = false;
    m_clusterForbidden = false;
    m_clusterForbiddenError = ApiError();
    Scope *s = addScope(QString());
    emitStateIfChanged();
    Q_EMIT accessChanged();
    // Merges into what the namespaces held: the list reconciles the cache.
    startList(s);
}

void InformerBase::forbid(Scope *s)
{
    const bool wasForbidden = s->state == State::Forbidden;
    if (s->ns.isEmpty())
        m_clusterForbidden = true;
    if (size() > 0)
        removeUnseen(s->ns, {}); // "" for a cluster-scoped kind: everything
    s->synced = false;
    s->resourceVersion.clear();
    s->listFrom = Scope::ListFrom::WatchCache;
    s->staleSince = QDateTime();
    s->resumeFailures = 0;
    s->resumeFailedAt.clear();
    s->backoff.reset();
    setScopeState(s, State::Forbidden);
    if (!wasForbidden)
        Q_EMIT accessChanged();
    scheduleAccessRetry();
}

void InformerBase::scheduleAccessRetry()
{
    if (m_running && !m_accessRetry->isActive() && !m_accessProbe)
        m_accessRetry->start(m_accessRetryMs);
}

void InformerBase::retryAccess()
{
    if (!m_running || !m_client)
        return;
    for (auto &s : m_scopes) {
        if (s->state == State::Forbidden && !s->inWatch && s->fetches.empty())
            startList(s.get()); // stays Forbidden until it succeeds
    }
    if (!m_fallback)
        return;
    // One item from the watch cache tells whether the cluster-wide list is allowed again.
    ApiRequest request = listRequest(QString());
    request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    request.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
    ++m_listRequests;
    ApiReply *reply = m_client->send(std::move(request));
    m_accessProbe = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] { onAccessProbe(reply); });
}

void InformerBase::dropAccessProbe()
{
    if (ApiReply *probe = std::exchange(m_accessProbe, nullptr)) {
        probe->disconnect(this);
        probe->abort();
        probe->deleteLater();
    }
}

void InformerBase::onAccessProbe(ApiReply *reply)
{
    if (reply != m_accessProbe)
        return;
    m_accessProbe = nullptr;
    reply->deleteLater();
    if (!m_running || !m_fallback)
        return;
    if (reply->error().isOk())
        leaveFallback();
    else
        scheduleAccessRetry(); // still forbidden, or the server is away: try again later
}

void InformerBase::setScopeState(Scope *s, State state)
{
    s->state = state;
    emitStateIfChanged();
}

InformerBase::State InformerBase::state() const
{
    if (m_scopes.empty())
        return m_fallback || m_clusterForbidden ? State::Forbidden : State::Syncing;
    if (!m_fallback)
        return m_scopes.front()->state;
    // The namespaces that may be read: the worst of them, as one scope would show it.
    const auto rank = [](State state) {
        switch (state) {
        case State::Live:
            return 0;
        case State::Syncing:
            return 1;
        case State::Stale:
            return 2;
        case State::Error:
            return 3;
        case State::Forbidden:
            break;
        }
        return -1;
    };
    State worst = State::Forbidden;
    for (const auto &s : m_scopes) {
        if (rank(s->state) > rank(worst))
            worst = s->state;
    }
    return worst;
}

void InformerBase::emitStateIfChanged()
{
    const State now = state();
    if (now != m_lastEmittedState) {
        m_lastEmittedState = now;
        Q_EMIT stateChanged(now);
    }
}

QDateTime InformerBase::staleSince() const
{
    QDateTime earliest;
    for (const auto &s : m_scopes) {
        if (s->staleSince.isValid() && (!earliest.isValid() || s->staleSince < earliest))
            earliest = s->staleSince;
    }
    return earliest;
}

ApiError InformerBase::lastError() const
{
    if (m_fallback) {
        // A namespace scope's own trouble first; else why the cluster-wide list failed.
        for (const auto &s : m_scopes) {
            if (!s->error.isOk() && s->state != State::Live)
                return s->error;
        }
        return m_clusterForbiddenError;
    }
    return m_scopes.empty() ? ApiError() : m_scopes.front()->error;
}

QString InformerBase::scopeNamespace(int scopeId) const
{
    const Scope *s = scope(scopeId);
    return s ? s->ns : QString();
}

bool InformerBase::hasSynced() const
{
    bool any = false;
    for (const auto &s : m_scopes) {
        if (s->state == State::Forbidden)
            continue;
        if (!s->synced)
            return false;
        any = true;
    }
    return any;
}

QStringList InformerBase::visibleNamespaces() const
{
    QStringList namespaces;
    if (!m_fallback)
        return namespaces;
    for (const auto &s : m_scopes) {
        if (s->state != State::Forbidden)
            namespaces.append(s->ns);
    }
    return namespaces;
}

QString InformerBase::resourceVersion() const
{
    return m_scopes.empty() ? QString() : m_scopes.front()->resourceVersion;
}

} // namespace kube
