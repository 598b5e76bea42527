#include "kubeapi/informers/informerbase.h"

// The informer's scopes: the cluster-wide one, or — when listing cluster-wide is forbidden —
// one per namespace the user may see (the context's own and --namespace ones), and the state
// they add up to.
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
    // The cluster-wide scope goes; its objects (none, it never listed) go with it.
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
    for (const QString &ns : std::as_const(namespaces))
        addScope(ns);
    emitStateIfChanged();
    if (!m_running)
        return;
    for (auto &s : m_scopes)
        startList(s.get());
}

void InformerBase::setScopeState(Scope *s, State state)
{
    s->state = state;
    emitStateIfChanged();
}

InformerBase::State InformerBase::state() const
{
    if (m_fallback || m_clusterForbidden)
        return State::Forbidden;
    if (m_scopes.empty())
        return State::Syncing;
    return m_scopes.front()->state;
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
