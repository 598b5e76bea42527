#pragma once

// The pod side of the insight filters (namespaces, pod, controller, node, node pool, label
// selector, service), resolved once per filter state so testing a pod costs no look-ups.
#include "kubeapi/objects/objects.h"
#include "models/cluster/labelselector.h"

#include <QSet>
#include <QString>

class ClusterStore;
class InsightsFilter;

class InsightsPodMatcher final
{
public:
    InsightsPodMatcher() = default;
    // The filter's current state against the feed's current nodes and services;
    // `withNamespaces` false leaves the namespace filter out (the Namespaces tab shows all).
    InsightsPodMatcher(const InsightsFilter &filter, const ClusterStore &feed,
                       bool withNamespaces = true);

    bool nodeMatches(const QString &nodeName) const;
    bool matches(const kube::Pod &pod, const QString &uid) const;

private:
    const ClusterStore *m_store = nullptr;
    QSet<QString> m_namespaces;
    QString m_pod;
    QString m_controller;
    QString m_node;
    QString m_nodePool;
    LabelSelector m_selector;
    bool m_serviceFilter = false;
    bool m_serviceSelects = false; // found, with a selector (a Service without one selects none)
    QString m_serviceNamespace;
    kube::StringPairs m_serviceSelector;
};
