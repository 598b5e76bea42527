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
    // Whether the last pass left pods unbound: they are retried every pass, while a cluster
    // without them needs a pass only when pods or nodes change.
    bool hasWaiting() const { return waiting_; }

private:
    SimContext &ctx_;
    bool waiting_ = false;
};

} // namespace demo
