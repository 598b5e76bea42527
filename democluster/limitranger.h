#pragma once

// kube-apiserver's LimitRanger for pods: the namespace's LimitRanges fill in the default
// requests and limits of containers that set none (and note it in the kubernetes.io/limit-ranger
// annotation), then their Container and Pod min, max and maxLimitRequestRatio are enforced with
// the plugin's wording; plus the API's defaulting of LimitRange objects themselves.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

namespace demo {

class LimitRanger final
{
public:
    // SetDefaults_LimitRangeItem: a Container item's missing default comes from max, its
    // missing defaultRequest from default, then from min. Nothing for other kinds.
    static void applyDefaults(const ResourceType &type, nlohmann::json &object);
    // The mutating half (Admit) on a pod about to be created; true when it changed the pod.
    static bool mutate(const ObjectStore &store, nlohmann::json &pod);
    // The validating half: throws ApiError 403 (`pods "x" is forbidden: maximum cpu usage per
    // Container is 2, but limit is 4`) for the first LimitRange the pod violates.
    static void validate(const ObjectStore &store, const nlohmann::json &pod);
};

} // namespace demo
