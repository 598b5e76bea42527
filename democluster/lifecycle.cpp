// What a real control plane does around writes that the demo API server does itself:
// defaulting on create, namespace lifecycle (Terminating, then purged with its content) and
// garbage collection of dependents by ownerReference.
#include "democluster/apierrors.h"
#include "democluster/apiserverimpl.h"
#include "democluster/tables.h"

#include <atomic>

namespace demo {

using nlohmann::json;

namespace {

void defaultContainer(json &c)
{
    const std::string image = c.value("image", std::string());
    const auto slash = image.rfind('/');
    const bool tagged = image.find(':', slash == std::string::npos ? 0 : slash)
                        != std::string::npos;
    const bool latest =
        !tagged || (image.size() >= 7 && image.compare(image.size() - 7, 7, ":latest") == 0);
    if (!c.contains("imagePullPolicy"))
        c["imagePullPolicy"] = latest ? "Always" : "IfNotPresent";
    if (!c.contains("terminationMessagePath"))
        c["terminationMessagePath"] = "/dev/termination-log";
    if (!c.contains("terminationMessagePolicy"))
        c["terminationMessagePolicy"] = "File";
    if (!c.contains("resources"))
        c["resources"] = json::object();
    // SetDefaults_Pod: a limit without a request requests the limit.
    json &resources = c["resources"];
    if (resources.is_object() && resources.contains("limits") && resources["limits"].is_object())
        for (auto it = resources["limits"].begin(); it != resources["limits"].end(); ++it)
            if (!resources["requests"].contains(it.key()))
                resources["requests"][it.key()] = it.value();
}

void defaultPodSpec(json &spec)
{
    if (!spec.is_object())
        return;
    const json defaults = {{"restartPolicy", "Always"},
                           {"terminationGracePeriodSeconds", 30},
                           {"dnsPolicy", "ClusterFirst"},
                           {"securityContext", json::object()},
                           {"schedulerName", "default-scheduler"}};
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        if (!spec.contains(it.key()))
            spec[it.key()] = it.value();
    for (const char *list : {"containers", "initContainers"})
        if (spec.contains(list) && spec[list].is_array())
            for (json &c : spec[list])
                defaultContainer(c);
}

std::string qosClass(const json &spec)
{
    bool any = false, guaranteed = true;
    for (const json &c : spec.value("containers", json::array())) {
        const json requests = c.value("/resources/requests"_json_pointer, json::object());
        const json limits = c.value("/resources/limits"_json_pointer, json::object());
        any = any || !requests.empty() || !limits.empty();
        for (const char *r : {"cpu", "memory"})
            if (!limits.contains(r) || (requests.contains(r) && requests[r] != limits[r]))
                guaranteed = false;
    }
    if (!any)
        return "BestEffort";
    return guaranteed ? "Guaranteed" : "Burstable";
}

} // namespace

void ApiServer::Impl::prepareForCreate(const ResourceType &type, json &object) const
{
    const std::string key = type.key();
    json &meta = object["metadata"];
    if (key == "namespaces") {
        if (!meta.contains("labels") || !meta["labels"].is_object())
            meta["labels"] = json::object();
        meta["labels"]["kubernetes.io/metadata.name"] = meta.value("name", std::string());
        object["spec"] = {{"finalizers", {"kubernetes"}}};
        object["status"] = {{"phase", "Active"}};
    } else if (key == "pods") {
        defaultPodSpec(object["spec"]);
        object["status"] = {{"phase", "Pending"}, {"qosClass", qosClass(object["spec"])}};
    } else if (key == "apps/deployments" || key == "apps/replicasets" || key == "apps/statefulsets"
               || key == "apps/daemonsets") {
        json &spec = object["spec"];
        if (key != "apps/daemonsets" && !spec.contains("replicas"))
            spec["replicas"] = 1;
        if (!spec.contains("revisionHistoryLimit") && key != "apps/replicasets")
            spec["revisionHistoryLimit"] = 10;
        if (key == "apps/deployments") {
            if (!spec.contains("progressDeadlineSeconds"))
                spec["progressDeadlineSeconds"] = 600;
            json &strategy = spec["strategy"];
            if (!strategy.is_object() || strategy.empty())
                strategy = {{"type", "RollingUpdate"},
                            {"rollingUpdate", {{"maxSurge", "25%"}, {"maxUnavailable", "25%"}}}};
        }
        if (spec.contains("template"))
            defaultPodSpec(spec["template"]["spec"]);
        object["status"] = json::object();
    } else if (key == "batch/jobs" || key == "batch/cronjobs"
               || key == "autoscaling/horizontalpodautoscalers" || key == "resourcequotas") {
        object["status"] = json::object();
    } else if (key == "services") {
        json &spec = object["spec"];
        if (!spec.contains("type"))
            spec["type"] = "ClusterIP";
        if (!spec.contains("clusterIP") && spec.value("type", std::string()) != "ExternalName") {
            static std::atomic<int> next{100};
            const int n = next++;
            spec["clusterIP"] = "10.0." + std::to_string((n / 250) % 250) + "."
                                + std::to_string(n % 250 + 1);
            spec["clusterIPs"] = {spec["clusterIP"]};
        }
        if (!spec.contains("sessionAffinity"))
            spec["sessionAffinity"] = "None";
        if (spec.contains("ports") && spec["ports"].is_array())
            for (json &p : spec["ports"]) {
                if (!p.contains("protocol"))
                    p["protocol"] = "TCP";
                if (!p.contains("targetPort"))
                    p["targetPort"] = p.value("port", 0);
            }
        object["status"] = {{"loadBalancer", json::object()}};
    }
}

void ApiServer::Impl::checkNamespaceAccepts(const std::string &ns) const
{
    const auto object = store.getShared("namespaces", {}, ns);
    if (!object) {
        static const ResourceType namespaces{"",          "v1", "namespaces", "Namespace", false,
                                             "namespace", {}};
        throw errors::notFound(namespaces, ns);
    }
    if ((*object)["metadata"].contains("deletionTimestamp")) {
        ApiError e(403, "Forbidden",
                   "unable to create new content in namespace " + ns
                       + " because it is being terminated");
        e.details = {{"name", ns},
                     {"kind", "namespaces"},
                     {"causes",
                      {{{"reason", "NamespaceTerminating"},
                        {"message", "namespace " + ns + " is being terminated"},
                        {"field", "metadata.namespace"}}}}};
        throw e;
    }
}

void ApiServer::Impl::deleteDependents(const std::string &uid, const std::string &ns)
{
    if (uid.empty())
        return;
    std::vector<std::pair<std::string, json>> dependents;
    for (const ResourceInfo &info : builtinResources()) {
        if (!info.stored || info.type.key() == "namespaces" || info.type.key() == "events")
            continue;
        // Owners and dependents share a namespace (cluster-scoped owners own cluster objects).
        if (info.type.namespaced && ns.empty())
            continue;
        const ObjectStore::Snapshot snapshot = store.list(
            info.type.key(), info.type.namespaced ? ns : std::string());
        for (const auto &object : snapshot.items) {
            const json &meta = (*object)["metadata"];
            const auto refs = meta.find("ownerReferences");
            if (refs == meta.end() || !refs->is_array())
                continue;
            for (const json &ref : *refs)
                if (ref.value("uid", std::string()) == uid)
                    dependents.emplace_back(info.type.key(), meta);
        }
    }
    for (const auto &[key, meta] : dependents) {
        try {
            store.remove(key, meta.value("namespace", std::string()),
                         meta.value("name", std::string()));
        } catch (const ApiError &) {
            continue; // already gone
        }
        deleteDependents(meta.value("uid", std::string()), meta.value("namespace", std::string()));
    }
}

void ApiServer::Impl::finalizeNamespaces()
{
    const std::time_t now = std::time(nullptr);
    for (const auto &ns : store.list("namespaces").items) {
        const json &meta = (*ns)["metadata"];
        if (!meta.contains("deletionTimestamp"))
            continue;
        // Stay visibly Terminating for a moment, as a real namespace controller does.
        if (now - parseTime(meta.value("deletionTimestamp", std::string())) < 1)
            continue;
        const std::string name = meta.value("name", std::string());
        for (const ResourceInfo &info : builtinResources()) {
            if (!info.stored || !info.type.namespaced)
                continue;
            for (const auto &object : store.list(info.type.key(), name).items) {
                try {
                    store.remove(info.type.key(), name,
                                 (*object)["metadata"].value("name", std::string()));
                } catch (const ApiError &) {
                }
            }
        }
        try {
            store.remove("namespaces", {}, name);
        } catch (const ApiError &) {
        }
    }
}

} // namespace demo
