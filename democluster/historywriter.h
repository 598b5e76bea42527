#pragma once

// Writes the past hours of the demo kubelets' cadvisor series as OpenMetrics text, ready for
// `promtool tsdb create-blocks-from openmetrics`, so a fresh Prometheus starts with history.
#include <cstddef>
#include <iosfwd>
#include <string>

namespace demo {

struct SimContext;

struct HistoryOptions
{
    double seconds = 6 * 3600; // how far back from now
    double stepSeconds = 15;   // the scrape interval the live Prometheus uses
    // The target labels Prometheus attaches when it scrapes a node through the API server proxy
    // (scripts/demo-prometheus): job, metrics_path, and instance = node = the node's name.
    std::string job = "kubelet";
    std::string metricsPath = "/metrics/cadvisor";
};

struct HistoryStats
{
    std::size_t series = 0;  // distinct label sets over the three families
    std::size_t samples = 0; // sample lines written
    double from = 0;         // first and last timestamp, unix seconds
    double to = 0;
};

class HistoryWriter final
{
public:
    // The app containers' and the nodes' (root cgroup id="/") container_cpu_usage_seconds_total,
    // container_memory_working_set_bytes and container_memory_rss from `now - seconds` to `now`,
    // every `stepSeconds`. The values are the usage model's at those past times for the pods
    // that exist now (a container only since it started), computed exactly as the live
    // /metrics/cadvisor computes them, so history and live scrapes join without a reset.
    static HistoryStats write(const SimContext &context, double now, const HistoryOptions &options,
                              std::ostream &out);
};

} // namespace demo
