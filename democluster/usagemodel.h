#pragma once

// CPU and memory of every simulated container as a deterministic function of (seed, container,
// time). One curve feeds metrics.k8s.io, the kubelet endpoints, the HPA and the OOM killer.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace demo {

struct UsageProfile
{
    std::string name;         // web, api, db, dns, proxy, agent, dashboard, batch, crashloop, oom
    double cpuFraction = 0.3; // baseline as a fraction of the CPU request
    double cpuDefault = 0.01; // baseline cores without a request
    double wave = 0.25;       // daily wave amplitude (fraction of baseline)
    double noise1 = 0.08;     // slow noise (5-15 min periods)
    double noise2 = 0.04;     // fast noise (40-90 s periods)
    double ramp = 0.0;        // load ramp amplitude (fraction of baseline)
    double rampPeriod = 1800; // seconds between ramp peaks
    double memFraction = 0.5; // baseline working set as a fraction of the memory request
    double memDefault = 32.0 * 1048576;
    double memGrowth = 0.1;   // working set grows by this fraction over the first hour
    double oomAfter = 0;      // seconds until the working set reaches the limit (0: never)
    double crashAfter = 0;    // seconds a crash-looping container runs (0: never crashes)
    double completeAfter = 0; // seconds a batch container runs before exiting 0
};

// The curve parameters of one container instance.
struct ContainerCurve
{
    UsageProfile profile;
    double cpuBase = 0;  // cores
    double memBase = 0;  // bytes
    double memLimit = 0; // bytes, 0 = unlimited
    double start = 0;    // unix seconds the instance started
    double phase[4] = {0, 0, 0, 0};
    double noisePeriod[2] = {600, 60};
};

struct MemorySample
{
    double workingSet = 0;
    double rss = 0;
    double cache = 0;
    double usage = 0;
};

class UsageModel final
{
public:
    explicit UsageModel(std::uint64_t seed);

    // The profile a pod's container follows: annotation `demo.klarsicht.io/profile` on the
    // pod, else guessed from the image.
    static UsageProfile profileFor(const nlohmann::json &pod, const nlohmann::json &container);
    static UsageProfile profileByName(const std::string &name);

    ContainerCurve curve(const nlohmann::json &pod, const nlohmann::json &container,
                         double start) const;
    // The sandbox (pause) container of a pod.
    ContainerCurve pauseCurve(const nlohmann::json &pod, double start) const;
    // Node overhead outside kubepods (system.slice, kubelet, containerd).
    ContainerCurve systemCurve(const std::string &node, double bootTime) const;

    // Cores at time t, and core-seconds consumed between the instance's start and t.
    double cpuRate(const ContainerCurve &c, double t) const;
    double cpuSeconds(const ContainerCurve &c, double t) const;
    // Average cores over [t - window, t] (what metrics-server reports).
    double cpuAverage(const ContainerCurve &c, double t, double window) const;
    MemorySample memory(const ContainerCurve &c, double t) const;

    std::uint64_t seed() const { return seed_; }

private:
    double cpuIntegral(const ContainerCurve &c,
                       double t) const; // antiderivative without the linear term
    std::uint64_t seed_;
};

} // namespace demo
