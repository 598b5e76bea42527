#include "democluster/quotacontroller.h"

#include "democluster/quotaevaluator.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <map>
#include <set>

namespace demo {

using nlohmann::json;

namespace {
// --resource-quota-sync-period's default.
constexpr double kResyncSeconds = 300;
} // namespace

QuotaController::QuotaController(SimContext &context)
    : ctx_(context)
{}

void QuotaController::reconcile(double now, std::optional<std::uint64_t> since)
{
    ObjectStore &store = ctx_.store;
    if (!store.type("resourcequotas") || store.count("resourcequotas") == 0)
        return;
    const auto quotas = store.list("resourcequotas").items;
    // namespace -> the kinds its quotas count
    std::map<std::string, std::set<std::string>> tracked;
    std::set<std::string> keys;
    for (const auto &q : quotas) {
        const std::string ns = sim::str(*q, "/metadata/namespace"_json_pointer);
        for (const std::string &key :
             QuotaEvaluator::trackedKeys(store, sim::field(sim::field(*q, "spec"), "hard"))) {
            tracked[ns].insert(key);
            keys.insert(key);
        }
    }
    bool all = !since || now - lastFullSync_ >= kResyncSeconds;
    std::set<std::string> dirty;
    const auto namespaceOf = [](const WatchEvent &e) {
        return sim::str(*e.object, "/metadata/namespace"_json_pointer);
    };
    if (!all) {
        // A quota's own status writes come back here once; the recount then writes nothing.
        if (const auto changes = store.changesSince("resourcequotas", *since))
            for (const WatchEvent &e : *changes)
                dirty.insert(namespaceOf(e));
        else
            all = true;
        for (auto key = keys.begin(); !all && key != keys.end(); ++key) {
            const auto changes = store.changesSince(*key, *since);
            if (!changes) {
                all = true;
                break;
            }
            for (const WatchEvent &e : *changes) {
                const auto it = tracked.find(namespaceOf(e));
                if (it != tracked.end() && it->second.count(*key))
                    dirty.insert(it->first);
            }
        }
    }
    if (all)
        lastFullSync_ = now;
    for (const auto &q : quotas) {
        const std::string ns = sim::str(*q, "/metadata/namespace"_json_pointer);
        if (all || dirty.count(ns))
            sync(ns, sim::str(*q, "/metadata/name"_json_pointer), now);
    }
}

void QuotaController::sync(const std::string &ns, const std::string &name, double now)
{
    ObjectStore &store = ctx_.store;
    // Counted under the store's lock (modify), so no admitted create slips between the count
    // and the write, as the real controller's resourceVersion precondition ensures.
    store.modify("resourcequotas", ns, name, [&](json &quota) {
        const ResourceList hard = QuotaEvaluator::fromJson(
            sim::field(sim::field(quota, "spec"), "hard"));
        // Past observations stay for names no evaluator counts; the rest is recounted.
        ResourceList used = QuotaEvaluator::fromJson(
            sim::field(sim::field(quota, "status"), "used"));
        for (const auto &[resource, q] : QuotaEvaluator::calculate(store, quota, now))
            used[resource] = q;
        const json status = {{"hard", QuotaEvaluator::toJson(hard)},
                             {"used", QuotaEvaluator::toJson(QuotaEvaluator::mask(
                                          used, QuotaEvaluator::names(hard)))}};
        if (sim::field(quota, "status") == status)
            return false;
        quota["status"] = status;
        return true;
    });
}

} // namespace demo
