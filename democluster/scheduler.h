#pragma once

// The default-scheduler: binds pods without a node to the node with the most free CPU among
// those whose allocatable minus already-placed requests fits them; the rest stay Pending with
// PodScheduled=False/Unschedulable and a FailedScheduling event.
namespace demo {

struct SimContext;

class Scheduler final
{
public:
    explicit Scheduler(SimContext &context);
    void reconcile(double now);

private:
    SimContext &ctx_;
};

} // namespace demo
