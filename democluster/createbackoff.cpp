#include "democluster/createbackoff.h"

#include <algorithm>

namespace demo {

namespace {
constexpr double kFirstDelay = 1;
constexpr double kMaxDelay = 1000;
} // namespace

bool CreateBackoff::due(const std::string &uid, double now) const
{
    const auto it = entries_.find(uid);
    return it == entries_.end() || now >= it->second.next;
}

void CreateBackoff::failed(const std::string &uid, const std::string &ns, const std::string &name,
                           double now)
{
    Entry &e = entries_[uid];
    e.ns = ns;
    e.name = name;
    e.delay = e.delay <= 0 ? kFirstDelay : std::min(kMaxDelay, e.delay * 2);
    e.next = now + e.delay;
}

void CreateBackoff::succeeded(const std::string &uid)
{
    entries_.erase(uid);
}

std::vector<CreateBackoff::Owner> CreateBackoff::dueOwners(double now) const
{
    std::vector<Owner> out;
    for (const auto &[uid, e] : entries_)
        if (now >= e.next)
            out.push_back({uid, e.ns, e.name});
    return out;
}

bool CreateBackoff::anyDue(double now) const
{
    return std::any_of(entries_.begin(), entries_.end(),
                       [now](const auto &entry) { return now >= entry.second.next; });
}

} // namespace demo
