#include "democluster/patch.h"

#include "democluster/apierrors.h"

#include <map>

namespace demo {

using nlohmann::json;

namespace {

// The patchMergeKey of the list fields kubectl and controllers patch (k8s.io/api struct tags).
std::string mergeKeyFor(const std::string &field, const json &sample)
{
    static const std::map<std::string, std::string> keys = {
        {"containers", "name"},
        {"initContainers", "name"},
        {"ephemeralContainers", "name"},
        {"volumes", "name"},
        {"env", "name"},
        {"volumeMounts", "mountPath"},
        {"imagePullSecrets", "name"},
        {"conditions", "type"},
        {"hostAliases", "ip"},
        {"topologySpreadConstraints", "topologyKey"},
        {"ownerReferences", "uid"},
        {"containerStatuses", "name"},
        {"initContainerStatuses", "name"},
        {"volumeDevices", "devicePath"}};
    if (field == "ports")
        return sample.is_object() && sample.contains("containerPort") ? "containerPort" : "port";
    const auto it = keys.find(field);
    return it == keys.end() ? std::string() : it->second;
}

json mergeList(json target, const json &patch, const std::string &key)
{
    if (!target.is_array())
        target = json::array();
    for (const json &item : patch) {
        if (!item.is_object() || !item.contains(key)) {
            target.push_back(item);
            continue;
        }
        const json &id = item[key];
        auto existing = std::find_if(target.begin(), target.end(), [&](const json &t) {
            return t.is_object() && t.contains(key) && t[key] == id;
        });
        if (item.value("$patch", std::string()) == "delete") {
            if (existing != target.end())
                target.erase(existing);
            continue;
        }
        if (existing != target.end())
            *existing = strategicMergePatch(*existing, item);
        else
            target.push_back(strategicMergePatch(json::object(), item));
    }
    return target;
}

json orderList(const json &list, const json &order, const std::string &key)
{
    json ordered = json::array();
    std::vector<bool> used(list.size(), false);
    for (const json &want : order) {
        if (!want.is_object() || !want.contains(key))
            continue;
        for (std::size_t i = 0; i < list.size(); ++i)
            if (!used[i] && list[i].is_object() && list[i].value(key, json()) == want[key]) {
                ordered.push_back(list[i]);
                used[i] = true;
            }
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        if (!used[i])
            ordered.push_back(list[i]);
    return ordered;
}

} // namespace

json mergePatch(json target, const json &patch)
{
    if (!patch.is_object())
        return patch;
    if (!target.is_object())
        target = json::object();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().is_null())
            target.erase(it.key());
        else
            target[it.key()] = mergePatch(target.value(it.key(), json()), it.value());
    }
    return target;
}

json strategicMergePatch(json target, const json &patch)
{
    if (!patch.is_object())
        return patch;
    if (patch.value("$patch", std::string()) == "replace") {
        json replaced = patch;
        replaced.erase("$patch");
        return replaced;
    }
    if (patch.value("$patch", std::string()) == "delete")
        return json::object();
    if (!target.is_object())
        target = json::object();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string &name = it.key();
        if (name == "$patch" || name == "$retainKeys" || name.rfind("$setElementOrder/", 0) == 0)
            continue;
        if (name.rfind("$deleteFromPrimitiveList/", 0) == 0) {
            const std::string field = name.substr(25);
            if (target.contains(field) && target[field].is_array() && it.value().is_array()) {
                json kept = json::array();
                for (const json &v : target[field])
                    if (std::find(it.value().begin(), it.value().end(), v) == it.value().end())
                        kept.push_back(v);
                target[field] = kept;
            }
            continue;
        }
        const json &value = it.value();
        if (value.is_null()) {
            target.erase(name);
        } else if (value.is_array()) {
            const std::string key = value.empty() ? mergeKeyFor(name, json())
                                                  : mergeKeyFor(name, value.front());
            if (key.empty())
                target[name] = value;
            else
                target[name] = mergeList(target.value(name, json::array()), value, key);
        } else if (value.is_object()) {
            target[name] = strategicMergePatch(target.value(name, json()), value);
        } else {
            target[name] = value;
        }
    }
    // $setElementOrder/<list> names the final order of a merged list.
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key().rfind("$setElementOrder/", 0) != 0)
            continue;
        const std::string field = it.key().substr(17);
        if (!target.contains(field) || !target[field].is_array() || !it.value().is_array())
            continue;
        const std::string key = mergeKeyFor(field,
                                            it.value().empty() ? json() : it.value().front());
        if (!key.empty())
            target[field] = orderList(target[field], it.value(), key);
    }
    return target;
}

json applyPatch(const json &target, const std::string &contentType, const std::string &body)
{
    const std::string type = contentType.substr(0, contentType.find(';'));
    json patch;
    try {
        patch = json::parse(body);
    } catch (const json::exception &e) {
        throw errors::badRequest(std::string("error decoding patch: ") + e.what());
    }
    if (type == "application/merge-patch+json")
        return mergePatch(target, patch);
    if (type == "application/strategic-merge-patch+json") {
        if (!patch.is_object())
            throw errors::badRequest("the strategic merge patch is not a JSON object");
        return strategicMergePatch(target, patch);
    }
    if (type == "application/json-patch+json") {
        if (!patch.is_array())
            throw errors::badRequest("the JSON patch is not an array of operations");
        try {
            return target.patch(patch);
        } catch (const json::exception &e) {
            ApiError error(422, "Invalid",
                           std::string("the JSON patch could not be applied: ") + e.what());
            throw error;
        }
    }
    ApiError error(415, "UnsupportedMediaType",
                   "the body of the request was in an unknown format - accepted media types "
                   "include: application/json-patch+json, application/merge-patch+json, "
                   "application/apply-patch+yaml");
    throw error;
}

} // namespace demo
