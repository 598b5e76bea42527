#include "democluster/presetbuilder.h"

#include "democluster/rbacbootstrap.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

namespace demo {

using nlohmann::json;

PresetBuilder::PresetBuilder(SimContext &context)
    : ctx_(context)
{}

void PresetBuilder::put(const std::string &key, const json &object) const
{
    try {
        ctx_.store.create(key, object);
    } catch (const ApiError &e) {
        if (e.code != 409)
            throw;
    }
}

void PresetBuilder::accessControl(double created) const
{
    if (!ctx_.store.type("rbac.authorization.k8s.io/clusterroles"))
        return;
    put("namespaces", namespaceObject(RbacBootstrap::viewerNamespace, json::object(), created));
    for (const auto &[key, object] : RbacBootstrap::objects(sim::formatTime(created)))
        put(key, object);
}

json PresetBuilder::node(const NodeShape &s) const
{
    const std::string machine = sim::hexId(sim::hashString(s.name + "/machine", ctx_.options.seed),
                                           32);
    const std::string uuid = sim::hexId(sim::hashString(s.name + "/uuid", ctx_.options.seed), 32);
    const std::string boot = sim::hexId(sim::hashString(s.name + "/boot", ctx_.options.seed), 32);
    const auto dashed = [](const std::string &h) {
        return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4)
               + "-" + h.substr(20, 12);
    };
    const std::string when = sim::formatTime(s.created);
    const std::string region = "westeurope";
    json labels = {
        {"agentpool", s.pool},
        {"beta.kubernetes.io/arch", "amd64"},
        {"beta.kubernetes.io/instance-type", s.instanceType},
        {"beta.kubernetes.io/os", "linux"},
        {"failure-domain.beta.kubernetes.io/region", region},
        {"failure-domain.beta.kubernetes.io/zone", s.zone},
        {"kubernetes.azure.com/agentpool", s.pool},
        {"kubernetes.azure.com/cluster", "MC_rg-klarsicht-demo_aks-demo_westeurope"},
        {"kubernetes.azure.com/mode", s.pool == "nodepool1" ? "system" : "user"},
        {"kubernetes.azure.com/node-image-version", "AKSUbuntu-2204gen2containerd-202411.12.0"},
        {"kubernetes.azure.com/os-sku", "Ubuntu"},
        {"kubernetes.azure.com/role", "agent"},
        {"kubernetes.io/arch", "amd64"},
        {"kubernetes.io/hostname", s.name},
        {"kubernetes.io/os", "linux"},
        {"kubernetes.io/role", "agent"},
        {"node-role.kubernetes.io/agent", ""},
        {"node.kubernetes.io/instance-type", s.instanceType},
        {"topology.kubernetes.io/region", region},
        {"topology.kubernetes.io/zone", s.zone}};
    const std::string cpu = std::to_string(static_cast<int>(s.cpu));
    json capacity = {{"cpu", cpu},
                     {"ephemeral-storage", "129886128Ki"},
                     {"hugepages-1Gi", "0"},
                     {"hugepages-2Mi", "0"},
                     {"memory", std::to_string(static_cast<long long>(s.memoryKi)) + "Ki"},
                     {"pods", std::to_string(s.pods)}};
    json allocatable = capacity;
    allocatable["cpu"] = sim::formatMilliCores(s.allocatableCpu);
    allocatable["memory"] = std::to_string(static_cast<long long>(s.allocatableMemoryKi)) + "Ki";
    allocatable["ephemeral-storage"] = "119703055367";
    const auto cond = [&](const char *type, const char *status, const char *reason,
                          const char *message) {
        return json{{"type", type},
                    {"status", status},
                    {"lastHeartbeatTime", when},
                    {"lastTransitionTime", when},
                    {"reason", reason},
                    {"message", message}};
    };
    return {
        {"metadata",
         {{"name", s.name},
          {"labels", labels},
          {"annotations",
           {{"node.alpha.kubernetes.io/ttl", "0"},
            {"volumes.kubernetes.io/controller-managed-attach-detach", "true"}}},
          {"creationTimestamp", when}}},
        {"spec",
         {{"podCIDR", "10.244." + std::to_string(s.index % 256) + ".0/24"},
          {"podCIDRs", json::array({"10.244." + std::to_string(s.index % 256) + ".0/24"})},
          {"providerID", "azure:///subscriptions/00000000-0000-0000-0000-000000000000/"
                         "resourceGroups/mc_rg-klarsicht-demo_aks-demo_westeurope/providers/"
                         "Microsoft.Compute/virtualMachineScaleSets/aks-"
                             + s.pool + "-12345678-vmss/virtualMachines/"
                             + std::to_string(s.index)}}},
        {"status",
         {{"capacity", capacity},
          {"allocatable", allocatable},
          {"conditions",
           json::array({cond("MemoryPressure", "False", "KubeletHasSufficientMemory",
                             "kubelet has sufficient memory available"),
                        cond("DiskPressure", "False", "KubeletHasNoDiskPressure",
                             "kubelet has no disk pressure"),
                        cond("PIDPressure", "False", "KubeletHasSufficientPID",
                             "kubelet has sufficient PID available"),
                        cond("Ready", "True", "KubeletReady", "kubelet is posting ready status")})},
          {"addresses", json::array({{{"type", "InternalIP"}, {"address", s.internalIp}},
                                     {{"type", "Hostname"}, {"address", s.name}}})},
          {"daemonEndpoints", {{"kubeletEndpoint", {{"Port", 10250}}}}},
          {"nodeInfo",
           {{"machineID", machine},
            {"systemUUID", dashed(uuid)},
            {"bootID", dashed(boot)},
            {"kernelVersion", "5.15.0-1074-azure"},
            {"osImage", "Ubuntu 22.04.5 LTS"},
            {"containerRuntimeVersion", "containerd://1.7.23-1"},
            {"kubeletVersion", "v1.30.6"},
            {"kubeProxyVersion", "v1.30.6"},
            {"operatingSystem", "linux"},
            {"architecture", "amd64"}}}}}};
}

