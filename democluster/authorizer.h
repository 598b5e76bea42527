#pragma once

// Who may do what on the demo cluster: admins (group system:masters) everything; the `viewer`
// user only get/list/watch in namespace team-a; every authenticated user discovery, health and
// self access reviews. Denials carry the RBAC authorizer's exact 403 wording.
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

class Authorizer final
{
public:
    // The namespace the `viewer` user may read.
    static constexpr const char *viewerNamespace = "team-a";

    static bool allowed(const User &user, const RequestAttributes &attributes);
    // The Forbidden Status message for a denied request (fact sheet §4).
    static std::string forbiddenMessage(const User &user, const RequestAttributes &attributes);
};

} // namespace demo
