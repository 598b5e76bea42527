#include "models/cluster/clustersession.h"

#include "kubeapi/client/apiclient.h"
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
            Q_EMIT settled();
        }
    });
    m_informers.append(informer);
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
    switch (informer.state()) {
    case InformerBase::State::Syncing:
        return tr("loading");
    case InformerBase::State::Live:
        return tr("live");
    case InformerBase::State::Stale:
        return tr("stale since %1")
            .arg(QLocale().toString(informer.staleSince().toLocalTime().time(),
                                    QLocale::ShortFormat));
    case InformerBase::State::Forbidden:
        return informer.visibleNamespaces().isEmpty()
                   ? tr("no access")
                   : tr("only namespaces %1").arg(informer.visibleNamespaces().join(u", "));
    case InformerBase::State::Error:
        return tr("error: %1").arg(informer.lastError().explanation());
    }
    return {};
}

QStringList ClusterSession::stateSummary() const
{
    QStringList lines;
    for (const InformerBase *informer : m_informers)
        lines << informer->kind().plural + QStringLiteral(": ") + stateText(*informer);
    return lines;
}
