#include "models/cluster/clustersession.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/informers/informer.h"
#include "models/cluster/clusterstore.h"

#include <QLocale>

using namespace kube;

ClusterSession::ClusterSession(const ClusterConnection &connection, ClusterStore *feed,
                               QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(connection, this))
    , m_store(feed)
{
    addInformer<Namespace>([this](const Namespace &o) { m_store->upsertNamespace(o); },
                           [this](const Namespace &o) { m_store->removeNamespace(o.metadata.name); });
    addInformer<Node>([this](const Node &o) { m_store->upsertNode(o); },
                      [this](const Node &o) { m_store->removeNode(o.metadata.name); });
    // Owners before pods, so that a pod's controller usually resolves on first sight.
    addInformer<Deployment>([this](const Deployment &o) { m_store->upsertDeployment(o); },
                            [this](const Deployment &o) { m_store->removeWorkload(o.metadata.uid); });
    addInformer<ReplicaSet>([this](const ReplicaSet &o) { m_store->upsertReplicaSet(o); },
                            [this](const ReplicaSet &o) { m_store->removeWorkload(o.metadata.uid); });
    addInformer<StatefulSet>([this](const StatefulSet &o) { m_store->upsertStatefulSet(o); },
                             [this](const StatefulSet &o) { m_store->removeWorkload(o.metadata.uid); });
    addInformer<DaemonSet>([this](const DaemonSet &o) { m_store->upsertDaemonSet(o); },
                           [this](const DaemonSet &o) { m_store->removeWorkload(o.metadata.uid); });
    addInformer<CronJob>([this](const CronJob &o) { m_store->upsertCronJob(o); },
                         [this](const CronJob &o) { m_store->removeWorkload(o.metadata.uid); });
    addInformer<Job>([this](const Job &o) { m_store->upsertJob(o); },
                     [this](const Job &o) { m_store->removeWorkload(o.metadata.uid); });
    addInformer<Service>([this](const Service &o) { m_store->upsertService(o); },
                         [this](const Service &o) { m_store->removeService(o.metadata.uid); });
    addInformer<Pod>([this](const Pod &o) { m_store->upsertPod(o); },
                     [this](const Pod &o) { m_store->removePod(o.metadata.uid); });
}

ClusterSession::~ClusterSession()
{
    stop();
}

template<typename T>
void ClusterSession::addInformer(std::function<void(const T &)> upsert,
                                 std::function<void(const T &)> remove)
{
    auto *informer = new Informer<T>(m_client, this);
    typename Informer<T>::Handlers handlers;
    handlers.added = [upsert](const typename Informer<T>::Ptr &o) { upsert(*o); };
    handlers.updated = [upsert](const typename Informer<T>::Ptr &, const typename Informer<T>::Ptr &now) {
        upsert(*now);
    };
    handlers.removed = [remove](const typename Informer<T>::Ptr &o) { remove(*o); };
    informer->setHandlers(std::move(handlers));
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