json PresetBuilder::namespaceObject(const std::string &name, const json &labels,
                                    double created) const
{
    json l = labels;
    l["kubernetes.io/metadata.name"] = name;
    return {{"metadata",
             {{"name", name}, {"labels", l}, {"creationTimestamp", sim::formatTime(created)}}},
            {"spec", {{"finalizers", json::array({"kubernetes"})}}},
            {"status", {{"phase", "Active"}}}};
}

json PresetBuilder::labelsOf(const WorkloadShape &s) const
{
    json labels = {{"app", s.app.empty() ? s.name : s.app}};
    if (!s.tier.empty())
        labels["tier"] = s.tier;
    if (!s.env.empty())
        labels["env"] = s.env;
    if (!s.team.empty())
        labels["team"] = s.team;
    for (const auto &[k, v] : s.extraLabels.items())
        labels[k] = v;
    return labels;
}

json PresetBuilder::podTemplate(const WorkloadShape &s) const
{
    json resources = {{"requests", {{"cpu", s.cpuRequest}, {"memory", s.memoryRequest}}}};
    if (!s.memoryLimit.empty())
        resources["limits"]["memory"] = s.memoryLimit;
    if (!s.cpuLimit.empty())
        resources["limits"]["cpu"] = s.cpuLimit;
    json container = {{"name", s.app.empty() ? s.name : s.app},
                      {"image", s.image},
                      {"ports", json::array({{{"containerPort", s.port}, {"protocol", "TCP"}}})},
                      {"resources", resources},
                      {"imagePullPolicy", "IfNotPresent"},
                      {"terminationMessagePath", "/dev/termination-log"},
                      {"terminationMessagePolicy", "File"}};
    json meta = {{"labels", labelsOf(s)}};
    if (!s.profile.empty())
        meta["annotations"] = {{"demo.klarsicht.io/profile", s.profile}};
    return {{"metadata", meta},
            {"spec",
             {{"containers", json::array({container})},
              {"restartPolicy", "Always"},
              {"terminationGracePeriodSeconds", 30},
              {"dnsPolicy", "ClusterFirst"},
              {"securityContext", json::object()},
              {"schedulerName", "default-scheduler"}}}};
}

