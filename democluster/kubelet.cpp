#include "democluster/kubelet.h"

#include "democluster/podtermination.h"

#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace demo {

using nlohmann::json;

namespace {

json condition(const std::string &type, bool ok, const std::string &when,
               const std::string &reason = {}, const std::string &message = {})
{
    json c = {{"type", type},
              {"status", ok ? "True" : "False"},
              {"lastProbeTime", nullptr},
              {"lastTransitionTime", when}};
    if (!reason.empty())
        c["reason"] = reason;
    if (!message.empty())
        c["message"] = message;
    return c;
}

// Sets a pod condition, keeping lastTransitionTime when the status does not change.
void setCondition(json &status, const json &c)
{
    json &conditions = status["conditions"];
    if (!conditions.is_array())
        conditions = json::array();
    for (json &existing : conditions) {
        if (existing.value("type", std::string()) == c["type"]) {
            const bool same = existing.value("status", std::string()) == c["status"];
            const std::string when = existing.value("lastTransitionTime", std::string());
            existing = c;
            if (same && !when.empty())
                existing["lastTransitionTime"] = when;
            return;
        }
    }
    conditions.push_back(c);
}

const json *containerSpec(const json &pod, const std::string &name)
{
    // Pointers into the pod itself: never iterate a value() copy here.
    if (!pod.contains("spec") || !pod.at("spec").contains("containers"))
        return nullptr;
    for (const json &c : pod.at("spec").at("containers"))
        if (c.value("name", std::string()) == name)
            return &c;
    return nullptr;
}

std::string podRef(const json &pod)
{
    return sim::str(pod, "/metadata/name"_json_pointer) + "_"
           + sim::str(pod, "/metadata/namespace"_json_pointer) + "("
           + sim::str(pod, "/metadata/uid"_json_pointer) + ")";
}

} // namespace

Kubelet::Kubelet(SimContext &context)
    : ctx_(context)
{}

std::string Kubelet::containerId(const SimContext &context, const json &pod,
                                 const std::string &container, std::int64_t restartCount)
{
    const std::uint64_t h = sim::hashString(sim::str(pod, "/metadata/uid"_json_pointer) + "/"
                                                + container + "/" + std::to_string(restartCount),
                                            context.options.seed);
    return sim::hexId(h, 64);
}

std::string Kubelet::podIp(const SimContext &context, const json &pod)
{
    const std::uint64_t h = sim::hashString(sim::str(pod, "/metadata/namespace"_json_pointer) + "/"
                                                + sim::str(pod, "/metadata/name"_json_pointer),
                                            context.options.seed);
    return "10.244." + std::to_string(h % 250) + "." + std::to_string(2 + (h >> 8) % 250);
}

double Kubelet::backOff(std::int64_t restartCount)
{
    const double delay =
        10.0 * std::pow(2.0, static_cast<double>(std::max<std::int64_t>(0, restartCount - 1)));
    return std::min(delay, 300.0);
}

