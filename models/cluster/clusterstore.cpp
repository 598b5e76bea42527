#include "models/cluster/clusterstore.h"

#include <algorithm>

namespace {
const QLatin1String kPoolLabels[] = {
    QLatin1String("kubernetes.azure.com/agentpool"),
    QLatin1String("agentpool"),
    QLatin1String("eks.amazonaws.com/nodegroup"),
    QLatin1String("cloud.google.com/gke-nodepool"),
};

const kube::LabelSelector kNoSelector;

QString ownerUidOf(const kube::ObjectMeta &meta)
{
    const kube::OwnerReference *ref = meta.controllerRef();
    return ref ? ref->uid : QString();
}

// A workload's summary pointing into the shared object (which it keeps alive).
template<typename T>
ControllerInfo infoOf(const std::shared_ptr<const T> &object, const QString &kind)
{
    ControllerInfo info;
    info.ref = {object->metadata.namespaceName, kind, object->metadata.name};
    info.object = object;
    info.meta = &object->metadata;
    return info;
}
} // namespace

const kube::LabelSelector &ControllerInfo::selector() const
{
    return selectorOf ? *selectorOf : kNoSelector;
}

ClusterStore::ClusterStore(QObject *parent)
    : QObject(parent)
{}

void ClusterStore::noteNamespace(const QString &ns)
{
    if (ns.isEmpty() || m_knownNamespaces.contains(ns))
        return;
    m_knownNamespaces.insert(ns);
    Q_EMIT namespacesChanged();
    Q_EMIT namespaceChanged(ns);
}

void ClusterStore::upsert(Ptr<kube::Node> node)
{
    const QString name = node->metadata.name;
    m_nodes.insert(name, std::move(node));
    Q_EMIT nodeChanged(name);
}

void ClusterStore::removeNode(const QString &name)
{
    if (m_nodes.remove(name))
        Q_EMIT nodeChanged(name);
}

void ClusterStore::upsert(Ptr<kube::Pod> pod)
{
    const QString uid = pod->metadata.uid;
    Ptr<kube::Pod> before = m_pods.value(uid);
    const kube::Pod *now = pod.get();
    m_pods.insert(uid, std::move(pod));
    indexPod(uid, before.get(), now);
    Q_EMIT podChanged(uid);
    noteNamespace(now->metadata.namespaceName);
    if (before)
        noteRestarts(*before, *now);
}

void ClusterStore::noteRestarts(const kube::Pod &before, const kube::Pod &now)
{
    for (qsizetype i = 0; i < now.containerStatuses.size(); ++i) {
        const kube::ContainerStatus &s = now.containerStatuses[i];
        // Statuses keep the spec's order, so the same index is nearly always the same container.
        const kube::ContainerStatus *old = i < before.containerStatuses.size()
                                                   && before.containerStatuses[i].name == s.name
                                               ? &before.containerStatuses[i]
                                               : nullptr;
        if (!old) {
            for (const kube::ContainerStatus &b : before.containerStatuses)
                old = b.name == s.name ? &b : old;
        }
        if (old && old->restartCount != s.restartCount)
            Q_EMIT containerRestartsChanged(now.metadata.namespaceName, now.metadata.name, s.name,
                                            old->restartCount, s.restartCount);
    }
}

void ClusterStore::removePod(const QString &uid)
{
    const Ptr<kube::Pod> before = m_pods.take(uid);
    if (!before)
        return;
    indexPod(uid, before.get(), nullptr);
    Q_EMIT podChanged(uid);
}

void ClusterStore::upsert(Ptr<kube::Namespace> ns)
{
    const QString name = ns->metadata.name;
    m_namespaces.insert(name, std::move(ns));
    m_knownNamespaces.insert(name);
    Q_EMIT namespacesChanged();
    Q_EMIT namespaceChanged(name);
}

void ClusterStore::removeNamespace(const QString &name)
{
    if (m_namespaces.remove(name)) {
        Q_EMIT namespacesChanged();
        Q_EMIT namespaceChanged(name);
    }
}

void ClusterStore::upsert(Ptr<kube::Service> service)
{
    const QString uid = service->metadata.uid;
    m_services.insert(uid, std::move(service));
    Q_EMIT servicesChanged();
}

void ClusterStore::removeService(const QString &uid)
{
    if (m_services.remove(uid))
        Q_EMIT servicesChanged();
}

void ClusterStore::upsert(Ptr<kube::ReplicaSet> rs)
{
    ControllerInfo info = infoOf(rs, QStringLiteral("ReplicaSet"));
    info.selectorOf = &rs->selector;
    info.conditionsOf = &rs->conditions;
    info.replicas = rs->replicas;
    upsertWorkload(std::move(info));
}

