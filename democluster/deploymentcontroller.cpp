#include "democluster/deploymentcontroller.h"

#include "democluster/podfactory.h"
#include "democluster/podtermination.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <map>
#include <set>

namespace demo {

using nlohmann::json;
using ObjectList = std::vector<std::shared_ptr<const json>>;

namespace {

int specReplicas(const json &object, int fallback = 1)
{
    return static_cast<int>(sim::integer(object, "/spec/replicas"_json_pointer, fallback));
}

int statusInt(const json &object, const char *field)
{
    return object.value("status", json::object()).value(field, 0);
}

json templateWithoutHash(const json &rs)
{
    json t = rs["spec"].value("template", json::object());
    if (t.contains("metadata") && t["metadata"].contains("labels"))
        t["metadata"]["labels"].erase("pod-template-hash");
    return t;
}

std::int64_t revisionOf(const json &rs)
{
    const std::string r = sim::str(
        rs, "/metadata/annotations/deployment.kubernetes.io~1revision"_json_pointer, "0");
    try {
        return std::stoll(r);
    } catch (...) {
        return 0;
    }
}

} // namespace

DeploymentController::DeploymentController(SimContext &context)
    : ctx_(context)
{}

std::string DeploymentController::templateHash(const json &podTemplate, std::int64_t collisions)
{
    const std::uint64_t h = sim::hashString(podTemplate.dump() + "/" + std::to_string(collisions));
    return sim::safeEncode(h, 10);
}

void DeploymentController::reconcile(double now, std::optional<std::uint64_t> since)
{
    if (!since || !reconcileChanged(now, *since))
        reconcileAll(now);
}

namespace {

using Id = std::pair<std::string, std::string>; // namespace, name

// The name of the controller ownerReference of `kind`, if the object has one.
std::optional<std::string> controllerName(const json &object, const char *kind)
{
    static const json::json_pointer path("/metadata/ownerReferences");
    if (!object.contains(path) || !object.at(path).is_array())
        return std::nullopt;
    for (const json &ref : object.at(path))
        if (ref.value("controller", false) && ref.value("kind", std::string()) == kind)
            return ref.value("name", std::string());
    return std::nullopt;
}

// The ReplicaFailure condition of `newRs`, else of the first of `all` that has one; null if none.
json replicaFailure(const json *newRs, const std::vector<std::shared_ptr<const json>> &all)
{
    const auto of = [](const json &rs) {
        for (const json &c : sim::field(sim::field(rs, "status"), "conditions"))
            if (c.value("type", std::string()) == "ReplicaFailure")
                return c;
        return json();
    };
    if (newRs)
        if (json c = of(*newRs); !c.is_null())
            return c;
    for (const auto &rs : all)
        if (json c = of(*rs); !c.is_null())
            return c;
    return json();
}

Id idOf(const json &object)
{
    const json &meta = object["metadata"];
    return {meta.value("namespace", std::string()), meta.value("name", std::string())};
}

} // namespace

bool DeploymentController::reconcileChanged(double now, std::uint64_t since)
{
    const auto deploymentChanges = ctx_.store.changesSince("apps/deployments", since);
    const auto setChanges = ctx_.store.changesSince("apps/replicasets", since);
    const auto podChanges = ctx_.store.changesSince("pods", since);
    if (!deploymentChanges || !setChanges || !podChanges)
        return false;
    // Sorted like a full pass (namespace, name), so the same writes come out in the same order.
    std::set<Id> deployments;
    std::set<Id> sets;
    for (const WatchEvent &e : *deploymentChanges)
        if (e.type != "DELETED")
            deployments.insert(idOf(*e.object));
    for (const WatchEvent &e : *setChanges) {
        const Id id = idOf(*e.object);
        if (e.type != "DELETED")
            sets.insert(id);
        if (const auto owner = controllerName(*e.object, "Deployment"))
            deployments.emplace(id.first, *owner);
    }
    for (const WatchEvent &e : *podChanges)
        if (const auto owner = controllerName(*e.object, "ReplicaSet"))
            sets.emplace(idOf(*e.object).first, *owner);
    for (const CreateBackoff::Owner &owner : backoff_.dueOwners(now)) {
        const auto rs = ctx_.store.getShared("apps/replicasets", owner.ns, owner.name);
        if (!rs || sim::str(*rs, "/metadata/uid"_json_pointer) != owner.uid)
            backoff_.succeeded(owner.uid); // gone: nothing left to retry
        else
            sets.emplace(owner.ns, owner.name);
    }
    for (const Id &id : deployments) {
        const auto d = ctx_.store.getShared("apps/deployments", id.first, id.second);
        if (!d || sim::podIsTerminating(*d))
            continue;
        const std::string uid = sim::str(*d, "/metadata/uid"_json_pointer);
        syncDeployment(*d, ctx_.store.ownedBy("apps/replicasets", uid), now);
        // Its ReplicaSets as they stand now (new or scaled ones get pods in the same pass).
        for (const auto &rs : ctx_.store.ownedBy("apps/replicasets", uid))
            sets.insert(idOf(*rs));
    }
    for (const Id &id : sets) {
        const auto rs = ctx_.store.getShared("apps/replicasets", id.first, id.second);
        if (rs)
            syncReplicaSet(
                *rs, ctx_.store.ownedBy("pods", sim::str(*rs, "/metadata/uid"_json_pointer)), now);
    }
    return true;
}

void DeploymentController::reconcileAll(double now)
{
    const auto deployments = ctx_.store.list("apps/deployments");
    const auto replicaSets = ctx_.store.list("apps/replicasets");
    std::map<std::string, ObjectList> rsByOwner;
    for (const auto &rs : replicaSets.items)
        rsByOwner[sim::controllerUid(*rs)].push_back(rs);
    for (const auto &d : deployments.items) {
        if (sim::podIsTerminating(*d))
            continue;
        const auto it = rsByOwner.find(sim::str(*d, "/metadata/uid"_json_pointer));
        syncDeployment(*d, it == rsByOwner.end() ? ObjectList() : it->second, now);
    }
    // Pods after the deployments, so new ReplicaSets get pods in the same pass.
    const auto freshSets = ctx_.store.list("apps/replicasets");
    const auto pods = ctx_.store.list("pods");
    std::map<std::string, ObjectList> podsByOwner;
    for (const auto &p : pods.items)
        podsByOwner[sim::controllerUid(*p)].push_back(p);
    for (const auto &rs : freshSets.items) {
        const auto it = podsByOwner.find(sim::str(*rs, "/metadata/uid"_json_pointer));
        syncReplicaSet(*rs, it == podsByOwner.end() ? ObjectList() : it->second, now);
    }
}

void DeploymentController::scaleReplicaSet(const json &deployment, const json &rs, int replicas,
                                           double now)
{
    const int old = specReplicas(rs, 0);
    if (old == replicas)
        return;
    const std::string ns = rs["metadata"].value("namespace", std::string());
    const std::string name = rs["metadata"].value("name", std::string());
    const int desired = specReplicas(deployment);
    ctx_.store.modify("apps/replicasets", ns, name, [&](json &r) {
        r["spec"]["replicas"] = replicas;
        r["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"] = std::to_string(
            desired);
        return true;
    });
    ctx_.events.record(deployment, "Normal", "ScalingReplicaSet",
                       std::string("Scaled ") + (replicas > old ? "up" : "down") + " replica set "
                           + name + " from " + std::to_string(old) + " to "
                           + std::to_string(replicas),
                       "deployment-controller", now);
}

void DeploymentController::syncDeployment(const json &deployment, const ObjectList &owned,
                                          double now)
{
    const std::string ns = deployment["metadata"].value("namespace", std::string());
    const std::string dname = deployment["metadata"].value("name", std::string());
    const json tmpl = deployment["spec"].value("template", json::object());
    const int desired = specReplicas(deployment);
    const bool paused = deployment["spec"].value("paused", false);

    const json *newRs = nullptr;
    std::vector<const json *> oldSets;
    std::int64_t maxRevision = 0;
    for (const auto &rs : owned) {
        maxRevision = std::max(maxRevision, revisionOf(*rs));
        if (!newRs && templateWithoutHash(*rs) == tmpl)
            newRs = rs.get();
        else
            oldSets.push_back(rs.get());
    }
    std::optional<json> created;
    if (!newRs && !paused) {
        const std::string hash = templateHash(tmpl);
        json rsTemplate = tmpl;
        rsTemplate["metadata"]["labels"]["pod-template-hash"] = hash;
        json selector = deployment["spec"].value("selector", json::object());
        selector["matchLabels"]["pod-template-hash"] = hash;
        json labels = rsTemplate["metadata"]["labels"];
        const int maxSurge = sim::scaledValue(
            sim::str(deployment, "/spec/strategy/type"_json_pointer) == "Recreate"
                ? json(0)
                : deployment["spec"]
                      .value("strategy", json::object())
                      .value("rollingUpdate", json::object())
                      .value("maxSurge", json("25%")),
            desired, true, 1);
        json rs = {
            {"metadata",
             {{"name", dname + "-" + hash},
              {"namespace", ns},
              {"creationTimestamp", sim::formatTime(now)},
              {"labels", labels},
              {"annotations",
               {{"deployment.kubernetes.io/desired-replicas", std::to_string(desired)},
                {"deployment.kubernetes.io/max-replicas", std::to_string(desired + maxSurge)},
                {"deployment.kubernetes.io/revision", std::to_string(maxRevision + 1)}}},
              {"ownerReferences", json::array({sim::ownerReference(deployment)})}}},
            {"spec", {{"replicas", 0}, {"selector", selector}, {"template", rsTemplate}}},
            {"status", {{"replicas", 0}, {"observedGeneration", 0}}}};
        try {
            created = ctx_.store.create("apps/replicasets", rs);
            newRs = &*created;
        } catch (const ApiError &) {
            return; // name taken by a foreign object: try again next tick
        }
        const std::string revision = std::to_string(maxRevision + 1);
        ctx_.store.modify("apps/deployments", ns, dname, [&](json &d) {
            d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] = revision;
            return true;
        });
    }
    if (newRs && !paused) {
        const bool recreate = sim::str(deployment, "/spec/strategy/type"_json_pointer)
                              == "Recreate";
        const json rolling = deployment["spec"]
                                 .value("strategy", json::object())
                                 .value("rollingUpdate", json::object());
        int maxSurge = recreate ? 0
                                : sim::scaledValue(rolling.value("maxSurge", json("25%")), desired,
                                                   true, 1);
        int maxUnavailable = recreate
                                 ? desired
                                 : sim::scaledValue(rolling.value("maxUnavailable", json("25%")),
                                                    desired, false, 0);
        if (maxSurge == 0 && maxUnavailable == 0)
            maxUnavailable = 1;
        int newReplicas = specReplicas(*newRs, 0);
        int oldReplicas = 0, oldAvailable = 0;
        for (const json *rs : oldSets) {
            oldReplicas += specReplicas(*rs, 0);
            oldAvailable += statusInt(*rs, "availableReplicas");
        }
        if (oldReplicas == 0 || newReplicas > desired) {
            // Steady state or scale change: the new ReplicaSet simply follows the deployment.
            scaleReplicaSet(deployment, *newRs, desired, now);
            newReplicas = desired;
        } else if (recreate) {
            for (const json *rs : oldSets)
                scaleReplicaSet(deployment, *rs, 0, now);
            bool oldPodsGone = true;
            for (const json *rs : oldSets)
                oldPodsGone = oldPodsGone && statusInt(*rs, "replicas") == 0;
            if (oldPodsGone)
                scaleReplicaSet(deployment, *newRs, desired, now);
        } else {
            // Scale up the new set within maxSurge.
            const int total = newReplicas + oldReplicas;
            const int room = desired + maxSurge - total;
            if (room > 0 && newReplicas < desired) {
                const int target = std::min(desired, newReplicas + room);
                scaleReplicaSet(deployment, *newRs, target, now);
                newReplicas = target;
            }
            // Scale old sets down while keeping desired - maxUnavailable available.
            const int minAvailable = desired - maxUnavailable;
            const int newAvailable = statusInt(*newRs, "availableReplicas");
            int canRemove = oldAvailable + newAvailable - minAvailable;
            // Unavailable old pods can always go: they serve nothing.
            std::vector<const json *> sorted = oldSets;
            std::sort(sorted.begin(), sorted.end(),
                      [](const json *a, const json *b) { return revisionOf(*a) < revisionOf(*b); });
            for (const json *rs : sorted) {
                int replicas = specReplicas(*rs, 0);
                const int unhealthy = std::max(0, replicas - statusInt(*rs, "availableReplicas"));
                int target = replicas - unhealthy;
                const int extra = std::min(target, std::max(0, canRemove));
                target -= extra;
                canRemove -= extra;
                if (target != replicas)
                    scaleReplicaSet(deployment, *rs, target, now);
            }
        }
    }
    // Status from the ReplicaSets as they stand.
    int replicas = 0, ready = 0, available = 0, updated = 0;
    for (const auto &rs : owned) {
        replicas += statusInt(*rs, "replicas");
        ready += statusInt(*rs, "readyReplicas");
        available += statusInt(*rs, "availableReplicas");
    }
    if (newRs && !created)
        updated = statusInt(*newRs, "replicas");
    const json rolling =
        deployment["spec"].value("strategy", json::object()).value("rollingUpdate", json::object());
    const int maxUnavailable = sim::scaledValue(rolling.value("maxUnavailable", json("25%")),
                                                desired, false, 0);
    const bool isAvailable = available >= desired - maxUnavailable;
    const bool complete = newRs && updated == desired && replicas == desired
                          && available == desired;
    const std::string newName = newRs ? (*newRs)["metadata"].value("name", std::string()) : "";
    const std::string when = sim::formatTime(now);
    ctx_.store.modify("apps/deployments", ns, dname, [&](json &d) {
        json status = d.value("status", json::object());
        const json before = status;
        status["observedGeneration"] = d["metadata"].value("generation", 1);
        status["replicas"] = replicas;
        status["updatedReplicas"] = updated;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = available;
        if (desired - available > 0)
            status["unavailableReplicas"] = desired - available;
        else
            status.erase("unavailableReplicas");
        json conditions = json::array();
        const auto keep = [&](const json &c) {
            for (const json &old : before.value("conditions", json::array()))
                if (old.value("type", std::string()) == c["type"]
                    && old.value("status", std::string()) == c["status"]
                    && old.value("reason", std::string()) == c["reason"]) {
                    json same = c;
                    same["lastTransitionTime"] = old.value("lastTransitionTime", when);
                    if (old.value("message", std::string()) == c["message"])
                        same["lastUpdateTime"] = old.value("lastUpdateTime", when);
                    return same;
                }
            return c;
        };
        conditions.push_back(keep(
            {{"type", "Available"},
             {"status", isAvailable ? "True" : "False"},
             {"lastUpdateTime", when},
             {"lastTransitionTime", when},
             {"reason", isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable"},
             {"message", isAvailable ? "Deployment has minimum availability."
                                     : "Deployment does not have minimum availability."}}));
        conditions.push_back(keep(
            {{"type", "Progressing"},
             {"status", "True"},
             {"lastUpdateTime", when},
             {"lastTransitionTime", when},
             {"reason", complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated"},
             {"message", "ReplicaSet \"" + newName + "\" "
                             + (complete ? "has successfully progressed." : "is progressing.")}}));
        // syncRolloutStatus: the new ReplicaSet's ReplicaFailure (else an old one's) is the
        // deployment's, kept as it was while its status and reason stay the same.
        if (const json failure = replicaFailure(newRs, owned); !failure.is_null()) {
            json copied = {{"type", "ReplicaFailure"},
                           {"status", failure.value("status", std::string("True"))},
                           {"lastUpdateTime", failure.value("lastTransitionTime", when)},
                           {"lastTransitionTime", failure.value("lastTransitionTime", when)},
                           {"reason", failure.value("reason", std::string())},
                           {"message", failure.value("message", std::string())}};
            for (const json &old : before.value("conditions", json::array()))
                if (old.value("type", std::string()) == "ReplicaFailure"
                    && old.value("status", std::string()) == copied["status"]
                    && old.value("reason", std::string()) == copied["reason"])
                    copied = old;
            conditions.push_back(copied);
        }
        status["conditions"] = conditions;
        if (status == before)
            return false;
        d["status"] = status;
        return true;
    });
    // Keep revisionHistoryLimit empty old sets.
    const int historyLimit = static_cast<int>(
        sim::integer(deployment, "/spec/revisionHistoryLimit"_json_pointer, 10));
    std::vector<const json *> empty;
    for (const json *rs : oldSets)
        if (specReplicas(*rs, 0) == 0 && statusInt(*rs, "replicas") == 0)
            empty.push_back(rs);
    std::sort(empty.begin(), empty.end(),
              [](const json *a, const json *b) { return revisionOf(*a) < revisionOf(*b); });
    for (std::size_t i = 0; static_cast<int>(empty.size() - i) > historyLimit; ++i) {
        try {
            ctx_.store.remove("apps/replicasets", ns,
                              (*empty[i])["metadata"].value("name", std::string()));
        } catch (const ApiError &) {
        }
    }
}

void DeploymentController::syncReplicaSet(const json &rs, const ObjectList &owned, double now)
{
    const std::string ns = rs["metadata"].value("namespace", std::string());
    const std::string name = rs["metadata"].value("name", std::string());
    const int desired = specReplicas(rs, 1);
    ObjectList active;
    for (const auto &p : owned)
        if (!sim::podIsTerminating(*p) && !sim::podIsFinished(*p))
            active.push_back(p);
    const int diff = desired - static_cast<int>(active.size());
    const std::string uid = sim::str(rs, "/metadata/uid"_json_pointer);
    // manageReplicas' error: set when a create was refused, empty when the creates (or the
    // deletes) went through; unset while a refused create waits for its retry.
    std::optional<std::string> failure;
    if (diff > 0 && !sim::podIsTerminating(rs) && backoff_.due(uid, now)) {
        failure = std::string();
        const json tmpl = rs["spec"].value("template", json::object());
        // slowStartBatch: batches of 1, 2, 4, ... until one has a refused create.
        int remaining = std::min(diff, 500);
        for (int batch = 1; remaining > 0 && failure->empty(); batch *= 2) {
            for (int i = 0, n = std::min(batch, remaining); i < n; ++i) {
                const std::string podName = name + "-" + ctx_.suffix(5);
                try {
                    ctx_.store.createShared("pods",
                                            PodFactory::fromTemplate(rs, tmpl, ns, podName, now));
                    ctx_.events.record(rs, "Normal", "SuccessfulCreate", "Created pod: " + podName,
                                       "replicaset-controller", now);
                } catch (const ApiError &e) {
                    *failure = e.what();
                    // No event while the namespace is being deleted: every create would fail.
                    if (e.details.dump().find("NamespaceTerminating") == std::string::npos)
                        ctx_.events.record(rs, "Warning", "FailedCreate",
                                           std::string("Error creating: ") + e.what(),
                                           "replicaset-controller", now);
                }
            }
            remaining -= std::min(batch, remaining);
        }
        if (failure->empty())
            backoff_.succeeded(uid);
        else
            backoff_.failed(uid, ns, name, now);
    } else if (diff <= 0) {
        failure = std::string();
        backoff_.succeeded(uid);
    }
    if (diff < 0) {
        // Delete the least useful pods first: unscheduled, then not ready, then the newest.
        std::vector<std::shared_ptr<const json>> victims = active;
        std::sort(victims.begin(), victims.end(), [](const auto &a, const auto &b) {
            const bool sa = sim::str(*a, "/spec/nodeName"_json_pointer).empty();
            const bool sb = sim::str(*b, "/spec/nodeName"_json_pointer).empty();
            if (sa != sb)
                return sa;
            const bool ra = sim::podIsReady(*a), rb = sim::podIsReady(*b);
            if (ra != rb)
                return !ra;
            return sim::str(*a, "/metadata/creationTimestamp"_json_pointer)
                   > sim::str(*b, "/metadata/creationTimestamp"_json_pointer);
        });
        for (int i = 0; i < -diff; ++i) {
            const json &pod = *victims[static_cast<std::size_t>(i)];
            const std::string podName = pod["metadata"].value("name", std::string());
            if (sim::str(pod, "/spec/nodeName"_json_pointer).empty()) {
                try {
                    ctx_.store.remove("pods", ns, podName);
                } catch (const ApiError &) {
                }
            } else {
                ctx_.store.modify("pods", ns, podName, [&](json &p) {
                    return PodTermination::begin(p, now,
                                                 PodTermination::gracePeriod(p, std::nullopt));
                });
            }
            ctx_.events.record(rs, "Normal", "SuccessfulDelete", "Deleted pod: " + podName,
                               "replicaset-controller", now);
        }
        // The status must not count what was just deleted, or the deployment controller
        // would scale down against availability that is already gone.
        victims.erase(victims.begin(), victims.begin() + (-diff));
        active = victims;
    }
    int ready = 0;
    for (const auto &p : active)
        ready += sim::podIsReady(*p) ? 1 : 0;
    const int replicas = static_cast<int>(active.size());
    ctx_.store.modify("apps/replicasets", ns, name, [&](json &r) {
        json status = r.value("status", json::object());
        const json before = status;
        status["replicas"] = replicas;
        status["fullyLabeledReplicas"] = replicas;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = ready;
        status["observedGeneration"] = r["metadata"].value("generation", 1);
        if (failure) {
            // calculateStatus: ReplicaFailure is set once (its message the first error) and
            // removed when a sync creates (or deletes) what it should.
            json conditions = json::array();
            bool had = false;
            for (const json &c : sim::field(status, "conditions")) {
                had = had || c.value("type", std::string()) == "ReplicaFailure";
                if (c.value("type", std::string()) != "ReplicaFailure" || !failure->empty())
                    conditions.push_back(c);
            }
            if (!failure->empty() && !had)
                conditions.push_back({{"type", "ReplicaFailure"},
                                      {"status", "True"},
                                      {"lastTransitionTime", sim::formatTime(now)},
                                      {"reason", "FailedCreate"},
                                      {"message", *failure}});
            if (conditions.empty())
                status.erase("conditions");
            else
                status["conditions"] = conditions;
        }
        if (status == before)
            return false;
        r["status"] = status;
        return true;
    });
}

} // namespace demo
