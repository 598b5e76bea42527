#pragma once

// The serialized JSON text of stored objects, made once per object version and shared by every
// list page, watch event and GET that sends it (the store's objects are immutable).
#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace demo {

class JsonTextCache final
{
public:
    // `object.dump()`, from the cache while this very object (not just its address) is alive.
    std::shared_ptr<const std::string> text(const std::shared_ptr<const nlohmann::json> &object);
    // Renders the objects not cached yet with `threads` threads (a bulk text() for seeding).
    void warm(const std::vector<std::shared_ptr<const nlohmann::json>> &objects, unsigned threads);
    std::size_t size() const;

private:
    struct Entry
    {
        std::weak_ptr<const nlohmann::json> object;
        std::shared_ptr<const std::string> text;
    };
    void pruneLocked();

    mutable std::mutex mutex_;
    std::unordered_map<const nlohmann::json *, Entry> entries_;
    std::size_t pruneAt_ = 4096;
};

} // namespace demo
