#pragma once

// Graceful pod deletion as the API server and the kubelet share it: the grace period a delete
// gets, the deletionTimestamp it stamps, and when the simulated containers have stopped.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>

namespace demo {

class PodTermination final
{
public:
    // Simulated containers exit this long after SIGTERM (after their preStop hook), unless the
    // grace period ends first. Real processes usually exit within seconds; 5 s keeps a deleted
    // pod visibly Terminating in `kubectl get pods` without the 30 s default grace period.
    static constexpr double kExitSeconds = 5;

    // The grace period for deleting `pod`: 0 for pods that never ran on a node or already
    // finished (a real server deletes those at once), else `requested` (DeleteOptions /
    // gracePeriodSeconds; a negative value counts as 1, as in Kubernetes), else
    // spec.terminationGracePeriodSeconds, else 30.
    static std::int64_t gracePeriod(const nlohmann::json &pod,
                                    std::optional<std::int64_t> requested);

    // Marks `pod` as terminating at `now` (unix seconds): deletionTimestamp = now + grace,
    // deletionGracePeriodSeconds = grace. A pod already terminating only ever gets an earlier
    // deadline (a second delete may shorten the grace period, never extend it). Returns
    // whether the pod changed.
    static bool begin(nlohmann::json &pod, double now, std::int64_t grace);

    // When the kubelet has stopped every container of a terminating pod and deletes it: the
    // longest preStop sleep (lifecycle.preStop.sleep.seconds, or an exec hook running
    // `sleep N`) plus kExitSeconds after deletion started, but no later than deletionTimestamp.
    static double stopTime(const nlohmann::json &pod);

    // Seconds a container's preStop hook keeps it alive (0 without one).
    static double preStopSeconds(const nlohmann::json &container);
};

} // namespace demo
