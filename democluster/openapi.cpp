// The OpenAPI v3 documents of the demo API server, reduced to what clients read from them:
// kubectl create/apply look up each kind's PATCH operation (x-kubernetes-group-version-kind)
// and, finding the fieldValidation parameter, leave validation to the server instead of
// downloading full schemas (without /openapi/v3 they fail with "failed to download openapi").
#include "democluster/apiserverimpl.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace demo {

using nlohmann::json;

namespace {

std::string gvPath(const std::string &group, const std::string &version)
{
    return group.empty() ? "api/" + version : "apis/" + group + "/" + version;
}

json queryParameter(const char *name, const char *description)
{
    return {{"name", name},
            {"in", "query"},
            {"description", description},
            {"schema", {{"type", "string"}, {"uniqueItems", true}}}};
}

json operation(const ResourceType &t, const char *verb, const char *action)
{
    const std::string id = std::string(verb) + (t.namespaced ? "Namespaced" : "") + t.kind;
    return {{"operationId", id},
            {"x-kubernetes-action", action},
            {"x-kubernetes-group-version-kind",
             {{"group", t.group}, {"version", t.version}, {"kind", t.kind}}},
            {"responses",
             {{"200", {{"description", "OK"}}}, {"401", {{"description", "Unauthorized"}}}}}};
}

} // namespace

std::optional<json> ApiServer::Impl::openApiDocument(const std::string &group,
                                                     const std::string &version)
{
    json paths = json::object();
    for (const ResourceInfo &info : builtinResources()) {
        const ResourceType &t = info.type;
        if (t.group != group || t.version != version)
            continue;
        const std::string base = "/" + gvPath(group, version)
                                 + (t.namespaced ? "/namespaces/{namespace}/" : "/") + t.resource;
        json item = json::object();
        const auto has = [&](const char *verb) {
            return std::find(info.verbs.begin(), info.verbs.end(), verb) != info.verbs.end();
        };
        if (has("get"))
            item["get"] = operation(t, "read", "get");
        if (has("update"))
            item["put"] = operation(t, "replace", "put");
        if (has("delete"))
            item["delete"] = operation(t, "delete", "delete");
        if (has("patch")) {
            json patch = operation(t, "patch", "patch");
            patch["parameters"] = json::array(
                {queryParameter(
                     "dryRun",
                     "When present, indicates that modifications should not be persisted."),
                 queryParameter("fieldManager", "fieldManager is a name associated with the actor "
                                                "or entity that is making these changes."),
                 queryParameter("fieldValidation",
                                "fieldValidation instructs the server on how to handle objects in "
                                "the request containing unknown or duplicate fields.")});
            json content = json::object();
            for (const char *type : {"application/json-patch+json", "application/merge-patch+json",
                                     "application/strategic-merge-patch+json"})
                content[type] = {{"schema", {{"type", "object"}}}};
            patch["requestBody"] = {{"content", content}, {"required", true}};
            item["patch"] = patch;
        }
        if (!item.empty())
            paths[base + "/{name}"] = item;
        if (has("create")) {
            json post = operation(t, "create", "post");
            post["parameters"] = json::array({queryParameter(
                "fieldValidation", "fieldValidation instructs the server on how to handle objects "
                                   "in the request containing unknown or duplicate fields.")});
            paths[base]["post"] = post;
        }
    }
    if (paths.empty())
        return std::nullopt;
    return json{{"openapi", "3.0.0"},
                {"info", {{"title", "Kubernetes"}, {"version", versionInfo()["gitVersion"]}}},
                {"paths", paths},
                {"components", {{"schemas", json::object()}}}};
}

json ApiServer::Impl::openApiRoot()
{
    json paths = json::object();
    for (const GroupVersion &gv : builtinGroupVersions()) {
        const auto doc = openApiDocument(gv.group, gv.version);
        if (!doc)
            continue;
        // The hash lets clients cache a document for as long as it does not change.
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016zX", std::hash<std::string>{}(doc->dump()));
        const std::string path = gvPath(gv.group, gv.version);
        paths[path] = {{"serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash}};
    }
    return {{"paths", paths}};
}

} // namespace demo
