#pragma once

// A burst of pod updates at a fixed rate, for load tests and demos of a busy cluster: each update
// changes one pod's annotation, so every pod watch sees a MODIFIED event with the whole pod.
// Started through the faults spec ("churn=2000,churnseconds=10"); run by the API server's
// housekeeping thread in small steps.
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace demo {

class ObjectStore;

class Churn final
{
public:
    // Starts (or restarts) a burst of `perSecond` updates for `seconds` over the current pods.
    void begin(ObjectStore &store, int perSecond, int seconds);
    bool active() const { return m_perSecond > 0; }
    // Applies the updates due by now; ends the burst after its time.
    void step(ObjectStore &store);
    std::uint64_t updatesDone() const { return m_done; }

private:
    std::vector<std::pair<std::string, std::string>> m_pods; // namespace, name
    std::size_t m_next = 0;
    int m_perSecond = 0;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_until;
    std::uint64_t m_done = 0;
    std::uint64_t m_doneAtStart = 0;
};

} // namespace demo
