#include "democluster/podusage.h"

#include "democluster/simcontext.h"
#include "democluster/simutil.h"

namespace demo {

using nlohmann::json;

std::vector<ContainerUsage> PodUsage::containers(const SimContext &context, const json &pod,
                                                 double t)
{
    std::vector<ContainerUsage> out;
    const json &status = sim::field(pod, "status");
    if (!status.contains("containerStatuses") || sim::podIsFinished(pod))
        return out;
    const json &specs = sim::field(sim::field(pod, "spec"), "containers");
    for (const json &cs : status["containerStatuses"]) {
        if (!cs.contains("state") || !cs["state"].contains("running"))
            continue;
        const double start = sim::parseTime(cs["state"]["running"].value("startedAt", json()), 0);
        if (start <= 0 || start > t)
            continue;
        const std::string name = cs.value("name", std::string());
        for (const json &spec : specs) {
            if (spec.value("name", std::string()) != name)
                continue;
            ContainerUsage u;
            u.name = name;
            const std::string id = cs.value("containerID", std::string());
            u.id = id.substr(id.find("://") == std::string::npos ? 0 : id.find("://") + 3);
            u.image = spec.value("image", std::string());
            u.curve = context.usage.curve(pod, spec, start);
            u.cpuSeconds = context.usage.cpuSeconds(u.curve, t);
            u.cpuAverage = context.usage.cpuAverage(u.curve, t, kWindow);
            u.memory = context.usage.memory(u.curve, t);
            u.memoryLimit = u.curve.memLimit;
            out.push_back(std::move(u));
        }
    }
    return out;
}

bool PodUsage::sandbox(const SimContext &context, const json &pod, double t, ContainerUsage &out)
{
    const json &status = sim::field(pod, "status");
    if (!status.contains("startTime") || sim::podIsFinished(pod))
        return false;
    const double start = sim::parseTime(status["startTime"], 0);
    if (start <= 0 || start > t)
        return false;
    out.name.clear();
    out.image = "registry.k8s.io/pause:3.10";
    out.id = sim::hexId(sim::hashString(sim::str(pod, "/metadata/uid"_json_pointer) + "/sandbox",
                                        context.options.seed),
                        64);
    out.curve = context.usage.pauseCurve(pod, start);
    out.cpuSeconds = context.usage.cpuSeconds(out.curve, t);
    out.cpuAverage = context.usage.cpuAverage(out.curve, t, kWindow);
    out.memory = context.usage.memory(out.curve, t);
    return true;
}

} // namespace demo
