#include "democluster/simulation.h"

#include "democluster/daemonsetcontroller.h"
#include "democluster/deploymentcontroller.h"
#include "democluster/garbagecollector.h"
#include "democluster/hpacontroller.h"
#include "democluster/jobcontroller.h"
#include "democluster/kubelet.h"
#include "democluster/kubeletmetrics.h"
#include "democluster/largepreset.h"
#include "democluster/podlogs.h"
#include "democluster/quotacontroller.h"
#include "democluster/scheduler.h"
#include "democluster/serviceproxy.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"
#include "democluster/statefulsetcontroller.h"
#include "democluster/workshoppreset.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace demo {

using nlohmann::json;

// The reconcilers run in this order each pass: bind, run, then the controllers that react.
struct Reconcilers
{
    explicit Reconcilers(SimContext &ctx)
        : scheduler(ctx)
        , kubelet(ctx)
        , quotas(ctx)
        , deployments(ctx)
        , statefulSets(ctx)
        , daemonSets(ctx)
        , jobs(ctx)
        , hpas(ctx)
        , gc(ctx)
    {}
    Scheduler scheduler;
    Kubelet kubelet;
    QuotaController quotas;
    DeploymentController deployments;
    StatefulSetController statefulSets;
    DaemonSetController daemonSets;
    JobController jobs;
    HpaController hpas;
    GarbageCollector gc;

    // The change mark (latest resourceVersion) of the resources a reconciler reads, as of the
    // start of its last successful pass: an unchanged mark means its pass would change nothing.
    struct Gate
    {
        std::vector<std::string> inputs; // empty: every resource except events
        std::uint64_t seen = 0;
        bool ran = false;
    };
    Gate schedulerGate{{"pods", "nodes"}};
    Gate kubeletGate{{"pods", "nodes"}};
    Gate quotaGate{{}};
    Gate deploymentGate{{"apps/deployments", "apps/replicasets", "pods"}};
    Gate statefulSetGate{{"apps/statefulsets", "pods"}};
    Gate daemonSetGate{{"apps/daemonsets", "nodes", "pods"}};
    Gate gcGate{{}};
};

namespace {

std::uint64_t changeMark(const ObjectStore &store, const std::vector<std::string> &inputs)
{
    std::uint64_t mark = 0;
    if (inputs.empty()) {
        for (const ResourceType &type : store.types())
            if (type.key() != "events")
                mark = std::max(mark, store.lastChange(type.key()));
        return mark;
    }
    for (const std::string &key : inputs)
        mark = std::max(mark, store.lastChange(key));
    return mark;
}

} // namespace

Simulation::Simulation(ObjectStore &store, SimulationOptions options)
    : d(std::make_unique<SimContext>(store, std::move(options)))
    , r_(std::make_unique<Reconcilers>(*d))
{}

Simulation::~Simulation()
{
    stop();
    std::lock_guard lock(d->followMutex);
    d->follows.clear();
}

std::vector<std::string> Simulation::presetNames()
{
    return {"workshop", "large", "empty"};
}

double Simulation::now() const
{
    return d->now();
}

