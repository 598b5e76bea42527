#include "democluster/policyrule.h"

#include <algorithm>

namespace demo {

using nlohmann::json;

namespace {

std::vector<std::string> strings(const json &rule, const char *field)
{
    std::vector<std::string> out;
    const auto it = rule.find(field);
    if (it == rule.end() || !it->is_array())
        return out;
    for (const json &v : *it)
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

bool contains(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

} // namespace

PolicyRule PolicyRule::fromJson(const json &rule)
{
    PolicyRule r;
    if (!rule.is_object())
        return r;
    r.verbs = strings(rule, "verbs");
    r.apiGroups = strings(rule, "apiGroups");
    r.resources = strings(rule, "resources");
    r.resourceNames = strings(rule, "resourceNames");
    r.nonResourceURLs = strings(rule, "nonResourceURLs");
    return r;
}

json PolicyRule::toJson() const
{
    json out = {{"verbs", verbs}};
    if (!apiGroups.empty())
        out["apiGroups"] = apiGroups;
    if (!resources.empty())
        out["resources"] = resources;
    if (!resourceNames.empty())
        out["resourceNames"] = resourceNames;
    if (!nonResourceURLs.empty())
        out["nonResourceURLs"] = nonResourceURLs;
    return out;
}

bool PolicyRule::allows(const RequestAttributes &a) const
{
    if (!matchesVerb(a.verb))
        return false;
    if (!a.resourceRequest)
        return matchesUrl(a.path);
    const std::string combined = a.subresource.empty() ? a.resource
                                                       : a.resource + "/" + a.subresource;
    return matchesGroup(a.group) && matchesResource(combined, a.subresource) && matchesName(a.name);
}

bool PolicyRule::matchesVerb(const std::string &verb) const
{
    return contains(verbs, "*") || contains(verbs, verb);
}

bool PolicyRule::matchesGroup(const std::string &group) const
{
    return contains(apiGroups, "*") || contains(apiGroups, group);
}

bool PolicyRule::matchesResource(const std::string &combined, const std::string &subresource) const
{
    for (const std::string &r : resources) {
        if (r == "*" || r == combined)
            return true;
        // "*/scale" grants the scale subresource of every resource, and nothing else.
        if (!subresource.empty() && r.size() == subresource.size() + 2 && r.rfind("*/", 0) == 0
            && r.compare(2, std::string::npos, subresource) == 0)
            return true;
    }
    return false;
}

bool PolicyRule::matchesName(const std::string &name) const
{
    // A rule without names covers every object; one with names never covers a request
    // without one (list, watch without a metadata.name selector, create, deletecollection).
    return resourceNames.empty() || contains(resourceNames, name);
}

bool PolicyRule::matchesUrl(const std::string &path) const
{
    for (const std::string &url : nonResourceURLs) {
        if (url == "*" || url == path)
            return true;
        if (!url.empty() && url.back() == '*' && path.rfind(url.substr(0, url.size() - 1), 0) == 0)
            return true;
    }
    return false;
}

} // namespace demo
