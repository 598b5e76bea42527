#include "democluster/jsontextcache.h"

#include <algorithm>
#include <iterator>
#include <thread>

namespace demo {

std::shared_ptr<const std::string> JsonTextCache::text(
    const std::shared_ptr<const nlohmann::json> &object)
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

void JsonTextCache::warm(const std::vector<std::shared_ptr<const nlohmann::json>> &objects,
                         unsigned threads)
{
    threads = std::max(1u, threads);
    // Interleaved slices: neighbours in the list have similar sizes, so the threads finish together.
    const auto work = [&](unsigned slice) {
        for (std::size_t i = slice; i < objects.size(); i += threads)
            text(objects[i]);
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t)
        helpers.emplace_back(work, t);
    work(0);
    for (std::thread &helper : helpers)
        helper.join();
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
