#include "democluster/quotaevaluator.h"

#include "democluster/simutil.h"

#include <algorithm>
#include <set>

namespace demo {

using nlohmann::json;

namespace {

const std::set<std::string> &podResourceNames()
{
    static const std::set<std::string> names = {"count/pods",
                                                "cpu",
                                                "memory",
                                                "ephemeral-storage",
                                                "requests.cpu",
                                                "requests.memory",
                                                "requests.ephemeral-storage",
                                                "limits.cpu",
                                                "limits.memory",
                                                "limits.ephemeral-storage",
                                                "pods"};
    return names;
}

const std::set<std::string> &serviceResourceNames()
{
    static const std::set<std::string> names = {"services", "count/services",
                                                "services.loadbalancers", "services.nodeports"};
    return names;
}

// Core kinds whose object count has a name of its own besides count/<resource>.
bool hasLegacyCountName(const ResourceType &type)
{
    static const std::set<std::string> legacy = {"configmaps", "secrets", "persistentvolumeclaims",
                                                 "replicationcontrollers", "resourcequotas"};
    return type.group.empty() && legacy.count(type.resource);
}

std::string countName(const ResourceType &type)
{
    return "count/" + type.resource + (type.group.empty() ? "" : "." + type.group);
}

bool startsWith(const std::string &s, const char *prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// helper.IsNativeResource: no domain, or one under kubernetes.io.
bool isNative(const std::string &name)
{
    return name.find('/') == std::string::npos || name.find("kubernetes.io/") != std::string::npos;
}

void addTo(ResourceList &to, const ResourceList &from)
{
    for (const auto &[name, q] : from) {
        const auto it = to.find(name);
        if (it == to.end())
            to.emplace(name, q);
        else
            it->second.add(q);
    }
}

void maxInto(ResourceList &to, const ResourceList &from)
{
    for (const auto &[name, q] : from) {
        const auto it = to.find(name);
        if (it == to.end() || q.compare(it->second) > 0)
            to[name] = q;
    }
}

ResourceList containerList(const json &container, const char *which)
{
    return QuotaEvaluator::fromJson(sim::field(sim::field(container, "resources"), which));
}

// resourcehelper.PodRequests / PodLimits: containers summed, restartable init containers
// (sidecars) added, other init containers as the maximum they need at once, plus overhead.
ResourceList podAggregate(const json &spec, const char *which)
{
    ResourceList total;
    for (const json &c : sim::field(spec, "containers"))
        addTo(total, containerList(c, which));
    ResourceList restartable, init;
    for (const json &c : sim::field(spec, "initContainers")) {
        const ResourceList own = containerList(c, which);
        if (c.value("restartPolicy", std::string()) == "Always") {
            addTo(total, own);
            addTo(restartable, own);
            maxInto(init, restartable);
        } else {
            ResourceList sum = own;
            addTo(sum, restartable);
            maxInto(init, sum);
        }
    }
    maxInto(total, init);
    ResourceList overhead = QuotaEvaluator::fromJson(sim::field(spec, "overhead"));
    if (std::string(which) == "limits") // overhead only raises limits that are set
        overhead = QuotaEvaluator::mask(overhead, QuotaEvaluator::names(total));
    addTo(total, overhead);
    return total;
}

// podComputeUsageHelper.
ResourceList computeUsage(const ResourceList &requests, const ResourceList &limits)
{
    ResourceList out;
    out["pods"] = Quantity::fromMilli(1000);
    for (const char *r : {"cpu", "memory", "ephemeral-storage"}) {
        if (const auto it = requests.find(r); it != requests.end()) {
            out[r] = it->second;
            out[std::string("requests.") + r] = it->second;
        }
        if (const auto it = limits.find(r); it != limits.end())
            out[std::string("limits.") + r] = it->second;
    }
    for (const auto &[name, q] : requests) {
        if (startsWith(name, "hugepages-")) {
            out[name] = q;
            out["requests." + name] = q;
        }
        if (!isNative(name) && !startsWith(name, "requests."))
            out["requests." + name] = q; // extended resources: only requests.<name> is quota
    }
    return out;
}

// QuotaV1Pod: terminal pods, and pods past their deletion grace period, are not charged.
bool charged(const json &pod, double now)
{
    const std::string phase = sim::str(pod, "/status/phase"_json_pointer);
    if (phase == "Succeeded" || phase == "Failed")
        return false;
    const json &meta = sim::field(pod, "metadata");
    if (meta.contains("deletionTimestamp") && meta.contains("deletionGracePeriodSeconds")) {
        const double deletion = sim::parseTime(meta["deletionTimestamp"], 0);
        const double grace = meta["deletionGracePeriodSeconds"].is_number()
                                 ? meta["deletionGracePeriodSeconds"].get<double>()
                                 : 0;
        if (deletion > 0 && now > deletion + grace)
            return false;
    }
    return true;
}

bool isTerminating(const json &pod)
{
    const json &deadline = sim::field(sim::field(pod, "spec"), "activeDeadlineSeconds");
    return deadline.is_number() && deadline.get<double>() >= 0;
}

bool crossNamespaceAffinity(const json &spec)
{
    const json &affinity = sim::field(spec, "affinity");
    for (const char *kind : {"podAffinity", "podAntiAffinity"}) {
        const json &a = sim::field(affinity, kind);
        for (const json &term : sim::field(a, "requiredDuringSchedulingIgnoredDuringExecution"))
            if (!sim::field(term, "namespaces").empty() || term.contains("namespaceSelector"))
                return true;
        for (const json &weighted :
             sim::field(a, "preferredDuringSchedulingIgnoredDuringExecution")) {
            const json &term = sim::field(weighted, "podAffinityTerm");
            if (!sim::field(term, "namespaces").empty() || term.contains("namespaceSelector"))
                return true;
        }
    }
    return false;
}

// podMatchesScopeFunc for one ScopedResourceSelectorRequirement.
bool podMatchesScope(const json &selector, const json &pod)
{
    const std::string scope = selector.value("scopeName", std::string());
    const std::string op = selector.value("operator", std::string("Exists"));
    const json &spec = sim::field(pod, "spec");
    if (scope == "Terminating")
        return isTerminating(pod);
    if (scope == "NotTerminating")
        return !isTerminating(pod);
    if (scope == "BestEffort")
        return sim::qosClass(spec) == "BestEffort";
    if (scope == "NotBestEffort")
        return sim::qosClass(spec) != "BestEffort";
    if (scope == "CrossNamespacePodAffinity")
        return crossNamespaceAffinity(spec);
    if (scope == "PriorityClass") {
        // A label selector over {PriorityClass: <the pod's priorityClassName>}.
        const std::string name = spec.value("priorityClassName", std::string());
        const json &values = sim::field(selector, "values");
        const bool listed = std::find(values.begin(), values.end(), json(name)) != values.end();
        if (op == "Exists")
            return !name.empty();
        if (op == "DoesNotExist")
            return name.empty();
        if (op == "In")
            return !name.empty() && listed;
        if (op == "NotIn")
            return name.empty() || !listed;
    }
    return false;
}

std::vector<json> scopeSelectors(const json &quota)
{
    std::vector<json> out;
    const json &spec = sim::field(quota, "spec");
    for (const json &scope : sim::field(spec, "scopes"))
        out.push_back({{"scopeName", scope}, {"operator", "Exists"}});
    for (const json &e : sim::field(sim::field(spec, "scopeSelector"), "matchExpressions"))
        out.push_back(e);
    return out;
}

} // namespace

ResourceList QuotaEvaluator::usage(const ResourceType &type, const json &object, double now)
{
    const Quantity one = Quantity::fromMilli(1000);
    ResourceList out;
    const std::string key = type.key();
    if (key == "pods") {
        out["count/pods"] = one;
        if (!charged(object, now))
            return out;
        const json &spec = sim::field(object, "spec");
        addTo(out, computeUsage(podAggregate(spec, "requests"), podAggregate(spec, "limits")));
        return out;
    }
    out[countName(type)] = one;
    if (key == "services") {
        out["services"] = one;
        const json &spec = sim::field(object, "spec");
        const std::string serviceType = spec.value("type", std::string("ClusterIP"));
        const std::int64_t ports = static_cast<std::int64_t>(sim::field(spec, "ports").size());
        if (serviceType == "LoadBalancer")
            out["services.loadbalancers"] = one;
        if (serviceType == "NodePort"
            || (serviceType == "LoadBalancer" && spec.value("allocateLoadBalancerNodePorts", true)))
            out["services.nodeports"] = Quantity::fromMilli(1000 * ports);
    } else if (hasLegacyCountName(type)) {
        out[type.resource] = one;
    }
    return out;
}

std::vector<std::string> QuotaEvaluator::matchingResources(const ResourceType &type,
                                                           const std::vector<std::string> &names)
{
    std::vector<std::string> out;
    for (const std::string &name : names) {
        bool match = false;
        if (type.key() == "pods")
            match = podResourceNames().count(name) || startsWith(name, "hugepages-")
                    || startsWith(name, "requests.hugepages-")
                    || (!isNative(name) && startsWith(name, "requests."));
        else if (type.key() == "services")
            match = serviceResourceNames().count(name) > 0;
        else
            match = name == countName(type) || (hasLegacyCountName(type) && name == type.resource);
        if (match)
            out.push_back(name);
    }
    return out;
}

bool QuotaEvaluator::matchesScopes(const ResourceType &type, const json &quota, const json &object)
{
    const std::vector<json> selectors = scopeSelectors(quota);
    if (selectors.empty())
        return true;
    if (type.key() != "pods")
        return false;
    return std::all_of(selectors.begin(), selectors.end(),
                       [&](const json &s) { return podMatchesScope(s, object); });
}

std::string QuotaEvaluator::constraints(const std::vector<std::string> &required, const json &pod)
{
    // Only cpu and memory: "it was a mistake ... do not add more resources to this list!"
    static const std::set<std::string> validation = {
        "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"};
    std::set<std::string> needed;
    for (const std::string &r : required)
        if (validation.count(r))
            needed.insert(r);
    std::map<std::string, std::set<std::string>> missing; // resource -> containers
    const json &spec = sim::field(pod, "spec");
    for (const char *list : {"containers", "initContainers"})
        for (const json &c : sim::field(spec, list)) {
            const ResourceList has = computeUsage(containerList(c, "requests"),
                                                  containerList(c, "limits"));
            for (const std::string &r : needed)
                if (!has.count(r))
                    missing[r].insert(c.value("name", std::string()));
        }
    if (missing.empty())
        return {};
    std::string out = "must specify ";
    bool first = true;
    for (const auto &[resource, containers] : missing) {
        out += (first ? "" : "; ") + resource + " for: ";
        first = false;
        bool firstName = true;
        for (const std::string &c : containers) {
            out += (firstName ? "" : ",") + c;
            firstName = false;
        }
    }
    return out;
}

std::vector<std::string> QuotaEvaluator::trackedKeys(const ObjectStore &store, const json &hard)
{
    std::set<std::string> keys;
    for (auto it = hard.begin(); hard.is_object() && it != hard.end(); ++it) {
        const std::string &name = it.key();
        std::string key;
        if (podResourceNames().count(name) || startsWith(name, "hugepages-")
            || startsWith(name, "requests."))
            key = "pods";
        else if (serviceResourceNames().count(name))
            key = "services";
        else if (startsWith(name, "count/")) {
            const std::string rest = name.substr(6);
            const auto dot = rest.find('.');
            key = dot == std::string::npos ? rest
                                           : rest.substr(dot + 1) + "/" + rest.substr(0, dot);
        } else {
            key = name; // configmaps, secrets, ...
        }
        if (store.type(key))
            keys.insert(key);
    }
    return {keys.begin(), keys.end()};
}

ResourceList QuotaEvaluator::calculate(const ObjectStore &store, const json &quota, double now)
{
    const json &hardJson = sim::field(sim::field(quota, "spec"), "hard");
    const std::vector<std::string> hard = names(fromJson(hardJson));
    const std::string ns = sim::str(quota, "/metadata/namespace"_json_pointer);
    const bool scoped = !scopeSelectors(quota).empty();
    ResourceList used;
    for (const std::string &key : trackedKeys(store, hardJson)) {
        const ResourceType *type = store.type(key);
        const std::vector<std::string> matching = matchingResources(*type, hard);
        if (matching.empty())
            continue;
        for (const std::string &name : matching)
            used.emplace(name, Quantity());
        if (scoped && key != "pods")
            continue; // object counts match no scope
        for (const auto &object : store.list(key, ns).items)
            if (matchesScopes(*type, quota, *object))
                addTo(used, mask(usage(*type, *object, now), matching));
    }
    return mask(used, hard);
}

ResourceList QuotaEvaluator::fromJson(const json &list)
{
    ResourceList out;
    if (!list.is_object())
        return out;
    for (auto it = list.begin(); it != list.end(); ++it)
        if (const auto q = Quantity::parse(it.value()))
            out.emplace(it.key(), *q);
    return out;
}

json QuotaEvaluator::toJson(const ResourceList &list)
{
    json out = json::object();
    for (const auto &[name, q] : list)
        out[name] = q.str();
    return out;
}

std::string QuotaEvaluator::print(const ResourceList &list)
{
    std::string out;
    for (const auto &[name, q] : list)
        out += (out.empty() ? "" : ",") + name + "=" + q.str();
    return out;
}

std::vector<std::string> QuotaEvaluator::names(const ResourceList &list)
{
    std::vector<std::string> out;
    for (const auto &entry : list)
        out.push_back(entry.first);
    return out;
}

ResourceList QuotaEvaluator::mask(const ResourceList &list, const std::vector<std::string> &names)
{
    ResourceList out;
    for (const std::string &name : names)
        if (const auto it = list.find(name); it != list.end())
            out.emplace(name, it->second);
    return out;
}

} // namespace demo
