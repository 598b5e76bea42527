#include "democluster/quotaadmission.h"

#include "democluster/apierrors.h"
#include "democluster/quotaevaluator.h"
#include "democluster/simutil.h"

#include <set>

namespace demo {

using nlohmann::json;

namespace {

std::string joined(const std::vector<std::string> &names)
{
    std::set<std::string> sorted(names.begin(), names.end());
    std::string out;
    for (const std::string &n : sorted)
        out += (out.empty() ? "" : ",") + n;
    return out;
}

// NewForbidden names the object as the validating plugins see it: the generated name is set
// by then; a dry run that generated none shows the prefix.
std::string nameOf(const json &object)
{
    const json &meta = sim::field(object, "metadata");
    const std::string name = meta.value("name", std::string());
    return name.empty() ? meta.value("generateName", std::string()) : name;
}

} // namespace

void QuotaAdmission::admit(ObjectStore &store, const ResourceType &type, const json &object,
                           bool dryRun)
{
    if (!type.namespaced || type.key() == "events" || !store.type("resourcequotas"))
        return;
    const std::string ns = sim::str(object, "/metadata/namespace"_json_pointer);
    const auto quotas = store.list("resourcequotas", ns).items;
    if (quotas.empty())
        return;
    struct Charge
    {
        std::string name;
        ResourceList used;
    };
    std::vector<std::shared_ptr<const json>> interesting;
    for (const auto &quota : quotas) {
        const json &status = sim::field(*quota, "status");
        // Matches() looks at status.hard: a quota the controller has not seen yet covers nothing.
        const ResourceList hard = QuotaEvaluator::fromJson(sim::field(status, "hard"));
        const std::vector<std::string> restricted = QuotaEvaluator::matchingResources(
            type, QuotaEvaluator::names(hard));
        if (restricted.empty() || !QuotaEvaluator::matchesScopes(type, *quota, object))
            continue;
        const std::string quotaName = sim::str(*quota, "/metadata/name"_json_pointer);
        if (type.key() == "pods")
            if (const std::string why = QuotaEvaluator::constraints(restricted, object);
                !why.empty())
                throw errors::forbidden(type, nameOf(object),
                                        "failed quota: " + quotaName + ": " + why);
        const json &used = sim::field(status, "used");
        for (const std::string &r : restricted)
            if (!used.contains(r))
                throw errors::forbidden(type, nameOf(object),
                                        "status unknown for quota: " + quotaName
                                            + ", resources: " + joined(restricted));
        interesting.push_back(quota);
    }
    if (interesting.empty())
        return;
    const ResourceList delta = QuotaEvaluator::usage(type, object, 0);
    std::vector<Charge> charges;
    for (const auto &quota : interesting) {
        const json &status = sim::field(*quota, "status");
        const ResourceList hard = QuotaEvaluator::fromJson(sim::field(status, "hard"));
        const ResourceList used = QuotaEvaluator::fromJson(sim::field(status, "used"));
        const ResourceList requested = QuotaEvaluator::mask(delta, QuotaEvaluator::names(hard));
        ResourceList next = used;
        std::vector<std::string> exceeded;
        for (const auto &[name, q] : requested) {
            Quantity total = next.count(name) ? next[name] : Quantity();
            total.add(q);
            next[name] = total;
            if (const auto h = hard.find(name); h != hard.end() && total.compare(h->second) > 0)
                exceeded.push_back(name);
        }
        const std::string quotaName = sim::str(*quota, "/metadata/name"_json_pointer);
        if (!exceeded.empty())
            throw errors::forbidden(
                type, nameOf(object),
                "exceeded quota: " + quotaName + ", requested: "
                    + QuotaEvaluator::print(QuotaEvaluator::mask(requested, exceeded))
                    + ", used: " + QuotaEvaluator::print(QuotaEvaluator::mask(used, exceeded))
                    + ", limited: " + QuotaEvaluator::print(QuotaEvaluator::mask(hard, exceeded)));
        bool zero = true;
        for (const auto &entry : requested)
            zero = zero && entry.second.isZero();
        if (!zero)
            charges.push_back({quotaName, next});
    }
    if (dryRun)
        return;
    // Charged before the object is stored (the caller holds the store's lock): the controller
    // recounts from the stored objects later and corrects what a failed create left behind.
    for (const Charge &c : charges)
        store.modify("resourcequotas", ns, c.name, [&](json &quota) {
            quota["status"]["used"] = QuotaEvaluator::toJson(c.used);
            return true;
        });
}

} // namespace demo
