#pragma once

// kube-controller-manager's resourcequota controller: status.hard mirrors spec.hard and
// status.used is the namespace's usage as the quota evaluators count it (pods that are not
// terminal, the objects of every count/ name). Only namespaces that have quotas cost anything:
// a pass recounts the quotas whose namespace saw a change of a kind they count, and all of them
// when the store's history no longer reaches back or the resync period passed.
#include <cstdint>
#include <optional>
#include <string>

namespace demo {

struct SimContext;

class QuotaController final
{
public:
    explicit QuotaController(SimContext &context);
    // `since`: the store's resourceVersion at the previous pass (nullopt: recount everything).
    void reconcile(double now, std::optional<std::uint64_t> since = std::nullopt);

private:
    void sync(const std::string &ns, const std::string &name, double now);
    SimContext &ctx_;
    double lastFullSync_ = 0;
};

} // namespace demo
