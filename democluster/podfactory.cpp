#include "democluster/podfactory.h"

#include "democluster/simutil.h"

namespace demo {

using nlohmann::json;

json PodFactory::fromTemplate(const json &owner, const json &podTemplate, const std::string &ns,
                              const std::string &name, double created, const json &extraLabels)
{
    json pod = {{"apiVersion", "v1"}, {"kind", "Pod"}};
    json meta = podTemplate.value("metadata", json::object());
    meta["creationTimestamp"] = sim::formatTime(created);
    meta["name"] = name;
    meta["namespace"] = ns;
    json labels = meta.value("labels", json::object());
    for (const auto &[k, v] : extraLabels.items())
        labels[k] = v;
    meta["labels"] = labels;
    if (owner.is_object() && owner.contains("metadata"))
        meta["ownerReferences"] = json::array({sim::ownerReference(owner)});
    pod["metadata"] = meta;
    pod["spec"] = podTemplate.value("spec", json::object());
    applyDefaults(pod);
    return pod;
}

void PodFactory::applyDefaults(json &pod)
{
    json &spec = pod["spec"];
    if (!spec.is_object())
        spec = json::object();
    const auto setDefault = [](json &object, const char *key, const json &value) {
        if (!object.contains(key))
            object[key] = value;
    };
    setDefault(spec, "restartPolicy", "Always");
    setDefault(spec, "terminationGracePeriodSeconds", 30);
    setDefault(spec, "dnsPolicy", "ClusterFirst");
    setDefault(spec, "securityContext", json::object());
    setDefault(spec, "schedulerName", "default-scheduler");
    setDefault(spec, "serviceAccountName", "default");
    setDefault(spec, "serviceAccount", spec.value("serviceAccountName", std::string("default")));
    setDefault(spec, "enableServiceLinks", true);
    setDefault(spec, "preemptionPolicy", "PreemptLowerPriority");
    setDefault(spec, "priority", 0);
    setDefault(spec, "tolerations",
               json::array({{{"key", "node.kubernetes.io/not-ready"},
                             {"operator", "Exists"},
                             {"effect", "NoExecute"},
                             {"tolerationSeconds", 300}},
                            {{"key", "node.kubernetes.io/unreachable"},
                             {"operator", "Exists"},
                             {"effect", "NoExecute"},
                             {"tolerationSeconds", 300}}}));
    if (!spec.contains("containers") || !spec["containers"].is_array())
        spec["containers"] = json::array();
    for (json &c : spec["containers"]) {
        if (!c.is_object())
            continue;
        const std::string image = c.value("image", std::string());
        const auto slash = image.rfind('/');
        const bool tagged = image.find(':', slash == std::string::npos ? 0 : slash)
                            != std::string::npos;
        const bool latest =
            !tagged || (image.size() >= 7 && image.compare(image.size() - 7, 7, ":latest") == 0);
        setDefault(c, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
        setDefault(c, "terminationMessagePath", "/dev/termination-log");
        setDefault(c, "terminationMessagePolicy", "File");
        setDefault(c, "resources", json::object());
        // SetDefaults_Pod: a limit without a request requests the limit.
        json &resources = c["resources"];
        if (resources.is_object() && resources.contains("limits")
            && resources["limits"].is_object())
            for (auto it = resources["limits"].begin(); it != resources["limits"].end(); ++it)
                if (!resources["requests"].contains(it.key()))
                    resources["requests"][it.key()] = it.value();
    }
    json &status = pod["status"];
    if (!status.is_object())
        status = json::object();
    setDefault(status, "phase", "Pending");
    setDefault(status, "qosClass", sim::qosClass(spec));
}

} // namespace demo
