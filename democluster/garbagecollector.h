#pragma once

// Background garbage collection (dependents whose owners are gone are deleted) and the
// namespace controller (a Terminating namespace is emptied, then removed).
namespace demo {

struct SimContext;

class GarbageCollector final
{
public:
    explicit GarbageCollector(SimContext &context);
    void reconcile(double now);

private:
    void collectOrphans(double now);
    void finishNamespaces();
    SimContext &ctx_;
};

} // namespace demo
