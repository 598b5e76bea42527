#include "models/cluster/clusterstore.h"

#include "models/metrics/metricshistory.h"

#include <algorithm>

namespace {
const QLatin1String kPoolLabels[] = {
    QLatin1String("kubernetes.azure.com/agentpool"),
    QLatin1String("agentpool"),
    QLatin1String("eks.amazonaws.com/nodegroup"),
    QLatin1String("cloud.google.com/gke-nodepool"),
};
} // namespace

ClusterStore::ClusterStore(QObject *parent)
    : QObject(parent)
{
}

void ClusterStore::upsertNode(const kube::Node &node)
{
    m_nodes.insert(node.metadata.name, node);
    Q_EMIT nodeChanged(node.metadata.name);
}

void ClusterStore::removeNode(const QString &name)
{
    if (m_nodes.remove(name))
        Q_EMIT nodeChanged(name);
}

void ClusterStore::upsertPod(const kube::Pod &pod)
{
    const QString &uid = pod.metadata.uid;
    const bool nsAdded = !m_knownNamespaces.contains(pod.metadata.namespaceName);
    if (nsAdded)
        m_knownNamespaces.insert(pod.metadata.namespaceName);
    m_pods.insert(uid, pod);
    reindexPod(uid);
    Q_EMIT podChanged(uid);
    if (nsAdded)
        Q_EMIT namespacesChanged();
}

void ClusterStore::removePod(const QString &uid)
{
    if (!m_pods.remove(uid))
        return;
    reindexPod(uid);
    Q_EMIT podChanged(uid);
}

void ClusterStore::upsertNamespace(const kube::Namespace &ns)
{
    m_namespaces.insert(ns.metadata.name, ns);
    m_knownNamespaces.insert(ns.metadata.name);
    Q_EMIT namespacesChanged();
}

void ClusterStore::removeNamespace(const QString &name)
{
    if (m_namespaces.remove(name))
        Q_EMIT namespacesChanged();
}

void ClusterStore::upsertService(const kube::Service &service)
{
    m_services.insert(service.metadata.uid, service);
    Q_EMIT servicesChanged();
}

void ClusterStore::removeService(const QString &uid)
{
    if (m_services.remove(uid))
        Q_EMIT servicesChanged();
}

