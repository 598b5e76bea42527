#include "democluster/workshoppolicies.h"

#include "democluster/presetbuilder.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

namespace demo {

using nlohmann::json;

namespace {

json meta(const std::string &ns, const std::string &name, double created)
{
    return {{"name", name}, {"namespace", ns}, {"creationTimestamp", sim::formatTime(created)}};
}

json quota(const std::string &ns, const std::string &name, const json &hard, double created,
           const json &scopes = json())
{
    json spec = {{"hard", hard}};
    if (!scopes.is_null())
        spec["scopes"] = scopes;
    // No status: the resourcequota controller fills it in on its first pass, as it does for a
    // quota applied with kubectl.
    return {{"metadata", meta(ns, name, created)}, {"spec", spec}};
}

json podSelector(const json &labels)
{
    return labels.empty() ? json::object() : json{{"matchLabels", labels}};
}

json port(int number)
{
    return {{"protocol", "TCP"}, {"port", number}};
}

} // namespace

void WorkshopPolicies::seed(SimContext &ctx, double created)
{
    PresetBuilder b(ctx);
    if (ctx.store.type("resourcequotas")) {
        // team-a runs web (3, its HPA keeps it at 2 or 3), api (2) and db (1): one pod more fits.
        b.put("resourcequotas", quota("team-a", "compute",
                                      {{"pods", "7"},
                                       {"requests.cpu", "2"},
                                       {"requests.memory", "2Gi"},
                                       {"limits.cpu", "4"},
                                       {"limits.memory", "4Gi"}},
                                      created));
        b.put("resourcequotas", quota("team-b", "compute",
                                      {{"pods", "10"},
                                       {"requests.cpu", "2"},
                                       {"requests.memory", "3Gi"},
                                       {"limits.cpu", "4"},
                                       {"limits.memory", "4Gi"}},
                                      created));
        b.put("resourcequotas",
              quota("team-b", "objects",
                    {{"count/deployments.apps", "6"}, {"services", "5"}, {"configmaps", "5"}},
                    created));
        // team-c's trainer asks for 16 cores (and never fits a node).
        b.put("resourcequotas", quota("team-c", "compute",
                                      {{"pods", "10"},
                                       {"requests.cpu", "20"},
                                       {"requests.memory", "40Gi"},
                                       {"limits.cpu", "24"},
                                       {"limits.memory", "48Gi"}},
                                      created));
        b.put("resourcequotas", quota("team-c", "best-effort", {{"pods", "2"}}, created,
                                      json::array({"BestEffort"})));
    }
    if (ctx.store.type("limitranges")) {
        // As the API server stores it after defaulting (default and defaultRequest given).
        const json container = {{"type", "Container"},
                                {"default", {{"cpu", "500m"}, {"memory", "512Mi"}}},
                                {"defaultRequest", {{"cpu", "100m"}, {"memory", "128Mi"}}},
                                {"min", {{"cpu", "10m"}, {"memory", "16Mi"}}},
                                {"max", {{"cpu", "16"}, {"memory", "32Gi"}}}};
        const json pod = {{"type", "Pod"}, {"max", {{"cpu", "16"}, {"memory", "32Gi"}}}};
        b.put("limitranges", {{"metadata", meta("team-c", "defaults", created)},
                              {"spec", {{"limits", json::array({container, pod})}}}});
    }
    if (!ctx.store.type("networking.k8s.io/networkpolicies"))
        return;
    const auto policy = [&](const std::string &ns, const std::string &name, const json &spec) {
        b.put("networking.k8s.io/networkpolicies",
              {{"metadata", meta(ns, name, created)}, {"spec", spec}});
    };
    policy(
        "team-a", "deny-from-other-namespaces",
        {{"podSelector", json::object()},
         {"policyTypes", json::array({"Ingress"})},
         {"ingress", json::array({{{"from", json::array({{{"podSelector", json::object()}}})}}})}});
    // The metrics agents (ama-metrics-node) run in kube-system; web serves on port 80.
    policy("team-a", "allow-from-monitoring",
           {{"podSelector", podSelector({{"app", "web"}})},
            {"policyTypes", json::array({"Ingress"})},
            {"ingress",
             json::array({{{"from", json::array({{{"namespaceSelector",
                                                   podSelector({{"kubernetes.io/metadata.name",
                                                                 "kube-system"}})}}})},
                           {"ports", json::array({port(80)})}}})}});
    policy("team-b", "payments-egress",
           {{"podSelector", podSelector({{"app", "payments"}})},
            {"policyTypes", json::array({"Egress"})},
            {"egress",
             json::array({{{"to", json::array({{{"podSelector", podSelector({{"app", "db"}})}}})},
                           {"ports", json::array({port(5432)})}},
                          {{"to", json::array({{{"ipBlock",
                                                 {{"cidr", "10.0.0.0/8"},
                                                  {"except", json::array({"10.0.99.0/24"})}}}}})},
                           {"ports", json::array({port(443)})}}})}});
    policy("team-c", "default-deny-ingress",
           {{"podSelector", json::object()}, {"policyTypes", json::array({"Ingress"})}});
}

} // namespace demo
