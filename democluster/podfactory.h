#pragma once

// Builds pods from a workload's pod template the way the API server would store them after
// defaulting, owned by the controller that creates them.
#include <nlohmann/json.hpp>

#include <string>

namespace demo {

class PodFactory final
{
public:
    // A pod named `name` in `ns` from `podTemplate`, with a controller ownerReference to `owner`
    // (which must carry kind, apiVersion, metadata.name/uid) and `extraLabels` merged in.
    static nlohmann::json fromTemplate(const nlohmann::json &owner,
                                       const nlohmann::json &podTemplate, const std::string &ns,
                                       const std::string &name, double created,
                                       const nlohmann::json &extraLabels = nlohmann::json::object());
    // Fills the defaults a real API server adds to a pod spec and its containers.
    static void applyDefaults(nlohmann::json &pod);
};

} // namespace demo
