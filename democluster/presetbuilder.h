#pragma once

// Builders for the objects presets put into the store: AKS-like nodes, namespaces and the
// usual workload shapes, each as the JSON a real API server would hold after defaulting.
#include <nlohmann/json.hpp>

#include <string>

namespace demo {

struct SimContext;

struct NodeShape
{
    std::string name;
    std::string pool = "nodepool1";
    std::string instanceType = "Standard_D4s_v5";
    std::string zone = "westeurope-1";
    std::string internalIp;
    int index = 0;
    double cpu = 4;             // cores
    double memoryKi = 16374584; // capacity
    double allocatableCpu = 3.86;
    double allocatableMemoryKi = 12880184;
    int pods = 110;
    double created = 0; // unix seconds
};

struct WorkloadShape
{
    std::string ns, name, image;
    std::string app, tier, env, team; // labels worth filtering on
    std::string profile;              // demo.klarsicht.io/profile ("" = guessed from the image)
    int replicas = 1;
    std::string cpuRequest = "100m", memoryRequest = "128Mi", memoryLimit, cpuLimit;
    int port = 8080;
    nlohmann::json extraLabels = nlohmann::json::object();
};

class PresetBuilder final
{
public:
    explicit PresetBuilder(SimContext &context);

    nlohmann::json node(const NodeShape &shape) const;
    nlohmann::json namespaceObject(const std::string &name, const nlohmann::json &labels,
                                   double created) const;
    nlohmann::json podTemplate(const WorkloadShape &shape) const;
    nlohmann::json deployment(const WorkloadShape &shape, double created) const;
    nlohmann::json statefulSet(const WorkloadShape &shape, double created) const;
    nlohmann::json daemonSet(const WorkloadShape &shape, double created) const;
    nlohmann::json service(const std::string &ns, const std::string &name,
                           const nlohmann::json &selector, int port, int targetPort,
                           const std::string &clusterIp, double created,
                           bool headless = false) const;

    // Creates, ignoring AlreadyExists (the API server may have made default objects).
    void put(const std::string &key, const nlohmann::json &object) const;
    // The bootstrap RBAC roles and bindings, the viewer's namespace (if the preset has none)
    // and the RoleBinding that lets the viewer read it. Nothing on a store that does not serve
    // RBAC (the simulation's own tests register only the kinds it writes).
    void accessControl(double created) const;

private:
    nlohmann::json labelsOf(const WorkloadShape &shape) const;
    SimContext &ctx_;
};

} // namespace demo
