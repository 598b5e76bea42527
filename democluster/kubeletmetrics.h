#pragma once

// What a kubelet and metrics-server would report for the simulated nodes: /metrics/cadvisor and
// /metrics/resource as Prometheus text 0.0.4 (written with prometheus-cpp) and the
// metrics.k8s.io NodeMetrics/PodMetrics objects, all from the same usage curves.
//
// Timestamps: a real kubelet stamps cadvisor samples with the cgroup's collection time in ms.
// We leave samples unstamped (prometheus-cpp never writes timestamps on registry metrics), so
// Prometheus uses the scrape time and its staleness handling works when pods go away.
#include "democluster/podusage.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace demo {

struct SimContext;

// One node's cgroup tree at an instant.
struct NodeUsage
{
    struct Pod
    {
        std::shared_ptr<const nlohmann::json> pod;
        std::string qos;    // Guaranteed, Burstable, BestEffort
        std::string cgroup; // /kubepods/burstable/pod<uid>
        std::vector<ContainerUsage> containers;
        bool hasSandbox = false;
        ContainerUsage sandbox;
        double cpuSeconds = 0, cpuAverage = 0, memoryLimit = 0, start = 0;
        MemorySample memory;
    };
    std::shared_ptr<const nlohmann::json> node;
    std::string name;
    double bootTime = 0;
    ContainerCurve system;
    double systemCpuSeconds = 0, systemCpuAverage = 0;
    MemorySample systemMemory;
    std::vector<Pod> pods;
    // Totals over everything on the node (root cgroup).
    double cpuSeconds = 0, cpuAverage = 0;
    MemorySample memory;
};

// One row of /metrics/cadvisor: a cgroup with the labels cadvisor gives it.
struct CadvisorRow
{
    std::string container, id, image, name, ns, pod;
    double cpuSeconds = 0;
    MemorySample memory;
    double memoryLimit = 0;
    double startTime = 0;
};

class KubeletMetrics final
{
public:
    static NodeUsage nodeUsage(const SimContext &context,
                               std::shared_ptr<const nlohmann::json> node,
                               const std::vector<std::shared_ptr<const nlohmann::json>> &pods,
                               double t);

    // Every cgroup row /metrics/cadvisor reports for a node: root, aggregates, pods, sandboxes
    // and app containers. The metrics history writes the same rows, so labels match exactly.
    static std::vector<CadvisorRow> cadvisorRows(const NodeUsage &usage);

    static std::optional<std::string> cadvisor(const SimContext &context, const std::string &node,
                                               double t);
    static std::optional<std::string> resource(const SimContext &context, const std::string &node,
                                               double t);
    static std::vector<nlohmann::json> nodeMetrics(const SimContext &context, double t);
    static std::vector<nlohmann::json> podMetrics(const SimContext &context, const std::string &ns,
                                                  double t);
};

} // namespace demo