json PresetBuilder::deployment(const WorkloadShape &s, double created) const
{
    json labels = labelsOf(s);
    return {{"metadata",
             {{"name", s.name},
              {"namespace", s.ns},
              {"labels", labels},
              {"creationTimestamp", sim::formatTime(created)}}},
            {"spec",
             {{"replicas", s.replicas},
              {"selector", {{"matchLabels", {{"app", labels["app"]}}}}},
              {"template", podTemplate(s)},
              {"strategy",
               {{"type", "RollingUpdate"},
                {"rollingUpdate", {{"maxSurge", "25%"}, {"maxUnavailable", "25%"}}}}},
              {"revisionHistoryLimit", 10},
              {"progressDeadlineSeconds", 600}}},
            {"status", json::object()}};
}

json PresetBuilder::statefulSet(const WorkloadShape &s, double created) const
{
    json labels = labelsOf(s);
    return {
        {"metadata",
         {{"name", s.name},
          {"namespace", s.ns},
          {"labels", labels},
          {"creationTimestamp", sim::formatTime(created)}}},
        {"spec",
         {{"replicas", s.replicas},
          {"serviceName", s.name},
          {"selector", {{"matchLabels", {{"app", labels["app"]}}}}},
          {"template", podTemplate(s)},
          {"podManagementPolicy", "OrderedReady"},
          {"updateStrategy", {{"type", "RollingUpdate"}, {"rollingUpdate", {{"partition", 0}}}}},
          {"revisionHistoryLimit", 10}}},
        {"status", json::object()}};
}

json PresetBuilder::daemonSet(const WorkloadShape &s, double created) const
{
    json labels = labelsOf(s);
    json tmpl = podTemplate(s);
    tmpl["spec"]["tolerations"] = json::array({{{"operator", "Exists"}}});
    return {{"metadata",
             {{"name", s.name},
              {"namespace", s.ns},
              {"labels", labels},
              {"creationTimestamp", sim::formatTime(created)}}},
            {"spec",
             {{"selector", {{"matchLabels", {{"app", labels["app"]}}}}},
              {"template", tmpl},
              {"updateStrategy",
               {{"type", "RollingUpdate"},
                {"rollingUpdate", {{"maxUnavailable", 1}, {"maxSurge", 0}}}}},
              {"revisionHistoryLimit", 10}}},
            {"status", json::object()}};
}

json PresetBuilder::service(const std::string &ns, const std::string &name, const json &selector,
                            int port, int targetPort, const std::string &clusterIp, double created,
                            bool headless) const
{
    json spec = {
        {"type", "ClusterIP"},
        {"selector", selector},
        {"ports",
         json::array(
             {{{"name", "http"}, {"port", port}, {"targetPort", targetPort}, {"protocol", "TCP"}}})},
        {"sessionAffinity", "None"},
        {"ipFamilies", json::array({"IPv4"})},
        {"ipFamilyPolicy", "SingleStack"},
        {"internalTrafficPolicy", "Cluster"}};
    spec["clusterIP"] = headless ? "None" : clusterIp;
    spec["clusterIPs"] = json::array({spec["clusterIP"]});
    return {{"metadata",
             {{"name", name},
              {"namespace", ns},
              {"labels", selector},
              {"creationTimestamp", sim::formatTime(created)}}},
            {"spec", spec},
            {"status", {{"loadBalancer", json::object()}}}};
}

} // namespace demo
