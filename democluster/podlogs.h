#pragma once

// The kubelet's container log endpoint for the simulation: reads (tailLines, sinceSeconds,
// limitBytes, timestamps, previous) and follows generated log lines with the error answers a
// real kubelet gives.
#include "democluster/clusterbackend.h"

#include <cstdint>
#include <functional>
#include <string>

namespace demo {

struct SimContext;

class PodLogs final
{
public:
    static std::string read(SimContext &ctx, const std::string &ns, const std::string &pod,
                            const LogOptions &options, double now);
    static std::uint64_t follow(SimContext &ctx, const std::string &ns, const std::string &pod,
                                const LogOptions &options,
                                std::function<bool(const std::string &)> sink, double now);
    static void cancel(SimContext &ctx, std::uint64_t id);
    // Delivers new lines to every follower (tick thread).
    static void pump(SimContext &ctx, double now);
};

} // namespace demo
