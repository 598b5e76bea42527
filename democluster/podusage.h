#pragma once

// The usage of a pod's running containers (and its sandbox) at an instant, read from the pod's
// status and the usage model; the one source for metrics.k8s.io, kubelet metrics and the HPA.
#include "democluster/usagemodel.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace demo {

struct SimContext;

struct ContainerUsage
{
    std::string name; // container name ("" for the sandbox)
    std::string id;   // 64 hex containerd ID
    std::string image;
    ContainerCurve curve;
    double cpuSeconds = 0; // since the instance started
    double cpuAverage = 0; // cores over the metrics window
    MemorySample memory;
    double memoryLimit = 0;
};

class PodUsage final
{
public:
    static constexpr double kWindow = 15; // seconds, like metrics-server's resolution

    // Running app containers at time t (empty for pods not running on a kubelet).
    static std::vector<ContainerUsage> containers(const SimContext &context,
                                                  const nlohmann::json &pod, double t);
    // The pod's pause container, if the kubelet started the sandbox before t.
    static bool sandbox(const SimContext &context, const nlohmann::json &pod, double t,
                        ContainerUsage &out);
};

} // namespace demo
