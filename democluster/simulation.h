#pragma once

// The demo cluster's moving parts: presets that seed the store, controllers, scheduler and
// kubelets reconciling on a tick, and the computed data (metrics, logs) behind ClusterBackend.
#include "democluster/clusterbackend.h"
#include "democluster/historywriter.h"
#include "democluster/objectstore.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace demo {

struct SimulationOptions
{
    // "workshop" (three AKS-like nodes, teams, failures), "large" (scale work) or "empty".
    std::string preset = "workshop";
    int nodes = 0;          // 0: the preset's own count (workshop 3, large 5000)
    int pods = 0;           // 0: the preset's own count (large 150000)
    std::uint64_t seed = 1; // same seed, same names, usage curves and log lines
    int tickMs = 500;       // reconcile period of the tick thread
    // Tests drive time themselves: with a manual clock, step() advances it and nothing runs on
    // a thread. The clock starts at `startTime` (unix seconds; 0 = the current time).
    bool manualClock = false;
    double startTime = 0;
    // How long the HPA waits before scaling down (Kubernetes default 300 s).
    int hpaDownscaleStabilizationSeconds = 300;
    // The workshop preset runs this long (simulated, in 5 s steps) before seed() returns, so
    // pods have ages, restart counts and the CronJob has history.
    double warmupSeconds = 900;
    // Metrics history to be written (writeHistory): the workshop preset then warms up at least
    // this long (plus 10 minutes) so today's pods are older than the history window.
    double historySeconds = 0;
    // Events older than this are deleted (the API server's default --event-ttl is 1 h), and at
    // most `maxEvents` are kept.
    int eventTtlSeconds = 3600;
    int maxEvents = 5000;
};

struct SimContext;
struct Reconcilers;

// Owns the simulated cluster's behaviour on top of an ObjectStore whose resource types the API
// server registered. Thread-safe: the API server calls the ClusterBackend side from any thread.
class Simulation final : public ClusterBackend
{
public:
    Simulation(ObjectStore &store, SimulationOptions options);
    ~Simulation() override;
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    // Writes the preset's objects into the store. Throws std::invalid_argument for an unknown
    // preset or bad counts.
    void seed();
    // Starts/stops the tick thread (no-op with a manual clock). stop() is idempotent.
    void start();
    void stop();
    // Runs one reconcile pass after advancing the manual clock by `seconds` (with the wall
    // clock, `seconds` is ignored and the pass runs at the current time).
    void step(double seconds = 0);
    // The simulation's current time in unix seconds.
    double now() const;
    // The kubelets' cadvisor series of the past (HistoryWriter) as OpenMetrics, up to now().
    HistoryStats writeHistory(std::ostream &out, const HistoryOptions &options);

    static std::vector<std::string> presetNames();

    // ClusterBackend
    std::vector<nlohmann::json> nodeMetrics() const override;
    std::vector<nlohmann::json> podMetrics(const std::string &ns) const override;
    std::optional<std::string> kubeletCadvisorMetrics(const std::string &node) const override;
    std::optional<std::string> kubeletResourceMetrics(const std::string &node) const override;
    std::string logs(const std::string &ns, const std::string &pod,
                     const LogOptions &options) const override;
    // followLogs first delivers what logs() would return for `options`, then new lines as
    // simulated time passes; when the container stops it calls `sink("")` once (end of stream)
    // and drops the subscription. `sink` runs on the tick thread (or in step()); keep it short.
    std::uint64_t followLogs(const std::string &ns, const std::string &pod,
                             const LogOptions &options,
                             std::function<bool(const std::string &)> sink) override;
    void cancelFollow(std::uint64_t id) override;
    std::optional<ProxyResponse> serviceProxy(const std::string &ns, const std::string &service,
                                              const std::string &path) const override;

private:
    void run();
    void reconcileAt(double t);

    std::unique_ptr<SimContext> d;
    std::unique_ptr<Reconcilers> r_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    std::mutex tickMutex_;
    std::mutex waitMutex_;
    std::condition_variable wake_;
};

} // namespace demo
