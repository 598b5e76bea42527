#pragma once

// Faults the demo API server injects on purpose so client error paths can be tested against a
// real server: latency, 429 with Retry-After, 500, 410 on watch and mid-list, dropped watch
// connections, and a restart of the listener that keeps all state.
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>

namespace demo {

class Faults final
{
public:
    // Applies a spec like "latency=200,429=3,500=1,watch410=1,list410=1,watchtoolarge=2,
    // dropwatches,restart,
    // churn=2000,churnseconds=10"
    // (counts are "the next N requests"); throws std::invalid_argument on a bad spec.
    void apply(const std::string &spec);
    void apply(const nlohmann::json &spec); // {"latencyMs":200,"tooManyRequests":3,...}
    nlohmann::json state() const;

    int latencyMs() const { return m_latencyMs.load(); }
    // Each returns true (and counts down) when the fault should hit this request.
    bool takeTooManyRequests() { return take(m_tooMany); }
    bool takeInternalError() { return take(m_internal); }
    bool takeWatchExpired() { return take(m_watchExpired); }
    bool takeListExpired() { return take(m_listExpired); }
    // A watch from a given resourceVersion that an API server with a lagging watch cache
    // (one of several behind a load balancer) answers 504 "Too large resource version".
    bool takeWatchTooLarge() { return take(m_watchTooLarge); }
    int retryAfterSeconds() const { return m_retryAfter.load(); }
    // Watches compare their start generation with this to notice a "drop all watches".
    std::uint64_t watchGeneration() const { return m_watchGeneration.load(); }
    bool takeRestart() { return m_restart.exchange(false); }
    // A requested pod update burst: {updates per second, seconds}, once.
    std::pair<int, int> takeChurn()
    {
        const int rate = m_churnRate.exchange(0);
        return rate > 0 ? std::pair{rate, m_churnSeconds.exchange(10)} : std::pair{0, 0};
    }

    static const char *help();

private:
    static bool take(std::atomic<int> &counter);
    std::atomic<int> m_latencyMs{0};
    std::atomic<int> m_tooMany{0};
    std::atomic<int> m_internal{0};
    std::atomic<int> m_watchExpired{0};
    std::atomic<int> m_listExpired{0};
    std::atomic<int> m_watchTooLarge{0};
    std::atomic<int> m_retryAfter{1};
    std::atomic<std::uint64_t> m_watchGeneration{0};
    std::atomic<bool> m_restart{false};
    std::atomic<int> m_churnRate{0};
    std::atomic<int> m_churnSeconds{10};
};

} // namespace demo
