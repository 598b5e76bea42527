#pragma once

// What the demo API server asks the simulation for: data that is computed, not stored (metrics,
// logs) and hooks that a real cluster's controllers would run. Implemented by Simulation
// (simulation.*), used by ApiServer (apiserver.*). All calls are thread-safe.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace demo {

struct LogOptions
{
    std::string container; // resolved by the server: never empty here
    bool previous = false;
    bool timestamps = false;
    std::optional<std::int64_t> tailLines;
    std::optional<std::int64_t> sinceSeconds;
    std::optional<double> sinceTime; // unix seconds; lines at or after it, like the kubelet
    std::optional<std::int64_t> limitBytes;
};

class ClusterBackend
{
public:
    virtual ~ClusterBackend() = default;

    // metrics.k8s.io/v1beta1 items (NodeMetrics / PodMetrics objects, complete with kind,
    // apiVersion, metadata, timestamp, window, usage/containers). `ns` empty = all.
    virtual std::vector<nlohmann::json> nodeMetrics() const = 0;
    virtual std::vector<nlohmann::json> podMetrics(const std::string &ns) const = 0;

    // Kubelet endpoints through the node proxy, Prometheus text 0.0.4. nullopt: unknown node.
    virtual std::optional<std::string> kubeletCadvisorMetrics(const std::string &node) const = 0;
    virtual std::optional<std::string> kubeletResourceMetrics(const std::string &node) const = 0;

    // Log lines of a container ("\n"-terminated, with the RFC3339Nano prefix when asked).
    // Throws demo::ApiError (400 BadRequest) e.g. for `previous` without a terminated container.
    virtual std::string logs(const std::string &ns, const std::string &pod,
                             const LogOptions &options) const = 0;
    // Follows a container's log: calls `sink` with new lines until it returns false or the
    // container stops. Returns a subscription id for cancelFollow().
    virtual std::uint64_t followLogs(const std::string &ns, const std::string &pod,
                                     const LogOptions &options,
                                     std::function<bool(const std::string &)> sink) = 0;
    virtual void cancelFollow(std::uint64_t id) = 0;

    // Answers for a Service proxy request (/api/v1/namespaces/{ns}/services/{svc}/proxy/{path}):
    // status code, content type, body; nullopt when the service has no simulated endpoint.
    struct ProxyResponse
    {
        int status = 200;
        std::string contentType;
        std::string body;
    };
    virtual std::optional<ProxyResponse> serviceProxy(const std::string &ns,
                                                      const std::string &service,
                                                      const std::string &path) const = 0;
};

} // namespace demo
