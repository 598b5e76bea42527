#pragma once

// One rule of an RBAC Role or ClusterRole (rbac.authorization.k8s.io/v1 PolicyRule) and the
// matching the RBAC authorizer does with it: wildcards, `resource/subresource`, `*/subresource`,
// resourceNames and nonResourceURLs with a trailing `*`.
#include "democluster/requestattributes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace demo {

struct PolicyRule
{
    std::vector<std::string> verbs;
    std::vector<std::string> apiGroups;
    std::vector<std::string> resources;
    std::vector<std::string> resourceNames;
    std::vector<std::string> nonResourceURLs;

    // Reads a rule of a stored role; fields that are missing or not string lists stay empty.
    static PolicyRule fromJson(const nlohmann::json &rule);
    // The rule as the API writes it, empty lists left out (omitempty).
    nlohmann::json toJson() const;

    // RuleAllows: a resource request needs verb, API group, resource and (when the rule names
    // any) the object's name; a non-resource request needs verb and URL.
    bool allows(const RequestAttributes &attributes) const;

    bool matchesVerb(const std::string &verb) const;
    bool matchesGroup(const std::string &group) const;
    bool matchesResource(const std::string &resource, const std::string &subresource) const;
    bool matchesName(const std::string &name) const;
    bool matchesUrl(const std::string &path) const;
};

} // namespace demo
