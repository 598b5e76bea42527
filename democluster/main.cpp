// klarsicht-demo-cluster: the built-in demo cluster as a process. Seeds a simulated cluster,
// serves the Kubernetes API over HTTPS on loopback and writes a kubeconfig for kubectl.
#include "democluster/apiserver.h"
#include "democluster/faults.h"
#include "democluster/objectstore.h"
#include "democluster/resources.h"
#include "democluster/simulation.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include <unistd.h>

namespace {

std::atomic<bool> quit{false};

void onSignal(int)
{
    quit = true;
}

const char *usage()
{
    return "Usage: klarsicht-demo-cluster [options]\n"
           "\n"
           "A simulated Kubernetes cluster that kubectl, Prometheus and Klarsicht can talk to.\n"
           "Serves the Kubernetes API over HTTPS on 127.0.0.1 with its own CA; client\n"
           "certificates and bearer tokens authenticate. Stops on SIGINT/SIGTERM.\n"
           "\n"
           "Options:\n"
           "  --port N              listen on 127.0.0.1:N (default: any free port)\n"
           "  --kubeconfig-out FILE write a kubeconfig with the contexts\n"
           "                          demo         admin, client certificate (current)\n"
           "                          demo-token   admin, bearer token\n"
           "                          demo-viewer  user \"viewer\": may read namespace team-a\n"
           "                                       through RoleBinding team-a/viewer-view\n"
           "                                       (ClusterRole view), everything else is 403;\n"
           "                                       widen it with kubectl create\n"
           "                                       clusterrolebinding viewer-all\n"
           "                                       --clusterrole=view --user=viewer\n"
           "  --preset NAME         workshop (default: three nodes, team namespaces, an HPA,\n"
           "                        failing pods), large (scale work) or empty (no workloads)\n"
           "  --nodes N             number of nodes (default: the preset's)\n"
           "  --pods M              number of pods for the large preset (default 150000)\n"
           "  --seed S              random seed; the same seed gives the same cluster\n"
           "                        (default 1)\n"
           "  --history-size N      watch events kept; watches from an older resourceVersion\n"
           "                        get 410 Expired (default 10000)\n"
           "  --history-out FILE    before serving, write the last hours of every node's\n"
           "                        /metrics/cadvisor series (container_cpu_usage_seconds_total,\n"
           "                        container_memory_working_set_bytes, container_memory_rss of\n"
           "                        the app containers and the root cgroup id=\"/\") as\n"
           "                        OpenMetrics for `promtool tsdb create-blocks-from "
           "openmetrics`;\n"
           "                        with the target labels scripts/demo-prometheus' scrape adds\n"
           "                        (job=\"kubelet\", instance and node = the node's name,\n"
           "                        metrics_path=\"/metrics/cadvisor\"); the workshop preset then\n"
           "                        warms up longer so its pods are older than the history\n"
           "  --history-hours N     hours of metrics history, at most 24 (default 6)\n"
           "  --history-step S      seconds between history samples, the scrape interval\n"
           "                        (default 15)\n"
           "%FAULTS%"
           "  --help                show this help\n"
           "\n"
           "A trainer's session:\n"
           "  klarsicht-demo-cluster --kubeconfig-out /tmp/demo.kubeconfig &\n"
           "  export KUBECONFIG=/tmp/demo.kubeconfig\n"
           "  kubectl get pods -A\n"
           "  kubectl apply -f my-deployment.yaml\n"
           "  kubectl delete pod NAME     # Terminating until its containers stop: its preStop\n"
           "                              # sleep plus 5 s, never longer than its grace period;\n"
           "                              # --grace-period=0 --force deletes at once\n";
}

void printUsage(std::FILE *to)
{
    std::string text = usage();
    text.replace(text.find("%FAULTS%"), 8, demo::Faults::help());
    std::fputs(text.c_str(), to);
}

bool parseInt(const std::string &text, long long min, long long &out)
{
    try {
        std::size_t used = 0;
        out = std::stoll(text, &used);
        return used == text.size() && out >= min;
    } catch (const std::exception &) {
        return false;
    }
}

// Written before the server listens, so whoever waits for the kubeconfig finds the history
// complete; renamed into place so nobody reads half a file.
void writeHistory(demo::Simulation &simulation, const std::string &file, double seconds,
                  double step)
{
    const std::string partial = file + ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot write the metrics history to " + partial);
    demo::HistoryOptions options;
    options.seconds = seconds;
    options.stepSeconds = step;
    const demo::HistoryStats stats = simulation.writeHistory(out, options);
    out.close();
    if (!out || std::rename(partial.c_str(), file.c_str()) != 0)
        throw std::runtime_error("cannot write the metrics history to " + file);
    std::printf("klarsicht-demo-cluster: wrote %zu samples of %zu series (%.1f h) to %s\n",
                stats.samples, stats.series, (stats.to - stats.from) / 3600, file.c_str());
    std::fflush(stdout);
}

// A seeded large cluster is gigabytes of small JSON nodes, and first-touch page faults were a
// third of its start-up: glibc's malloc backs its heap with transparent huge pages when told by
// this tunable, which only takes effect at process start, hence the one re-exec (same pid).
void useHugePagesForTheHeap(char **argv)
{
    if (std::getenv("GLIBC_TUNABLES") || std::getenv("KLARSICHT_DEMO_NO_REEXEC"))
        return;
    setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
    setenv("KLARSICHT_DEMO_NO_REEXEC", "1", 1); // never loop, whatever the loader does with it
    execv("/proc/self/exe", argv);
    // Not possible here (no /proc): run as we are.
    unsetenv("GLIBC_TUNABLES");
}

} // namespace

