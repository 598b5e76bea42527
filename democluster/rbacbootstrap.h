#pragma once

// The RBAC objects a demo cluster starts with: the bootstrap ClusterRoles and
// ClusterRoleBindings of kube-apiserver that matter here (cluster-admin for system:masters,
// admin/edit/view to bind, system:discovery, system:basic-user and system:public-info-viewer
// for every authenticated user) and the demo's RoleBinding that lets the `viewer` read one
// namespace.
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace demo {

class RbacBootstrap final
{
public:
    // The namespace the demo-viewer context reads (its kubeconfig namespace).
    static constexpr const char *viewerNamespace = "team-a";

    // (store key, object) in the order to create them; `created` is an RFC 3339 timestamp.
    static std::vector<std::pair<std::string, nlohmann::json>> objects(const std::string &created);
};

} // namespace demo
