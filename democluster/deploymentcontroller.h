#pragma once

// The Deployment and ReplicaSet controllers: a ReplicaSet per pod template (pod-template-hash),
// rolling updates within maxSurge/maxUnavailable, scaling, and the status `kubectl rollout
// status` waits for; ReplicaSets keep their pod count.
#include <nlohmann/json.hpp>

namespace demo {

struct SimContext;

class DeploymentController final
{
public:
    explicit DeploymentController(SimContext &context);
    void reconcile(double now);

    // The pod-template-hash of a template (FNV over its canonical JSON, safe-encoded).
    static std::string templateHash(const nlohmann::json &podTemplate, std::int64_t collisions = 0);

private:
    void syncDeployment(const nlohmann::json &deployment,
                        const std::vector<std::shared_ptr<const nlohmann::json>> &replicaSets,
                        double now);
    void syncReplicaSet(const nlohmann::json &rs,
                        const std::vector<std::shared_ptr<const nlohmann::json>> &pods, double now);
    void scaleReplicaSet(const nlohmann::json &deployment, const nlohmann::json &rs, int replicas,
                         double now);
    SimContext &ctx_;
};

} // namespace demo
