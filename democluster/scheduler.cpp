#include "democluster/scheduler.h"

#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <map>
#include <vector>

namespace demo {

using nlohmann::json;

namespace {

struct NodeRoom
{
    std::shared_ptr<const json> node;
    std::string name;
    double cpu = 0;
    double memory = 0;
    double pods = 0;
    bool schedulable = true;
};

bool tolerates(const json &pod, const json &taint)
{
    const std::string effect = taint.value("effect", std::string());
    if (effect != "NoSchedule" && effect != "NoExecute")
        return true;
    for (const json &t : pod["spec"].value("tolerations", json::array())) {
        const std::string op = t.value("operator", std::string("Equal"));
        const std::string key = t.value("key", std::string());
        if (!key.empty() && key != taint.value("key", std::string()))
            continue;
        if (op == "Equal" && t.value("value", std::string()) != taint.value("value", std::string()))
            continue;
        const std::string te = t.value("effect", std::string());
        if (te.empty() || te == effect)
            return true;
    }
    return false;
}

} // namespace

Scheduler::Scheduler(SimContext &context)
    : ctx_(context)
{}

void Scheduler::reconcile(double now)
{
    const auto pods = ctx_.store.list("pods");
    std::vector<std::shared_ptr<const json>> waiting;
    std::map<std::string, NodeRoom> rooms;
    for (const auto &n : ctx_.store.list("nodes").items) {
        NodeRoom r;
        r.node = n;
        r.name = (*n)["metadata"].value("name", std::string());
        const json alloc = (*n)["status"].value("allocatable", json::object());
        r.cpu = sim::parseQuantity(alloc.value("cpu", json()), 0);
        r.memory = sim::parseQuantity(alloc.value("memory", json()), 0);
        r.pods = sim::parseQuantity(alloc.value("pods", json()), 110);
        r.schedulable = !(*n)["spec"].value("unschedulable", false);
        rooms[r.name] = r;
    }
    for (const auto &ptr : pods.items) {
        const json &pod = *ptr;
        const std::string node = sim::str(pod, "/spec/nodeName"_json_pointer);
        if (node.empty()) {
            if (!sim::podIsTerminating(pod) && !sim::podIsFinished(pod))
                waiting.push_back(ptr);
            continue;
        }
        if (sim::podIsFinished(pod))
            continue;
        const auto it = rooms.find(node);
        if (it == rooms.end())
            continue;
        it->second.cpu -= sim::podRequest(pod, "cpu");
        it->second.memory -= sim::podRequest(pod, "memory");
        it->second.pods -= 1;
    }
    waiting_ = !waiting.empty();
    if (waiting.empty())
        return;
    for (const auto &ptr : waiting) {
        const json &pod = *ptr;
        const double cpu = sim::podRequest(pod, "cpu");
        const double memory = sim::podRequest(pod, "memory");
        const json nodeSelector = pod["spec"].value("nodeSelector", json::object());
        NodeRoom *best = nullptr;
        int noCpu = 0, noMemory = 0, noPods = 0, mismatch = 0, tainted = 0, cordoned = 0;
        for (auto &[name, room] : rooms) {
            if (!room.schedulable) {
                ++cordoned;
                continue;
            }
            const json &node = *room.node;
            if (!sim::mapSelectorMatches(nodeSelector,
                                         node["metadata"].value("labels", json::object()))) {
                ++mismatch;
                continue;
            }
            bool ok = true;
            for (const json &taint : node["spec"].value("taints", json::array()))
                ok = ok && tolerates(pod, taint);
            if (!ok) {
                ++tainted;
                continue;
            }
            const bool cpuOk = room.cpu >= cpu, memOk = room.memory >= memory,
                       podsOk = room.pods >= 1;
            noCpu += !cpuOk;
            noMemory += !memOk;
            noPods += !podsOk;
            if (!cpuOk || !memOk || !podsOk)
                continue;
            if (!best || room.cpu > best->cpu)
                best = &room;
        }
        const std::string ns = pod["metadata"].value("namespace", std::string());
        const std::string name = pod["metadata"].value("name", std::string());
        const std::string when = sim::formatTime(now);
        if (best) {
            best->cpu -= cpu;
            best->memory -= memory;
            best->pods -= 1;
            const std::string nodeName = best->name;
            const auto bound = ctx_.store.modify("pods", ns, name, [&](json &p) {
                if (!sim::str(p, "/spec/nodeName"_json_pointer).empty())
                    return false;
                p["spec"]["nodeName"] = nodeName;
                json &status = p["status"];
                if (!status.is_object())
                    status = json::object();
                status["phase"] = "Pending";
                json conditions = json::array();
                for (const json &c : status.value("conditions", json::array()))
                    if (c.value("type", std::string()) != "PodScheduled")
                        conditions.push_back(c);
                conditions.push_back({{"type", "PodScheduled"},
                                      {"status", "True"},
                                      {"lastProbeTime", nullptr},
                                      {"lastTransitionTime", when}});
                status["conditions"] = conditions;
                return true;
            });
            if (bound)
                ctx_.events.record(*bound, "Normal", "Scheduled",
                                   "Successfully assigned " + ns + "/" + name + " to " + nodeName,
                                   "default-scheduler", now);
            continue;
        }
        // The scheduler's summary message, e.g. "0/3 nodes are available: 3 Insufficient cpu."
        std::vector<std::string> reasons;
        if (noCpu)
            reasons.push_back(std::to_string(noCpu) + " Insufficient cpu");
        if (noMemory)
            reasons.push_back(std::to_string(noMemory) + " Insufficient memory");
        if (noPods)
            reasons.push_back(std::to_string(noPods) + " Too many pods");
        if (mismatch)
            reasons.push_back(std::to_string(mismatch)
                              + " node(s) didn't match Pod's node affinity/selector");
        if (tainted)
            reasons.push_back(std::to_string(tainted) + " node(s) had untolerated taint");
        if (cordoned)
            reasons.push_back(std::to_string(cordoned) + " node(s) were unschedulable");
        std::sort(reasons.begin(), reasons.end());
        std::string message = "0/" + std::to_string(rooms.size()) + " nodes are available:";
        for (std::size_t i = 0; i < reasons.size(); ++i)
            message += (i ? ", " : " ") + reasons[i];
        message += ". preemption: 0/" + std::to_string(rooms.size())
                   + " nodes are available: " + std::to_string(rooms.size())
                   + " No preemption victims found for incoming pod.";
        const auto updated = ctx_.store.modify("pods", ns, name, [&](json &p) {
            json &status = p["status"];
            if (!status.is_object())
                status = json::object();
            for (const json &c : status.value("conditions", json::array()))
                if (c.value("type", std::string()) == "PodScheduled"
                    && c.value("message", std::string()) == message)
                    return false;
            status["phase"] = "Pending";
            status["conditions"] = json::array({{{"type", "PodScheduled"},
                                                 {"status", "False"},
                                                 {"lastProbeTime", nullptr},
                                                 {"lastTransitionTime", when},
                                                 {"reason", "Unschedulable"},
                                                 {"message", message}}});
            return true;
        });
        ctx_.events.record(updated ? *updated : pod, "Warning", "FailedScheduling", message,
                           "default-scheduler", now);
    }
}

} // namespace demo
