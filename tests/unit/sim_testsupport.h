#pragma once

// Shared set-up for the simulation's unit tests: a store with the resource types the simulation
// writes, registered the way the API server registers them.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace simtest {

inline void registerTypes(demo::ObjectStore &store)
{
    const std::vector<demo::ResourceType> types = {
        {"", "v1", "namespaces", "Namespace", false, "namespace", {"ns"}},
        {"", "v1", "nodes", "Node", false, "node", {"no"}},
        {"", "v1", "pods", "Pod", true, "pod", {"po"}},
        {"", "v1", "services", "Service", true, "service", {"svc"}},
        {"", "v1", "events", "Event", true, "event", {"ev"}},
        {"apps", "v1", "deployments", "Deployment", true, "deployment", {"deploy"}},
        {"apps", "v1", "replicasets", "ReplicaSet", true, "replicaset", {"rs"}},
        {"apps", "v1", "statefulsets", "StatefulSet", true, "statefulset", {"sts"}},
        {"apps", "v1", "daemonsets", "DaemonSet", true, "daemonset", {"ds"}},
        {"batch", "v1", "jobs", "Job", true, "job", {}},
        {"batch", "v1", "cronjobs", "CronJob", true, "cronjob", {"cj"}},
        {"autoscaling",
         "v2",
         "horizontalpodautoscalers",
         "HorizontalPodAutoscaler",
         true,
         "horizontalpodautoscaler",
         {"hpa"}},
    };
    for (const auto &t : types)
        store.registerType(t);
}

inline std::vector<nlohmann::json> items(const demo::ObjectStore &store, const std::string &key,
                                         const std::string &ns = {})
{
    std::vector<nlohmann::json> out;
    for (const auto &p : store.list(key, ns).items)
        out.push_back(*p);
    return out;
}

inline std::vector<nlohmann::json> eventsWithReason(const demo::ObjectStore &store,
                                                    const std::string &reason)
{
    std::vector<nlohmann::json> out;
    for (const auto &p : store.list("events").items)
        if ((*p).value("reason", std::string()) == reason)
            out.push_back(*p);
    return out;
}

} // namespace simtest
