#include "democluster/eventrecorder.h"

#include "democluster/simutil.h"

#include <cstdio>

namespace demo {

using nlohmann::json;

EventRecorder::EventRecorder(ObjectStore &store, int ttlSeconds, int maxEvents)
    : store_(store)
    , ttl_(ttlSeconds)
    , max_(static_cast<std::size_t>(std::max(maxEvents, 10)))
{}

void EventRecorder::record(const json &involved, const std::string &type, const std::string &reason,
                           const std::string &message, const std::string &component, double now,
                           const std::string &host)
{
    const json &meta = sim::field(involved, "metadata");
    const std::string ns = meta.value("namespace", std::string("default"));
    const std::string uid = meta.value("uid", std::string());
    const std::string key = uid + "\x1f" + reason + "\x1f" + message;
    const std::string timestamp = sim::formatTime(now);
    std::lock_guard lock(mutex_);
    const auto it = byKey_.find(key);
    if (it != byKey_.end()) {
        // Like client-go's correlator: a repeat within 10 s is folded into the next update.
        if (now - it->second.last < 10)
            return;
        it->second.last = now;
        const std::int64_t count = ++it->second.count;
        const auto updated = store_.modify("events", it->second.ns, it->second.name, [&](json &e) {
            e["count"] = count;
            e["lastTimestamp"] = timestamp;
            return true;
        });
        if (updated)
            return;
        byKey_.erase(it);
    }
    json ref = {{"kind", involved.value("kind", std::string())},
                {"namespace", ns},
                {"name", meta.value("name", std::string())},
                {"uid", uid},
                {"apiVersion", involved.value("apiVersion", std::string())},
                {"resourceVersion", meta.value("resourceVersion", std::string())}};
    if (involved.value("kind", std::string()) == "Pod" && reason != "Scheduled"
        && reason != "FailedScheduling") {
        // Kubelet events point at the container they concern.
        for (const json &c : sim::field(sim::field(involved, "spec"), "containers")) {
            const std::string name = c.value("name", std::string());
            if (!name.empty() && message.find("\"" + name + "\"") != std::string::npos) {
                ref["fieldPath"] = "spec.containers{" + name + "}";
                break;
            }
        }
    }
    char suffix[20];
    std::snprintf(
        suffix, sizeof suffix, "%016llx",
        static_cast<unsigned long long>(static_cast<std::uint64_t>(now * 1e6) + ++counter_));
    const std::string name = meta.value("name", std::string("object")) + "." + suffix;
    json source = {{"component", component}};
    if (!host.empty())
        source["host"] = host;
    json event = {
        {"metadata", {{"name", name}, {"namespace", ns}, {"creationTimestamp", timestamp}}},
        {"involvedObject", ref},
        {"reason", reason},
        {"message", message},
        {"source", source},
        {"firstTimestamp", timestamp},
        {"lastTimestamp", timestamp},
        {"count", 1},
        {"type", type},
        {"eventTime", nullptr},
        {"reportingComponent", component},
        {"reportingInstance", host}};
    try {
        store_.createShared("events", std::move(event));
    } catch (const std::exception &) {
        return; // namespace vanished or the type is not registered: nothing to record
    }
    byKey_[key] = Entry{ns, name, now, 1};
    order_.emplace_back(now, key);
}

void EventRecorder::prune(double now)
{
    std::lock_guard lock(mutex_);
    while (!order_.empty() && (now - order_.front().first > ttl_ || order_.size() > max_)) {
        const auto it = byKey_.find(order_.front().second);
        if (it != byKey_.end()) {
            try {
                store_.remove("events", it->second.ns, it->second.name);
            } catch (const std::exception &) {
                // Already deleted by a client.
            }
            byKey_.erase(it);
        }
        order_.pop_front();
    }
}

} // namespace demo