void Simulation::seed()
{
    std::lock_guard lock(tickMutex_);
    const SimulationOptions &o = d->options;
    if (o.nodes < 0 || o.pods < 0)
        throw std::invalid_argument("--nodes and --pods must not be negative");
    const double t = d->now();
    if (o.preset == "workshop") {
        WorkshopPreset::seed(*d, o.nodes > 0 ? o.nodes : 3, t);
    } else if (o.preset == "large") {
        LargePreset::seed(*d, o.nodes > 0 ? o.nodes : 5000, o.pods > 0 ? o.pods : 150000, t);
        // Written settled (bound, Running, controllers' status current): the store-driven
        // controllers start from this state instead of re-reading 150,000 pods once to find
        // nothing to do. The kubelet still looks at every pod once.
        for (Reconcilers::Gate *gate : {&r_->schedulerGate, &r_->deploymentGate,
                                        &r_->statefulSetGate, &r_->daemonSetGate, &r_->gcGate}) {
            gate->seen = changeMark(d->store, gate->inputs);
            gate->ran = true;
        }
        return; // nothing to warm up
    } else if (o.preset == "empty") {
        LargePreset::seed(*d, o.nodes > 0 ? o.nodes : 1, 0, t);
        return;
    } else {
        throw std::invalid_argument("unknown preset \"" + o.preset
                                    + "\" (choose workshop, large or empty)");
    }
    // Let the cluster run for a while before anyone looks: pods have ages, restart counts,
    // the CronJob has history and the HPA has settled.
    const double warmup = std::max(
        {0.0, o.warmupSeconds, o.historySeconds > 0 ? o.historySeconds + 600 : 0.0});
    // Hours of warm-up for a metrics history run in 30 s steps until the last 15 minutes, which
    // keep the 5 s steps (and with them the state a default warm-up leaves).
    constexpr double kFineSeconds = 900;
    for (double w = t - warmup; w < t; w += (w < t - kFineSeconds ? 30 : 5))
        reconcileAt(w);
    reconcileAt(t);
}

HistoryStats Simulation::writeHistory(std::ostream &out, const HistoryOptions &options)
{
    std::lock_guard lock(tickMutex_);
    return HistoryWriter::write(*d, d->now(), options, out);
}

void Simulation::start()
{
    if (d->options.manualClock || running_.exchange(true))
        return;
    thread_ = std::thread([this] { run(); });
}

void Simulation::stop()
{
    if (!running_.exchange(false))
        return;
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void Simulation::step(double seconds)
{
    std::lock_guard lock(tickMutex_);
    if (d->options.manualClock)
        d->manualTime.store(d->manualTime.load() + std::max(0.0, seconds));
    reconcileAt(d->now());
}

void Simulation::run()
{
    while (running_) {
        const auto begin = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(tickMutex_);
            reconcileAt(d->now());
        }
        const auto spent = std::chrono::steady_clock::now() - begin;
        // Never take more than half a core on big clusters: rest at least as long as we worked.
        const auto rest = std::max<std::chrono::steady_clock::duration>(
            std::chrono::milliseconds(d->options.tickMs), spent);
        std::unique_lock lock(waitMutex_);
        wake_.wait_for(lock, rest, [this] { return !running_; });
    }
}

