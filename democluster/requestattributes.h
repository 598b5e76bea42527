#pragma once

// The question an authorizer answers (who, doing what, on which object or path) and its
// answer, shaped like kube-apiserver's authorizer.Attributes and Decision.
#include <string>
#include <vector>

namespace demo {

struct User
{
    std::string name;
    std::vector<std::string> groups;
};

struct RequestAttributes
{
    bool resourceRequest = false;
    std::string verb; // get, list, watch, create, update, patch, delete, deletecollection
    std::string group;
    std::string resource;
    std::string subresource;
    std::string ns;
    std::string name;
    std::string path; // non-resource requests
};

struct AccessDecision
{
    bool allowed = false;
    // Why, as SubjectAccessReview status.reason says it ("RBAC: allowed by ..."); may be empty.
    std::string reason;
};

} // namespace demo