void ClusterStore::upsert(Ptr<kube::Job> job)
{
    ControllerInfo info = infoOf(job, QStringLiteral("Job"));
    info.selectorOf = &job->selector;
    info.conditionsOf = &job->conditions;
    info.replicas.desired = job->completions < 0 ? 1 : job->completions;
    info.replicas.current = job->active;
    info.replicas.ready = job->succeeded;
    info.hasReplicas = false;
    upsertWorkload(std::move(info));
}

void ClusterStore::upsert(Ptr<kube::Deployment> d)
{
    ControllerInfo info = infoOf(d, QStringLiteral("Deployment"));
    info.selectorOf = &d->selector;
    info.conditionsOf = &d->conditions;
    info.replicas = d->replicas;
    info.strategy = d->strategyType;
    upsertWorkload(std::move(info));
}

void ClusterStore::upsert(Ptr<kube::StatefulSet> s)
{
    ControllerInfo info = infoOf(s, QStringLiteral("StatefulSet"));
    info.selectorOf = &s->selector;
    info.replicas = s->replicas;
    info.strategy = s->updateStrategyType;
    upsertWorkload(std::move(info));
}

void ClusterStore::upsert(Ptr<kube::DaemonSet> d)
{
    ControllerInfo info = infoOf(d, QStringLiteral("DaemonSet"));
    info.selectorOf = &d->selector;
    info.replicas = d->replicas;
    info.strategy = d->updateStrategyType;
    upsertWorkload(std::move(info));
}

