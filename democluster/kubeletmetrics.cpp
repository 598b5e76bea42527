#include "democluster/kubeletmetrics.h"

#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <map>

namespace demo {

using nlohmann::json;
using ObjectPtr = std::shared_ptr<const json>;

namespace {

void addMemory(MemorySample &to, const MemorySample &m)
{
    to.workingSet += m.workingSet;
    to.rss += m.rss;
    to.cache += m.cache;
    to.usage += m.usage;
}

std::string machineHex(const SimContext &ctx, const std::string &node, const char *what, int n)
{
    return sim::hexId(sim::hashString(node + "/" + what, ctx.options.seed), n);
}

std::string uuidOf(const std::string &hex)
{
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-"
           + hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace

NodeUsage KubeletMetrics::nodeUsage(const SimContext &ctx, ObjectPtr node,
                                    const std::vector<ObjectPtr> &pods, double t)
{
    NodeUsage n;
    n.node = node;
    n.name = (*node)["metadata"].value("name", std::string());
    n.bootTime = sim::parseTime((*node)["metadata"].value("creationTimestamp", json()), t - 86400);
    n.system = ctx.usage.systemCurve(n.name, n.bootTime);
    n.systemCpuSeconds = ctx.usage.cpuSeconds(n.system, t);
    n.systemCpuAverage = ctx.usage.cpuAverage(n.system, t, PodUsage::kWindow);
    n.systemMemory = ctx.usage.memory(n.system, t);
    n.cpuSeconds = n.systemCpuSeconds;
    n.cpuAverage = n.systemCpuAverage;
    n.memory = n.systemMemory;
    for (const ObjectPtr &p : pods) {
        NodeUsage::Pod row;
        row.pod = p;
        row.hasSandbox = PodUsage::sandbox(ctx, *p, t, row.sandbox);
        if (!row.hasSandbox)
            continue;
        row.containers = PodUsage::containers(ctx, *p, t);
        row.qos = sim::str(*p, "/status/qosClass"_json_pointer, sim::qosClass((*p)["spec"]));
        const std::string uid = sim::str(*p, "/metadata/uid"_json_pointer);
        std::string lower;
        for (char c : row.qos)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        row.cgroup = row.qos == "Guaranteed" ? "/kubepods/pod" + uid
                                             : "/kubepods/" + lower + "/pod" + uid;
        row.start = row.sandbox.curve.start;
        row.cpuSeconds = row.sandbox.cpuSeconds;
        row.cpuAverage = row.sandbox.cpuAverage;
        row.memory = row.sandbox.memory;
        bool allLimited = true;
        for (const ContainerUsage &c : row.containers) {
            row.cpuSeconds += c.cpuSeconds;
            row.cpuAverage += c.cpuAverage;
            addMemory(row.memory, c.memory);
        }
        for (const json &c : sim::field(sim::field(*p, "spec"), "containers")) {
            const double limit = sim::parseQuantity(c.value("resources", json::object())
                                                        .value("limits", json::object())
                                                        .value("memory", json()),
                                                    0);
            allLimited = allLimited && limit > 0;
            row.memoryLimit += limit;
        }
        if (!allLimited)
            row.memoryLimit = 0;
        n.cpuSeconds += row.cpuSeconds;
        n.cpuAverage += row.cpuAverage;
        addMemory(n.memory, row.memory);
        n.pods.push_back(std::move(row));
    }
    return n;
}

namespace {

std::vector<ObjectPtr> podsOn(const SimContext &ctx, const std::string &node)
{
    // The store's node index: a scrape of one node must not walk every pod of the cluster.
    return ctx.store.podsOnNode(node);
}

struct CadvisorFamilies
{
    explicit CadvisorFamilies(prometheus::Registry &r)
        : cpu(prometheus::BuildCounter()
                  .Name("container_cpu_usage_seconds_total")
                  .Help("Cumulative cpu time consumed in seconds.")
                  .Register(r))
        , workingSet(prometheus::BuildGauge()
                         .Name("container_memory_working_set_bytes")
                         .Help("Current working set in bytes.")
                         .Register(r))
        , rss(prometheus::BuildGauge()
                  .Name("container_memory_rss")
                  .Help("Size of RSS in bytes.")
                  .Register(r))
        , usage(prometheus::BuildGauge()
                    .Name("container_memory_usage_bytes")
                    .Help("Current memory usage in bytes, including all memory regardless of when "
                          "it was accessed")
                    .Register(r))
        , cache(prometheus::BuildGauge()
                    .Name("container_memory_cache")
                    .Help("Number of bytes of page cache memory.")
                    .Register(r))
        , limit(prometheus::BuildGauge()
                    .Name("container_spec_memory_limit_bytes")
                    .Help("Memory limit for the container.")
                    .Register(r))
        , start(prometheus::BuildGauge()
                    .Name("container_start_time_seconds")
                    .Help("Start time of the container since unix epoch in seconds.")
                    .Register(r))
        , lastSeen(prometheus::BuildGauge()
                       .Name("container_last_seen")
                       .Help("Last time a container was seen by the exporter")
                       .Register(r))
    {}

    void row(const CadvisorRow &r, double now)
    {
        const prometheus::Labels labels = {{"container", r.container}, {"id", r.id},
                                           {"image", r.image},         {"name", r.name},
                                           {"namespace", r.ns},        {"pod", r.pod}};
        if (r.cpuSeconds > 0) { // cadvisor skips the CPU row while usage is 0
            prometheus::Labels cpuLabels = labels;
            cpuLabels["cpu"] = "total";
            cpu.Add(cpuLabels).Increment(r.cpuSeconds);
        }
        workingSet.Add(labels).Set(r.memory.workingSet);
        rss.Add(labels).Set(r.memory.rss);
        usage.Add(labels).Set(r.memory.usage);
        cache.Add(labels).Set(r.memory.cache);
        limit.Add(labels).Set(r.memoryLimit);
        start.Add(labels).Set(r.startTime);
        lastSeen.Add(labels).Set(std::floor(now));
    }

    prometheus::Family<prometheus::Counter> &cpu;
    prometheus::Family<prometheus::Gauge> &workingSet, &rss, &usage, &cache, &limit, &start,
        &lastSeen;
};

} // namespace

std::vector<CadvisorRow> KubeletMetrics::cadvisorRows(const NodeUsage &n)
{
    std::vector<CadvisorRow> rows;
    const auto add = [&rows](std::string container, std::string id, std::string image,
                             std::string name, std::string ns, std::string pod, double cpuSeconds,
                             const MemorySample &m, double memoryLimit, double startTime) {
        rows.push_back({std::move(container), std::move(id), std::move(image), std::move(name),
                        std::move(ns), std::move(pod), cpuSeconds, m, memoryLimit, startTime});
    };
    const double boot = n.bootTime;
    // Aggregate cgroups: the kubepods tree per QoS class and the kubelet's own slice.
    double kubeCpu = 0;
    MemorySample kubeMem;
    std::map<std::string, std::pair<double, MemorySample>> byQos;
    for (const auto &p : n.pods) {
        kubeCpu += p.cpuSeconds;
        addMemory(kubeMem, p.memory);
        auto &q = byQos[p.qos];
        q.first += p.cpuSeconds;
        addMemory(q.second, p.memory);
    }
    add("", "/", "", "", "", "", n.cpuSeconds, n.memory, 0, boot);
    add("", "/kubepods", "", "", "", "", kubeCpu, kubeMem, 0, boot);
    add("", "/kubepods/burstable", "", "", "", "", byQos["Burstable"].first,
        byQos["Burstable"].second, 0, boot);
    add("", "/kubepods/besteffort", "", "", "", "", byQos["BestEffort"].first,
        byQos["BestEffort"].second, 0, boot);
    MemorySample kubeletMem = n.systemMemory;
    kubeletMem.workingSet *= 0.15;
    kubeletMem.rss *= 0.15;
    kubeletMem.cache *= 0.15;
    kubeletMem.usage *= 0.15;
    add("", "/system.slice/kubelet.service", "", "", "", "", n.systemCpuSeconds * 0.35, kubeletMem,
        0, boot);
    for (const auto &p : n.pods) {
        const std::string ns = sim::str(*p.pod, "/metadata/namespace"_json_pointer);
        const std::string pod = sim::str(*p.pod, "/metadata/name"_json_pointer);
        add("", p.cgroup, "", "", ns, pod, p.cpuSeconds, p.memory, p.memoryLimit, p.start);
        add("", p.cgroup + "/" + p.sandbox.id, p.sandbox.image, p.sandbox.id, ns, pod,
            p.sandbox.cpuSeconds, p.sandbox.memory, 0, p.sandbox.curve.start);
        for (const ContainerUsage &c : p.containers)
            add(c.name, p.cgroup + "/" + c.id, c.image, c.id, ns, pod, c.cpuSeconds, c.memory,
                c.memoryLimit, c.curve.start);
    }
    return rows;
}

std::optional<std::string> KubeletMetrics::cadvisor(const SimContext &ctx,
                                                    const std::string &nodeName, double t)
{
    const auto node = ctx.store.getShared("nodes", "", nodeName);
    if (!node)
        return std::nullopt;
    const NodeUsage n = nodeUsage(ctx, node, podsOn(ctx, nodeName), t);
    prometheus::Registry registry;
    CadvisorFamilies f(registry);
    for (const CadvisorRow &row : cadvisorRows(n))
        f.row(row, t);
    const json capacity = (*node)["status"].value("capacity", json::object());
    const prometheus::Labels machine = {
        {"boot_id", uuidOf(machineHex(ctx, nodeName, "boot", 32))},
        {"machine_id", machineHex(ctx, nodeName, "machine", 32)},
        {"system_uuid", uuidOf(machineHex(ctx, nodeName, "uuid", 32))}};
    prometheus::BuildGauge()
        .Name("machine_cpu_cores")
        .Help("Number of logical CPU cores.")
        .Register(registry)
        .Add(machine)
        .Set(sim::parseQuantity(capacity.value("cpu", json()), 0));
    prometheus::BuildGauge()
        .Name("machine_memory_bytes")
        .Help("Amount of memory installed on the machine.")
        .Register(registry)
        .Add(machine)
        .Set(sim::parseQuantity(capacity.value("memory", json()), 0));
    return prometheus::TextSerializer().Serialize(registry.Collect());
}

std::optional<std::string> KubeletMetrics::resource(const SimContext &ctx,
                                                    const std::string &nodeName, double t)
{
    const auto node = ctx.store.getShared("nodes", "", nodeName);
    if (!node)
        return std::nullopt;
    const NodeUsage n = nodeUsage(ctx, node, podsOn(ctx, nodeName), t);
    prometheus::Registry r;
    auto &nodeCpu = prometheus::BuildCounter()
                        .Name("node_cpu_usage_seconds_total")
                        .Help("[STABLE] Cumulative cpu time consumed by the node in core-seconds")
                        .Register(r);
    auto &nodeMem = prometheus::BuildGauge()
                        .Name("node_memory_working_set_bytes")
                        .Help("[STABLE] Current working set of the node in bytes")
                        .Register(r);
    auto &cCpu = prometheus::BuildCounter()
                     .Name("container_cpu_usage_seconds_total")
                     .Help("[STABLE] Cumulative cpu time consumed by the container in core-seconds")
                     .Register(r);
    auto &cMem = prometheus::BuildGauge()
                     .Name("container_memory_working_set_bytes")
                     .Help("[STABLE] Current working set of the container in bytes")
                     .Register(r);
    auto &cStart = prometheus::BuildGauge()
                       .Name("container_start_time_seconds")
                       .Help("[STABLE] Start time of the container since unix epoch in seconds")
                       .Register(r);
    auto &pCpu = prometheus::BuildCounter()
                     .Name("pod_cpu_usage_seconds_total")
                     .Help("[STABLE] Cumulative cpu time consumed by the pod in core-seconds")
                     .Register(r);
    auto &pMem = prometheus::BuildGauge()
                     .Name("pod_memory_working_set_bytes")
                     .Help("[STABLE] Current working set of the pod in bytes")
                     .Register(r);
    auto &scrapeError =
        prometheus::BuildGauge()
            .Name("resource_scrape_error")
            .Help("[STABLE] 1 if there was an error while getting container metrics, 0 otherwise")
            .Register(r);
    nodeCpu.Add({}).Increment(n.cpuSeconds);
    nodeMem.Add({}).Set(n.memory.workingSet);
    for (const auto &p : n.pods) {
        const std::string ns = sim::str(*p.pod, "/metadata/namespace"_json_pointer);
        const std::string pod = sim::str(*p.pod, "/metadata/name"_json_pointer);
        for (const ContainerUsage &c : p.containers) {
            const prometheus::Labels l = {{"container", c.name}, {"namespace", ns}, {"pod", pod}};
            cCpu.Add(l).Increment(c.cpuSeconds);
            cMem.Add(l).Set(c.memory.workingSet);
            cStart.Add(l).Set(c.curve.start);
        }
        pCpu.Add({{"namespace", ns}, {"pod", pod}}).Increment(p.cpuSeconds);
        pMem.Add({{"namespace", ns}, {"pod", pod}}).Set(p.memory.workingSet);
    }
    scrapeError.Add({}).Set(0);
    return prometheus::TextSerializer().Serialize(r.Collect());
}

std::vector<json> KubeletMetrics::nodeMetrics(const SimContext &ctx, double t)
{
    std::map<std::string, std::vector<ObjectPtr>> byNode;
    for (const auto &p : ctx.store.list("pods").items) {
        const std::string node = sim::str(*p, "/spec/nodeName"_json_pointer);
        if (!node.empty())
            byNode[node].push_back(p);
    }
    std::vector<json> out;
    for (const auto &node : ctx.store.list("nodes").items) {
        const std::string name = (*node)["metadata"].value("name", std::string());
        const NodeUsage n = nodeUsage(ctx, node, byNode[name], t);
        out.push_back({{"kind", "NodeMetrics"},
                       {"apiVersion", "metrics.k8s.io/v1beta1"},
                       {"metadata",
                        {{"name", name},
                         {"creationTimestamp", sim::formatTime(t)},
                         {"labels", (*node)["metadata"].value("labels", json::object())}}},
                       {"timestamp", sim::formatTime(t)},
                       {"window", "15s"},
                       {"usage",
                        {{"cpu", sim::formatNanoCores(n.cpuAverage)},
                         {"memory", sim::formatKibiBytes(n.memory.workingSet)}}}});
    }
    return out;
}

std::vector<json> KubeletMetrics::podMetrics(const SimContext &ctx, const std::string &ns, double t)
{
    std::vector<json> out;
    for (const auto &p : ctx.store.list("pods", ns).items) {
        if (sim::str(*p, "/spec/nodeName"_json_pointer).empty())
            continue;
        const auto containers = PodUsage::containers(ctx, *p, t);
        if (containers.empty())
            continue;
        json list = json::array();
        for (const ContainerUsage &c : containers)
            list.push_back({{"name", c.name},
                            {"usage",
                             {{"cpu", sim::formatNanoCores(c.cpuAverage)},
                              {"memory", sim::formatKibiBytes(c.memory.workingSet)}}}});
        out.push_back({{"kind", "PodMetrics"},
                       {"apiVersion", "metrics.k8s.io/v1beta1"},
                       {"metadata",
                        {{"name", (*p)["metadata"]["name"]},
                         {"namespace", (*p)["metadata"]["namespace"]},
                         {"creationTimestamp", sim::formatTime(t)},
                         {"labels", (*p)["metadata"].value("labels", json::object())}}},
                       {"timestamp", sim::formatTime(t)},
                       {"window", "15s"},
                       {"containers", list}});
    }
    return out;
}

} // namespace demo
