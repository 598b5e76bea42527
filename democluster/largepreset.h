#pragma once

// The scale preset: N nodes and M pods in Deployments of ten replicas, written straight into
// the store as a settled cluster (ReplicaSets, Running pods with full status) so start-up stays
// fast and the controllers find nothing to do.
namespace demo {

struct SimContext;

class LargePreset final
{
public:
    static void seed(SimContext &context, int nodes, int pods, double now);
};

} // namespace demo
