#pragma once

// The DaemonSet controller: one pod per matching node, bound directly to it, replaced one node
// at a time when the template changes, removed from nodes that no longer match.
#include <nlohmann/json.hpp>

namespace demo {

struct SimContext;

class DaemonSetController final
{
public:
    explicit DaemonSetController(SimContext &context);
    void reconcile(double now);

private:
    SimContext &ctx_;
};

} // namespace demo
