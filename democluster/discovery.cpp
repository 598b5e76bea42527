// Discovery documents of the demo API server (fact sheet §1), always as plain JSON: client-go
// then reads /api, /apis and every group-version list, which works with every client version.
#include "democluster/apiserverimpl.h"

namespace demo {

using nlohmann::json;

json ApiServer::Impl::versionInfo()
{
    return {{"major", "1"},
            {"minor", "32"},
            {"gitVersion", "v1.32.0"},
            {"gitCommit", "70d3cc986aa8221cd1dfb1121852688902d3bf53"},
            {"gitTreeState", "clean"},
            {"buildDate", "2024-12-11T00:00:00Z"},
            {"goVersion", "go1.23.4"},
            {"compiler", "gc"},
            {"platform", "linux/amd64"}};
}

json ApiServer::Impl::apiVersions(int port)
{
    return {
        {"kind", "APIVersions"},
        {"versions", {"v1"}},
        {"serverAddressByClientCIDRs",
         {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", "127.0.0.1:" + std::to_string(port)}}}}};
}

static json groupJson(const std::string &group)
{
    json versions = json::array();
    for (const GroupVersion &gv : builtinGroupVersions())
        if (gv.group == group)
            versions.push_back(
                {{"groupVersion", gv.group + "/" + gv.version}, {"version", gv.version}});
    if (versions.empty())
        return nullptr;
    return {{"name", group}, {"versions", versions}, {"preferredVersion", versions[0]}};
}

json ApiServer::Impl::apiGroupList()
{
    json groups = json::array();
    std::vector<std::string> seen;
    for (const GroupVersion &gv : builtinGroupVersions()) {
        if (gv.group.empty() || std::find(seen.begin(), seen.end(), gv.group) != seen.end())
            continue;
        seen.push_back(gv.group);
        groups.push_back(groupJson(gv.group));
    }
    return {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
}

std::optional<json> ApiServer::Impl::apiGroup(const std::string &group)
{
    json g = groupJson(group);
    if (g.is_null() || group.empty())
        return std::nullopt;
    g["kind"] = "APIGroup";
    g["apiVersion"] = "v1";
    return g;
}

std::optional<json> ApiServer::Impl::apiResourceList(const std::string &group,
                                                     const std::string &version)
{
    json resources = json::array();
    bool known = false;
    for (const ResourceInfo &info : builtinResources()) {
        const ResourceType &t = info.type;
        if (t.group != group || t.version != version)
            continue;
        known = true;
        json r = {{"name", t.resource},
                  {"singularName", t.singular},
                  {"namespaced", t.namespaced},
                  {"kind", t.kind},
                  {"verbs", info.verbs}};
        if (!t.shortNames.empty())
            r["shortNames"] = t.shortNames;
        if (!info.categories.empty())
            r["categories"] = info.categories;
        resources.push_back(r);
        for (const Subresource &sub : info.subresources) {
            json s = {{"name", t.resource + "/" + sub.name},
                      {"singularName", ""},
                      {"namespaced", t.namespaced},
                      {"kind", sub.kind},
                      {"verbs", sub.verbs}};
            if (sub.group != t.group || sub.version != t.version) {
                s["group"] = sub.group;
                s["version"] = sub.version;
            }
            resources.push_back(s);
        }
    }
    if (!known)
        return std::nullopt;
    const std::string gv = group.empty() ? version : group + "/" + version;
    return json{{"kind", "APIResourceList"},
                {"apiVersion", "v1"},
                {"groupVersion", gv},
                {"resources", resources}};
}

} // namespace demo
