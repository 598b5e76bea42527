#include "democluster/limitranger.h"

#include "democluster/apierrors.h"
#include "democluster/quotaevaluator.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace demo {

using nlohmann::json;

namespace {

std::vector<std::shared_ptr<const json>> rangesFor(const ObjectStore &store, const json &pod)
{
    if (!store.type("limitranges"))
        return {};
    const std::string ns = sim::str(pod, "/metadata/namespace"_json_pointer);
    return store.list("limitranges", ns).items;
}

const json &items(const json &range)
{
    return sim::field(sim::field(range, "spec"), "limits");
}

// mergeContainerResources: what the container lacks, from the defaults; returns the
// annotation's parts ("cpu, memory request for container web").
void mergeContainer(json &container, const json &defaults, const json &defaultRequests,
                    const std::string &prefix, std::vector<std::string> &notes)
{
    json &resources = container["resources"];
    if (!resources.is_object())
        resources = json::object();
    const auto merge = [&](const char *which, const json &from) {
        std::vector<std::string> set;
        for (auto it = from.begin(); from.is_object() && it != from.end(); ++it) {
            json &target = resources[which];
            if (!target.is_object())
                target = json::object();
            if (target.contains(it.key()))
                continue;
            target[it.key()] = it.value();
            set.push_back(it.key());
        }
        std::string joined;
        for (const std::string &s : set)
            joined += (joined.empty() ? "" : ", ") + s;
        return joined;
    };
    const std::string limits = merge("limits", defaults);
    const std::string requests = merge("requests", defaultRequests);
    const std::string name = container.value("name", std::string());
    if (!requests.empty())
        notes.push_back(requests + " request for " + prefix + " " + name);
    if (!limits.empty())
        notes.push_back(limits + " limit for " + prefix + " " + name);
}

// requestLimitEnforcedValues compares at milli precision; Quantity holds exactly that.
std::string minConstraint(const std::string &limitType, const std::string &resource,
                          const Quantity &enforced, const ResourceList &requests,
                          const ResourceList &limits)
{
    const auto req = requests.find(resource);
    const auto lim = limits.find(resource);
    const std::string head = "minimum " + resource + " usage per " + limitType + " is "
                             + enforced.str();
    if (req == requests.end())
        return head + ".  No request is specified";
    if (req->second.compare(enforced) < 0)
        return head + ", but request is " + req->second.str();
    if (lim != limits.end() && lim->second.compare(enforced) < 0)
        return head + ", but limit is " + lim->second.str();
    return {};
}

std::string maxConstraint(const std::string &limitType, const std::string &resource,
                          const Quantity &enforced, const ResourceList &requests,
                          const ResourceList &limits)
{
    const auto req = requests.find(resource);
    const auto lim = limits.find(resource);
    const std::string head = "maximum " + resource + " usage per " + limitType + " is "
                             + enforced.str();
    if (lim == limits.end())
        return head + ".  No limit is specified";
    if (lim->second.compare(enforced) > 0)
        return head + ", but limit is " + lim->second.str();
    if (req != requests.end() && req->second.compare(enforced) > 0)
        return head + ", but request is " + req->second.str();
    return {};
}

std::string ratioConstraint(const std::string &limitType, const std::string &resource,
                            const Quantity &enforced, const ResourceList &requests,
                            const ResourceList &limits)
{
    const auto req = requests.find(resource);
    const auto lim = limits.find(resource);
    const std::string head = resource + " max limit to request ratio per " + limitType + " is "
                             + enforced.str();
    if (req == requests.end() || req->second.isZero())
        return head + ", but no request is specified or request is 0";
    if (lim == limits.end() || lim->second.isZero())
        return head + ", but no limit is specified or limit is 0";
    const double ratio = static_cast<double>(lim->second.milli())
                         / static_cast<double>(req->second.milli());
    if (ratio * 1000 > static_cast<double>(enforced.milli())) {
        char shown[64];
        std::snprintf(shown, sizeof shown, "%f", ratio); // Go's %f
        return head + ", but provided ratio is " + shown;
    }
    return {};
}

void check(const json &item, const std::string &limitType, const ResourceList &requests,
           const ResourceList &limits, std::vector<std::string> &problems)
{
    const auto each = [&](const char *field, auto constraint) {
        for (const auto &[resource, enforced] : QuotaEvaluator::fromJson(sim::field(item, field)))
            if (const std::string e = constraint(limitType, resource, enforced, requests, limits);
                !e.empty())
                problems.push_back(e);
    };
    each("min", minConstraint);
    each("max", maxConstraint);
    each("maxLimitRequestRatio", ratioConstraint);
}

ResourceList containerList(const json &c, const char *which)
{
    return QuotaEvaluator::fromJson(sim::field(sim::field(c, "resources"), which));
}

// The pod's requests or limits as the quota evaluator sums them (LimitRanger's podRequests and
// podLimits are "a simplified version" of the same).
ResourceList podList(const json &pod, const char *which)
{
    static const ResourceType pods{"", "v1", "pods", "Pod", true, "pod", {}};
    const ResourceList usage = QuotaEvaluator::usage(pods, pod, 0);
    ResourceList out;
    const std::string prefix = std::string(which) + ".";
    for (const auto &[name, q] : usage)
        if (name.rfind(prefix, 0) == 0)
            out.emplace(name.substr(prefix.size()), q);
    return out;
}

// utilerrors.NewAggregate(errs).Error(): one message as it is, several deduplicated in brackets.
std::string aggregate(const std::vector<std::string> &errors)
{
    std::vector<std::string> unique;
    for (const std::string &e : errors)
        if (std::find(unique.begin(), unique.end(), e) == unique.end())
            unique.push_back(e);
    if (unique.size() == 1)
        return unique.front();
    std::string out;
    for (const std::string &e : unique)
        out += (out.empty() ? "" : ", ") + e;
    return "[" + out + "]";
}

} // namespace

