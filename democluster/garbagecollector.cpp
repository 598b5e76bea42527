#include "democluster/garbagecollector.h"

#include "democluster/podtermination.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <set>

namespace demo {

using nlohmann::json;

GarbageCollector::GarbageCollector(SimContext &context)
    : ctx_(context)
{}

void GarbageCollector::reconcile(double now)
{
    collectOrphans(now);
    finishNamespaces();
}

void GarbageCollector::collectOrphans(double now)
{
    static const char *ownerKeys[] = {"apps/deployments", "apps/replicasets", "apps/statefulsets",
                                      "apps/daemonsets", "batch/jobs", "batch/cronjobs"};
    std::set<std::string> kinds;
    std::set<std::string> alive;
    for (const char *key : ownerKeys) {
        const ResourceType *type = ctx_.store.type(key);
        if (!type)
            continue;
        kinds.insert(type->kind);
        for (const auto &o : ctx_.store.list(key).items)
            alive.insert(sim::str(*o, "/metadata/uid"_json_pointer));
    }
    for (const char *key : {"apps/replicasets", "batch/jobs", "pods"}) {
        if (!ctx_.store.type(key))
            continue;
        for (const auto &ptr : ctx_.store.list(key).items) {
            const json &object = *ptr;
            const json refs = object["metadata"].value("ownerReferences", json::array());
            if (refs.empty())
                continue;
            bool orphan = true;
            for (const json &ref : refs)
                if (!kinds.count(ref.value("kind", std::string())) || alive.count(ref.value("uid", std::string())))
                    orphan = false;
            if (!orphan)
                continue;
            const std::string ns = object["metadata"].value("namespace", std::string());
            const std::string name = object["metadata"].value("name", std::string());
            if (std::string(key) == "pods" && !sim::str(object, "/spec/nodeName"_json_pointer).empty()) {
                if (sim::podIsTerminating(object))
                    continue;
                // Running pods get a graceful deletion the kubelet completes.
                ctx_.store.modify(key, ns, name, [&](json &p) {
                    return PodTermination::begin(p, now, PodTermination::gracePeriod(p, std::nullopt));
                });
                continue;
            }
            try {
                ctx_.store.remove(key, ns, name);
            } catch (const ApiError &) {
            }
        }
    }
}

void GarbageCollector::finishNamespaces()
{
    const auto types = ctx_.store.types();
    for (const auto &ptr : ctx_.store.list("namespaces").items) {
        const json &ns = *ptr;
        const bool terminating = sim::str(ns, "/status/phase"_json_pointer) == "Terminating"
                                 || sim::podIsTerminating(ns);
        if (!terminating)
            continue;
        const std::string name = ns["metadata"].value("name", std::string());
        std::size_t left = 0;
        for (const ResourceType &type : types) {
            if (!type.namespaced)
                continue;
            for (const auto &o : ctx_.store.list(type.key(), name).items) {
                try {
                    ctx_.store.remove(type.key(), name, (*o)["metadata"].value("name", std::string()));
                } catch (const ApiError &) {
                    ++left;
                }
            }
        }
        if (left == 0) {
            try {
                ctx_.store.remove("namespaces", "", name);
            } catch (const ApiError &) {
            }
        }
    }
}

} // namespace demo
