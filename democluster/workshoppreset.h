#pragma once

// The default demo cluster: three AKS-like nodes, kube-system add-ons, team namespaces with
// web/api/db workloads, an HPA, a crash loop, an OOM kill, an unschedulable pod and a CronJob.
namespace demo {

struct SimContext;

class WorkshopPreset final
{
public:
    // Writes the top-level objects; controllers create ReplicaSets and pods from them.
    static void seed(SimContext &context, int nodes, double now);
};

} // namespace demo
