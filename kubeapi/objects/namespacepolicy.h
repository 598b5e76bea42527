#pragma once

// The objects that say what a namespace may use and who may talk to it: ResourceQuota,
// LimitRange and NetworkPolicy (filled by decoders.h, shown by the Namespaces tab).
#include "kubeapi/objects/objects.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace kube {

// A map of resource names to quantities ("requests.cpu" → 2, "pods" → 10), in the JSON's order.
using ResourceList = QList<std::pair<QString, Quantity>>;

inline const Quantity *findQuantity(const ResourceList &list, QStringView name)
{
    for (const auto &entry : list) {
        if (entry.first == name)
            return &entry.second;
    }
    return nullptr;
}

// ---- ResourceQuota ---------------------------------------------------------------------------

struct ScopeSelectorRequirement
{
    QString scopeName; // PriorityClass, Terminating, BestEffort, …
    QString op;        // In, NotIn, Exists, DoesNotExist
    QStringList values;
};

struct ResourceQuota
{
    ObjectMeta metadata;
    ResourceList specHard;
    QStringList scopes;
    QList<ScopeSelectorRequirement> scopeSelector;
    ResourceList statusHard; // what the quota controller enforces (kubectl describe shows it)
    ResourceList used;

    // status.hard once the quota controller has seen the quota, spec.hard before.
    const ResourceList &hard() const { return statusHard.isEmpty() ? specHard : statusHard; }
};

// ---- LimitRange ------------------------------------------------------------------------------

struct LimitRangeItem
{
    QString type; // Container, Pod, PersistentVolumeClaim
    ResourceList max;
    ResourceList min;
    ResourceList defaultLimits; // "default": the limits a container without any gets
    ResourceList defaultRequest;
    ResourceList maxLimitRequestRatio;
};

struct LimitRange
{
    ObjectMeta metadata;
    QList<LimitRangeItem> limits;
};

// ---- NetworkPolicy ---------------------------------------------------------------------------

struct NetworkPolicyPort
{
    QString protocol; // TCP (the default), UDP, SCTP
    QString port;     // a number or a named port; "" = every port
    qint32 endPort = 0;
};

// One entry of from/to. A peer with only a pod selector means pods of the policy's namespace;
// with a namespace selector, pods (all, or those the pod selector picks) of the namespaces it
// picks; an ipBlock stands alone.
struct NetworkPolicyPeer
{
    bool hasPodSelector = false;
    LabelSelector podSelector;
    bool hasNamespaceSelector = false;
    LabelSelector namespaceSelector;
    QString ipBlockCidr; // "" = no ipBlock
    QStringList ipBlockExcept;
};

// One ingress or egress rule: traffic from/to any of `peers` (none listed = from/to anywhere)
// on any of `ports` (none listed = every port).
struct NetworkPolicyRule
{
    QList<NetworkPolicyPort> ports;
    QList<NetworkPolicyPeer> peers;
};

struct NetworkPolicy
{
    ObjectMeta metadata;
    LabelSelector podSelector; // empty = every pod of the namespace
    // policyTypes as the API server defaults them: Ingress always when not given, Egress when
    // not given but egress rules exist.
    bool isolatesIngress = false;
    bool isolatesEgress = false;
    QList<NetworkPolicyRule> ingress;
    QList<NetworkPolicyRule> egress;
};

} // namespace kube
