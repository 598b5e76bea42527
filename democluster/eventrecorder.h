#pragma once

// Writes core/v1 Events the way kubelets and controllers do: repeated events are aggregated
// (count, lastTimestamp), old ones expire after a TTL and their number is capped.
#include "democluster/objectstore.h"

#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace demo {

class EventRecorder final
{
public:
    EventRecorder(ObjectStore &store, int ttlSeconds, int maxEvents);

    // `involved` is the object the event is about; `component`/`host` fill `source`.
    void record(const nlohmann::json &involved, const std::string &type, const std::string &reason,
                const std::string &message, const std::string &component, double now,
                const std::string &host = {});
    // Deletes expired events and the oldest beyond the cap.
    void prune(double now);

private:
    struct Entry
    {
        std::string ns;
        std::string name;
        double last = 0;
        std::int64_t count = 1;
    };
    ObjectStore &store_;
    int ttl_;
    std::size_t max_;
    std::mutex mutex_;
    std::map<std::string, Entry> byKey_;
    std::deque<std::pair<double, std::string>> order_; // creation time, key
    std::uint64_t counter_ = 0;
};

} // namespace demo
