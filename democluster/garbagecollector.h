#pragma once

// Background garbage collection (dependents whose owners are gone are deleted) and the
// namespace controller (a Terminating namespace is emptied, then removed).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

namespace demo {

struct SimContext;

class GarbageCollector final
{
public:
    explicit GarbageCollector(SimContext &context);
    // With `since` (the store's resourceVersion at the previous pass) only the dependents changed
    // since then are checked, unless an owner was deleted meanwhile or the store's history does
    // not reach back that far: then every dependent is.
    void reconcile(double now, std::optional<std::uint64_t> since = std::nullopt);

private:
    void collectOrphans(double now, std::optional<std::uint64_t> since);
    void collect(const std::string &key, const nlohmann::json &object,
                 const std::set<std::string> &kinds,
                 const std::function<bool(const nlohmann::json &)> &alive, double now);
    void finishNamespaces();
    SimContext &ctx_;
};

} // namespace demo
