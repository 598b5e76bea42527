#pragma once

// A burst of pod updates at a fixed rate, for load tests and demos of a busy cluster: each update
// changes one pod's annotation, so every pod watch sees a MODIFIED event with the whole pod.
// Started through the faults spec ("churn=2000,churnseconds=10"); run by the API server's
// housekeeping thread in small steps.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
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
    // The pods as listed when the burst began. Their names are copied as the burst reaches them
    // (copying 300,000 names up front delayed the burst by seconds), and the listed version is
    // let go then, so the burst does not keep every replaced pod alive.
    std::vector<std::shared_ptr<const nlohmann::json>> m_pods;
    std::vector<std::pair<std::string, std::string>> m_names; // namespace, name
    std::size_t m_next = 0;
    int m_perSecond = 0;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_until;
    std::uint64_t m_done = 0;
    std::uint64_t m_doneAtStart = 0;
};

} // namespace demo
