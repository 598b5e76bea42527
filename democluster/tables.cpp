#include "democluster/tables.h"

#include "democluster/rbactables.h"
#include "democluster/tablecells.h"

#include <map>
#include <vector>

namespace demo {

using nlohmann::json;
using namespace tablecells;

namespace {

json podCells(const json &pod, std::time_t now)
{
    const json &status = pod.value("status", json::object());
    const json containers = pod.value("/spec/containers"_json_pointer, json::array());
    int restarts = 0, ready = 0;
    std::time_t lastRestart = 0;
    std::string reason = str(pod, "/status/reason", str(pod, "/status/phase"));
    bool initializing = false;
    const json initStatuses = status.value("initContainerStatuses", json::array());
    for (std::size_t i = 0; i < initStatuses.size(); ++i) {
        const json &c = initStatuses[i];
        restarts += c.value("restartCount", 0);
        const json state = c.value("state", json::object());
        if (state.contains("terminated") && state["terminated"].value("exitCode", 0) == 0)
            continue;
        if (state.contains("terminated")) {
            const std::string r = state["terminated"].value("reason", std::string());
            reason = "Init:"
                     + (r.empty()
                            ? "ExitCode:" + std::to_string(state["terminated"].value("exitCode", 0))
                            : r);
        } else if (state.contains("waiting")
                   && !state["waiting"].value("reason", std::string()).empty()
                   && state["waiting"].value("reason", std::string()) != "PodInitializing") {
            reason = "Init:" + state["waiting"].value("reason", std::string());
        } else {
            reason = "Init:" + std::to_string(i) + "/"
                     + std::to_string(
                         pod.value("/spec/initContainers"_json_pointer, json::array()).size());
        }
        initializing = true;
        break;
    }
    if (!initializing) {
        restarts = 0;
        bool hasRunning = false;
        const json statuses = status.value("containerStatuses", json::array());
        for (auto it = statuses.rbegin(); it != statuses.rend(); ++it) {
            const json &c = *it;
            restarts += c.value("restartCount", 0);
            const std::string finished = str(c, "/lastState/terminated/finishedAt");
            if (!finished.empty())
                lastRestart = std::max(lastRestart, parseTime(finished));
            const json state = c.value("state", json::object());
            if (state.contains("waiting")
                && !state["waiting"].value("reason", std::string()).empty())
                reason = state["waiting"].value("reason", std::string());
            else if (state.contains("terminated")
                     && !state["terminated"].value("reason", std::string()).empty())
                reason = state["terminated"].value("reason", std::string());
            else if (state.contains("terminated")) {
                const int signal = state["terminated"].value("signal", 0);
                reason = signal ? "Signal:" + std::to_string(signal)
                                : "ExitCode:"
                                      + std::to_string(state["terminated"].value("exitCode", 0));
            } else if (c.value("ready", false) && state.contains("running")) {
                hasRunning = true;
                ++ready;
            }
        }
        if (reason == "Completed" && hasRunning)
            reason = "Running";
    }
    const std::string phase = str(pod, "/status/phase");
    if (pod["metadata"].contains("deletionTimestamp")) {
        if (str(pod, "/status/reason") == "NodeLost")
            reason = "Unknown";
        else if (phase != "Succeeded" && phase != "Failed")
            reason = "Terminating";
    }
    std::string restartText = std::to_string(restarts);
    if (restarts != 0 && lastRestart != 0)
        restartText += " (" + humanDuration(now - lastRestart) + " ago)";
    std::string gates = "<none>";
    const json readinessGates = pod.value("/spec/readinessGates"_json_pointer, json::array());
    if (!readinessGates.empty()) {
        int trueGates = 0;
        for (const json &gate : readinessGates)
            for (const json &cond : status.value("conditions", json::array()))
                if (cond.value("type", std::string()) == gate.value("conditionType", std::string())
                    && cond.value("status", std::string()) == "True")
                    ++trueGates;
        gates = std::to_string(trueGates) + "/" + std::to_string(readinessGates.size());
    }
    return {str(pod, "/metadata/name"),
            std::to_string(ready) + "/" + std::to_string(containers.size()),
            reason,
            restartText,
            age(pod, "/metadata/creationTimestamp", now),
            str(pod, "/status/podIP", "<none>"),
            str(pod, "/spec/nodeName", "<none>"),
            str(pod, "/status/nominatedNodeName", "<none>"),
            gates};
}

json nodeCells(const json &node, std::time_t now)
{
    std::string status = "Unknown";
    for (const json &cond : node.value("/status/conditions"_json_pointer, json::array()))
        if (cond.value("type", std::string()) == "Ready")
            status = cond.value("status", std::string()) == "True" ? "Ready" : "NotReady";
    if (node.value("/spec/unschedulable"_json_pointer, false))
        status += ",SchedulingDisabled";
    std::vector<std::string> roles;
    const json labels = node["metadata"].value("labels", json::object());
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const std::string key = it.key();
        if (key.rfind("node-role.kubernetes.io/", 0) == 0 && key.size() > 24)
            roles.push_back(key.substr(24));
        else if (key == "kubernetes.io/role" && it.value().is_string())
            roles.push_back(it.value().get<std::string>());
    }
    std::sort(roles.begin(), roles.end());
    std::string roleText;
    for (const std::string &r : roles)
        roleText += (roleText.empty() ? "" : ",") + r;
    std::string internalIp = "<none>", externalIp = "<none>";
    for (const json &a : node.value("/status/addresses"_json_pointer, json::array())) {
        if (a.value("type", std::string()) == "InternalIP" && internalIp == "<none>")
            internalIp = a.value("address", std::string());
        if (a.value("type", std::string()) == "ExternalIP" && externalIp == "<none>")
            externalIp = a.value("address", std::string());
    }
    return {str(node, "/metadata/name"),
            status,
            roleText.empty() ? "<none>" : roleText,
            age(node, "/metadata/creationTimestamp", now),
            str(node, "/status/nodeInfo/kubeletVersion"),
            internalIp,
            externalIp,
            str(node, "/status/nodeInfo/osImage", "<unknown>"),
            str(node, "/status/nodeInfo/kernelVersion", "<unknown>"),
            str(node, "/status/nodeInfo/containerRuntimeVersion", "<unknown>")};
}

json serviceCells(const json &svc, std::time_t now)
{
    const std::string type = str(svc, "/spec/type", "ClusterIP");
    std::string external = "<none>";
    if (type == "LoadBalancer") {
        std::string ips;
        for (const json &i : svc.value("/status/loadBalancer/ingress"_json_pointer, json::array()))
            ips += (ips.empty() ? "" : ",") + i.value("ip", i.value("hostname", std::string()));
        external = ips.empty() ? "<pending>" : ips;
    } else if (type == "ExternalName") {
        external = str(svc, "/spec/externalName", "<none>");
    }
    std::string ports;
    for (const json &p : svc.value("/spec/ports"_json_pointer, json::array())) {
        std::string one = std::to_string(p.value("port", 0));
        if (p.contains("nodePort"))
            one += ":" + std::to_string(p.value("nodePort", 0));
        one += "/" + p.value("protocol", std::string("TCP"));
        ports += (ports.empty() ? "" : ",") + one;
    }
    return {str(svc, "/metadata/name"),
            type,
            str(svc, "/spec/clusterIP", "<none>"),
            external,
            ports.empty() ? "<none>" : ports,
            age(svc, "/metadata/creationTimestamp", now),
            mapSelector(svc.value("/spec/selector"_json_pointer, json()))};
}

json eventCells(const json &ev, std::time_t now)
{
    std::string first = age(ev, "/firstTimestamp", now);
    if (str(ev, "/firstTimestamp").empty())
        first = age(ev, "/eventTime", now);
    std::string last = str(ev, "/lastTimestamp").empty() ? first : age(ev, "/lastTimestamp", now);
    std::int64_t count = num(ev, "/count");
    if (ev.contains("series") && ev["series"].is_object()) {
        last = age(ev, "/series/lastObservedTime", now);
        count = num(ev, "/series/count");
    } else if (count == 0) {
        count = 1;
    }
    std::string kind = str(ev, "/involvedObject/kind");
    std::transform(kind.begin(), kind.end(), kind.begin(), ::tolower);
    const std::string name = str(ev, "/involvedObject/name");
    std::string source = str(ev, "/source/component", str(ev, "/reportingComponent"));
    const std::string host = str(ev, "/source/host", str(ev, "/reportingInstance"));
    if (!host.empty())
        source += ", " + host;
    std::string message = str(ev, "/message");
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
        message.pop_back();
    return {last,
            str(ev, "/type"),
            str(ev, "/reason"),
            name.empty() ? kind : kind + "/" + name,
            str(ev, "/involvedObject/fieldPath"),
            source,
            message,
            first,
            count,
            str(ev, "/metadata/name")};
}

json podTemplateCells(const json &object)
{
    const json containers = object.value("/spec/template/spec/containers"_json_pointer,
                                         json::array());
    return {joined(containers, "name"), joined(containers, "image"),
            selectorString(object.value("/spec/selector"_json_pointer, json()))};
}

json jobCells(const json &job, std::time_t now)
{
    std::string status = "Running";
    for (const json &c : job.value("/status/conditions"_json_pointer, json::array()))
        if (c.value("status", std::string()) == "True") {
            const std::string t = c.value("type", std::string());
            if (t == "Complete" || t == "Failed" || t == "Suspended" || t == "FailureTarget"
                || t == "SuccessCriteriaMet")
                status = t;
        }
    if (job["metadata"].contains("deletionTimestamp"))
        status = "Terminating";
    const std::int64_t succeeded = num(job, "/status/succeeded");
    std::string completions;
    if (job.contains("/spec/completions"_json_pointer)
        && !job.at("/spec/completions"_json_pointer).is_null())
        completions = std::to_string(succeeded) + "/"
                      + std::to_string(num(job, "/spec/completions"));
    else if (num(job, "/spec/parallelism") > 1)
        completions = std::to_string(succeeded) + "/1 of "
                      + std::to_string(num(job, "/spec/parallelism"));
    else
        completions = std::to_string(succeeded) + "/1";
    std::string duration;
    const std::time_t start = parseTime(str(job, "/status/startTime"));
    if (start != 0) {
        const std::time_t end = parseTime(str(job, "/status/completionTime"));
        duration = humanDuration((end ? end : now) - start);
    }
    json cells = {str(job, "/metadata/name"), status, completions, duration,
                  age(job, "/metadata/creationTimestamp", now)};
    for (const json &c : podTemplateCells(job))
        cells.push_back(c);
    return cells;
}

json hpaCells(const json &hpa, std::time_t now)
{
    std::string targets;
    const json current = hpa.value("/status/currentMetrics"_json_pointer, json::array());
    const json metrics = hpa.value("/spec/metrics"_json_pointer, json::array());
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        const json &m = metrics[i];
        if (m.value("type", std::string()) != "Resource")
            continue;
        const std::string name = str(m, "/resource/name");
        std::string cur = "<unknown>";
        for (const json &c : current)
            if (str(c, "/resource/name") == name
                && c.contains("/resource/current/averageUtilization"_json_pointer))
                cur = std::to_string(num(c, "/resource/current/averageUtilization")) + "%";
        std::string target = m.contains("/resource/target/averageUtilization"_json_pointer)
                                 ? std::to_string(num(m, "/resource/target/averageUtilization"))
                                       + "%"
                                 : str(m, "/resource/target/averageValue", "<unknown>");
        targets += (targets.empty() ? "" : ", ") + name + ": " + cur + "/" + target;
    }
    json minPods = hpa.contains("/spec/minReplicas"_json_pointer)
                       ? json(num(hpa, "/spec/minReplicas"))
                       : json("<unset>");
    return {str(hpa, "/metadata/name"),
            str(hpa, "/spec/scaleTargetRef/kind") + "/" + str(hpa, "/spec/scaleTargetRef/name"),
            targets.empty() ? "<none>" : targets,
            minPods,
            num(hpa, "/spec/maxReplicas"),
            num(hpa, "/status/currentReplicas"),
            age(hpa, "/metadata/creationTimestamp", now)};
}

} // namespace

