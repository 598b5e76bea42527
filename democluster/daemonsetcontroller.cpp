#include "democluster/daemonsetcontroller.h"

#include "democluster/deploymentcontroller.h"
#include "democluster/podfactory.h"
#include "democluster/podtermination.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <map>

namespace demo {

using nlohmann::json;

DaemonSetController::DaemonSetController(SimContext &context)
    : ctx_(context)
{}

void DaemonSetController::reconcile(double now)
{
    const auto sets = ctx_.store.list("apps/daemonsets");
    if (sets.items.empty())
        return;
    const auto nodes = ctx_.store.list("nodes");
    for (const auto &ptr : sets.items) {
        const json &ds = *ptr;
        if (sim::podIsTerminating(ds))
            continue;
        const std::string ns = ds["metadata"].value("namespace", std::string());
        const std::string name = ds["metadata"].value("name", std::string());
        const json tmpl = ds["spec"].value("template", json::object());
        const std::string revision = DeploymentController::templateHash(tmpl);
        const json nodeSelector =
            tmpl.value("spec", json::object()).value("nodeSelector", json::object());
        std::map<std::string, std::vector<std::shared_ptr<const json>>> byNode;
        // The store's owner index: no walk over every pod of a large cluster.
        for (const auto &p : ctx_.store.ownedBy("pods", sim::str(ds, "/metadata/uid"_json_pointer)))
            if (!sim::podIsTerminating(*p))
                byNode[sim::str(*p, "/spec/nodeName"_json_pointer)].push_back(p);
        int desired = 0, scheduled = 0, ready = 0, updated = 0, misscheduled = 0;
        bool rolling = false;
        const auto remove = [&](const json &pod) {
            ctx_.store.modify("pods", ns, pod["metadata"].value("name", std::string()),
                              [&](json &p) {
                                  return PodTermination::begin(
                                      p, now, PodTermination::gracePeriod(p, std::nullopt));
                              });
        };
        std::map<std::string, bool> wanted;
        for (const auto &n : nodes.items) {
            if (!sim::mapSelectorMatches(nodeSelector,
                                         (*n)["metadata"].value("labels", json::object())))
                continue;
            const std::string node = (*n)["metadata"].value("name", std::string());
            wanted[node] = true;
            ++desired;
            const auto it = byNode.find(node);
            if (it == byNode.end()) {
                const std::string podName = name + "-" + ctx_.suffix(5);
                json pod = PodFactory::fromTemplate(
                    ds, tmpl, ns, podName, now,
                    {{"controller-revision-hash", revision},
                     {"pod-template-generation",
                      std::to_string(ds["metadata"].value("generation", 1))}});
                pod["spec"]["nodeName"] = node;
                try {
                    ctx_.store.create("pods", pod);
                    ctx_.events.record(ds, "Normal", "SuccessfulCreate", "Created pod: " + podName,
                                       "daemonset-controller", now);
                } catch (const ApiError &e) {
                    ctx_.events.record(ds, "Warning", "FailedCreate",
                                       std::string("Error creating: ") + e.what(),
                                       "daemonset-controller", now);
                }
                continue;
            }
            ++scheduled;
            const json &pod = *it->second.front();
            ready += sim::podIsReady(pod) ? 1 : 0;
            const bool upToDate =
                sim::str(pod, "/metadata/labels/controller-revision-hash"_json_pointer) == revision;
            updated += upToDate ? 1 : 0;
            if (!sim::podIsReady(pod))
                rolling = true;
        }
        // Rolling update with maxUnavailable 1: replace one outdated pod while all are ready.
        for (const auto &[node, pods] : byNode) {
            if (!wanted.count(node)) {
                ++misscheduled;
                for (const auto &p : pods)
                    remove(*p);
                continue;
            }
            for (std::size_t i = 1; i < pods.size(); ++i)
                remove(*pods[i]); // duplicates
            if (!rolling
                && sim::str(*pods.front(), "/metadata/labels/controller-revision-hash"_json_pointer)
                       != revision) {
                remove(*pods.front());
                rolling = true;
            }
        }
        ctx_.store.modify("apps/daemonsets", ns, name, [&](json &d) {
            json status = d.value("status", json::object());
            const json before = status;
            status["observedGeneration"] = d["metadata"].value("generation", 1);
            status["desiredNumberScheduled"] = desired;
            status["currentNumberScheduled"] = scheduled;
            status["numberReady"] = ready;
            status["numberAvailable"] = ready;
            status["updatedNumberScheduled"] = updated;
            status["numberMisscheduled"] = misscheduled;
            if (desired - ready > 0)
                status["numberUnavailable"] = desired - ready;
            else
                status.erase("numberUnavailable");
            if (status == before)
                return false;
            d["status"] = status;
            return true;
        });
    }
}

} // namespace demo
