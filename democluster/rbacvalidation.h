#pragma once

// kube-apiserver's defaulting and validation of RBAC objects: API groups of roleRef and subjects
// filled in, then refused with its field paths and wording: rules without verbs, API groups or
// resources, non-resource URLs in namespaced roles, a roleRef that names no role, subjects of
// unknown kinds, and a changed roleRef on update.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

namespace demo {

class RbacValidation final
{
public:
    // The v1 defaults: roleRef.apiGroup and the apiGroup of User and Group subjects
    // rbac.authorization.k8s.io. Does nothing for other kinds.
    static void applyDefaults(const ResourceType &type, nlohmann::json &object);
    // Throws ApiError 422 Invalid for the first problem; does nothing for other kinds.
    // `previous` is the stored object when `object` replaces it.
    static void check(const ResourceType &type, const nlohmann::json &object,
                      const nlohmann::json *previous = nullptr);
};

} // namespace demo