void ClusterStore::upsert(Ptr<kube::CronJob> c)
{
    ControllerInfo info = infoOf(c, QStringLiteral("CronJob"));
    info.replicas.current = int(c->active.size());
    info.strategy = c->schedule;
    info.hasReplicas = false;
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertWorkload(ControllerInfo info)
{
    const QString uid = info.metadata().uid;
    const QString ns = info.metadata().namespaceName;
    const QString key = info.ref.key();
    const QString ownerUid = ownerUidOf(info.metadata());
    const auto old = m_workloads.constFind(uid);
    const bool known = old != m_workloads.cend();
    const bool ownerChanged = !known || old->ownerUid != ownerUid;
    if (known)
        m_workloadsByOwner.remove(old->ownerUid, uid);
    if (!ownerUid.isEmpty())
        m_workloadsByOwner.add(ownerUid, uid);
    m_workloadsByNamespace.add(ns, uid);
    const bool topLevel = ownerUid.isEmpty();
    m_workloads.insert(uid, Workload{std::move(info), ownerUid});
    if (topLevel)
        m_controllers.insert(key, uid);
    else
        m_controllers.remove(key);
    noteNamespace(ns);
    Q_EMIT controllerChanged(key);
    if (ownerChanged)
        reresolveOwnedBy(uid);
}

void ClusterStore::removeWorkload(const QString &uid)
{
    const auto it = m_workloads.constFind(uid);
    if (it == m_workloads.cend())
        return;
    const Workload gone = *it;
    m_workloads.erase(it);
    m_workloadsByOwner.remove(gone.ownerUid, uid);
    m_workloadsByNamespace.remove(gone.info.metadata().namespaceName, uid);
    const QString key = gone.info.ref.key();
    if (m_controllers.value(key) == uid)
        m_controllers.remove(key);
    Q_EMIT controllerChanged(key);
    reresolveOwnedBy(uid);
}

void ClusterStore::reresolvePods(const QSet<QString> &uids)
{
    for (const QString &uid : uids) {
        const kube::Pod *pod = this->pod(uid);
        if (pod && indexPod(uid, pod, pod))
            Q_EMIT podChanged(uid);
    }
}

void ClusterStore::reresolveOwnedBy(const QString &ownerUid)
{
    reresolvePods(m_podsByOwner.value(ownerUid));
    // Children (a Deployment's ReplicaSets) carry pods whose top level may have changed too.
    // They come from an index: scanning every workload here made a list of 60,000 workloads
    // cost 60,000² steps.
    const QSet<QString> children = m_workloadsByOwner.value(ownerUid);
    for (const QString &child : children)
        reresolvePods(m_podsByOwner.value(child));
}

bool ClusterStore::indexPod(const QString &uid, const kube::Pod *before, const kube::Pod *now)
{
    if (before != now) {
        if (before) {
            const kube::ObjectMeta &m = before->metadata;
            m_podsByNode.remove(before->nodeName, uid);
            m_podsByNamespace.remove(m.namespaceName, uid);
            m_podsByOwner.remove(ownerUidOf(m), uid);
            for (const auto &[k, v] : m.labels)
                m_podsByLabel.remove(labelKey(k, v), uid);
            m_podByName.remove(m.namespaceName + u'/' + m.name);
        }
        if (now) {
            const kube::ObjectMeta &m = now->metadata;
            m_podsByNode.add(now->nodeName, uid);
            m_podsByNamespace.add(m.namespaceName, uid);
            if (const QString owner = ownerUidOf(m); !owner.isEmpty())
                m_podsByOwner.add(owner, uid);
            for (const auto &[k, v] : m.labels)
                m_podsByLabel.add(labelKey(k, v), uid);
            m_podByName.insert(m.namespaceName + u'/' + m.name, uid);
        }
    }
    const auto old = m_podController.constFind(uid);
    const ControllerRef was = old == m_podController.cend() ? ControllerRef() : *old;
    const ControllerRef is = now ? resolveController(*now) : ControllerRef();
    if (old != m_podController.cend() && was == is)
        return false;
    if (old != m_podController.cend() && !was.isNull())
        m_podsByController.remove(was.key(), uid);
    if (now) {
        m_podController.insert(uid, is);
        if (!is.isNull())
            m_podsByController.add(is.key(), uid);
    } else {
        m_podController.remove(uid);
    }
    return was != is;
}

ControllerRef ClusterStore::resolveController(const kube::Pod &pod) const
{
    const kube::OwnerReference *ref = pod.metadata.controllerRef();
    return ref ? topLevelOf(pod.metadata.namespaceName, *ref, 0) : ControllerRef();
}

ControllerRef ClusterStore::topLevelOf(const QString &ns, const kube::OwnerReference &ref,
                                       int depth) const
{
    const auto it = m_workloads.constFind(ref.uid);
    // The depth bound guards against owner cycles in malformed data.
    if (it != m_workloads.cend() && depth < 4) {
        if (const kube::OwnerReference *up = it->info.metadata().controllerRef())
            return topLevelOf(ns, *up, depth + 1);
    }
    return ControllerRef{ns, ref.kind, ref.name};
}

void ClusterStore::clear()
{
    m_namespaces.clear();
    m_nodes.clear();
    m_pods.clear();
    m_services.clear();
    m_workloads.clear();
    m_controllers.clear();
    m_podController.clear();
    m_podByName.clear();
    m_podsByController.clear();
    m_podsByNode.clear();
    m_podsByNamespace.clear();
    m_podsByOwner.clear();
    m_podsByLabel.clear();
    m_workloadsByOwner.clear();
    m_workloadsByNamespace.clear();
    m_knownNamespaces.clear();
    m_quotas.clear();
    m_limitRanges.clear();
    m_networkPolicies.clear();
    Q_EMIT cleared();
    Q_EMIT namespacesChanged();
    Q_EMIT servicesChanged();
}

const kube::Node *ClusterStore::node(const QString &name) const
{
    const auto it = m_nodes.constFind(name);
    return it == m_nodes.cend() ? nullptr : it->get();
}

const kube::Pod *ClusterStore::pod(const QString &uid) const
{
    const auto it = m_pods.constFind(uid);
    return it == m_pods.cend() ? nullptr : it->get();
}

const ControllerInfo *ClusterStore::controller(const QString &key) const
{
    const auto it = m_controllers.constFind(key);
    if (it == m_controllers.cend())
        return nullptr;
    const auto w = m_workloads.constFind(*it);
    return w == m_workloads.cend() ? nullptr : &w->info;
}

const kube::Service *ClusterStore::service(const QString &uid) const
{
    const auto it = m_services.constFind(uid);
    return it == m_services.cend() ? nullptr : it->get();
}

QList<const kube::Service *> ClusterStore::services() const
{
    QList<const kube::Service *> out;
    for (const auto &s : m_services)
        out << s.get();
    std::sort(out.begin(), out.end(), [](const kube::Service *a, const kube::Service *b) {
        return std::pair(a->metadata.namespaceName, a->metadata.name)
               < std::pair(b->metadata.namespaceName, b->metadata.name);
    });
    return out;
}

QStringList ClusterStore::namespaces() const
{
    QStringList out(m_knownNamespaces.cbegin(), m_knownNamespaces.cend());
    out.sort();
    return out;
}

QString ClusterStore::nodePoolOf(const kube::Node &node)
{
    for (const QLatin1String key : kPoolLabels) {
        if (const QString *v = kube::findValue(node.metadata.labels, QString(key)))
            return *v;
    }
    return {};
}

QStringList ClusterStore::nodePools() const
{
    QSet<QString> pools;
    for (const auto &n : m_nodes) {
        const QString pool = nodePoolOf(*n);
        if (!pool.isEmpty())
            pools.insert(pool);
    }
    QStringList out(pools.cbegin(), pools.cend());
    out.sort();
    return out;
}

ControllerRef ClusterStore::controllerOf(const QString &podUid) const
{
    return m_podController.value(podUid);
}

ControllerRef ClusterStore::controllerRef(const QString &key) const
{
    if (const ControllerInfo *info = controller(key))
        return info->ref;
    // Only pods point to it: any of them knows its ref.
    const QSet<QString> pods = m_podsByController.value(key);
    return pods.isEmpty() ? ControllerRef() : m_podController.value(*pods.cbegin());
}

QString ClusterStore::podUidByName(const QString &ns, const QString &name) const
{
    return m_podByName.value(ns + u'/' + name);
}
