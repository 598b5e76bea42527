#include "democluster/rbacvalidation.h"

#include "democluster/apierrors.h"

namespace demo {

using nlohmann::json;

namespace {

const char *const rbacGroup = "rbac.authorization.k8s.io";

std::string text(const json &object, const char *field)
{
    const auto it = object.find(field);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t size(const json &object, const char *field)
{
    const auto it = object.find(field);
    return it != object.end() && it->is_array() ? it->size() : 0;
}

// Go's %#v of a []string, as field.Invalid prints the value.
std::string goStrings(const json &list)
{
    std::string out = "[]string{";
    bool first = true;
    for (const json &v : list) {
        out += (first ? "\"" : ", \"") + (v.is_string() ? v.get<std::string>() : v.dump()) + "\"";
        first = false;
    }
    return out + "}";
}

std::string goRoleRef(const json &ref)
{
    return "rbac.RoleRef{APIGroup:\"" + text(ref, "apiGroup") + "\", Kind:\"" + text(ref, "kind")
           + "\", Name:\"" + text(ref, "name") + "\"}";
}

std::string notSupported(const std::string &value, std::initializer_list<const char *> allowed)
{
    std::string out = "Unsupported value: \"" + value + "\": supported values: ";
    bool first = true;
    for (const char *a : allowed) {
        out += std::string(first ? "" : ", ") + "\"" + a + "\"";
        first = false;
    }
    return out;
}

// Which object a validation error names.
struct Failure
{
    std::string kind;
    std::string name;

    [[noreturn]] void raise(const std::string &field, const std::string &detail,
                            const char *reason) const
    {
        throw errors::invalid(kind, rbacGroup, name, field, detail, reason);
    }
};

void checkRules(const Failure &fail, const json &object, bool namespaced)
{
    const auto rules = object.find("rules");
    if (rules == object.end() || !rules->is_array())
        return;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const json &rule = (*rules)[i];
        const std::string path = "rules[" + std::to_string(i) + "]";
        if (!rule.is_object())
            fail.raise(path, "Invalid value: \"" + rule.dump() + "\": must be an object",
                       "FieldValueInvalid");
        if (size(rule, "verbs") == 0)
            fail.raise(path + ".verbs", "Required value: verbs must contain at least one value",
                       "FieldValueRequired");
        if (size(rule, "nonResourceURLs") > 0) {
            const std::string urls = goStrings(rule["nonResourceURLs"]);
            if (namespaced)
                fail.raise(path + ".nonResourceURLs",
                           "Invalid value: " + urls
                               + ": namespaced rules cannot apply to non-resource URLs",
                           "FieldValueInvalid");
            if (size(rule, "apiGroups") > 0 || size(rule, "resources") > 0
                || size(rule, "resourceNames") > 0)
                fail.raise(path + ".nonResourceURLs",
                           "Invalid value: " + urls
                               + ": rules cannot apply to both regular resources and "
                                 "non-resource URLs",
                           "FieldValueInvalid");
            continue;
        }
        if (size(rule, "apiGroups") == 0)
            fail.raise(path + ".apiGroups",
                       "Required value: resource rules must supply at least one api group",
                       "FieldValueRequired");
        if (size(rule, "resources") == 0)
            fail.raise(path + ".resources",
                       "Required value: resource rules must supply at least one resource",
                       "FieldValueRequired");
    }
}

void checkBinding(const Failure &fail, const json &object, bool namespaced, const json *previous)
{
    const json ref = object.value("roleRef", json::object());
    if (text(ref, "apiGroup") != rbacGroup)
        fail.raise("roleRef.apiGroup", notSupported(text(ref, "apiGroup"), {rbacGroup}),
                   "FieldValueNotSupported");
    const std::string kind = text(ref, "kind");
    if (namespaced && kind != "Role" && kind != "ClusterRole")
        fail.raise("roleRef.kind", notSupported(kind, {"Role", "ClusterRole"}),
                   "FieldValueNotSupported");
    if (!namespaced && kind != "ClusterRole")
        fail.raise("roleRef.kind", notSupported(kind, {"ClusterRole"}), "FieldValueNotSupported");
    if (text(ref, "name").empty())
        fail.raise("roleRef.name", "Required value", "FieldValueRequired");
    const auto subjects = object.find("subjects");
    if (subjects != object.end() && subjects->is_array())
        for (std::size_t i = 0; i < subjects->size(); ++i) {
            const json &s = (*subjects)[i].is_object() ? (*subjects)[i] : json::object();
            const std::string path = "subjects[" + std::to_string(i) + "]";
            if (text(s, "name").empty())
                fail.raise(path + ".name", "Required value", "FieldValueRequired");
            const std::string subjectKind = text(s, "kind");
            if (subjectKind == "ServiceAccount") {
                if (!text(s, "apiGroup").empty())
                    fail.raise(path + ".apiGroup", notSupported(text(s, "apiGroup"), {""}),
                               "FieldValueNotSupported");
                if (!namespaced && text(s, "namespace").empty())
                    fail.raise(path + ".namespace", "Required value", "FieldValueRequired");
            } else if (subjectKind == "User" || subjectKind == "Group") {
                if (text(s, "apiGroup") != rbacGroup)
                    fail.raise(path + ".apiGroup", notSupported(text(s, "apiGroup"), {rbacGroup}),
                               "FieldValueNotSupported");
            } else {
                fail.raise(path + ".kind",
                           notSupported(subjectKind, {"ServiceAccount", "User", "Group"}),
                           "FieldValueNotSupported");
            }
        }
    if (previous && previous->value("roleRef", json::object()) != ref)
        fail.raise("roleRef", "Invalid value: " + goRoleRef(ref) + ": cannot change roleRef",
                   "FieldValueInvalid");
}

} // namespace

void RbacValidation::applyDefaults(const ResourceType &type, json &object)
{
    if (type.group != rbacGroup || !object.is_object()
        || (type.resource != "rolebindings" && type.resource != "clusterrolebindings"))
        return;
    if (const auto ref = object.find("roleRef");
        ref != object.end() && ref->is_object() && text(*ref, "apiGroup").empty())
        (*ref)["apiGroup"] = rbacGroup;
    if (const auto subjects = object.find("subjects");
        subjects != object.end() && subjects->is_array())
        for (json &s : *subjects) {
            const std::string kind = s.is_object() ? text(s, "kind") : std::string();
            if ((kind == "User" || kind == "Group") && text(s, "apiGroup").empty())
                s["apiGroup"] = rbacGroup;
        }
}

void RbacValidation::check(const ResourceType &type, const json &object, const json *previous)
{
    if (type.group != rbacGroup || !object.is_object())
        return;
    const auto meta = object.find("metadata");
    const Failure fail{type.kind, meta != object.end() && meta->is_object() ? text(*meta, "name")
                                                                            : std::string()};
    if (type.resource == "roles" || type.resource == "clusterroles")
        checkRules(fail, object, type.namespaced);
    else
        checkBinding(fail, object, type.namespaced, previous);
}

} // namespace demo
