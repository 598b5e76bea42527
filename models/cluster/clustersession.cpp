#include "models/cluster/clustersession.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/config/execcredential.h"
#include "kubeapi/informers/followedkinds.h"
#include "kubeapi/informers/informer.h"
#include "models/cluster/clusterstore.h"

#include <QLocale>

using namespace kube;

ClusterSession::ClusterSession(const ClusterConnection &connection, ClusterStore *store,
                               QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(connection, this))
    , m_store(store)
{
    forEachFollowedKind([this]<typename T>() { addInformer<T>(); });
    if (ExecCredentialProvider *exec = m_client->execProvider()) {
        connect(exec, &ExecCredentialProvider::pluginMessage, this,
                &ClusterSession::credentialPluginMessage);
        connect(exec, &ExecCredentialProvider::credentialReady, this,
                &ClusterSession::credentialPluginDone);
        connect(exec, &ExecCredentialProvider::failed, this, &ClusterSession::credentialPluginDone);
    }
}

ClusterSession::~ClusterSession()
{
    stop();
}

template<typename T>
void ClusterSession::addInformer()
{
    auto *informer = new Informer<T>(m_client, this);
    using Ptr = typename Informer<T>::Ptr;
    ClusterStore *store = m_store;
    // The store keeps the informer's objects themselves: one copy of each.
    informer->addHandlers({[store](const Ptr &o) { store->upsert(o); },
                           [store](const Ptr &, const Ptr &now) { store->upsert(now); },
                           [store](const Ptr &o) { store->remove(o); }});
    connect(informer, &InformerBase::stateChanged, this, [this] {
        Q_EMIT stateChanged();
        if (!m_settledEmitted && allSettled()) {
            m_settledEmitted = true;
            for (const InformerBase *i : std::as_const(m_informers))
                m_access.insert(i, accessKey(*i));
            Q_EMIT settled();
        }
    });
    connect(informer, &InformerBase::accessChanged, this, [this, informer] {
        noteAccess(informer);
        Q_EMIT stateChanged();
    });
    m_informers.append(informer);
}

QString ClusterSession::accessKey(const InformerBase &informer)
{
    if (informer.visibleClusterWide())
        return QStringLiteral("*");
    return informer.visibleNamespaces().join(u',');
}

void ClusterSession::noteAccess(const InformerBase *informer)
{
    // Before the first settle, the indicator tells the starting picture; after it, a change
    // of permissions is news worth a line of its own.
    if (!m_settledEmitted)
        return;
    const QString now = accessKey(*informer);
    const QString before = m_access.value(informer);
    if (now == before)
        return;
    m_access.insert(informer, now);
    const QString kind = informer->kind().plural;
    if (informer->visibleClusterWide())
        Q_EMIT accessChanged(tr("%1: access across the cluster returned").arg(kind));
    else if (now.isEmpty())
        Q_EMIT accessChanged(tr("%1: access withdrawn; they are no longer shown").arg(kind));
    else
        Q_EMIT accessChanged(tr("%1: access now limited to namespaces %2")
                                 .arg(kind, informer->visibleNamespaces().join(u", ")));
}

void ClusterSession::setFallbackNamespaces(const QStringList &namespaces)
{
    for (InformerBase *informer : std::as_const(m_informers))
        informer->setFallbackNamespaces(namespaces);
}

void ClusterSession::start()
{
    for (InformerBase *informer : std::as_const(m_informers))
        informer->start();
}

void ClusterSession::stop()
{
    for (InformerBase *informer : std::as_const(m_informers))
        informer->stop();
}

bool ClusterSession::allSettled() const
{
    for (const InformerBase *informer : m_informers) {
        if (informer->state() == InformerBase::State::Syncing && !informer->hasSynced())
            return false;
    }
    return true;
}

QString ClusterSession::stateText(const InformerBase &informer)
{
    // In the namespace fallback, the state is that of the namespaces that may be read.
    const QString only =
        informer.visibleClusterWide() || informer.visibleNamespaces().isEmpty()
            ? QString()
            : tr("only namespaces %1").arg(informer.visibleNamespaces().join(u", "));
    const auto withScope = [&only](const QString &text) {
        return only.isEmpty() ? text : text + QStringLiteral(" (") + only + QLatin1Char(')');
    };
    switch (informer.state()) {
    case InformerBase::State::Syncing:
        return withScope(tr("loading"));
    case InformerBase::State::Live:
        return only.isEmpty() ? tr("live") : only;
    case InformerBase::State::Stale:
        return withScope(tr("stale since %1")
                             .arg(QLocale().toString(informer.staleSince().toLocalTime().time(),
                                                     QLocale::ShortFormat)));
    case InformerBase::State::Forbidden:
        return tr("no access");
    case InformerBase::State::Error:
        return withScope(tr("error: %1").arg(informer.lastError().explanation()));
    }
    return {};
}

bool ClusterSession::limited(const InformerBase &informer)
{
    // Forbidden (nothing readable) is never cluster-wide either.
    return !informer.visibleClusterWide();
}

QStringList ClusterSession::namespaceLimits() const
{
    static const QStringList kinds{QStringLiteral("namespaces"), QStringLiteral("pods"),
                                   QStringLiteral("resourcequotas"), QStringLiteral("limitranges"),
                                   QStringLiteral("networkpolicies")};
    QStringList lines;
    for (const InformerBase *informer : m_informers) {
        if (limited(*informer) && kinds.contains(informer->kind().plural))
            lines << informer->kind().plural + QStringLiteral(": ") + stateText(*informer);
    }
    return lines;
}

QStringList ClusterSession::stateSummary() const
{
    QStringList lines;
    for (const InformerBase *informer : m_informers)
        lines << informer->kind().plural + QStringLiteral(": ") + stateText(*informer);
    return lines;
}
