#include "democluster/admission.h"

#include "democluster/apierrors.h"
#include "democluster/limitranger.h"
#include "democluster/quotaadmission.h"
#include "democluster/quotaevaluator.h"
#include "democluster/simutil.h"

namespace demo {

using nlohmann::json;

namespace {

// ValidateResourceRequirements' "request <= limit", which runs between the mutating and the
// validating plugins and so catches a request above a limit a LimitRange defaulted.
void validateRequests(const json &pod)
{
    const json &spec = sim::field(pod, "spec");
    for (const char *list : {"containers", "initContainers"}) {
        std::size_t index = 0;
        for (const json &c : sim::field(spec, list)) {
            const json &resources = sim::field(c, "resources");
            const ResourceList requests = QuotaEvaluator::fromJson(
                sim::field(resources, "requests"));
            const ResourceList limits = QuotaEvaluator::fromJson(sim::field(resources, "limits"));
            for (const auto &[name, request] : requests) {
                const auto limit = limits.find(name);
                if (limit == limits.end() || request.compare(limit->second) <= 0)
                    continue;
                throw errors::invalid("Pod", "", sim::str(pod, "/metadata/name"_json_pointer),
                                      "spec." + std::string(list) + "[" + std::to_string(index)
                                          + "].resources.requests",
                                      "Invalid value: \"" + request.str()
                                          + "\": must be less than or equal to " + name
                                          + " limit of " + limit->second.str());
            }
            ++index;
        }
    }
}

} // namespace

void Admission::install(ObjectStore &store)
{
    // Only the store is captured: the hook may outlive the API server that installed it.
    store.setAdmission(
        [&store](const ResourceType &type, json &object) { admit(store, type, object, false); });
}

void Admission::admit(ObjectStore &store, const ResourceType &type, json &object, bool dryRun)
{
    if (type.key() == "pods") {
        if (LimitRanger::mutate(store, object))
            object["status"]["qosClass"] = sim::qosClass(object["spec"]); // PrepareForCreate's
        validateRequests(object);
        LimitRanger::validate(store, object);
    }
    QuotaAdmission::admit(store, type, object, dryRun);
}

} // namespace demo