void ClusterStore::upsertReplicaSet(const kube::ReplicaSet &rs)
{
    ControllerInfo info{QStringLiteral("ReplicaSet"), rs.metadata, rs.selector, rs.replicas, {}, true};
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertJob(const kube::Job &job)
{
    kube::ReplicaCounts counts;
    counts.desired = job.completions < 0 ? 1 : job.completions;
    counts.current = job.active;
    counts.ready = job.succeeded;
    ControllerInfo info{QStringLiteral("Job"), job.metadata, job.selector, counts, {}, false};
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertDeployment(const kube::Deployment &d)
{
    ControllerInfo info{QStringLiteral("Deployment"), d.metadata, d.selector, d.replicas,
                        d.strategyType, true};
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertStatefulSet(const kube::StatefulSet &s)
{
    ControllerInfo info{QStringLiteral("StatefulSet"), s.metadata, s.selector, s.replicas,
                        s.updateStrategyType, true};
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertDaemonSet(const kube::DaemonSet &d)
{
    ControllerInfo info{QStringLiteral("DaemonSet"), d.metadata, d.selector, d.replicas,
                        d.updateStrategyType, true};
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertCronJob(const kube::CronJob &c)
{
    ControllerInfo info{QStringLiteral("CronJob"), c.metadata, {}, {}, c.schedule, false};
    info.replicas.current = int(c.active.size());
    upsertWorkload(std::move(info));
}

void ClusterStore::upsertWorkload(ControllerInfo info)
{
    const QString kind = info.kind;
    const kube::ObjectMeta meta = info.metadata;
    const QString &uid = meta.uid;
    const auto old = m_workloads.constFind(uid);
    const bool ownerChanged = old == m_workloads.cend()
        || (old->metadata.controllerRef() ? old->metadata.controllerRef()->uid : QString())
            != (meta.controllerRef() ? meta.controllerRef()->uid : QString());
    m_workloads.insert(uid, Owned{kind, meta});
    if (ownerChanged)
        indexWorkloadOwner(uid, meta.controllerRef() ? meta.controllerRef()->uid : QString());
    m_knownNamespaces.insert(meta.namespaceName);
    const QString id = MetricsHistory::controllerId(meta.namespaceName, kind, meta.name);
    m_controllerIdByUid.insert(uid, id);
    const bool topLevel = meta.controllerRef() == nullptr;
    if (topLevel)
        m_controllers.insert(id, std::move(info));
    else
        m_controllers.remove(id);
    Q_EMIT controllerChanged(id);
    if (ownerChanged)
        reresolveOwnedBy(uid);
}

void ClusterStore::removeWorkload(const QString &uid)
{
    if (!m_workloads.remove(uid))
        return;
    indexWorkloadOwner(uid, QString());
    const QString id = m_controllerIdByUid.take(uid);
    m_controllers.remove(id);
    Q_EMIT controllerChanged(id);
    reresolveOwnedBy(uid);
}

void ClusterStore::reresolveOwnedBy(const QString &ownerUid)
{
    const QSet<QString> pods = m_podsByOwner.value(ownerUid);
    for (const QString &uid : pods) {
        const QString before = m_podController.value(uid);
        reindexPod(uid);
        if (m_podController.value(uid) != before)
            Q_EMIT podChanged(uid);
    }
    // Children (a Deployment's ReplicaSets) carry pods whose top level may have changed too.
    // They come from an index: scanning every workload here made a list of 60,000 workloads
    // cost 60,000² steps.
    const QSet<QString> children = m_workloadsByOwner.value(ownerUid);
    for (const QString &child : children) {
        const QSet<QString> childPods = m_podsByOwner.value(child);
        for (const QString &uid : childPods) {
            const QString before = m_podController.value(uid);
            reindexPod(uid);
            if (m_podController.value(uid) != before)
                Q_EMIT podChanged(uid);
        }
    }
}

void ClusterStore::indexWorkloadOwner(const QString &uid, const QString &ownerUid)
{
    const QString before = m_workloadOwner.take(uid);
    if (!before.isEmpty()) {
        auto it = m_workloadsByOwner.find(before);
        if (it != m_workloadsByOwner.end()) {
            it->remove(uid);
            if (it->isEmpty())
                m_workloadsByOwner.erase(it);
        }
    }
    if (!ownerUid.isEmpty()) {
        m_workloadOwner.insert(uid, ownerUid);
        m_workloadsByOwner[ownerUid].insert(uid);
    }
}

void ClusterStore::reindexPod(const QString &uid)
{
    auto dropFrom = [&uid](QHash<QString, QSet<QString>> &index, const QString &key) {
        auto it = index.find(key);
        if (it == index.end())
            return;
        it->remove(uid);
        if (it->isEmpty())
            index.erase(it);
    };
    if (m_podController.contains(uid))
        dropFrom(m_podsByController, m_podController.take(uid));
    if (m_podNode.contains(uid))
        dropFrom(m_podsByNode, m_podNode.take(uid));
    if (m_podOwner.contains(uid))
        dropFrom(m_podsByOwner, m_podOwner.take(uid));

    const auto it = m_pods.constFind(uid);
    if (it == m_pods.cend())
        return;
    const QString controllerId = resolveController(*it);
    m_podController.insert(uid, controllerId);
    m_podsByController[controllerId].insert(uid);
    m_podNode.insert(uid, it->nodeName);
    m_podsByNode[it->nodeName].insert(uid);
    if (const kube::OwnerReference *ref = it->metadata.controllerRef()) {
        m_podOwner.insert(uid, ref->uid);
        m_podsByOwner[ref->uid].insert(uid);
    }
}

QString ClusterStore::resolveController(const kube::Pod &pod) const
{
    const kube::OwnerReference *ref = pod.metadata.controllerRef();
    return ref ? topLevelOf(pod.metadata.namespaceName, *ref, 0) : QString();
}

QString ClusterStore::topLevelOf(const QString &ns, const kube::OwnerReference &ref,
                                 int depth) const
{
    const auto it = m_workloads.constFind(ref.uid);
    // The depth bound guards against owner cycles in malformed data.
    if (it != m_workloads.cend() && depth < 4) {
        if (const kube::OwnerReference *up = it->metadata.controllerRef())
            return topLevelOf(ns, *up, depth + 1);
    }
    return MetricsHistory::controllerId(ns, ref.kind, ref.name);
}

void ClusterStore::mergeNodes(const QList<kube::Node> &nodes)
{
    QSet<QString> keep;
    for (const auto &n : nodes)
        keep.insert(n.metadata.name);
    const QStringList names = m_nodes.keys();
    for (const QString &name : names) {
        if (!keep.contains(name))
            removeNode(name);
    }
    for (const auto &n : nodes)
        upsertNode(n);
}

void ClusterStore::mergePods(const QList<kube::Pod> &pods)
{
    QSet<QString> keep;
    for (const auto &p : pods)
        keep.insert(p.metadata.uid);
    const QStringList uids = m_pods.keys();
    for (const QString &uid : uids) {
        if (!keep.contains(uid))
            removePod(uid);
    }
    for (const auto &p : pods)
        upsertPod(p);
}

void ClusterStore::clear()
{
    m_nodes.clear();
    m_pods.clear();
    m_namespaces.clear();
    m_services.clear();
    m_workloads.clear();
    m_controllerIdByUid.clear();
    m_workloadOwner.clear();
    m_workloadsByOwner.clear();
    m_controllers.clear();
    m_podController.clear();
    m_podsByController.clear();
    m_podsByNode.clear();
    m_podNode.clear();
    m_podsByOwner.clear();
    m_podOwner.clear();
    m_knownNamespaces.clear();
    Q_EMIT cleared();
    Q_EMIT namespacesChanged();
    Q_EMIT servicesChanged();
}

const kube::Node *ClusterStore::node(const QString &name) const
{
    const auto it = m_nodes.constFind(name);
    return it == m_nodes.cend() ? nullptr : &*it;
}

const kube::Pod *ClusterStore::pod(const QString &uid) const
{
    const auto it = m_pods.constFind(uid);
    return it == m_pods.cend() ? nullptr : &*it;
}

const ControllerInfo *ClusterStore::controller(const QString &id) const
{
    const auto it = m_controllers.constFind(id);
    return it == m_controllers.cend() ? nullptr : &*it;
}

const kube::Service *ClusterStore::service(const QString &uid) const
{
    const auto it = m_services.constFind(uid);
    return it == m_services.cend() ? nullptr : &*it;
}

QList<const kube::Service *> ClusterStore::services() const
{
    QList<const kube::Service *> out;
    for (const auto &s : m_services)
        out << &s;
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
        const QString pool = nodePoolOf(n);
        if (!pool.isEmpty())
            pools.insert(pool);
    }
    QStringList out(pools.cbegin(), pools.cend());
    out.sort();
    return out;
}

QString ClusterStore::controllerIdOf(const QString &podUid) const
{
    return m_podController.value(podUid);
}

QString ClusterStore::controllerKind(const QString &controllerId)
{
    return controllerId.section(QLatin1Char('/'), 1, 1);
}

QString ClusterStore::controllerName(const QString &controllerId)
{
    return controllerId.section(QLatin1Char('/'), 2);
}
