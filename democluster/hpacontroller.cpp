#include "democluster/hpacontroller.h"

#include "democluster/podusage.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>

namespace demo {

using nlohmann::json;

HpaController::HpaController(SimContext &context)
    : ctx_(context)
{}

namespace {

std::string keyForKind(const std::string &kind)
{
    if (kind == "Deployment")
        return "apps/deployments";
    if (kind == "StatefulSet")
        return "apps/statefulsets";
    if (kind == "ReplicaSet")
        return "apps/replicasets";
    return {};
}

json hpaCondition(const std::string &type, bool ok, const std::string &reason,
                  const std::string &message, const std::string &when, const json &before)
{
    json c = {{"type", type},
              {"status", ok ? "True" : "False"},
              {"lastTransitionTime", when},
              {"reason", reason},
              {"message", message}};
    for (const json &old : before.value("conditions", json::array()))
        if (old.value("type", std::string()) == type
            && old.value("status", std::string()) == c["status"])
            c["lastTransitionTime"] = old.value("lastTransitionTime", when);
    return c;
}

} // namespace

void HpaController::reconcile(double now)
{
    const auto hpas = ctx_.store.list("autoscaling/horizontalpodautoscalers");
    const std::string when = sim::formatTime(now);
    for (const auto &ptr : hpas.items) {
        const json &hpa = *ptr;
        const std::string ns = hpa["metadata"].value("namespace", std::string());
        const std::string name = hpa["metadata"].value("name", std::string());
        const std::string uid = hpa["metadata"].value("uid", std::string());
        if (const auto it = lastSync_.find(uid);
            it != lastSync_.end() && now - it->second < 15 && now >= it->second)
            continue;
        lastSync_[uid] = now;
        const json target = hpa["spec"].value("scaleTargetRef", json::object());
        const std::string key = keyForKind(target.value("kind", std::string()));
        const std::string targetName = target.value("name", std::string());
        const int minReplicas = static_cast<int>(
            sim::integer(hpa, "/spec/minReplicas"_json_pointer, 1));
        const int maxReplicas = static_cast<int>(
            sim::integer(hpa, "/spec/maxReplicas"_json_pointer, minReplicas));
        int targetUtil = 80;
        for (const json &m : hpa["spec"].value("metrics", json::array()))
            if (m.value("type", std::string()) == "Resource"
                && sim::str(m, "/resource/name"_json_pointer) == "cpu")
                targetUtil = static_cast<int>(
                    sim::integer(m, "/resource/target/averageUtilization"_json_pointer, 80));
        const auto object = key.empty() ? std::nullopt : ctx_.store.get(key, ns, targetName);
        const json before = hpa.value("status", json::object());
        json status = before;
        status["observedGeneration"] = hpa["metadata"].value("generation", 1);
        if (!object) {
            status["conditions"] = json::array(
                {hpaCondition("AbleToScale", false, "FailedGetScale",
                              "the HPA controller was unable to get the target's current scale: "
                                  + std::string(key.empty() ? "unsupported kind" : "not found"),
                              when, before)});
            if (status != before)
                ctx_.store.modify("autoscaling/horizontalpodautoscalers", ns, name, [&](json &h) {
                    h["status"] = status;
                    return true;
                });
            continue;
        }
        const int current = static_cast<int>(
            sim::integer(*object, "/spec/replicas"_json_pointer, 1));
        const json selector = (*object)["spec"].value("selector", json::object());
        double usage = 0, requests = 0;
        int podsCounted = 0;
        for (const auto &p : ctx_.store.list("pods", ns).items) {
            if (!sim::selectorMatches(selector, (*p)["metadata"].value("labels", json::object()))
                || sim::podIsTerminating(*p) || !sim::podIsReady(*p))
                continue;
            const auto containers = PodUsage::containers(ctx_, *p, now);
            if (containers.empty())
                continue;
            ++podsCounted;
            for (const ContainerUsage &c : containers)
                usage += c.cpuAverage;
            requests += sim::podRequest(*p, "cpu");
        }
        int desired = current;
        int utilization = -1;
        if (requests > 0 && podsCounted > 0) {
            utilization = static_cast<int>(std::lround(100.0 * usage / requests));
            const double ratio = static_cast<double>(utilization) / targetUtil;
            if (std::abs(ratio - 1.0) > 0.1)
                desired = static_cast<int>(std::ceil(ratio * podsCounted));
        }
        const int unclamped = desired;
        desired = std::clamp(desired, minReplicas, std::max(minReplicas, maxReplicas));
        // Scale down only to the highest recommendation of the stabilization window.
        auto &history = recommendations_[uid];
        history.emplace_back(now, desired);
        while (!history.empty()
               && now - history.front().first > ctx_.options.hpaDownscaleStabilizationSeconds)
            history.pop_front();
        int stabilized = desired;
        for (const auto &[t, r] : history)
            stabilized = std::max(stabilized, r);
        if (desired > current)
            stabilized = desired;
        else
            stabilized = std::min(stabilized, current);
        if (current < minReplicas)
            stabilized = minReplicas;
        if (stabilized != current && current > 0) {
            ctx_.store.modify(key, ns, targetName, [&](json &o) {
                o["spec"]["replicas"] = stabilized;
                return true;
            });
            const std::string reason =
                current < minReplicas ? "Current number of replicas below Spec.MinReplicas"
                : stabilized > current
                    ? "cpu resource utilization (percentage of request) above target"
                    : "All metrics below target";
            ctx_.events.record(hpa, "Normal", "SuccessfulRescale",
                               "New size: " + std::to_string(stabilized) + "; reason: " + reason,
                               "horizontal-pod-autoscaler", now);
            status["lastScaleTime"] = when;
        }
        status["currentReplicas"] = current;
        status["desiredReplicas"] = stabilized;
        if (utilization >= 0)
            status["currentMetrics"] = json::array(
                {{{"type", "Resource"},
                  {"resource",
                   {{"name", "cpu"},
                    {"current",
                     {{"averageUtilization", utilization},
                      {"averageValue", sim::formatMilliCores(usage / podsCounted)}}}}}}});
        json conditions = json::array();
        conditions.push_back(hpaCondition(
            "AbleToScale", true, stabilized != current ? "SucceededRescale" : "ReadyForNewScale",
            stabilized != current ? "the HPA controller was able to update the target scale to "
                                        + std::to_string(stabilized)
                                  : "recommended size matches current size",
            when, before));
        if (utilization >= 0)
            conditions.push_back(
                hpaCondition("ScalingActive", true, "ValidMetricFound",
                             "the HPA was able to successfully calculate a replica count from cpu "
                             "resource utilization (percentage of request)",
                             when, before));
        else
            conditions.push_back(hpaCondition(
                "ScalingActive", false, "FailedGetResourceMetric",
                "the HPA was unable to compute the replica count: failed to get cpu utilization: "
                "did not receive metrics for targeted pods (pods might be unready)",
                when, before));
        if (unclamped > maxReplicas)
            conditions.push_back(hpaCondition(
                "ScalingLimited", true, "TooManyReplicas",
                "the desired replica count is more than the maximum replica count", when, before));
        else if (unclamped < minReplicas)
            conditions.push_back(hpaCondition(
                "ScalingLimited", true, "TooFewReplicas",
                "the desired replica count is less than the minimum replica count", when, before));
        else
            conditions.push_back(hpaCondition("ScalingLimited", false, "DesiredWithinRange",
                                              "the desired count is within the acceptable range",
                                              when, before));
        status["conditions"] = conditions;
        if (status != before)
            ctx_.store.modify("autoscaling/horizontalpodautoscalers", ns, name, [&](json &h) {
                h["status"] = status;
                return true;
            });
    }
}

} // namespace demo