void LimitRanger::applyDefaults(const ResourceType &type, json &object)
{
    if (type.key() != "limitranges" || !object.is_object())
        return;
    json &spec = object["spec"];
    if (!spec.is_object() || !spec.contains("limits") || !spec["limits"].is_array())
        return;
    for (json &item : spec["limits"]) {
        if (!item.is_object() || item.value("type", std::string()) != "Container")
            continue;
        json &defaults = item["default"];
        json &requests = item["defaultRequest"];
        if (!defaults.is_object())
            defaults = json::object();
        if (!requests.is_object())
            requests = json::object();
        const auto fill = [](json &to, const json &from) {
            for (auto it = from.begin(); from.is_object() && it != from.end(); ++it)
                if (!to.contains(it.key()))
                    to[it.key()] = it.value();
        };
        fill(defaults, item.value("max", json::object()));
        fill(requests, defaults);
        fill(requests, item.value("min", json::object()));
    }
}

bool LimitRanger::mutate(const ObjectStore &store, json &pod)
{
    const auto ranges = rangesFor(store, pod);
    bool changed = false;
    for (const auto &range : ranges) {
        json defaults = json::object(), requests = json::object();
        for (const json &item : items(*range))
            if (item.value("type", std::string()) == "Container") {
                for (const auto &[k, v] : sim::field(item, "default").items())
                    defaults[k] = v;
                for (const auto &[k, v] : sim::field(item, "defaultRequest").items())
                    requests[k] = v;
            }
        if (defaults.empty() && requests.empty())
            continue;
        std::vector<std::string> notes;
        json &spec = pod["spec"];
        for (const auto &[list, prefix] :
             {std::pair{"containers", "container"}, std::pair{"initContainers", "init container"}})
            if (spec.contains(list) && spec[list].is_array())
                for (json &c : spec[list])
                    if (c.is_object())
                        mergeContainer(c, defaults, requests, prefix, notes);
        if (notes.empty())
            continue;
        std::string note = "LimitRanger plugin set: ";
        for (std::size_t i = 0; i < notes.size(); ++i)
            note += (i ? "; " : "") + notes[i];
        pod["metadata"]["annotations"]["kubernetes.io/limit-ranger"] = note;
        changed = true;
    }
    return changed;
}

void LimitRanger::validate(const ObjectStore &store, const json &pod)
{
    for (const auto &range : rangesFor(store, pod)) {
        std::vector<std::string> problems;
        const json &spec = sim::field(pod, "spec");
        for (const json &item : items(*range)) {
            const std::string type = item.value("type", std::string());
            if (type == "Container") {
                for (const char *list : {"containers", "initContainers"})
                    for (const json &c : sim::field(spec, list))
                        check(item, type, containerList(c, "requests"), containerList(c, "limits"),
                              problems);
            } else if (type == "Pod") {
                check(item, type, podList(pod, "requests"), podList(pod, "limits"), problems);
            }
        }
        if (problems.empty())
            continue;
        static const ResourceType pods{"", "v1", "pods", "Pod", true, "pod", {}};
        throw errors::forbidden(pods, sim::str(pod, "/metadata/name"_json_pointer),
                                aggregate(problems));
    }
}

} // namespace demo