void Kubelet::reconcile(double now, const std::vector<WatchEvent> *podChanges)
{
    const bool full = podChanges == nullptr;
    std::vector<std::shared_ptr<const json>> pods;
    std::set<std::string> known;
    if (full) {
        pods = ctx_.store.list("pods").items;
        for (const auto &n : ctx_.store.list("nodes").items)
            known.insert((*n)["metadata"].value("name", std::string()));
    } else {
        // The same order as a full pass (namespace, name), so events come out alike.
        std::set<std::pair<std::string, std::string>> visit(pending_.begin(), pending_.end());
        for (const WatchEvent &change : *podChanges) {
            if (change.type == "DELETED")
                continue;
            const json &meta = (*change.object)["metadata"];
            visit.emplace(meta.value("namespace", std::string()),
                          meta.value("name", std::string()));
        }
        if (visit.empty())
            return;
        for (const auto &[ns, name] : visit)
            if (auto p = ctx_.store.getShared("pods", ns, name))
                pods.push_back(std::move(p));
    }
    pending_.clear();
    const auto nodeKnown = [&](const std::string &node) {
        return full ? known.count(node) > 0 : ctx_.store.getShared("nodes", {}, node) != nullptr;
    };
    std::set<std::string> terminating;
    for (const auto &ptr : pods) {
        const json &pod = *ptr;
        // Read in place: a full pass visits every pod, and copying strings was most of its cost.
        static const std::string noText;
        const auto text = [](const json &value) -> const std::string & {
            return value.is_string() ? value.get_ref<const std::string &>() : noText;
        };
        const std::string &node = text(sim::field(sim::field(pod, "spec"), "nodeName"));
        // Unbound pods and pods on unknown nodes wait for a change of the pod or the nodes.
        if (node.empty() || !nodeKnown(node))
            continue;
        const json &meta = sim::field(pod, "metadata");
        const std::string &ns = text(sim::field(meta, "namespace"));
        const std::string &name = text(sim::field(meta, "name"));
        if (sim::podIsTerminating(pod)) {
            pending_.emplace_back(ns, name);
            // SIGTERM once, when the kubelet first sees the deletion; the pod stays (Terminating)
            // until its containers have stopped, then the kubelet deletes it for good.
            const std::string uid = sim::str(pod, "/metadata/uid"_json_pointer);
            terminating.insert(uid);
            if (stopping_.insert(uid).second)
                for (const json &cs : sim::field(sim::field(pod, "status"), "containerStatuses"))
                    if (cs.contains("state") && cs["state"].contains("running"))
                        ctx_.events.record(pod, "Normal", "Killing",
                                           "Stopping container " + cs.value("name", std::string()),
                                           "kubelet", now, node);
            if (now < PodTermination::stopTime(pod))
                continue;
            try {
                ctx_.store.remove("pods", ns, name);
            } catch (const std::exception &) {
            }
            continue;
        }
        // Cheap pre-check so a large cluster's steady pods cost nothing.
        const std::string &phase = text(sim::field(sim::field(pod, "status"), "phase"));
        if (phase == "Succeeded" || phase == "Failed")
            continue;
        if (phase == "Running") {
            bool quiet = true;
            static const json::json_pointer statuses("/status/containerStatuses");
            static const json none = json::array();
            const json &list = pod.contains(statuses) ? pod.at(statuses) : none;
            for (const json &cs : list) {
                if (!cs.contains("state") || !cs["state"].contains("running")) {
                    quiet = false;
                    break;
                }
            }
            if (quiet) {
                static const json::json_pointer containers("/spec/containers");
                for (const json &c : pod.contains(containers) ? pod.at(containers) : none) {
                    const UsageProfile p = UsageModel::profileFor(pod, c);
                    if (p.crashAfter > 0 || p.oomAfter > 0 || p.completeAfter > 0)
                        quiet = false;
                }
            }
            if (quiet)
                continue;
        }
        ctx_.store.modify("pods", ns, name, [&](json &p) { return syncPod(p, now); });
        pending_.emplace_back(ns, name);
    }
    // Forget pods that are gone (or were force-deleted) so the set stays small.
    stopping_ = std::move(terminating);
}

void Kubelet::startContainer(json &pod, const json &spec, json &cs, double now)
{
    const std::string node = sim::str(pod, "/spec/nodeName"_json_pointer);
    const std::string cname = spec.value("name", std::string());
    const std::string image = spec.value("image", std::string());
    const std::int64_t restarts = cs.value("restartCount", std::int64_t(0));
    ctx_.events.record(pod, "Normal", "Pulled",
                       "Container image \"" + image + "\" already present on machine", "kubelet",
                       now, node);
    ctx_.events.record(pod, "Normal", "Created", "Created container: " + cname, "kubelet", now,
                       node);
    ctx_.events.record(pod, "Normal", "Started", "Started container " + cname, "kubelet", now,
                       node);
    const std::string digest = sim::hexId(sim::hashString(image, 42), 64);
    std::string repo = image.substr(0, image.find('@'));
    if (const auto colon = repo.rfind(':');
        colon != std::string::npos && repo.find('/', colon) == std::string::npos)
        repo = repo.substr(0, colon);
    if (repo.find('/') == std::string::npos)
        repo = "docker.io/library/" + repo;
    cs["state"] = {{"running", {{"startedAt", sim::formatTime(now)}}}};
    cs["ready"] = true;
    cs["started"] = true;
    cs["image"] = image;
    cs["imageID"] = repo + "@sha256:" + digest;
    cs["containerID"] = "containerd://" + containerId(ctx_, pod, cname, restarts);
}

