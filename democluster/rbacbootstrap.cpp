#include "democluster/rbacbootstrap.h"

namespace demo {

using nlohmann::json;

namespace {

const char *const group = "rbac.authorization.k8s.io";
const json readVerbs = {"get", "list", "watch"};
const json writeVerbs = {"create", "delete", "deletecollection", "patch", "update"};

json rule(const json &verbs, const json &apiGroups, const json &resources)
{
    return {{"verbs", verbs}, {"apiGroups", apiGroups}, {"resources", resources}};
}

json urls(const json &verbs, const json &nonResourceURLs)
{
    return {{"verbs", verbs}, {"nonResourceURLs", nonResourceURLs}};
}

json metadata(const std::string &name, const std::string &created, bool bootstrap)
{
    json meta = {{"name", name}, {"creationTimestamp", created}};
    if (bootstrap) {
        meta["labels"] = {{"kubernetes.io/bootstrapping", "rbac-defaults"}};
        meta["annotations"] = {{"rbac.authorization.kubernetes.io/autoupdate", "true"}};
    }
    return meta;
}

json clusterRole(const std::string &name, const json &rules, const std::string &created)
{
    return {{"metadata", metadata(name, created, true)}, {"rules", rules}};
}

json subject(const char *kind, const std::string &name)
{
    return {{"kind", kind}, {"apiGroup", group}, {"name", name}};
}

json binding(json meta, const char *roleKind, const std::string &role, const json &subjects)
{
    return {{"metadata", std::move(meta)},
            {"roleRef", {{"apiGroup", group}, {"kind", roleKind}, {"name", role}}},
            {"subjects", subjects}};
}

// The aggregated rules as the clusterrole-aggregation controller leaves them in view, edit and
// admin (metrics.k8s.io from metrics-server's system:aggregated-metrics-reader). The demo
// seeds them filled in and runs no aggregation controller, so the roles carry no
// aggregationRule.
json viewRules()
{
    return json::array(
        {rule(readVerbs, {""},
              {"configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status",
               "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts",
               "services", "services/status"}),
         rule(readVerbs, {""},
              {"bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
               "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"}),
         rule(readVerbs, {""}, {"namespaces"}),
         rule(readVerbs, {"discovery.k8s.io"}, {"endpointslices"}),
         rule(readVerbs, {"apps"},
              {"controllerrevisions", "daemonsets", "daemonsets/status", "deployments",
               "deployments/scale", "deployments/status", "replicasets", "replicasets/scale",
               "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"}),
         rule(readVerbs, {"autoscaling"},
              {"horizontalpodautoscalers", "horizontalpodautoscalers/status"}),
         rule(readVerbs, {"batch"}, {"cronjobs", "cronjobs/status", "jobs", "jobs/status"}),
         rule(readVerbs, {"policy"}, {"poddisruptionbudgets", "poddisruptionbudgets/status"}),
         rule(readVerbs, {"networking.k8s.io"},
              {"ingresses", "ingresses/status", "networkpolicies"}),
         rule(readVerbs, {"metrics.k8s.io"}, {"pods", "nodes"})});
}

json editRules()
{
    json rules = viewRules();
    for (json r : {rule(readVerbs, {""},
                        {"pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets",
                         "services/proxy"}),
                   rule({"impersonate"}, {""}, {"serviceaccounts"}),
                   rule(writeVerbs, {""},
                        {"pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"}),
                   rule({"create"}, {""}, {"pods/eviction"}),
                   rule(writeVerbs, {""},
                        {"configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                         "replicationcontrollers/scale", "secrets", "serviceaccounts", "services",
                         "services/proxy"}),
                   rule({"create"}, {""}, {"serviceaccounts/token"}),
                   rule(writeVerbs, {"apps"},
                        {"daemonsets", "deployments", "deployments/rollback", "deployments/scale",
                         "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"}),
                   rule(writeVerbs, {"autoscaling"}, {"horizontalpodautoscalers"}),
                   rule(writeVerbs, {"batch"}, {"cronjobs", "jobs"}),
                   rule(writeVerbs, {"networking.k8s.io"}, {"ingresses", "networkpolicies"}),
                   rule(writeVerbs, {"policy"}, {"poddisruptionbudgets"}),
                   rule(writeVerbs, {"discovery.k8s.io"}, {"endpointslices"})})
        rules.push_back(std::move(r));
    return rules;
}

json adminRules()
{
    json rules = editRules();
    rules.push_back(rule({"create"}, {"authorization.k8s.io"}, {"localsubjectaccessreviews"}));
    rules.push_back(
        rule({"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"},
             {group}, {"rolebindings", "roles"}));
    return rules;
}

} // namespace

std::vector<std::pair<std::string, json>> RbacBootstrap::objects(const std::string &created)
{
    const std::string roles = std::string(group) + "/clusterroles";
    const std::string bindings = std::string(group) + "/clusterrolebindings";
    const json authenticated = json::array({subject("Group", "system:authenticated")});
    std::vector<std::pair<std::string, json>> out;
    out.emplace_back(
        roles, clusterRole("cluster-admin",
                           json::array({rule({"*"}, {"*"}, {"*"}), urls({"*"}, {"*"})}), created));
    out.emplace_back(roles, clusterRole("admin", adminRules(), created));
    out.emplace_back(roles, clusterRole("edit", editRules(), created));
    out.emplace_back(roles, clusterRole("view", viewRules(), created));
    out.emplace_back(
        roles,
        clusterRole("system:discovery",
                    json::array({urls({"get"}, {"/api", "/api/*", "/apis", "/apis/*", "/healthz",
                                                "/livez", "/openapi", "/openapi/*", "/readyz",
                                                "/version", "/version/"})}),
                    created));
    out.emplace_back(
        roles,
        clusterRole(
            "system:basic-user",
            json::array({rule({"create"}, {"authorization.k8s.io"},
                              {"selfsubjectaccessreviews", "selfsubjectrulesreviews"}),
                         rule({"create"}, {"authentication.k8s.io"}, {"selfsubjectreviews"})}),
            created));
    out.emplace_back(roles, clusterRole("system:public-info-viewer",
                                        json::array({urls({"get"}, {"/healthz", "/livez", "/readyz",
                                                                    "/version", "/version/"})}),
                                        created));

    out.emplace_back(bindings,
                     binding(metadata("cluster-admin", created, true), "ClusterRole",
                             "cluster-admin", json::array({subject("Group", "system:masters")})));
    for (const char *name : {"system:discovery", "system:basic-user"})
        out.emplace_back(
            bindings, binding(metadata(name, created, true), "ClusterRole", name, authenticated));
    out.emplace_back(bindings, binding(metadata("system:public-info-viewer", created, true),
                                       "ClusterRole", "system:public-info-viewer",
                                       json::array({subject("Group", "system:authenticated"),
                                                    subject("Group", "system:unauthenticated")})));

    // The demo's own: the viewer reads its namespace through the aggregated view role.
    json meta = metadata("viewer-view", created, false);
    meta["namespace"] = viewerNamespace;
    out.emplace_back(
        std::string(group) + "/rolebindings",
        binding(std::move(meta), "ClusterRole", "view", json::array({subject("User", "viewer")})));
    return out;
}

} // namespace demo
