#pragma once

// The HorizontalPodAutoscaler controller (autoscaling/v2, CPU utilisation of requests): reads
// the same usage as metrics.k8s.io, scales its target within min/max, scales down only after
// the stabilization window, and writes the status `kubectl get hpa` shows.
#include <deque>
#include <map>
#include <string>
#include <utility>

namespace demo {

struct SimContext;

class HpaController final
{
public:
    explicit HpaController(SimContext &context);
    void reconcile(double now);

private:
    SimContext &ctx_;
    std::map<std::string, std::deque<std::pair<double, int>>> recommendations_; // by HPA uid
    std::map<std::string, double> lastSync_; // by HPA uid: the real controller syncs every 15 s
};

} // namespace demo
