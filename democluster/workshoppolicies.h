#pragma once

// The workshop's namespace policies: a compute ResourceQuota per team (team-a's one pod short
// of full), an object-count quota in team-b, a BestEffort-scoped quota and the LimitRange that
// gives team-c's containers their defaults, and NetworkPolicies of the usual shapes (deny from
// other namespaces, allow from monitoring, egress to the database and a CIDR, default deny).
namespace demo {

struct SimContext;

class WorkshopPolicies final
{
public:
    // Nothing for a kind the store does not serve (the simulation's own tests register few).
    static void seed(SimContext &context, double created);
};

} // namespace demo
