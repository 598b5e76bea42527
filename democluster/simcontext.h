#pragma once

// State shared by the simulation's parts (controllers, scheduler, kubelet, metrics, logs): the
// store, the options, the clock, the usage model, the event recorder and the seeded randomness.
#include "democluster/eventrecorder.h"
#include "democluster/loggenerator.h"
#include "democluster/objectstore.h"
#include "democluster/simulation.h"
#include "democluster/usagemodel.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <random>

namespace demo {

struct SimContext
{
    SimContext(ObjectStore &s, SimulationOptions o)
        : store(s)
        , options(std::move(o))
        , usage(options.seed)
        , events(s, options.eventTtlSeconds, options.maxEvents)
        , logs(options.seed)
        , random(options.seed * 0x9e3779b97f4a7c15ULL + 7)
    {
        double start = options.startTime;
        if (start <= 0)
            start = wallClock();
        manualTime.store(start);
    }

    static double wallClock()
    {
        return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    double now() const { return options.manualClock ? manualTime.load() : wallClock(); }

    // Generated-name suffix (only called on the tick thread or during seeding).
    std::string suffix(int length)
    {
        std::string out;
        static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        for (int i = 0; i < length; ++i)
            out += alphabet[random() % 27];
        return out;
    }

    ObjectStore &store;
    SimulationOptions options;
    UsageModel usage;
    EventRecorder events;
    LogGenerator logs;
    std::mt19937_64 random;
    std::atomic<double> manualTime{0};

    // `kubectl logs -f` subscriptions, served on the tick thread.
    struct LogFollow;
    std::mutex followMutex;
    std::map<std::uint64_t, std::shared_ptr<LogFollow>> follows;
    std::uint64_t nextFollowId = 1;
};

} // namespace demo
