#include "democluster/workshoppreset.h"

#include "democluster/presetbuilder.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"
#include "democluster/workshoppolicies.h"

namespace demo {

using nlohmann::json;

void WorkshopPreset::seed(SimContext &ctx, int nodeCount, double now)
{
    PresetBuilder b(ctx);
    const double clusterBorn = std::floor(now) - 3 * 86400 - 4321;
    const double teamsBorn = clusterBorn + 7200;
    for (int i = 0; i < nodeCount; ++i) {
        NodeShape n;
        char name[64];
        std::snprintf(name, sizeof name, "aks-nodepool1-38416027-vmss%06d", i);
        n.name = name;
        n.index = i;
        n.zone = "westeurope-" + std::to_string(i % 3 + 1);
        n.internalIp = "10.224.0." + std::to_string(4 + i);
        n.created = clusterBorn + 30 * i;
        b.put("nodes", b.node(n));
    }
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        b.put("namespaces", b.namespaceObject(ns, json::object(), clusterBorn));
    b.put("namespaces",
          b.namespaceObject("kubernetes-dashboard", json::object(), clusterBorn + 600));
    b.put("services",
          b.service("default", "kubernetes", json::object(), 443, 443, "10.0.0.1", clusterBorn));
    for (const char *team : {"team-a", "team-b", "team-c"})
        b.put("namespaces", b.namespaceObject(team, {{"team", team}}, teamsBorn));
    b.accessControl(clusterBorn);

    // kube-system add-ons.
    WorkloadShape dns{"kube-system",
                      "coredns",
                      "mcr.microsoft.com/oss/kubernetes/coredns:v1.9.4",
                      "",
                      "",
                      "",
                      "",
                      "dns",
                      2,
                      "100m",
                      "70Mi",
                      "500Mi",
                      "",
                      53,
                      {{"k8s-app", "kube-dns"}, {"kubernetes.io/cluster-service", "true"}}};
    json coredns = b.deployment(dns, clusterBorn);
    coredns["spec"]["selector"]["matchLabels"] = {{"k8s-app", "kube-dns"}};
    b.put("apps/deployments", coredns);
    b.put("services", b.service("kube-system", "kube-dns", {{"k8s-app", "kube-dns"}}, 53, 53,
                                "10.0.0.10", clusterBorn));
    WorkloadShape metricsServer{"kube-system",
                                "metrics-server",
                                "mcr.microsoft.com/oss/kubernetes/metrics-server:v0.7.2",
                                "",
                                "",
                                "",
                                "",
                                "agent",
                                2,
                                "50m",
                                "80Mi",
                                "400Mi",
                                "",
                                4443,
                                {{"k8s-app", "metrics-server"}}};
    b.put("apps/deployments", b.deployment(metricsServer, clusterBorn));
    b.put("services", b.service("kube-system", "metrics-server", {{"app", "metrics-server"}}, 443,
                                4443, "10.0.45.7", clusterBorn));
    WorkloadShape proxy{"kube-system",
                        "kube-proxy",
                        "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.30.6",
                        "",
                        "",
                        "",
                        "",
                        "proxy",
                        1,
                        "100m",
                        "64Mi",
                        "",
                        "",
                        10256,
                        {{"component", "kube-proxy"}, {"tier", "node"}}};
    json kubeProxy = b.daemonSet(proxy, clusterBorn);
    kubeProxy["spec"]["template"]["spec"]["hostNetwork"] = true;
    kubeProxy["spec"]["template"]["spec"]["priorityClassName"] = "system-node-critical";
    b.put("apps/daemonsets", kubeProxy);
    WorkloadShape agent{"kube-system",
                        "ama-metrics-node",
                        "mcr.microsoft.com/azuremonitor/containerinsights/ciprod/"
                        "prometheus-collector/images:6.10.0-main-10-14-2024-85e5b1d7",
                        "",
                        "",
                        "",
                        "",
                        "agent",
                        1,
                        "50m",
                        "64Mi",
                        "1Gi",
                        "",
                        9090,
                        {{"component", "ama-metrics"}, {"rsName", "ama-metrics-node"}}};
    b.put("apps/daemonsets", b.daemonSet(agent, clusterBorn + 300));
    WorkloadShape dashboard{"kubernetes-dashboard",
                            "kubernetes-dashboard",
                            "docker.io/kubernetesui/dashboard:v2.7.0",
                            "",
                            "",
                            "",
                            "",
                            "dashboard",
                            1,
                            "100m",
                            "200Mi",
                            "400Mi",
                            "",
                            8443,
                            {{"k8s-app", "kubernetes-dashboard"}}};
    b.put("apps/deployments", b.deployment(dashboard, clusterBorn + 600));
    b.put("services", b.service("kubernetes-dashboard", "kubernetes-dashboard",
                                {{"app", "kubernetes-dashboard"}}, 443, 8443, "10.0.112.41",
                                clusterBorn + 600));

    // Team namespaces: the same three tiers with different sizes and environments.
    struct Team
    {
        const char *ns, *env, *part;
        int webReplicas;
        const char *ipBase;
        // Whether the containers set CPU limits themselves: team-c's come from its LimitRange.
        bool cpuLimits;
    };
    const Team teams[] = {{"team-a", "prod", "shop", 3, "10.0.10.", true},
                          {"team-b", "staging", "payments", 2, "10.0.20.", true},
                          {"team-c", "dev", "analytics", 1, "10.0.30.", false}};
    for (const Team &t : teams) {
        const json part = {{"app.kubernetes.io/part-of", t.part}};
        const auto cpuLimit = [&](const char *limit) { return t.cpuLimits ? limit : ""; };
        WorkloadShape web{
            t.ns,          "web",  "nginx:1.27.2", "web",   "frontend",       t.env, t.ns, "web",
            t.webReplicas, "100m", "64Mi",         "128Mi", cpuLimit("200m"), 80,    part};
        b.put("apps/deployments", b.deployment(web, teamsBorn));
        b.put("services", b.service(t.ns, "web", {{"app", "web"}}, 80, 80,
                                    std::string(t.ipBase) + "10", teamsBorn));
        WorkloadShape api{t.ns,
                          "api",
                          std::string("ghcr.io/klarsicht-demo/") + t.part + "-api:1.4.2",
                          "api",
                          "backend",
                          t.env,
                          t.ns,
                          "api",
                          2,
                          "200m",
                          "256Mi",
                          "512Mi",
                          cpuLimit("500m"),
                          8080,
                          part};
        b.put("apps/deployments", b.deployment(api, teamsBorn));
        b.put("services", b.service(t.ns, "api", {{"app", "api"}}, 8080, 8080,
                                    std::string(t.ipBase) + "11", teamsBorn));
        WorkloadShape db{t.ns, "db",   "postgres:16.4", "db",  "database",    t.env, t.ns, "db",
                         1,    "250m", "512Mi",         "1Gi", cpuLimit("1"), 5432,  part};
        b.put("apps/statefulsets", b.statefulSet(db, teamsBorn));
        b.put("services", b.service(t.ns, "db", {{"app", "db"}}, 5432, 5432, "", teamsBorn, true));
    }
    // team-a's web scales on CPU.
    b.put(
        "autoscaling/horizontalpodautoscalers",
        {{"metadata",
          {{"name", "web"},
           {"namespace", "team-a"},
           {"labels", {{"app", "web"}, {"team", "team-a"}}},
           {"creationTimestamp", sim::formatTime(teamsBorn)}}},
         {"spec",
          {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "web"}}},
           {"minReplicas", 2},
           {"maxReplicas", 8},
           {"metrics",
            json::array(
                {{{"type", "Resource"},
                  {"resource",
                   {{"name", "cpu"},
                    {"target", {{"type", "Utilization"}, {"averageUtilization", 60}}}}}}})}}},
         {"status", {{"currentReplicas", 0}, {"desiredReplicas", 0}}}});
    // team-b: a service that crash-loops and a report generator that leaks into its memory limit.
    WorkloadShape payments{"team-b",   "payments",  "ghcr.io/klarsicht-demo/payments:2.0.1",
                           "payments", "backend",   "staging",
                           "team-b",   "crashloop", 1,
                           "100m",     "128Mi",     "256Mi",
                           "250m",     8080,        {{"app.kubernetes.io/part-of", "payments"}}};
    b.put("apps/deployments", b.deployment(payments, teamsBorn));
    WorkloadShape reports{"team-b",
                          "report-generator",
                          "ghcr.io/klarsicht-demo/report-generator:0.9.3",
                          "report-generator",
                          "worker",
                          "staging",
                          "team-b",
                          "oom",
                          1,
                          "100m",
                          "128Mi",
                          "256Mi",
                          "250m",
                          8080,
                          {{"app.kubernetes.io/part-of", "payments"}}};
    b.put("apps/deployments", b.deployment(reports, teamsBorn));
    // team-c: a trainer that asks for more CPU than any node has, and a nightly report CronJob
    // that runs every five minutes so a workshop sees it.
    WorkloadShape trainer{"team-c",     "ml-trainer", "ghcr.io/klarsicht-demo/ml-trainer:3.1.0",
                          "ml-trainer", "batch",      "dev",
                          "team-c",     "api",        1,
                          "16",         "32Gi",       "32Gi",
                          "16",         8080,         {{"app.kubernetes.io/part-of", "analytics"}}};
    b.put("apps/deployments", b.deployment(trainer, teamsBorn));
    WorkloadShape report{
        "team-c", "report", "busybox:1.36", "report", "batch", "dev", "team-c",      "batch",
        1,        "100m",   "64Mi",         "128Mi",  "",      8080,  json::object()};
    json jobTemplate = b.podTemplate(report);
    jobTemplate["spec"]["restartPolicy"] = "OnFailure";
    jobTemplate["spec"]["containers"][0]["command"] = json::array(
        {"/bin/sh", "-c", "generate-report --since=5m"});
    jobTemplate["spec"]["containers"][0].erase("ports");
    b.put("batch/cronjobs",
          {{"metadata",
            {{"name", "nightly-report"},
             {"namespace", "team-c"},
             {"labels", {{"app", "report"}, {"team", "team-c"}, {"env", "dev"}}},
             {"creationTimestamp", sim::formatTime(teamsBorn)}}},
           {"spec",
            {{"schedule", "*/5 * * * *"},
             {"concurrencyPolicy", "Forbid"},
             {"suspend", false},
             {"successfulJobsHistoryLimit", 3},
             {"failedJobsHistoryLimit", 1},
             {"jobTemplate",
              {{"metadata", {{"labels", {{"app", "report"}, {"team", "team-c"}}}}},
               {"spec", {{"backoffLimit", 2}, {"template", jobTemplate}}}}}}},
           {"status", json::object()}});
    // Quotas, the LimitRange and NetworkPolicies, as a cluster admin adds them to the teams.
    WorkshopPolicies::seed(ctx, teamsBorn + 1800);
}

} // namespace demo
