#include "democluster/statefulsetcontroller.h"

#include "democluster/deploymentcontroller.h"
#include "democluster/podfactory.h"
#include "democluster/podtermination.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <map>

namespace demo {

using nlohmann::json;

StatefulSetController::StatefulSetController(SimContext &context)
    : ctx_(context)
{}

namespace {
void markDeleted(SimContext &ctx, const json &pod, double now)
{
    const std::string ns = pod["metadata"].value("namespace", std::string());
    const std::string name = pod["metadata"].value("name", std::string());
    if (sim::str(pod, "/spec/nodeName"_json_pointer).empty()) {
        try {
            ctx.store.remove("pods", ns, name);
        } catch (const ApiError &) {
        }
        return;
    }
    ctx.store.modify("pods", ns, name, [&](json &p) {
        return PodTermination::begin(p, now, PodTermination::gracePeriod(p, std::nullopt));
    });
}
} // namespace

void StatefulSetController::reconcile(double now)
{
    const auto sets = ctx_.store.list("apps/statefulsets");
    if (sets.items.empty())
        return;
    for (const auto &ptr : sets.items) {
        const json &sts = *ptr;
        if (sim::podIsTerminating(sts))
            continue;
        const std::string ns = sts["metadata"].value("namespace", std::string());
        const std::string name = sts["metadata"].value("name", std::string());
        const int replicas = static_cast<int>(sim::integer(sts, "/spec/replicas"_json_pointer, 1));
        const bool parallel = sts["spec"].value("podManagementPolicy", std::string()) == "Parallel";
        const json tmpl = sts["spec"].value("template", json::object());
        const std::string revision = name + "-" + DeploymentController::templateHash(tmpl);
        std::map<int, std::shared_ptr<const json>> byOrdinal;
        // The store's owner index: no walk over every pod of a large cluster.
        for (const auto &p :
             ctx_.store.ownedBy("pods", sim::str(sts, "/metadata/uid"_json_pointer))) {
            const std::string podName = (*p)["metadata"].value("name", std::string());
            const auto dash = podName.rfind('-');
            try {
                byOrdinal[std::stoi(podName.substr(dash + 1))] = p;
            } catch (...) {
            }
        }
        bool busy = false; // an ordered operation is in flight
        int ready = 0, current = 0, updated = 0, existing = 0;
        for (int i = 0; i < replicas && !busy; ++i) {
            const auto it = byOrdinal.find(i);
            if (it == byOrdinal.end()) {
                const std::string podName = name + "-" + std::to_string(i);
                json labels = {{"controller-revision-hash", revision},
                               {"statefulset.kubernetes.io/pod-name", podName},
                               {"apps.kubernetes.io/pod-index", std::to_string(i)}};
                json pod = PodFactory::fromTemplate(sts, tmpl, ns, podName, now, labels);
                pod["spec"]["hostname"] = podName;
                if (sts["spec"].contains("serviceName"))
                    pod["spec"]["subdomain"] = sts["spec"]["serviceName"];
                try {
                    ctx_.store.create("pods", pod);
                    ctx_.events.record(sts, "Normal", "SuccessfulCreate",
                                       "create Pod " + podName + " in StatefulSet " + name
                                           + " successful",
                                       "statefulset-controller", now);
                } catch (const ApiError &e) {
                    ctx_.events.record(sts, "Warning", "FailedCreate",
                                       "create Pod " + podName + " in StatefulSet " + name
                                           + " failed error: " + e.what(),
                                       "statefulset-controller", now);
                }
                busy = !parallel;
                continue;
            }
            const json &pod = *it->second;
            if (!sim::podIsReady(pod) && !parallel)
                busy = true;
        }
        for (const auto &[ordinal, pod] : byOrdinal) {
            if (ordinal >= replicas || sim::podIsTerminating(*pod))
                continue;
            ++existing;
            ready += sim::podIsReady(*pod) ? 1 : 0;
            const bool upToDate = sim::str(*pod,
                                           "/metadata/labels/controller-revision-hash"_json_pointer)
                                  == revision;
            updated += upToDate ? 1 : 0;
            current += upToDate ? 1 : 0;
        }
        // Scale down from the highest ordinal, one at a time when ordered.
        for (auto it = byOrdinal.rbegin(); it != byOrdinal.rend(); ++it) {
            if (it->first < replicas)
                break;
            if (!sim::podIsTerminating(*it->second))
                markDeleted(ctx_, *it->second, now);
            if (!parallel)
                break;
        }
        // Rolling update: once everything is ready, replace the highest outdated ordinal.
        if (!busy && ready == replicas && existing == replicas) {
            for (auto it = byOrdinal.rbegin(); it != byOrdinal.rend(); ++it) {
                if (it->first >= replicas)
                    continue;
                if (sim::str(*it->second, "/metadata/labels/controller-revision-hash"_json_pointer)
                    != revision) {
                    markDeleted(ctx_, *it->second, now);
                    break;
                }
            }
        }
        ctx_.store.modify("apps/statefulsets", ns, name, [&](json &s) {
            json status = s.value("status", json::object());
            const json before = status;
            status["observedGeneration"] = s["metadata"].value("generation", 1);
            status["replicas"] = existing;
            status["readyReplicas"] = ready;
            status["currentReplicas"] = current;
            status["updatedReplicas"] = updated;
            status["availableReplicas"] = ready;
            status["currentRevision"] = revision;
            status["updateRevision"] = revision;
            status["collisionCount"] = 0;
            if (status == before)
                return false;
            s["status"] = status;
            return true;
        });
    }
}

} // namespace demo
