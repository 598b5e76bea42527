#include "models/insights/insightspodmatcher.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"

InsightsPodMatcher::InsightsPodMatcher(const InsightsFilter &filter, const ClusterStore &feed,
                                       bool withNamespaces)
    : m_store(&feed)
    , m_pod(filter.pod())
    , m_controller(filter.controller())
    , m_node(filter.node())
    , m_nodePool(filter.nodePool())
    , m_selector(filter.labelSelector())
{
    if (withNamespaces) {
        for (const QString &ns : filter.namespaces())
            m_namespaces.insert(ns);
    }
    if (!filter.service().isEmpty()) {
        m_serviceFilter = true;
        m_serviceNamespace = filter.service().section(QLatin1Char('/'), 0, 0);
        const QString name = filter.service().section(QLatin1Char('/'), 1);
        for (const kube::Service *s : feed.services()) {
            if (s->metadata.namespaceName == m_serviceNamespace && s->metadata.name == name) {
                m_serviceSelector = s->selector;
                m_serviceSelects = !s->selector.isEmpty();
            }
        }
    }
}

bool InsightsPodMatcher::nodeMatches(const QString &nodeName) const
{
    if (!m_node.isEmpty() && nodeName != m_node)
        return false;
    if (m_nodePool.isEmpty())
        return true;
    // Looked up live: a node that joins the pool later counts at once.
    const kube::Node *node = m_store->node(nodeName);
    return node && ClusterStore::nodePoolOf(*node) == m_nodePool;
}

bool InsightsPodMatcher::matches(const kube::Pod &pod, const QString &uid) const
{
    if (!m_namespaces.isEmpty() && !m_namespaces.contains(pod.metadata.namespaceName))
        return false;
    if (!m_pod.isEmpty() && m_pod != uid)
        return false;
    if (!m_controller.isEmpty() && m_store->controllerOf(uid).key() != m_controller)
        return false;
    if (!nodeMatches(pod.nodeName))
        return false;
    if (!m_selector.isEmpty() && !m_selector.matchesPairs(pod.metadata.labels))
        return false;
    if (m_serviceFilter) {
        // A Service selects pods of its own namespace whose labels contain its selector.
        if (!m_serviceSelects || pod.metadata.namespaceName != m_serviceNamespace)
            return false;
        for (const auto &[k, v] : m_serviceSelector) {
            const QString *value = kube::findValue(pod.metadata.labels, k);
            if (!value || *value != v)
                return false;
        }
    }
    return true;
}
