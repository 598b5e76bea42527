#include "democluster/garbagecollector.h"

#include "democluster/podtermination.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <map>
#include <set>

namespace demo {

using nlohmann::json;

GarbageCollector::GarbageCollector(SimContext &context)
    : ctx_(context)
{}

void GarbageCollector::reconcile(double now, std::optional<std::uint64_t> since)
{
    collectOrphans(now, since);
    finishNamespaces();
}

namespace {

const char *const kOwnerKeys[] = {"apps/deployments", "apps/replicasets", "apps/statefulsets",
                                  "apps/daemonsets",  "batch/jobs",       "batch/cronjobs"};
const char *const kDependentKeys[] = {"apps/replicasets", "batch/jobs", "pods"};

} // namespace

void GarbageCollector::collect(const std::string &key, const json &object,
                               const std::set<std::string> &kinds,
                               const std::function<bool(const json &)> &alive, double now)
{
    static const json::json_pointer refsPath("/metadata/ownerReferences");
    if (!object.contains(refsPath) || !object.at(refsPath).is_array()
        || object.at(refsPath).empty())
        return;
    for (const json &ref : object.at(refsPath))
        if (!kinds.count(ref.value("kind", std::string())) || alive(ref))
            return;
    const std::string ns = object["metadata"].value("namespace", std::string());
    const std::string name = object["metadata"].value("name", std::string());
    if (key == "pods" && !sim::str(object, "/spec/nodeName"_json_pointer).empty()) {
        if (sim::podIsTerminating(object))
            return;
        // Running pods get a graceful deletion the kubelet completes.
        ctx_.store.modify(key, ns, name, [&](json &p) {
            return PodTermination::begin(p, now, PodTermination::gracePeriod(p, std::nullopt));
        });
        return;
    }
    try {
        ctx_.store.remove(key, ns, name);
    } catch (const ApiError &) {
    }
}

void GarbageCollector::collectOrphans(double now, std::optional<std::uint64_t> since)
{
    std::set<std::string> kinds;
    std::map<std::string, std::string> keyOfKind;
    for (const char *key : kOwnerKeys) {
        if (const ResourceType *type = ctx_.store.type(key)) {
            kinds.insert(type->kind);
            keyOfKind[type->kind] = key;
        }
    }
    // Orphans appear only where an owner went away or a dependent (or its references) changed.
    std::map<std::string, std::vector<WatchEvent>> changed;
    bool everything = !since;
    for (const char *key : kOwnerKeys) {
        if (everything || !ctx_.store.type(key))
            continue;
        const auto changes = ctx_.store.changesSince(key, *since);
        if (!changes)
            everything = true;
        else if (std::any_of(changes->begin(), changes->end(),
                             [](const WatchEvent &e) { return e.type == "DELETED"; }))
            everything = true;
    }
    for (const char *key : kDependentKeys) {
        if (everything || !ctx_.store.type(key))
            continue;
        auto changes = ctx_.store.changesSince(key, *since);
        if (!changes)
            everything = true;
        else
            changed[key] = std::move(*changes);
    }
    if (!everything) {
        // Only the changed dependents, each owner looked up by namespace and name.
        const auto alive = [&](const json &ref, const std::string &ns) {
            const auto key = keyOfKind.find(ref.value("kind", std::string()));
            if (key == keyOfKind.end())
                return true;
            const auto owner = ctx_.store.getShared(key->second, ns,
                                                    ref.value("name", std::string()));
            return owner
                   && sim::str(*owner, "/metadata/uid"_json_pointer)
                          == ref.value("uid", std::string());
        };
        for (const char *key : kDependentKeys) {
            std::set<std::pair<std::string, std::string>> seen;
            for (const WatchEvent &e : changed[key]) {
                if (e.type == "DELETED")
                    continue;
                const json &meta = (*e.object)["metadata"];
                const std::pair<std::string, std::string> id{meta.value("namespace", std::string()),
                                                             meta.value("name", std::string())};
                if (!seen.insert(id).second)
                    continue;
                const auto current = ctx_.store.getShared(key, id.first, id.second);
                if (current)
                    collect(
                        key, *current, kinds, [&](const json &ref) { return alive(ref, id.first); },
                        now);
            }
        }
        return;
    }
    std::set<std::string> alive;
    for (const char *key : kOwnerKeys) {
        if (!ctx_.store.type(key))
            continue;
        for (const auto &o : ctx_.store.list(key).items)
            alive.insert(sim::str(*o, "/metadata/uid"_json_pointer));
    }
    for (const char *key : kDependentKeys) {
        if (!ctx_.store.type(key))
            continue;
        for (const auto &ptr : ctx_.store.list(key).items)
            collect(
                key, *ptr, kinds,
                [&](const json &ref) { return alive.count(ref.value("uid", std::string())) > 0; },
                now);
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
                    ctx_.store.remove(type.key(), name,
                                      (*o)["metadata"].value("name", std::string()));
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