void Simulation::reconcileAt(double t)
{
    Reconcilers &r = *r_;
    const auto guard = [](const char *what, auto &&fn) {
        try {
            fn();
        } catch (const std::exception &e) {
            // A bad object must not stop the cluster: report and carry on with the next part.
            std::fprintf(stderr, "klarsicht-demo-cluster: %s: %s\n", what, e.what());
        }
    };
    // Controllers driven only by the store's content run when one of their inputs changed (or
    // `force`), so a settled cluster of 150,000 pods costs next to nothing per pass. Their own
    // writes move the mark again, which gives every reconciler the following pass to react.
    const auto gated = [&](const char *what, Reconcilers::Gate &gate, bool force, auto &&fn) {
        const std::uint64_t mark = changeMark(d->store, gate.inputs);
        if (gate.ran && mark == gate.seen && !force)
            return;
        guard(what, [&] {
            fn();
            gate.seen = mark;
            gate.ran = true;
        });
    };
    {
        // Only an unbound pod gives the scheduler work: a burst of updates to bound pods (or a
        // node change with nobody waiting) must not make it add up 300,000 pods' requests.
        Reconcilers::Gate &gate = r.schedulerGate;
        const std::uint64_t mark = changeMark(d->store, gate.inputs);
        bool run = !gate.ran || r.scheduler.hasWaiting();
        if (!run && mark != gate.seen) {
            // Every change up to `mark` is among these (the history is read after the mark).
            const auto changes = d->store.changesSince("pods", gate.seen);
            run = !changes
                  || std::any_of(changes->begin(), changes->end(), [](const WatchEvent &e) {
                         return e.type != "DELETED"
                                && sim::str(*e.object, "/spec/nodeName"_json_pointer).empty();
                     });
        }
        if (!run)
            gate.seen = mark;
        else
            guard("scheduler", [&] {
                r.scheduler.reconcile(t);
                gate.seen = mark;
                gate.ran = true;
            });
    }
    {
        // The kubelet always looks at pods with a timed transition ahead, and at the pods changed
        // since its last pass; at all of them after a node change or when the history is short.
        Reconcilers::Gate &gate = r.kubeletGate;
        const std::uint64_t mark = changeMark(d->store, gate.inputs);
        std::optional<std::vector<WatchEvent>> changes;
        if (gate.ran && mark == gate.seen)
            changes.emplace();
        else if (gate.ran && d->store.lastChange("nodes") <= gate.seen)
            changes = d->store.changesSince("pods", gate.seen);
        guard("kubelet", [&] {
            r.kubelet.reconcile(t, changes ? &*changes : nullptr);
            gate.seen = mark;
            gate.ran = true;
        });
    }
    // The previous pass's mark: store-driven controllers look only at what changed after it.
    const auto since = [](const Reconcilers::Gate &gate) {
        return gate.ran ? std::optional<std::uint64_t>(gate.seen) : std::nullopt;
    };
    // Usage first: what the kubelet just deleted frees quota for the creates below.
    gated("resourcequota controller", r.quotaGate, false,
          [&] { r.quotas.reconcile(t, since(r.quotaGate)); });
    gated("deployment controller", r.deploymentGate, r.deployments.retryDue(t),
          [&] { r.deployments.reconcile(t, since(r.deploymentGate)); });
    gated("statefulset controller", r.statefulSetGate, false, [&] { r.statefulSets.reconcile(t); });
    gated("daemonset controller", r.daemonSetGate, false, [&] { r.daemonSets.reconcile(t); });
    // Time drives these (CronJob schedules, HPA sync period on usage); they are cheap without objects.
    guard("job controller", [&] { r.jobs.reconcile(t); });
    guard("hpa controller", [&] { r.hpas.reconcile(t); });
    gated("garbage collector", r.gcGate, false, [&] { r.gc.reconcile(t, since(r.gcGate)); });
    guard("events", [&] { d->events.prune(t); });
    guard("log followers", [&] { PodLogs::pump(*d, t); });
}

std::vector<json> Simulation::nodeMetrics() const
{
    return KubeletMetrics::nodeMetrics(*d, d->now());
}

std::vector<json> Simulation::podMetrics(const std::string &ns) const
{
    return KubeletMetrics::podMetrics(*d, ns, d->now());
}

std::optional<std::string> Simulation::kubeletCadvisorMetrics(const std::string &node) const
{
    return KubeletMetrics::cadvisor(*d, node, d->now());
}

std::optional<std::string> Simulation::kubeletResourceMetrics(const std::string &node) const
{
    return KubeletMetrics::resource(*d, node, d->now());
}

std::string Simulation::logs(const std::string &ns, const std::string &pod,
                             const LogOptions &options) const
{
    return PodLogs::read(*d, ns, pod, options, d->now());
}

std::uint64_t Simulation::followLogs(const std::string &ns, const std::string &pod,
                                     const LogOptions &options,
                                     std::function<bool(const std::string &)> sink)
{
    return PodLogs::follow(*d, ns, pod, options, std::move(sink), d->now());
}

void Simulation::cancelFollow(std::uint64_t id)
{
    PodLogs::cancel(*d, id);
}

std::optional<ClusterBackend::ProxyResponse> Simulation::serviceProxy(const std::string &ns,
                                                                      const std::string &service,
                                                                      const std::string &path) const
{
    return ServiceProxy::answer(*d, ns, service, path, d->now());
}

} // namespace demo
