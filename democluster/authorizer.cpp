#include "democluster/authorizer.h"

#include <algorithm>

namespace demo {

Authorizer::Authorizer(const ObjectStore &store)
    : m_store(store)
{}

bool Authorizer::privileged(const User &user)
{
    return std::find(user.groups.begin(), user.groups.end(), "system:masters") != user.groups.end();
}

std::shared_ptr<const RbacPolicy> Authorizer::policy() const
{
    // The versions are read before the objects: a write in between makes the next request
    // load again, never keeps a stale policy.
    std::array<std::uint64_t, 4> versions{};
    const auto &keys = RbacPolicy::storeKeys();
    for (std::size_t i = 0; i < keys.size(); ++i)
        versions[i] = m_store.lastChange(keys[i]);
    std::lock_guard lock(m_mutex);
    if (!m_policy || versions != m_versions) {
        m_policy = std::make_shared<const RbacPolicy>(RbacPolicy::load(m_store));
        m_versions = versions;
    }
    return m_policy;
}

AccessDecision Authorizer::authorize(const User &user, const RequestAttributes &a) const
{
    // kube-apiserver's privileged-group authorizer runs before RBAC and gives no reason.
    if (privileged(user))
        return {true, {}};
    return policy()->authorize(user, a);
}

RbacPolicy::Rules Authorizer::rulesFor(const User &user, const std::string &ns) const
{
    return policy()->rulesFor(user, ns);
}

std::string Authorizer::forbiddenMessage(const User &user, const RequestAttributes &a)
{
    if (!a.resourceRequest)
        return "forbidden: User \"" + user.name + "\" cannot " + a.verb + " path \"" + a.path
               + "\"";
    const std::string qualified = a.group.empty() ? a.resource : a.resource + "." + a.group;
    std::string resource = a.resource;
    if (!a.subresource.empty())
        resource += "/" + a.subresource;
    std::string message = qualified;
    if (!a.name.empty())
        message += " \"" + a.name + "\"";
    message += " is forbidden: User \"" + user.name + "\" cannot " + a.verb + " resource \""
               + resource + "\" in API group \"" + a.group + "\"";
    if (!a.ns.empty())
        message += " in the namespace \"" + a.ns + "\"";
    else
        message += " at the cluster scope";
    return message;
}

} // namespace demo