bool Kubelet::syncPod(json &pod, double now)
{
    const std::string node = sim::str(pod, "/spec/nodeName"_json_pointer);
    const std::string when = sim::formatTime(now);
    json &status = pod["status"];
    if (!status.is_object())
        status = json::object();
    // A reference is safe: only pod["status"] is written below, and map members stay put.
    const json &containers = sim::field(sim::field(pod, "spec"), "containers");
    if (!status.contains("startTime")) {
        status["phase"] = "Pending";
        status["startTime"] = when;
        status["qosClass"] = sim::qosClass(pod["spec"]);
        setCondition(status, condition("PodReadyToStartContainers", false, when));
        setCondition(status, condition("Initialized", true, when));
        json names = json::array();
        json statuses = json::array();
        for (const json &c : containers) {
            names.push_back(c.value("name", std::string()));
            statuses.push_back({{"name", c.value("name", std::string())},
                                {"state", {{"waiting", {{"reason", "ContainerCreating"}}}}},
                                {"lastState", json::object()},
                                {"ready", false},
                                {"restartCount", 0},
                                {"image", c.value("image", std::string())},
                                {"imageID", ""},
                                {"started", false}});
        }
        std::string list;
        for (const json &n : names)
            list += (list.empty() ? "" : " ") + n.get<std::string>();
        setCondition(status, condition("Ready", false, when, "ContainersNotReady",
                                       "containers with unready status: [" + list + "]"));
        setCondition(status, condition("ContainersReady", false, when, "ContainersNotReady",
                                       "containers with unready status: [" + list + "]"));
        setCondition(status, condition("PodScheduled", true, when));
        status["containerStatuses"] = statuses;
        return true;
    }
    // Node address for hostIP: the node's InternalIP.
    if (status.value("hostIP", std::string()).empty()) {
        if (const auto n = ctx_.store.get("nodes", "", node)) {
            for (const json &a : (*n)["status"].value("addresses", json::array()))
                if (a.value("type", std::string()) == "InternalIP")
                    status["hostIP"] = a["address"];
        }
        status["hostIPs"] = json::array({{{"ip", status.value("hostIP", std::string())}}});
    }
    const double started = sim::parseTime(status.value("startTime", json()), now);
    const std::string restartPolicy = pod["spec"].value("restartPolicy", std::string("Always"));
    bool changed = false;
    if (status.value("phase", std::string()) == "Pending") {
        // Sandbox and image pull take 1-3 s, deterministic per pod.
        const double delay = 1
                             + 2
                                   * sim::unitFromHash(
                                       sim::hashString(sim::str(pod, "/metadata/name"_json_pointer),
                                                       ctx_.options.seed));
        if (now < started + delay)
            return false;
        for (json &cs : status["containerStatuses"])
            if (const json *spec = containerSpec(pod, cs.value("name", std::string())))
                startContainer(pod, *spec, cs, now);
        status["phase"] = "Running";
        const std::string ip = podIp(ctx_, pod);
        const bool hostNetwork = pod["spec"].value("hostNetwork", false);
        status["podIP"] = hostNetwork ? status.value("hostIP", std::string()) : ip;
        status["podIPs"] = json::array({{{"ip", status["podIP"]}}});
        setCondition(status, condition("PodReadyToStartContainers", true, when));
        changed = true;
    }
    bool allReady = true;
    bool allDone = true;
    bool anyFailed = false;
    for (json &cs : status["containerStatuses"]) {
        const std::string cname = cs.value("name", std::string());
        const json *spec = containerSpec(pod, cname);
        if (!spec)
            continue;
        json &state = cs["state"];
        if (state.contains("running")) {
            const double start = sim::parseTime(state["running"].value("startedAt", json()), now);
            const ContainerCurve curve = ctx_.usage.curve(pod, *spec, start);
            const UsageProfile &p = curve.profile;
            double endAt = 0;
            int exitCode = 0;
            std::string reason;
            if (p.oomAfter > 0 && curve.memLimit > 0 && now >= start + p.oomAfter) {
                endAt = start + p.oomAfter;
                exitCode = 137;
                reason = "OOMKilled";
            } else if (p.crashAfter > 0 && now >= start + p.crashAfter) {
                endAt = start + p.crashAfter;
                exitCode = 1;
                reason = "Error";
            } else if (p.completeAfter > 0 && restartPolicy != "Always"
                       && now >= start + p.completeAfter) {
                endAt = start + p.completeAfter;
                reason = "Completed";
            }
            if (endAt > 0) {
                json terminated = {{"exitCode", exitCode},
                                   {"reason", reason},
                                   {"startedAt", sim::formatTime(start)},
                                   {"finishedAt", sim::formatTime(endAt)},
                                   {"containerID", cs.value("containerID", std::string())}};
                if (reason == "OOMKilled") {
                    if (const auto n = ctx_.store.get("nodes", "", node))
                        ctx_.events.record(
                            *n, "Warning", "OOMKilling",
                            "Memory cgroup out of memory: Killed process "
                                + std::to_string(1000 + sim::hashString(cname) % 30000) + " ("
                                + cname + ") total-vm:"
                                + std::to_string(static_cast<long long>(curve.memLimit / 1024)
                                                 + 81234)
                                + "kB, anon-rss:"
                                + std::to_string(static_cast<long long>(curve.memLimit / 1024))
                                + "kB, file-rss:0kB, shmem-rss:0kB",
                            "kernel-monitor", now, node);
                }
                const bool restart = restartPolicy == "Always"
                                     || (restartPolicy == "OnFailure" && exitCode != 0);
                cs["ready"] = false;
                cs["started"] = false;
                if (restart) {
                    cs["lastState"] = {{"terminated", terminated}};
                    const std::int64_t restarts = cs.value("restartCount", std::int64_t(0)) + 1;
                    cs["restartCount"] = restarts;
                    state = {{"waiting",
                              {{"reason", "CrashLoopBackOff"},
                               {"message", "back-off "
                                               + std::to_string(static_cast<int>(backOff(restarts)))
                                               + "s restarting failed container=" + cname
                                               + " pod=" + podRef(pod)}}}};
                    ctx_.events.record(pod, "Warning", "BackOff",
                                       "Back-off restarting failed container " + cname + " in pod "
                                           + podRef(pod),
                                       "kubelet", now, node);
                } else {
                    state = {{"terminated", terminated}};
                }
                changed = true;
            }
        } else if (state.contains("waiting")
                   && state["waiting"].value("reason", std::string()) == "CrashLoopBackOff") {
            const double finished = sim::parseTime(cs.value("lastState", json::object())
                                                       .value("terminated", json::object())
                                                       .value("finishedAt", json()),
                                                   now);
            if (now >= finished + backOff(cs.value("restartCount", std::int64_t(0)))) {
                startContainer(pod, *spec, cs, now);
                changed = true;
            }
        }
        const bool running = state.contains("running");
        allReady = allReady && running;
        const bool done = state.contains("terminated");
        allDone = allDone && done;
        if (done && state["terminated"].value("exitCode", 0) != 0)
            anyFailed = true;
    }
    if (!changed)
        return false;
    if (allDone && !status["containerStatuses"].empty()) {
        status["phase"] = anyFailed ? "Failed" : "Succeeded";
        setCondition(status, condition("Ready", false, when, "PodCompleted"));
        setCondition(status, condition("ContainersReady", false, when, "PodCompleted"));
        setCondition(status, condition("PodReadyToStartContainers", false, when));
        return true;
    }
    std::string notReady;
    for (const json &cs : status["containerStatuses"])
        if (!cs.value("ready", false))
            notReady += (notReady.empty() ? "" : " ") + cs.value("name", std::string());
    if (allReady) {
        setCondition(status, condition("Ready", true, when));
        setCondition(status, condition("ContainersReady", true, when));
    } else {
        setCondition(status, condition("Ready", false, when, "ContainersNotReady",
                                       "containers with unready status: [" + notReady + "]"));
        setCondition(status, condition("ContainersReady", false, when, "ContainersNotReady",
                                       "containers with unready status: [" + notReady + "]"));
    }
    return true;
}

} // namespace demo
