#pragma once

// The Deployment and ReplicaSet controllers: a ReplicaSet per pod template (pod-template-hash),
// rolling updates within maxSurge/maxUnavailable, scaling, and the status `kubectl rollout
// status` waits for; ReplicaSets keep their pod count, and a refused pod create becomes a
// FailedCreate event and the ReplicaFailure condition (copied to the deployment), retried with
// back-off.
#include "democluster/createbackoff.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>

namespace demo {

struct SimContext;

class DeploymentController final
{
public:
    explicit DeploymentController(SimContext &context);
    // With `since` (the store's resourceVersion at the previous pass): only the deployments and
    // ReplicaSets touched by changes after it (their own, their ReplicaSets', their pods'), with
    // owned objects from the store's owner index; everything when the history is too short.
    void reconcile(double now, std::optional<std::uint64_t> since = std::nullopt);

    // True when a ReplicaSet's refused create is due to be retried: the pass must run even
    // if nothing it watches changed.
    bool retryDue(double now) const { return backoff_.anyDue(now); }

    // The pod-template-hash of a template (FNV over its canonical JSON, safe-encoded).
    static std::string templateHash(const nlohmann::json &podTemplate, std::int64_t collisions = 0);

private:
    void reconcileAll(double now);
    // False when the store's history no longer reaches back to `since`.
    bool reconcileChanged(double now, std::uint64_t since);
    void syncDeployment(const nlohmann::json &deployment,
                        const std::vector<std::shared_ptr<const nlohmann::json>> &replicaSets,
                        double now);
    void syncReplicaSet(const nlohmann::json &rs,
                        const std::vector<std::shared_ptr<const nlohmann::json>> &pods, double now);
    void scaleReplicaSet(const nlohmann::json &deployment, const nlohmann::json &rs, int replicas,
                         double now);
    SimContext &ctx_;
    CreateBackoff backoff_; // by ReplicaSet uid
};

} // namespace demo
