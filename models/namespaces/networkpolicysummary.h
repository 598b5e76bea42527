#pragma once

// NetworkPolicies in words a trainer can say: what a namespace's policies isolate ("ingress
// isolated", "open"), and for one policy which pods it selects and which peers and ports may
// come in or go out, derived from podSelector, namespaceSelector, ipBlock and ports.
#include "kubeapi/objects/namespacepolicy.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class NetworkPolicySummary final
{
    Q_DECLARE_TR_FUNCTIONS(NetworkPolicySummary)
public:
    // How far a namespace's policies isolate its pods. A direction is isolated for every pod
    // when a policy of that type selects all pods (an empty podSelector), for some pods when
    // policies select only some.
    enum class Isolation { Open, SomePods, AllPods };
    struct NamespaceIsolation
    {
        Isolation ingress = Isolation::Open;
        Isolation egress = Isolation::Open;
        int policies = 0;
    };
    static NamespaceIsolation isolationOf(const QList<const kube::NetworkPolicy *> &policies);
    // "ingress isolated", "ingress and egress isolated", "egress isolated (some pods)", "open".
    static QString words(const NamespaceIsolation &isolation);

    // The policy in one short sentence: "Denies all incoming traffic", "Denies traffic from
    // other namespaces", "Allows traffic in from namespaces with team=ops", …
    static QString headline(const kube::NetworkPolicy &policy);
    // Every line of the policy: which pods it applies to, then one line per rule.
    static QStringList describe(const kube::NetworkPolicy &policy);

    // "app=web, tier in (a, b), !canary"; "" for an empty selector.
    static QString selectorText(const kube::LabelSelector &selector);
    // One peer: "every pod in this namespace", "pods with app=db in namespaces with team=ops",
    // "10.0.0.0/8 except 10.0.99.0/24".
    static QString peerText(const kube::NetworkPolicyPeer &peer);
    // "every port", "TCP 8080", "TCP 8000–9000, UDP 53".
    static QString portsText(const QList<kube::NetworkPolicyPort> &ports);

private:
    static QString peersText(const QList<kube::NetworkPolicyPeer> &peers);
    // Whether every peer of every rule is a pod of the policy's own namespace.
    static bool onlyOwnNamespace(const QList<kube::NetworkPolicyRule> &rules);
};
