#include "democluster/jsontextcache.h"

#include <algorithm>
#include <iterator>

namespace demo {

std::shared_ptr<const std::string> JsonTextCache::text(const std::shared_ptr<const nlohmann::json> &object)
{
    const nlohmann::json *key = object.get();
    {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        // An address can be reused by a later object: only the same, still living object hits.
        if (it != entries_.end() && it->second.object.lock() == object)
            return it->second.text;
    }
    // Serialize outside the lock so list pages of several clients run in parallel.
    auto text = std::make_shared<const std::string>(object->dump());
    std::lock_guard lock(mutex_);
    entries_[key] = Entry{object, text};
    if (entries_.size() >= pruneAt_)
        pruneLocked();
    return text;
}

std::size_t JsonTextCache::size() const
{
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void JsonTextCache::pruneLocked()
{
    // Objects replaced or deleted in the store are gone once no snapshot or event holds them.
    for (auto it = entries_.begin(); it != entries_.end();)
        it = it->second.object.expired() ? entries_.erase(it) : std::next(it);
    // Amortized: the next sweep waits until the table has doubled from what is alive.
    pruneAt_ = std::max<std::size_t>(4096, entries_.size() * 2);
}

} // namespace demo
