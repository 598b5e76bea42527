#pragma once

// kube-apiserver's ResourceQuota admission on create: every quota of the namespace whose hard
// resources and scopes cover the object must have room for its usage, or the create is refused
// with the plugin's 403 ("exceeded quota: compute, requested: pods=1, used: pods=7, limited:
// pods=7", "failed quota: compute: must specify limits.cpu for: web"); an admitted create
// charges the quotas' status.used at once, as the plugin does before the object is stored.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

namespace demo {

class QuotaAdmission final
{
public:
    // Throws ApiError 403; with `dryRun` nothing is charged. Events are never quota'd.
    static void admit(ObjectStore &store, const ResourceType &type, const nlohmann::json &object,
                      bool dryRun);
};

} // namespace demo
