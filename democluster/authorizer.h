#pragma once

// Who may do what on the demo cluster, decided like kube-apiserver's authorizer chain: group
// system:masters may do everything, everyone else gets what the cluster's RBAC objects grant
// (the presets seed the bootstrap roles, so discovery, health and self access reviews are open
// to system:authenticated). The `viewer` user's access comes from RoleBinding team-a/viewer-view
// (ClusterRole view) and can be widened with e.g.
//   kubectl create clusterrolebinding viewer-all --clusterrole=view --user=viewer
// Denials carry the RBAC authorizer's exact 403 wording.
#include "democluster/objectstore.h"
#include "democluster/rbacpolicy.h"
#include "democluster/requestattributes.h"

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace demo {

class Authorizer final
{
public:
    // Reads the RBAC objects of `store`, which must outlive the authorizer.
    explicit Authorizer(const ObjectStore &store);

    AccessDecision authorize(const User &user, const RequestAttributes &attributes) const;
    bool allowed(const User &user, const RequestAttributes &attributes) const
    {
        return authorize(user, attributes).allowed;
    }
    // The RBAC rules that apply to `user` in `ns`, for SelfSubjectRulesReview.
    RbacPolicy::Rules rulesFor(const User &user, const std::string &ns) const;

    // The privileged group that bypasses RBAC (kube-apiserver's system:masters).
    static bool privileged(const User &user);
    // The Forbidden Status message for a denied request (fact sheet §4).
    static std::string forbiddenMessage(const User &user, const RequestAttributes &attributes);

private:
    // The policy of the store's current RBAC objects. Every request asks, so it only compares
    // the four kinds' last change with the loaded snapshot's and reloads (a handful of
    // objects) after one of them was written; the snapshot is shared, never modified.
    std::shared_ptr<const RbacPolicy> policy() const;

    const ObjectStore &m_store;
    mutable std::mutex m_mutex;
    mutable std::shared_ptr<const RbacPolicy> m_policy;
    mutable std::array<std::uint64_t, 4> m_versions{};
};

} // namespace demo
