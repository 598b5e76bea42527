// Benchmark: seeding the large preset (default 5,000 nodes / 150,000 pods) straight into the
// object store, one reconcile pass over it, a pass after a second of pod churn, and the computed
// metrics. Prints figures only.
// Usage: bench_sim_large [nodes] [pods]
#include "democluster/simulation.h"

#include "../unit/sim_testsupport.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {
double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
} // namespace

int main(int argc, char **argv)
{
    demo::SimulationOptions o;
    o.preset = "large";
    o.nodes = argc > 1 ? std::atoi(argv[1]) : 5000;
    o.pods = argc > 2 ? std::atoi(argv[2]) : 150000;
    o.manualClock = true;
    demo::ObjectStore store(10000);
    simtest::registerTypes(store);
    demo::Simulation sim(store, o);
    auto t = std::chrono::steady_clock::now();
    sim.seed();
    std::printf("seed large: %d nodes, %zu pods, %zu deployments in %.2f s (limit 60 s)\n", o.nodes,
                store.list("pods").items.size(), store.list("apps/deployments").items.size(),
                secondsSince(t));
    const auto rv = store.resourceVersion();
    t = std::chrono::steady_clock::now();
    sim.step(1);
    std::printf("first reconcile pass: %.2f s, %llu objects written\n", secondsSince(t),
                static_cast<unsigned long long>(store.resourceVersion() - rv));
    t = std::chrono::steady_clock::now();
    sim.step(1);
    std::printf("steady reconcile pass: %.2f s\n", secondsSince(t));
    // A second of the churn fault at 2,000 pod updates/s: the pass after it must cost what
    // changed, not a walk over every pod (the server has to keep that rate).
    {
        const auto all = store.list("pods").items;
        const std::size_t updates = std::min<std::size_t>(2000, all.size());
        t = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < updates; ++i) {
            const auto &meta =
                (*all[i * all.size() / std::max<std::size_t>(updates, 1)])["metadata"];
            store.modify(
                "pods", meta["namespace"].get<std::string>(), meta["name"].get<std::string>(),
                [&](nlohmann::json &p) {
                    p["metadata"]["annotations"]["demo.klarsicht.io/churn"] = std::to_string(i);
                    return true;
                });
        }
        std::printf("%zu pod annotation updates (one second of churn=2000): %.2f s\n", updates,
                    secondsSince(t));
        t = std::chrono::steady_clock::now();
        sim.step(1);
        std::printf("reconcile pass after them: %.3f s\n", secondsSince(t));
    }
    t = std::chrono::steady_clock::now();
    const auto nodes = sim.nodeMetrics();
    std::printf("metrics.k8s.io nodes (%zu items): %.2f s\n", nodes.size(), secondsSince(t));
    t = std::chrono::steady_clock::now();
    const auto pods = sim.podMetrics("");
    std::printf("metrics.k8s.io pods (%zu items): %.2f s\n", pods.size(), secondsSince(t));
    t = std::chrono::steady_clock::now();
    const auto text = sim.kubeletCadvisorMetrics(
        (*store.list("nodes").items.front())["metadata"]["name"]);
    std::printf("one node's /metrics/cadvisor (%zu bytes): %.3f s\n", text ? text->size() : 0,
                secondsSince(t));
    return 0;
}
