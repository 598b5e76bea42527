#include "democluster/podtermination.h"

#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>

namespace demo {

using nlohmann::json;

std::int64_t PodTermination::gracePeriod(const json &pod, std::optional<std::int64_t> requested)
{
    if (sim::str(pod, "/spec/nodeName"_json_pointer).empty() || sim::podIsFinished(pod))
        return 0;
    if (requested)
        return *requested < 0 ? 1 : *requested;
    const std::int64_t spec = sim::integer(pod, "/spec/terminationGracePeriodSeconds"_json_pointer,
                                           30);
    return spec < 0 ? 1 : spec;
}

bool PodTermination::begin(json &pod, double now, std::int64_t grace)
{
    json &meta = pod["metadata"];
    const double deadline = std::floor(now) + static_cast<double>(grace);
    if (sim::podIsTerminating(pod)) {
        const double current = sim::parseTime(meta["deletionTimestamp"], deadline);
        if (deadline >= current)
            return false;
    }
    meta["deletionTimestamp"] = sim::formatTime(deadline);
    meta["deletionGracePeriodSeconds"] = grace;
    return true;
}

double PodTermination::preStopSeconds(const json &container)
{
    if (!container.is_object())
        return 0;
    const json hook = container.value("/lifecycle/preStop"_json_pointer, json());
    if (!hook.is_object())
        return 0;
    if (hook.contains("sleep"))
        return static_cast<double>(
            std::max<std::int64_t>(0, sim::integer(hook, "/sleep/seconds"_json_pointer, 0)));
    // Only the common `sleep N` of an exec hook has a duration we can know.
    std::string command;
    for (const json &part : hook.value("/exec/command"_json_pointer, json::array()))
        if (part.is_string())
            command += part.get<std::string>() + " ";
    static const std::regex sleep(R"((?:^|[\s;&|])sleep\s+(\d+(?:\.\d+)?)s?(?=$|[\s;&|]))");
    double seconds = 0;
    for (auto it = std::sregex_iterator(command.begin(), command.end(), sleep);
         it != std::sregex_iterator(); ++it)
        seconds += std::stod((*it)[1].str());
    return seconds;
}

double PodTermination::stopTime(const json &pod)
{
    const double deadline = sim::parseTime(
        pod.value("/metadata/deletionTimestamp"_json_pointer, json()), 0);
    const double grace = static_cast<double>(std::max<std::int64_t>(
        0, sim::integer(pod, "/metadata/deletionGracePeriodSeconds"_json_pointer, 0)));
    double hooks = 0;
    for (const json &c : pod.value("/spec/containers"_json_pointer, json::array()))
        hooks = std::max(hooks, preStopSeconds(c));
    return std::min(deadline, deadline - grace + hooks + kExitSeconds);
}

} // namespace demo
