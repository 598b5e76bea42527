#pragma once

// Per-owner back-off of a controller's refused creates, as client-go's rate-limited work queue
// requeues a failing key (exponential, capped at 1000 s): the retry comes on its own, even when
// nothing the controller watches changes, and a refused create does not repeat every tick.
#include <map>
#include <string>
#include <vector>

namespace demo {

class CreateBackoff final
{
public:
    struct Owner
    {
        std::string uid, ns, name;
    };

    // True when `uid` has no refused create pending or its retry is due.
    bool due(const std::string &uid, double now) const;
    void failed(const std::string &uid, const std::string &ns, const std::string &name, double now);
    void succeeded(const std::string &uid);
    // The owners whose retry is due.
    std::vector<Owner> dueOwners(double now) const;
    bool anyDue(double now) const;

private:
    struct Entry
    {
        std::string ns, name;
        double next = 0;
        double delay = 0;
    };
    std::map<std::string, Entry> entries_;
};

} // namespace demo
