#pragma once

// A snapshot of the cluster's RBAC objects (Roles, ClusterRoles, RoleBindings,
// ClusterRoleBindings) and the RBAC authorizer's evaluation of it. Immutable once loaded, so
// any number of request threads may share one; the Authorizer loads a new one after a write.
#include "democluster/objectstore.h"
#include "democluster/policyrule.h"
#include "democluster/requestattributes.h"

#include <array>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace demo {

class RbacPolicy final
{
public:
    // The store keys of the four kinds, in the order Authorizer watches them.
    static const std::array<const char *, 4> &storeKeys();

    // Reads the four kinds; a store that does not serve them gives an empty policy.
    static RbacPolicy load(const ObjectStore &store);

    // As the RBAC authorizer: ClusterRoleBindings first, then the RoleBindings of the request's
    // namespace; the first rule that allows decides. Denials give no reason unless a binding
    // refers to a role that is missing ("RBAC: clusterrole.rbac.authorization.k8s.io ...").
    AccessDecision authorize(const User &user, const RequestAttributes &attributes) const;

    struct Rules
    {
        std::vector<PolicyRule> rules;
        std::vector<std::string> errors; // roles that bindings refer to but that do not exist
    };
    // Every rule that applies to `user` in `ns` ("" = cluster-wide bindings only), in the
    // authorizer's order: what SelfSubjectRulesReview reports.
    Rules rulesFor(const User &user, const std::string &ns) const;
    // Errors as utilerrors.NewAggregate prints them: one as it is, several as "[a, b]".
    static std::string aggregate(const std::vector<std::string> &errors);

private:
    struct Subject
    {
        std::string kind; // User, Group, ServiceAccount
        std::string name;
        std::string ns;
    };
    struct Binding
    {
        std::string name;
        std::string ns; // empty for a ClusterRoleBinding
        std::string roleKind;
        std::string roleName;
        std::vector<Subject> subjects;
    };
    // Called per rule with where it came from, or with an error for a missing role; returns
    // false to stop.
    using Visitor = std::function<bool(const std::string &source, const PolicyRule *rule,
                                       const std::string &error)>;

    void visit(const User &user, const std::string &ns, const Visitor &visitor) const;
    bool visitBinding(const User &user, const Binding &binding, const Visitor &visitor) const;
    const std::vector<PolicyRule> *roleRules(const Binding &binding, std::string &error) const;
    static const Subject *subjectFor(const User &user, const Binding &binding);
    static Binding bindingFromJson(const nlohmann::json &object);

    std::vector<Binding> m_clusterBindings;                 // sorted by name
    std::map<std::string, std::vector<Binding>> m_bindings; // by namespace, sorted by name
    std::map<std::string, std::vector<PolicyRule>> m_clusterRoles;
    std::map<std::pair<std::string, std::string>, std::vector<PolicyRule>> m_roles; // ns, name
};

} // namespace demo
