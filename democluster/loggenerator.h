#pragma once

// Deterministic container log lines: a function of (seed, container instance, line index) with
// per-workload content (web access logs, API JSON lines, database messages, a stack trace
// before each crash), so every read of the same interval yields the same lines.
#include "democluster/usagemodel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace demo {

struct LogLine
{
    double time = 0;
    std::string text; // without newline
};

struct LogSource
{
    std::string ns, pod, container, podIp, node;
    std::string containerId; // distinguishes instances
    UsageProfile profile;
    double start = 0;
    double end = 0; // 0 = still running
    int exitCode = 0;
    std::string reason; // termination reason (Error, OOMKilled, Completed)
};

class LogGenerator final
{
public:
    static constexpr std::int64_t kRetainedLines = 5000; // like a rotated container log file

    explicit LogGenerator(std::uint64_t seed);
    // Lines with from < time <= to, oldest first (at most kRetainedLines, the newest).
    std::vector<LogLine> lines(const LogSource &source, double from, double to) const;

private:
    double interval(const UsageProfile &profile) const;
    std::string line(const LogSource &source, std::int64_t index, double time) const;
    std::vector<std::string> exitLines(const LogSource &source) const;
    std::uint64_t seed_;
};

} // namespace demo
