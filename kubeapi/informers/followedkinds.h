#pragma once

// The one list of kinds Klarsicht follows: the live session starts an informer for each, the
// snapshot writer fetches each, the snapshot reader and capture load each. The order is the
// order of listing and loading: owners before what they own, so that a pod's top-level
// controller usually resolves on first sight.
#include "kubeapi/informers/resourcekind.h"
#include "kubeapi/objects/objects.h"

#include <QList>
#include <QString>

#include <optional>
#include <tuple>

namespace kube {

using FollowedKinds =
    std::tuple<Namespace, ResourceQuota, LimitRange, NetworkPolicy, Node, Deployment, ReplicaSet,
               StatefulSet, DaemonSet, CronJob, Job, Service, Pod>;

// Calls f.template operator()<T>() for each followed type T, in order.
template<typename F>
void forEachFollowedKind(F &&f)
{
    [&f]<typename... T>(std::tuple<T...> *) {
        (f.template operator()<T>(), ...);
    }(static_cast<FollowedKinds *>(nullptr));
}

// The followed kinds as values, in order.
inline QList<ResourceKind> followedKinds()
{
    QList<ResourceKind> kinds;
    forEachFollowedKind([&kinds]<typename T>() { kinds.append(resourceKindOf<T>()); });
    return kinds;
}

// The followed kind with this plural ("pods"), if it is one.
inline std::optional<ResourceKind> followedKindNamed(const QString &plural)
{
    for (const ResourceKind &kind : followedKinds()) {
        if (kind.plural == plural)
            return kind;
    }
    return std::nullopt;
}

} // namespace kube