int main(int argc, char **argv)
{
    useHugePagesForTheHeap(argv);
    demo::ApiServerOptions serverOptions;
    demo::SimulationOptions simOptions;
    std::string kubeconfigOut;
    std::string faults;
    long long historySize = 10000;
    std::string historyOut;
    long long historyHours = 6;
    long long historyStep = 15;

    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char *what) -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "klarsicht-demo-cluster: %s needs %s\n", arg.c_str(), what);
                std::exit(2);
            }
            return argv[++i];
        };
        auto number = [&](long long min) {
            const std::string text = value("a number");
            long long n = 0;
            if (!parseInt(text, min, n)) {
                std::fprintf(stderr,
                             "klarsicht-demo-cluster: %s needs a number >= %lld, got \"%s\"\n",
                             arg.c_str(), min, text.c_str());
                std::exit(2);
            }
            return n;
        };
        if (arg == "--help" || arg == "-h") {
            printUsage(stdout);
            return 0;
        } else if (arg == "--port") {
            serverOptions.port = static_cast<int>(number(0));
            if (serverOptions.port > 65535) {
                std::fputs("klarsicht-demo-cluster: --port must be at most 65535\n", stderr);
                return 2;
            }
        } else if (arg == "--kubeconfig-out") {
            kubeconfigOut = value("a file name");
        } else if (arg == "--preset") {
            simOptions.preset = value("a preset name");
        } else if (arg == "--nodes") {
            simOptions.nodes = static_cast<int>(number(1));
        } else if (arg == "--pods") {
            simOptions.pods = static_cast<int>(number(0));
        } else if (arg == "--seed") {
            simOptions.seed = static_cast<std::uint64_t>(number(0));
        } else if (arg == "--history-size") {
            historySize = number(1);
        } else if (arg == "--history-out") {
            historyOut = value("a file name");
        } else if (arg == "--history-hours") {
            historyHours = number(0);
            if (historyHours > 24) { // a day at 15 s is already ~100 MB of OpenMetrics text
                std::fputs("klarsicht-demo-cluster: --history-hours must be at most 24\n", stderr);
                return 2;
            }
        } else if (arg == "--history-step") {
            historyStep = number(1);
        } else if (arg == "--faults") {
            faults = value("a fault spec");
        } else {
            std::fprintf(stderr, "klarsicht-demo-cluster: unknown option \"%s\"\n\n", arg.c_str());
            printUsage(stderr);
            return 2;
        }
    }

    if (!historyOut.empty())
        simOptions.historySeconds = static_cast<double>(historyHours) * 3600;

    try {
        demo::ObjectStore store(static_cast<std::size_t>(historySize));
        demo::registerBuiltinTypes(store);
        demo::Simulation simulation(store, simOptions);
        demo::ApiServer server(store, &simulation, serverOptions);
        if (!faults.empty())
            server.faults().apply(faults);
        simulation.seed();
        if (!historyOut.empty())
            writeHistory(simulation, historyOut, static_cast<double>(historyHours) * 3600,
                         static_cast<double>(historyStep));
        // A large cluster's first list would otherwise render every object while a client waits.
        server.prerender();
        server.start();
        simulation.start();
        if (!kubeconfigOut.empty())
            server.writeKubeconfig(kubeconfigOut);
        std::printf("klarsicht-demo-cluster: serving the Kubernetes API at %s\n",
                    server.url().c_str());
        if (!kubeconfigOut.empty())
            std::printf("klarsicht-demo-cluster: export KUBECONFIG=%s\n", kubeconfigOut.c_str());
        std::fflush(stdout);

        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        while (!quit)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        simulation.stop();
        server.stop();
    } catch (const std::invalid_argument &e) {
        std::fprintf(stderr, "klarsicht-demo-cluster: %s\n", e.what());
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "klarsicht-demo-cluster: %s\n", e.what());
        return 1;
    }
    return 0;
}
