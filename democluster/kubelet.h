#pragma once

// The kubelets of every simulated node: move bound pods Pending -> ContainerCreating -> Running,
// crash and OOM-kill containers as their usage profile says, restart them with back-off, finish
// batch pods and stop terminating pods (then delete them), with the events a real kubelet writes.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace demo {

struct SimContext;

class Kubelet final
{
public:
    explicit Kubelet(SimContext &context);
    // Without `podChanges`: look at every pod (first pass, nodes changed, or the store's
    // history no longer reaches back to the previous pass). With it: only at the pods changed
    // since the previous pass plus those it left with a transition pending in time (starting,
    // crash/OOM/completion timers, back-off, termination), so a settled cluster costs nothing
    // and a burst of pod updates costs what it changed, not a walk over 300,000 pods.
    void reconcile(double now, const std::vector<WatchEvent> *podChanges = nullptr);

    // The containerd ID of a container instance (stable for its restart count).
    static std::string containerId(const SimContext &context, const nlohmann::json &pod,
                                   const std::string &container, std::int64_t restartCount);
    static std::string podIp(const SimContext &context, const nlohmann::json &pod);
    // Back-off before restart number `restartCount` (10 s doubling, capped at 5 min).
    static double backOff(std::int64_t restartCount);

private:
    bool syncPod(nlohmann::json &pod, double now);
    void startContainer(nlohmann::json &pod, const nlohmann::json &spec, nlohmann::json &status,
                        double now);
    SimContext &ctx_;
    // UIDs of terminating pods whose containers got SIGTERM (a Killing event) already.
    std::set<std::string> stopping_;
    // namespace/name of the pods with a pending transition after the last pass.
    std::vector<std::pair<std::string, std::string>> pending_;
};

} // namespace demo
