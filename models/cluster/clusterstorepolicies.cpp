// ClusterStore: what namespaces may use and who may talk to them (ResourceQuotas, LimitRanges,
// NetworkPolicies), and the Namespace objects themselves.
#include "models/cluster/clusterstore.h"

const kube::Namespace *ClusterStore::namespaceObject(const QString &name) const
{
    const auto it = m_namespaces.constFind(name);
    return it == m_namespaces.cend() ? nullptr : it->get();
}

void ClusterStore::upsert(Ptr<kube::ResourceQuota> quota)
{
    const QString ns = quota->metadata.namespaceName;
    m_quotas.upsert(std::move(quota));
    noteNamespace(ns);
    Q_EMIT namespaceChanged(ns);
}

void ClusterStore::upsert(Ptr<kube::LimitRange> limits)
{
    const QString ns = limits->metadata.namespaceName;
    m_limitRanges.upsert(std::move(limits));
    noteNamespace(ns);
    Q_EMIT namespaceChanged(ns);
}

void ClusterStore::upsert(Ptr<kube::NetworkPolicy> policy)
{
    const QString ns = policy->metadata.namespaceName;
    m_networkPolicies.upsert(std::move(policy));
    noteNamespace(ns);
    Q_EMIT namespaceChanged(ns);
}

void ClusterStore::remove(const Ptr<kube::ResourceQuota> &quota)
{
    if (m_quotas.remove(quota->metadata.namespaceName, quota->metadata.name))
        Q_EMIT namespaceChanged(quota->metadata.namespaceName);
}

void ClusterStore::remove(const Ptr<kube::LimitRange> &limits)
{
    if (m_limitRanges.remove(limits->metadata.namespaceName, limits->metadata.name))
        Q_EMIT namespaceChanged(limits->metadata.namespaceName);
}

void ClusterStore::remove(const Ptr<kube::NetworkPolicy> &policy)
{
    if (m_networkPolicies.remove(policy->metadata.namespaceName, policy->metadata.name))
        Q_EMIT namespaceChanged(policy->metadata.namespaceName);
}

const ControllerInfo *ClusterStore::workload(const QString &uid) const
{
    const auto it = m_workloads.constFind(uid);
    return it == m_workloads.cend() ? nullptr : &it->info;
}
