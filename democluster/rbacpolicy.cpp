#include "democluster/rbacpolicy.h"

#include <algorithm>

namespace demo {

using nlohmann::json;

namespace {

const char *const roleKey = "rbac.authorization.k8s.io/roles";
const char *const roleBindingKey = "rbac.authorization.k8s.io/rolebindings";
const char *const clusterRoleKey = "rbac.authorization.k8s.io/clusterroles";
const char *const clusterRoleBindingKey = "rbac.authorization.k8s.io/clusterrolebindings";

std::string text(const json &object, const char *field)
{
    const auto it = object.find(field);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<PolicyRule> rulesOf(const json &role)
{
    std::vector<PolicyRule> rules;
    const auto it = role.find("rules");
    if (it != role.end() && it->is_array())
        for (const json &rule : *it)
            rules.push_back(PolicyRule::fromJson(rule));
    return rules;
}

std::string quoted(const std::string &s)
{
    return "\"" + s + "\"";
}

} // namespace

const std::array<const char *, 4> &RbacPolicy::storeKeys()
{
    static const std::array<const char *, 4> keys = {roleKey, roleBindingKey, clusterRoleKey,
                                                     clusterRoleBindingKey};
    return keys;
}

RbacPolicy RbacPolicy::load(const ObjectStore &store)
{
    RbacPolicy p;
    for (const char *key : storeKeys())
        if (!store.type(key))
            return p;
    for (const auto &role : store.list(clusterRoleKey).items)
        p.m_clusterRoles[text((*role)["metadata"], "name")] = rulesOf(*role);
    for (const auto &role : store.list(roleKey).items) {
        const json &meta = (*role)["metadata"];
        p.m_roles[{text(meta, "namespace"), text(meta, "name")}] = rulesOf(*role);
    }
    for (const auto &binding : store.list(clusterRoleBindingKey).items)
        p.m_clusterBindings.push_back(bindingFromJson(*binding));
    for (const auto &binding : store.list(roleBindingKey).items) {
        Binding b = bindingFromJson(*binding);
        p.m_bindings[b.ns].push_back(std::move(b));
    }
    return p;
}

RbacPolicy::Binding RbacPolicy::bindingFromJson(const json &object)
{
    Binding b;
    const json &meta = object["metadata"];
    b.name = text(meta, "name");
    b.ns = text(meta, "namespace");
    if (const auto ref = object.find("roleRef"); ref != object.end() && ref->is_object()) {
        b.roleKind = text(*ref, "kind");
        b.roleName = text(*ref, "name");
    }
    if (const auto subjects = object.find("subjects");
        subjects != object.end() && subjects->is_array())
        for (const json &s : *subjects)
            if (s.is_object())
                b.subjects.push_back({text(s, "kind"), text(s, "name"), text(s, "namespace")});
    return b;
}

const RbacPolicy::Subject *RbacPolicy::subjectFor(const User &user, const Binding &binding)
{
    for (const Subject &s : binding.subjects) {
        if (s.kind == "User" && s.name == user.name)
            return &s;
        if (s.kind == "Group"
            && std::find(user.groups.begin(), user.groups.end(), s.name) != user.groups.end())
            return &s;
        if (s.kind == "ServiceAccount") {
            // A RoleBinding's subject without a namespace means a service account of its own.
            const std::string ns = s.ns.empty() ? binding.ns : s.ns;
            if (!ns.empty() && user.name == "system:serviceaccount:" + ns + ":" + s.name)
                return &s;
        }
    }
    return nullptr;
}

const std::vector<PolicyRule> *RbacPolicy::roleRules(const Binding &binding,
                                                     std::string &error) const
{
    if (binding.roleKind == "ClusterRole") {
        const auto it = m_clusterRoles.find(binding.roleName);
        if (it != m_clusterRoles.end())
            return &it->second;
        error = "clusterrole.rbac.authorization.k8s.io " + quoted(binding.roleName) + " not found";
    } else if (binding.roleKind == "Role" && !binding.ns.empty()) {
        const auto it = m_roles.find({binding.ns, binding.roleName});
        if (it != m_roles.end())
            return &it->second;
        error = "role.rbac.authorization.k8s.io " + quoted(binding.roleName) + " not found";
    } else {
        error = "unsupported role reference kind: " + quoted(binding.roleKind);
    }
    return nullptr;
}

bool RbacPolicy::visitBinding(const User &user, const Binding &binding,
                              const Visitor &visitor) const
{
    const Subject *subject = subjectFor(user, binding);
    if (!subject)
        return true;
    std::string error;
    const std::vector<PolicyRule> *rules = roleRules(binding, error);
    if (!rules)
        return visitor({}, nullptr, error);
    // The wording of the real authorizer's reasons: RoleBinding "name/namespace" of
    // ClusterRole "view" to User "viewer".
    std::string source = binding.ns.empty()
                             ? "ClusterRoleBinding " + quoted(binding.name)
                             : "RoleBinding " + quoted(binding.name + "/" + binding.ns);
    source += " of " + binding.roleKind + " " + quoted(binding.roleName) + " to " + subject->kind
              + " ";
    if (subject->kind == "ServiceAccount")
        source += quoted(subject->name + "/" + (subject->ns.empty() ? binding.ns : subject->ns));
    else
        source += quoted(subject->name);
    for (const PolicyRule &rule : *rules)
        if (!visitor(source, &rule, {}))
            return false;
    return true;
}

void RbacPolicy::visit(const User &user, const std::string &ns, const Visitor &visitor) const
{
    for (const Binding &binding : m_clusterBindings)
        if (!visitBinding(user, binding, visitor))
            return;
    if (ns.empty())
        return;
    const auto it = m_bindings.find(ns);
    if (it == m_bindings.end())
        return;
    for (const Binding &binding : it->second)
        if (!visitBinding(user, binding, visitor))
            return;
}

AccessDecision RbacPolicy::authorize(const User &user, const RequestAttributes &a) const
{
    AccessDecision decision;
    std::vector<std::string> errors;
    visit(user, a.ns,
          [&](const std::string &source, const PolicyRule *rule, const std::string &error) {
              if (!rule) {
                  errors.push_back(error);
                  return true;
              }
              if (!rule->allows(a))
                  return true;
              decision.allowed = true;
              decision.reason = "RBAC: allowed by " + source;
              return false;
          });
    if (!decision.allowed && !errors.empty())
        decision.reason = "RBAC: " + aggregate(errors);
    return decision;
}

std::string RbacPolicy::aggregate(const std::vector<std::string> &errors)
{
    std::string joined;
    for (const std::string &e : errors)
        joined += (joined.empty() ? "" : ", ") + e;
    return errors.size() == 1 ? joined : "[" + joined + "]";
}

RbacPolicy::Rules RbacPolicy::rulesFor(const User &user, const std::string &ns) const
{
    Rules out;
    visit(user, ns, [&](const std::string &, const PolicyRule *rule, const std::string &error) {
        if (rule)
            out.rules.push_back(*rule);
        else
            out.errors.push_back(error);
        return true;
    });
    return out;
}

} // namespace demo
