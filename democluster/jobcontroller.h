#pragma once

// The Job controller (pods up to parallelism until `completions` succeeded, Complete/Failed
// conditions) and the CronJob controller (a Job per scheduled minute, history limits).
#include "democluster/createbackoff.h"

#include <nlohmann/json.hpp>

namespace demo {

struct SimContext;

class JobController final
{
public:
    explicit JobController(SimContext &context);
    void reconcile(double now);

private:
    void syncJobs(double now);
    void syncCronJobs(double now);
    SimContext &ctx_;
    CreateBackoff backoff_; // by Job uid: refused pod creates
};

} // namespace demo
