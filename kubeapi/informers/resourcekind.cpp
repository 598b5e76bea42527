#include "kubeapi/informers/resourcekind.h"

#include "kubeapi/objects/namespacepolicy.h"
#include "kubeapi/objects/objects.h"

namespace kube {

QString ResourceKind::collectionPath(const QString &ns) const
{
    QString path = group.isEmpty()
                       ? QString(QStringLiteral("/api/") + version)
                       : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    if (namespaced && !ns.isEmpty())
        path += QStringLiteral("/namespaces/") + ns;
    return path + QLatin1Char('/') + plural;
}

QString ResourceKind::qualifiedName() const
{
    return group.isEmpty() ? plural : QString(plural + QLatin1Char('.') + group);
}

namespace {
ResourceKind make(const char *group, const char *version, const char *plural, const char *kind,
                  bool namespaced)
{
    return ResourceKind{QLatin1String(group), QLatin1String(version), QLatin1String(plural),
                        QLatin1String(kind), namespaced};
}
} // namespace

template<>
ResourceKind resourceKindOf<Namespace>()
{
    return make("", "v1", "namespaces", "Namespace", false);
}
template<>
ResourceKind resourceKindOf<Node>()
{
    return make("", "v1", "nodes", "Node", false);
}
template<>
ResourceKind resourceKindOf<Pod>()
{
    return make("", "v1", "pods", "Pod", true);
}
template<>
ResourceKind resourceKindOf<Service>()
{
    return make("", "v1", "services", "Service", true);
}
template<>
ResourceKind resourceKindOf<ResourceQuota>()
{
    return make("", "v1", "resourcequotas", "ResourceQuota", true);
}
template<>
ResourceKind resourceKindOf<LimitRange>()
{
    return make("", "v1", "limitranges", "LimitRange", true);
}
template<>
ResourceKind resourceKindOf<NetworkPolicy>()
{
    return make("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true);
}
template<>
ResourceKind resourceKindOf<Event>()
{
    return make("", "v1", "events", "Event", true);
}
template<>
ResourceKind resourceKindOf<ReplicaSet>()
{
    return make("apps", "v1", "replicasets", "ReplicaSet", true);
}
template<>
ResourceKind resourceKindOf<Deployment>()
{
    return make("apps", "v1", "deployments", "Deployment", true);
}
template<>
ResourceKind resourceKindOf<StatefulSet>()
{
    return make("apps", "v1", "statefulsets", "StatefulSet", true);
}
template<>
ResourceKind resourceKindOf<DaemonSet>()
{
    return make("apps", "v1", "daemonsets", "DaemonSet", true);
}
template<>
ResourceKind resourceKindOf<Job>()
{
    return make("batch", "v1", "jobs", "Job", true);
}
template<>
ResourceKind resourceKindOf<CronJob>()
{
    return make("batch", "v1", "cronjobs", "CronJob", true);
}
template<>
ResourceKind resourceKindOf<HorizontalPodAutoscaler>()
{
    return make("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true);
}

} // namespace kube
