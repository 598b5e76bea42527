#pragma once

// The admission chain a create passes, in kube-apiserver's order: LimitRanger's defaults, the
// validation of the pod's requests against its limits, LimitRanger's min/max, then
// ResourceQuota. Installed into the store, it runs on every create, the API's and the simulated
// controllers' alike, so a ReplicaSet's pods are refused exactly as a kubectl run would be.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

namespace demo {

class Admission final
{
public:
    // Makes `store` admit every create through admit().
    static void install(ObjectStore &store);
    // Throws ApiError (403 Forbidden, 422 Invalid); may change `object` (defaults). With
    // `dryRun` no quota is charged.
    static void admit(ObjectStore &store, const ResourceType &type, nlohmann::json &object,
                      bool dryRun);
};

} // namespace demo
