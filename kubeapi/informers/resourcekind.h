#pragma once

// Which API resource an informer lists and watches (group, version, plural, scope) and the URL
// path for it, plus the kind of every objects.h type the dashboard follows.
#include "kubeapi/objects/namespacepolicy.h"
#include "kubeapi/objects/objects.h"

#include <QString>

namespace kube {

struct ResourceKind
{
    QString group;   // "" = core (/api/v1)
    QString version; // "v1"
    QString plural;  // "pods"
    QString kind;    // "Pod"
    bool namespaced = true;

    // /api/v1/pods, /api/v1/namespaces/ns/pods, /apis/apps/v1/deployments, …
    // `ns` is ignored for cluster-scoped kinds.
    QString collectionPath(const QString &ns = {}) const;
    // "pods" or "deployments.apps", as kubectl names it.
    QString qualifiedName() const;
};

// The kind of each type in objects.h that has one (Namespace, Node, Pod, ReplicaSet,
// Deployment, StatefulSet, DaemonSet, Job, CronJob, Event, HorizontalPodAutoscaler, Service,
// ResourceQuota, LimitRange, NetworkPolicy).
template<typename T>
ResourceKind resourceKindOf();
template<>
ResourceKind resourceKindOf<Namespace>();
template<>
ResourceKind resourceKindOf<Node>();
template<>
ResourceKind resourceKindOf<Pod>();
template<>
ResourceKind resourceKindOf<Service>();
template<>
ResourceKind resourceKindOf<ResourceQuota>();
template<>
ResourceKind resourceKindOf<LimitRange>();
template<>
ResourceKind resourceKindOf<NetworkPolicy>();
template<>
ResourceKind resourceKindOf<Event>();
template<>
ResourceKind resourceKindOf<ReplicaSet>();
template<>
ResourceKind resourceKindOf<Deployment>();
template<>
ResourceKind resourceKindOf<StatefulSet>();
template<>
ResourceKind resourceKindOf<DaemonSet>();
template<>
ResourceKind resourceKindOf<Job>();
template<>
ResourceKind resourceKindOf<CronJob>();
template<>
ResourceKind resourceKindOf<HorizontalPodAutoscaler>();

} // namespace kube