std::string humanDuration(std::int64_t s)
{
    auto n = [](std::int64_t v) { return std::to_string(v); };
    if (s < -1)
        return "<invalid>";
    if (s < 0)
        return "0s";
    if (s < 120)
        return n(s) + "s";
    const std::int64_t minutes = s / 60;
    if (minutes < 10)
        return s % 60 == 0 ? n(minutes) + "m" : n(minutes) + "m" + n(s % 60) + "s";
    if (minutes < 180)
        return n(minutes) + "m";
    const std::int64_t hours = s / 3600;
    if (hours < 8)
        return minutes % 60 == 0 ? n(hours) + "h" : n(hours) + "h" + n(minutes % 60) + "m";
    if (hours < 48)
        return n(hours) + "h";
    if (hours < 24 * 8)
        return hours % 24 == 0 ? n(hours / 24) + "d" : n(hours / 24) + "d" + n(hours % 24) + "h";
    if (hours < 24 * 365 * 2)
        return n(hours / 24) + "d";
    if (hours < 24 * 365 * 8) {
        const std::int64_t days = (hours / 24) % 365;
        return days == 0 ? n(hours / 24 / 365) + "y" : n(hours / 24 / 365) + "y" + n(days) + "d";
    }
    return n(hours / 24 / 365) + "y";
}

