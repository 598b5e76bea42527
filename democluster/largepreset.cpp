#include "democluster/largepreset.h"

#include "democluster/deploymentcontroller.h"
#include "democluster/kubelet.h"
#include "democluster/podfactory.h"
#include "democluster/presetbuilder.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>

namespace demo {

using nlohmann::json;

void LargePreset::seed(SimContext &ctx, int nodeCount, int podCount, double now)
{
    PresetBuilder b(ctx);
    const double born = std::floor(now) - 7 * 86400;
    std::vector<std::string> nodeNames;
    std::vector<std::string> nodeIps;
    for (int i = 0; i < nodeCount; ++i) {
        NodeShape n;
        const int pool = i / 1000 + 1;
        char name[64];
        std::snprintf(name, sizeof name, "aks-pool%d-52804419-vmss%06d", pool, i % 1000);
        n.name = name;
        n.pool = "pool" + std::to_string(pool);
        n.index = i;
        n.instanceType = "Standard_D8s_v5";
        n.cpu = 8;
        n.allocatableCpu = 7.82;
        n.memoryKi = 32864856;
        n.allocatableMemoryKi = 28381272;
        n.pods = 110;
        n.zone = "westeurope-" + std::to_string(i % 3 + 1);
        n.internalIp = "10." + std::to_string(224 + i / 65000) + "."
                       + std::to_string((i / 250) % 256) + "." + std::to_string(4 + i % 250);
        n.created = born + i % 600;
        nodeNames.push_back(n.name);
        nodeIps.push_back(n.internalIp);
        b.put("nodes", b.node(n));
    }
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        b.put("namespaces", b.namespaceObject(ns, json::object(), born));
    b.accessControl(born);
    if (podCount <= 0)
        return;
    const int perDeployment = 10;
    const int perNamespace = 1000;
    static const char *const tiers[] = {"frontend", "backend", "worker", "cache"};
    static const char *const envs[] = {"prod", "staging", "dev"};
    static const char *const images[] = {"nginx:1.27.2", "ghcr.io/klarsicht-demo/shop-api:1.4.2",
                                         "ghcr.io/klarsicht-demo/worker:2.3.0", "redis:7.4"};
    int created = 0;
    int nodeCursor = 0;
    for (int d = 0; created < podCount; ++d) {
        const int nsIndex = d * perDeployment / perNamespace;
        char nsName[32];
        std::snprintf(nsName, sizeof nsName, "tenant-%04d", nsIndex);
        if (d * perDeployment % perNamespace == 0)
            b.put("namespaces",
                  b.namespaceObject(nsName,
                                    {{"team", std::string("team-") + std::to_string(nsIndex % 50)}},
                                    born));
        const int replicas = std::min(perDeployment, podCount - created);
        const int kind = d % 4;
        char appName[32];
        std::snprintf(appName, sizeof appName, "svc-%05d", d);
        WorkloadShape s{nsName,
                        appName,
                        images[kind],
                        appName,
                        tiers[kind],
                        envs[d % 3],
                        "team-" + std::to_string(nsIndex % 50),
                        "",
                        replicas,
                        "10m",
                        "32Mi",
                        "",
                        "",
                        8080,
                        json::object()};
        const double t0 = born + 3600 + d % 3600;
        json dep = b.deployment(s, t0);
        const json tmpl = dep["spec"]["template"];
        const std::string hash = DeploymentController::templateHash(tmpl);
        const std::string rsName = s.name + "-" + hash;
        dep["metadata"]["annotations"]["deployment.kubernetes.io/revision"] = "1";
        const std::string when = sim::formatTime(t0);
        dep["status"] = {
            {"observedGeneration", 1},
            {"replicas", replicas},
            {"updatedReplicas", replicas},
            {"readyReplicas", replicas},
            {"availableReplicas", replicas},
            {"conditions", json::array({{{"type", "Available"},
                                         {"status", "True"},
                                         {"lastUpdateTime", when},
                                         {"lastTransitionTime", when},
                                         {"reason", "MinimumReplicasAvailable"},
                                         {"message", "Deployment has minimum availability."}},
                                        {{"type", "Progressing"},
                                         {"status", "True"},
                                         {"lastUpdateTime", when},
                                         {"lastTransitionTime", when},
                                         {"reason", "NewReplicaSetAvailable"},
                                         {"message", "ReplicaSet \"" + rsName
                                                         + "\" has successfully progressed."}}})}};
        const json deployment = ctx.store.create("apps/deployments", dep);
        json rsTemplate = tmpl;
        rsTemplate["metadata"]["labels"]["pod-template-hash"] = hash;
        json selector = dep["spec"]["selector"];
        selector["matchLabels"]["pod-template-hash"] = hash;
        json rs = {
            {"metadata",
             {{"name", rsName},
              {"namespace", s.ns},
              {"labels", rsTemplate["metadata"]["labels"]},
              {"creationTimestamp", when},
              {"annotations",
               {{"deployment.kubernetes.io/desired-replicas", std::to_string(replicas)},
                {"deployment.kubernetes.io/max-replicas", std::to_string(replicas + 3)},
                {"deployment.kubernetes.io/revision", "1"}}},
              {"ownerReferences", json::array({sim::ownerReference(deployment)})}}},
            {"spec", {{"replicas", replicas}, {"selector", selector}, {"template", rsTemplate}}},
            {"status",
             {{"replicas", replicas},
              {"fullyLabeledReplicas", replicas},
              {"readyReplicas", replicas},
              {"availableReplicas", replicas},
              {"observedGeneration", 1}}}};
        const json replicaSet = ctx.store.create("apps/replicasets", rs);
        // One pod and one status per ReplicaSet, copied per replica: every pod of it differs
        // only in name, node and the fields derived from its uid.
        const json podBase = PodFactory::fromTemplate(replicaSet, rsTemplate, s.ns, rsName, t0);
        const json &c = podBase["spec"]["containers"][0];
        const std::string image = c.value("image", std::string());
        json statusBase = {
            {"phase", "Running"},
            {"startTime", when},
            {"qosClass", "Burstable"},
            {"conditions", json::array()},
            {"containerStatuses",
             json::array({{{"name", c["name"]},
                           {"state", {{"running", {{"startedAt", when}}}}},
                           {"lastState", json::object()},
                           {"ready", true},
                           {"restartCount", 0},
                           {"image", image},
                           {"imageID", image + "@sha256:" + sim::hexId(sim::hashString(image), 64)},
                           {"started", true}}})}};
        for (const char *type : {"PodReadyToStartContainers", "Initialized", "Ready",
                                 "ContainersReady", "PodScheduled"})
            statusBase["conditions"].push_back({{"type", type},
                                                {"status", "True"},
                                                {"lastProbeTime", nullptr},
                                                {"lastTransitionTime", when}});
        const std::string containerName = c["name"];
        for (int r = 0; r < replicas; ++r) {
            const std::string &node = nodeNames[static_cast<std::size_t>(nodeCursor)];
            const std::string &hostIp = nodeIps[static_cast<std::size_t>(nodeCursor)];
            nodeCursor = (nodeCursor + 1) % nodeCount;
            json pod = podBase;
            pod["metadata"]["name"] = rsName + "-" + ctx.suffix(5);
            pod["spec"]["nodeName"] = node;
            pod["status"] = statusBase;
            // The uid is only known inside create, and the pod IP and containerIDs hash it: they
            // are filled in there, so each pod is written (and announced) once, settled.
            ctx.store.createShared("pods", std::move(pod), [&](json &p) {
                json &status = p["status"];
                status["hostIP"] = hostIp;
                status["hostIPs"] = json::array({{{"ip", hostIp}}});
                status["podIP"] = Kubelet::podIp(ctx, p);
                status["podIPs"] = json::array({{{"ip", status["podIP"]}}});
                status["containerStatuses"][0]["containerID"] =
                    "containerd://" + Kubelet::containerId(ctx, p, containerName, 0);
            });
            ++created;
        }
    }
}

} // namespace demo
