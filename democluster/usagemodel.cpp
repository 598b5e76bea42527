#include "democluster/usagemodel.h"

#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>

namespace demo {

using nlohmann::json;

namespace {
constexpr double kTwoPi = 6.283185307179586;
constexpr double kDay = 86400;
constexpr double kMi = 1048576;
} // namespace

UsageModel::UsageModel(std::uint64_t seed)
    : seed_(seed)
{}

UsageProfile UsageModel::profileByName(const std::string &name)
{
    UsageProfile p;
    p.name = name;
    if (name == "web") {
        p.cpuFraction = 0.3;
        p.cpuDefault = 0.05;
        p.ramp = 1.6;
        p.rampPeriod = 1800;
        p.memFraction = 0.45;
        p.memDefault = 48 * kMi;
    } else if (name == "api") {
        p.cpuFraction = 0.35;
        p.cpuDefault = 0.08;
        p.ramp = 0.6;
        p.rampPeriod = 2700;
        p.memFraction = 0.6;
        p.memDefault = 160 * kMi;
        p.memGrowth = 0.2;
    } else if (name == "db") {
        p.cpuFraction = 0.25;
        p.cpuDefault = 0.1;
        p.wave = 0.3;
        p.memFraction = 0.7;
        p.memDefault = 384 * kMi;
        p.memGrowth = 0.3;
    } else if (name == "dns") {
        p.cpuFraction = 0.04;
        p.cpuDefault = 0.004;
        p.memFraction = 0.3;
        p.memDefault = 18 * kMi;
    } else if (name == "proxy" || name == "agent") {
        p.cpuFraction = 0.05;
        p.cpuDefault = 0.002;
        p.memFraction = 0.4;
        p.memDefault = name == "proxy" ? 24 * kMi : 64 * kMi;
    } else if (name == "dashboard") {
        p.cpuFraction = 0.02;
        p.cpuDefault = 0.001;
        p.memDefault = 40 * kMi;
    } else if (name == "batch") {
        p.cpuFraction = 0.8;
        p.cpuDefault = 0.2;
        p.wave = 0;
        p.memDefault = 24 * kMi;
        p.completeAfter = 20;
    } else if (name == "crashloop") {
        p.cpuFraction = 0.1;
        p.cpuDefault = 0.02;
        p.memDefault = 30 * kMi;
        p.crashAfter = 8;
    } else if (name == "oom") {
        p.cpuFraction = 0.3;
        p.cpuDefault = 0.05;
        p.memFraction = 0.5;
        p.memDefault = 64 * kMi;
        p.oomAfter = 45;
    } else {
        p.name = "generic";
        p.cpuFraction = 0.2;
        p.cpuDefault = 0.003;
        p.memDefault = 12 * kMi;
    }
    return p;
}

UsageProfile UsageModel::profileFor(const json &pod, const json &container)
{
    // Looked up in place: this runs for every pod on every tick.
    static const json::json_pointer annotation("/metadata/annotations/demo.klarsicht.io~1profile");
    static const json::json_pointer owners("/metadata/ownerReferences");
    if (pod.contains(annotation) && pod.at(annotation).is_string())
        return profileByName(pod.at(annotation).get<std::string>());
    if (pod.contains(owners) && pod.at(owners).is_array())
        for (const json &ref : pod.at(owners))
            if (ref.value("kind", std::string()) == "Job")
                return profileByName("batch");
    const std::string image = container.value("image", std::string());
    const auto has = [&](const char *s) { return image.find(s) != std::string::npos; };
    if (has("nginx") || has("httpd") || has("caddy"))
        return profileByName("web");
    if (has("postgres") || has("mysql") || has("mariadb") || has("redis") || has("mongo"))
        return profileByName("db");
    if (has("coredns"))
        return profileByName("dns");
    if (has("kube-proxy"))
        return profileByName("proxy");
    if (has("busybox") || has("alpine"))
        return profileByName("generic");
    return profileByName("api");
}

ContainerCurve UsageModel::curve(const json &pod, const json &container, double start) const
{
    ContainerCurve c;
    c.profile = profileFor(pod, container);
    const json &res = sim::field(container, "resources");
    const double cpuReq = sim::parseQuantity(sim::field(sim::field(res, "requests"), "cpu"), 0);
    const double memReq = sim::parseQuantity(sim::field(sim::field(res, "requests"), "memory"), 0);
    c.memLimit = sim::parseQuantity(sim::field(sim::field(res, "limits"), "memory"), 0);
    const std::string id = sim::str(pod, "/metadata/namespace"_json_pointer) + "/"
                           + sim::str(pod, "/metadata/name"_json_pointer) + "/"
                           + container.value("name", std::string());
    const std::uint64_t h = sim::hashString(id, seed_);
    const double jitter = 0.8 + 0.4 * sim::unitFromHash(sim::mix(h ^ 1));
    c.cpuBase = (cpuReq > 0 ? cpuReq * c.profile.cpuFraction : c.profile.cpuDefault) * jitter;
    c.memBase = (memReq > 0 ? memReq * c.profile.memFraction : c.profile.memDefault) * jitter;
    if (c.memLimit > 0 && c.profile.oomAfter <= 0)
        c.memBase = std::min(c.memBase, c.memLimit * 0.6);
    if (c.memLimit > 0 && c.profile.oomAfter > 0)
        c.memBase = std::min(c.memBase, c.memLimit * 0.5);
    for (int i = 0; i < 4; ++i)
        c.phase[i] = kTwoPi * sim::unitFromHash(sim::mix(h + 10 + static_cast<std::uint64_t>(i)));
    c.noisePeriod[0] = 300 + 600 * sim::unitFromHash(sim::mix(h + 20));
    c.noisePeriod[1] = 40 + 50 * sim::unitFromHash(sim::mix(h + 21));
    c.start = start;
    return c;
}

ContainerCurve UsageModel::pauseCurve(const json &pod, double start) const
{
    ContainerCurve c;
    c.profile = profileByName("generic");
    c.profile.wave = 0;
    c.profile.ramp = 0;
    c.profile.memGrowth = 0;
    c.cpuBase = 0.0002;
    c.memBase = 0.4 * kMi;
    const std::uint64_t h = sim::hashString(sim::str(pod, "/metadata/uid"_json_pointer), seed_);
    for (int i = 0; i < 4; ++i)
        c.phase[i] = kTwoPi * sim::unitFromHash(sim::mix(h + static_cast<std::uint64_t>(i)));
    c.start = start;
    return c;
}

ContainerCurve UsageModel::systemCurve(const std::string &node, double bootTime) const
{
    ContainerCurve c;
    c.profile = profileByName("generic");
    c.profile.wave = 0.1;
    c.profile.memGrowth = 0;
    c.cpuBase = 0.12;
    c.memBase = 780 * kMi;
    const std::uint64_t h = sim::hashString("system/" + node, seed_);
    for (int i = 0; i < 4; ++i)
        c.phase[i] = kTwoPi * sim::unitFromHash(sim::mix(h + static_cast<std::uint64_t>(i)));
    c.start = bootTime;
    return c;
}

double UsageModel::cpuRate(const ContainerCurve &c, double t) const
{
    if (t < c.start)
        return 0;
    const UsageProfile &p = c.profile;
    const double x = kTwoPi / p.rampPeriod * t + c.phase[3];
    const double bump = (1 - std::cos(x)) / 2;
    return c.cpuBase
           * (1 + p.wave * std::sin(kTwoPi * t / kDay + c.phase[0])
              + p.noise1 * std::sin(kTwoPi * t / c.noisePeriod[0] + c.phase[1])
              + p.noise2 * std::sin(kTwoPi * t / c.noisePeriod[1] + c.phase[2])
              + p.ramp * bump * bump);
}

double UsageModel::cpuIntegral(const ContainerCurve &c, double t) const
{
    // Antiderivative of cpuRate minus its linear part: every term is a bounded periodic
    // function, so differences stay exact in double precision even at unix-time magnitudes.
    const UsageProfile &p = c.profile;
    const double w0 = kTwoPi / kDay, w1 = kTwoPi / c.noisePeriod[0], w2 = kTwoPi / c.noisePeriod[1];
    const double wr = kTwoPi / p.rampPeriod;
    const double x = wr * t + c.phase[3];
    return c.cpuBase
           * (-p.wave / w0 * std::cos(w0 * t + c.phase[0])
              - p.noise1 / w1 * std::cos(w1 * t + c.phase[1])
              - p.noise2 / w2 * std::cos(w2 * t + c.phase[2])
              + p.ramp * (-2 * std::sin(x) / wr + std::sin(2 * x) / (4 * wr)) / 4);
}

double UsageModel::cpuSeconds(const ContainerCurve &c, double t) const
{
    if (t <= c.start)
        return 0;
    // Linear part: base * (1 + 3/8 ramp) per second (the mean of the squared bump is 3/8).
    const double linear = c.cpuBase * (1 + c.profile.ramp * 3.0 / 8.0) * (t - c.start);
    return std::max(0.0, linear + cpuIntegral(c, t) - cpuIntegral(c, c.start));
}

double UsageModel::cpuAverage(const ContainerCurve &c, double t, double window) const
{
    const double from = std::max(c.start, t - window);
    if (t - from < 1e-3)
        return cpuRate(c, t);
    return (cpuSeconds(c, t) - cpuSeconds(c, from)) / (t - from);
}

MemorySample UsageModel::memory(const ContainerCurve &c, double t) const
{
    MemorySample m;
    if (t < c.start)
        return m;
    const UsageProfile &p = c.profile;
    const double age = t - c.start;
    double ws;
    if (p.oomAfter > 0 && c.memLimit > 0) {
        // Leaks linearly until it reaches the limit at start + oomAfter.
        ws = c.memBase + (c.memLimit - c.memBase) * std::min(1.0, age / p.oomAfter);
        ws = std::min(ws, c.memLimit - 4096);
    } else {
        ws = c.memBase
             * (1 + p.memGrowth * std::min(1.0, age / 3600.0)
                + 0.04 * std::sin(kTwoPi * t / kDay + c.phase[0])
                + 0.02 * std::sin(kTwoPi * t / c.noisePeriod[0] + c.phase[1]));
        if (c.memLimit > 0)
            ws = std::min(ws, c.memLimit * 0.9);
    }
    ws = std::floor(ws / 4096) * 4096; // page granularity, like cgroup counters
    m.workingSet = ws;
    m.cache = std::floor(ws * 0.3 / 4096) * 4096;
    m.usage = ws + std::floor(ws * 0.15 / 4096) * 4096;
    m.rss = m.usage - m.cache;
    return m;
}

} // namespace demo
