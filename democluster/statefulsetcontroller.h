#pragma once

// The StatefulSet controller: ordinal pods <name>-0..n-1 created in order (each after the
// previous is Ready, unless podManagementPolicy is Parallel), removed from the highest ordinal,
// rolled one pod at a time from the highest ordinal when the template changes.
#include <nlohmann/json.hpp>

namespace demo {

struct SimContext;

class StatefulSetController final
{
public:
    explicit StatefulSetController(SimContext &context);
    void reconcile(double now);

private:
    SimContext &ctx_;
};

} // namespace demo