std::time_t parseTime(const std::string &t)
{
    std::tm tm{};
    if (t.size() < 19 || !strptime(t.c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return 0;
    return timegm(&tm);
}

json tableColumns(const ResourceType &type)
{
    const std::string key = type.key();
    if (key == "pods")
        return columns({{"Name", "string", 0},
                        {"Ready", "string", 0},
                        {"Status", "string", 0},
                        {"Restarts", "string", 0},
                        {"Age", "string", 0},
                        {"IP", "string", 1},
                        {"Node", "string", 1},
                        {"Nominated Node", "string", 1},
                        {"Readiness Gates", "string", 1}});
    if (key == "nodes")
        return columns({{"Name", "string", 0},
                        {"Status", "string", 0},
                        {"Roles", "string", 0},
                        {"Age", "string", 0},
                        {"Version", "string", 0},
                        {"Internal-IP", "string", 1},
                        {"External-IP", "string", 1},
                        {"OS-Image", "string", 1},
                        {"Kernel-Version", "string", 1},
                        {"Container-Runtime", "string", 1}});
    if (key == "namespaces")
        return columns({{"Name", "string", 0}, {"Status", "string", 0}, {"Age", "string", 0}});
    if (key == "services")
        return columns({{"Name", "string", 0},
                        {"Type", "string", 0},
                        {"Cluster-IP", "string", 0},
                        {"External-IP", "string", 0},
                        {"Port(s)", "string", 0},
                        {"Age", "string", 0},
                        {"Selector", "string", 1}});
    if (key == "events")
        return columns({{"Last Seen", "string", 0},
                        {"Type", "string", 0},
                        {"Reason", "string", 0},
                        {"Object", "string", 0},
                        {"Subobject", "string", 1},
                        {"Source", "string", 1},
                        {"Message", "string", 0},
                        {"First Seen", "string", 1},
                        {"Count", "string", 1},
                        {"Name", "string", 1}});
    if (key == "apps/deployments")
        return columns({{"Name", "string", 0},
                        {"Ready", "string", 0},
                        {"Up-to-date", "string", 0},
                        {"Available", "string", 0},
                        {"Age", "string", 0},
                        {"Containers", "string", 1},
                        {"Images", "string", 1},
                        {"Selector", "string", 1}});
    if (key == "apps/replicasets")
        return columns({{"Name", "string", 0},
                        {"Desired", "integer", 0},
                        {"Current", "integer", 0},
                        {"Ready", "integer", 0},
                        {"Age", "string", 0},
                        {"Containers", "string", 1},
                        {"Images", "string", 1},
                        {"Selector", "string", 1}});
    if (key == "apps/statefulsets")
        return columns({{"Name", "string", 0},
                        {"Ready", "string", 0},
                        {"Age", "string", 0},
                        {"Containers", "string", 1},
                        {"Images", "string", 1}});
    if (key == "apps/daemonsets")
        return columns({{"Name", "string", 0},
                        {"Desired", "integer", 0},
                        {"Current", "integer", 0},
                        {"Ready", "integer", 0},
                        {"Up-to-date", "integer", 0},
                        {"Available", "integer", 0},
                        {"Node Selector", "string", 0},
                        {"Age", "string", 0},
                        {"Containers", "string", 1},
                        {"Images", "string", 1},
                        {"Selector", "string", 1}});
    if (key == "batch/jobs")
        return columns({{"Name", "string", 0},
                        {"Status", "string", 0},
                        {"Completions", "string", 0},
                        {"Duration", "string", 0},
                        {"Age", "string", 0},
                        {"Containers", "string", 1},
                        {"Images", "string", 1},
                        {"Selector", "string", 1}});
    if (key == "batch/cronjobs")
        return columns({{"Name", "string", 0},
                        {"Schedule", "string", 0},
                        {"Timezone", "string", 0},
                        {"Suspend", "boolean", 0},
                        {"Active", "integer", 0},
                        {"Last Schedule", "string", 0},
                        {"Age", "string", 0},
                        {"Containers", "string", 1},
                        {"Images", "string", 1},
                        {"Selector", "string", 1}});
    if (key == "autoscaling/horizontalpodautoscalers")
        return columns({{"Name", "string", 0},
                        {"Reference", "string", 0},
                        {"Targets", "string", 0},
                        {"MinPods", "string", 0},
                        {"MaxPods", "integer", 0},
                        {"Replicas", "integer", 0},
                        {"Age", "string", 0}});
    if (key == "networking.k8s.io/networkpolicies")
        return columns(
            {{"Name", "string", 0}, {"Pod-Selector", "string", 0}, {"Age", "string", 0}});
    if (key == "configmaps")
        return columns({{"Name", "string", 0}, {"Data", "integer", 0}, {"Age", "string", 0}});
    if (key == "resourcequotas")
        return columns({{"Name", "string", 0},
                        {"Age", "string", 0},
                        {"Request", "string", 0},
                        {"Limit", "string", 0}});
    if (key == "rbac.authorization.k8s.io/rolebindings"
        || key == "rbac.authorization.k8s.io/clusterrolebindings")
        return RbacTables::bindingColumns();
    // The generic convertor of apiserver/pkg/registry/rest/table.go.
    json defs = columns({{"Name", "string", 0}, {"Created At", "date", 0}});
    defs[1]["format"] = "date";
    return defs;
}

json tableCells(const ResourceType &type, const json &o, std::time_t now)
{
    const std::string key = type.key();
    const std::string name = str(o, "/metadata/name");
    const std::string created = age(o, "/metadata/creationTimestamp", now);
    if (key == "pods")
        return podCells(o, now);
    if (key == "nodes")
        return nodeCells(o, now);
    if (key == "namespaces")
        return {name, str(o, "/status/phase", "Active"), created};
    if (key == "services")
        return serviceCells(o, now);
    if (key == "events")
        return eventCells(o, now);
    if (key == "rbac.authorization.k8s.io/rolebindings"
        || key == "rbac.authorization.k8s.io/clusterrolebindings")
        return RbacTables::bindingCells(o, now);
    json cells;
    if (key == "apps/deployments") {
        cells = {name,
                 std::to_string(num(o, "/status/readyReplicas")) + "/"
                     + std::to_string(num(o, "/spec/replicas")),
                 num(o, "/status/updatedReplicas"), num(o, "/status/availableReplicas"), created};
    } else if (key == "apps/replicasets") {
        cells = {name, num(o, "/spec/replicas"), num(o, "/status/replicas"),
                 num(o, "/status/readyReplicas"), created};
    } else if (key == "apps/statefulsets") {
        const json t = podTemplateCells(o);
        return {name,
                std::to_string(num(o, "/status/readyReplicas")) + "/"
                    + std::to_string(num(o, "/spec/replicas")),
                created, t[0], t[1]};
    } else if (key == "apps/daemonsets") {
        cells = {name,
                 num(o, "/status/desiredNumberScheduled"),
                 num(o, "/status/currentNumberScheduled"),
                 num(o, "/status/numberReady"),
                 num(o, "/status/updatedNumberScheduled"),
                 num(o, "/status/numberAvailable"),
                 mapSelector(o.value("/spec/template/spec/nodeSelector"_json_pointer, json())),
                 created};
    } else if (key == "batch/jobs") {
        return jobCells(o, now);
    } else if (key == "batch/cronjobs") {
        const json containers = o.value(
            "/spec/jobTemplate/spec/template/spec/containers"_json_pointer, json::array());
        const std::string last = str(o, "/status/lastScheduleTime");
        return {
            name,
            str(o, "/spec/schedule"),
            str(o, "/spec/timeZone", "<none>"),
            o.contains("/spec/suspend"_json_pointer)
                ? json(o.at("/spec/suspend"_json_pointer).get<bool>() ? "True" : "False")
                : json("False"),
            static_cast<std::int64_t>(o.value("/status/active"_json_pointer, json::array()).size()),
            last.empty() ? "<none>" : age(o, "/status/lastScheduleTime", now),
            created,
            joined(containers, "name"),
            joined(containers, "image"),
            selectorString(o.value("/spec/jobTemplate/spec/selector"_json_pointer, json()))};
    } else if (key == "autoscaling/horizontalpodautoscalers") {
        return hpaCells(o, now);
    } else if (key == "networking.k8s.io/networkpolicies") {
        return {name,
                selectorString(o.value("/spec/podSelector"_json_pointer, json())) == "<none>"
                    ? "<none>"
                    : selectorString(o.value("/spec/podSelector"_json_pointer, json())),
                created};
    } else if (key == "configmaps") {
        return {name,
                static_cast<std::int64_t>(o.value("data", json::object()).size()
                                          + o.value("binaryData", json::object()).size()),
                created};
    } else if (key == "resourcequotas") {
        std::string requests, limits;
        const json hard = o.value("/status/hard"_json_pointer,
                                  o.value("/spec/hard"_json_pointer, json::object()));
        const json used = o.value("/status/used"_json_pointer, json::object());
        for (auto it = hard.begin(); it != hard.end(); ++it) {
            const std::string entry = it.key() + ": " + used.value(it.key(), std::string("0")) + "/"
                                      + it.value().get<std::string>();
            std::string &target = it.key().rfind("limits.", 0) == 0 ? limits : requests;
            target += (target.empty() ? "" : ", ") + entry;
        }
        return {name, created, requests, limits};
    } else {
        return {name, str(o, "/metadata/creationTimestamp")};
    }
    for (const json &c : podTemplateCells(o))
        cells.push_back(c);
    return cells;
}

} // namespace demo
