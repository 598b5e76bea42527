#pragma once

// What ResourceQuota counts, as kube-apiserver's quota evaluators measure it: a pod's usage
// (pods, requests and limits summed over its containers, init containers as the maximum, cpu and
// memory as aliases of the requests; nothing but count/pods once it is terminal), object counts
// for every other kind (count/<resource>.<group>, the legacy names such as services), scopes,
// and a quota's usage over its namespace. Shared by quota admission and the quota controller.
#include "democluster/objectstore.h"
#include "democluster/quantity.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace demo {

class QuotaEvaluator final
{
public:
    // The usage one object of `type` adds (Evaluator.Usage). `now` decides whether a pod past
    // its deletion grace period is still charged.
    static ResourceList usage(const ResourceType &type, const nlohmann::json &object, double now);
    // The names among `names` that the evaluator of `type` tracks (MatchingResources).
    static std::vector<std::string> matchingResources(const ResourceType &type,
                                                      const std::vector<std::string> &names);
    // Whether every scope and scopeSelector expression of `quota` matches `object`; objects
    // other than pods match no scope.
    static bool matchesScopes(const ResourceType &type, const nlohmann::json &quota,
                              const nlohmann::json &object);
    // The pod evaluator's Constraints: "" or "must specify limits.cpu for: web; ..." for the
    // cpu and memory names in `required` that a container does not set.
    static std::string constraints(const std::vector<std::string> &required,
                                   const nlohmann::json &pod);
    // The store keys whose objects the names of `hard` count (those the store serves).
    static std::vector<std::string> trackedKeys(const ObjectStore &store,
                                                const nlohmann::json &hard);
    // A quota's usage over its namespace, each hard name from zero (CalculateUsage), masked
    // to the hard names; the caller holds whatever consistency it needs.
    static ResourceList calculate(const ObjectStore &store, const nlohmann::json &quota,
                                  double now);

    // A ResourceList from its JSON map (unparsable values are left out) and back.
    static ResourceList fromJson(const nlohmann::json &list);
    static nlohmann::json toJson(const ResourceList &list);
    // prettyPrint: "pods=1,requests.cpu=100m", sorted.
    static std::string print(const ResourceList &list);
    static std::vector<std::string> names(const ResourceList &list);
    // quota.Mask: the entries of `list` whose names are in `names`.
    static ResourceList mask(const ResourceList &list, const std::vector<std::string> &names);
};

} // namespace demo
