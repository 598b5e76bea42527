#include "democluster/authorizer.h"

#include <algorithm>

namespace demo {

namespace {

bool inGroup(const User &user, const std::string &group)
{
    return std::find(user.groups.begin(), user.groups.end(), group) != user.groups.end();
}

bool publicPath(const std::string &path)
{
    // system:discovery, system:basic-user and system:public-info-viewer cover these.
    static const char *prefixes[] = {"/api",    "/apis",  "/version", "/healthz",
                                     "/readyz", "/livez", "/openapi"};
    for (const char *p : prefixes) {
        const std::string prefix = p;
        if (path == prefix || path.rfind(prefix + "/", 0) == 0)
            return true;
    }
    return false;
}

} // namespace

bool Authorizer::allowed(const User &user, const RequestAttributes &a)
{
    if (inGroup(user, "system:masters"))
        return true;
    if (!a.resourceRequest)
        return a.verb == "get" && publicPath(a.path);
    if (a.group == "authorization.k8s.io" && a.verb == "create"
        && (a.resource == "selfsubjectaccessreviews" || a.resource == "selfsubjectrulesreviews"))
        return true;
    if (user.name == "viewer")
        return a.ns == viewerNamespace
               && (a.verb == "get" || a.verb == "list" || a.verb == "watch");
    return false;
}

std::string Authorizer::forbiddenMessage(const User &user, const RequestAttributes &a)
{
    if (!a.resourceRequest)
        return "forbidden: User \"" + user.name + "\" cannot " + a.verb + " path \"" + a.path
               + "\"";
    const std::string qualified = a.group.empty() ? a.resource : a.resource + "." + a.group;
    std::string resource = a.resource;
    if (!a.subresource.empty())
        resource += "/" + a.subresource;
    std::string message = qualified;
    if (!a.name.empty())
        message += " \"" + a.name + "\"";
    message += " is forbidden: User \"" + user.name + "\" cannot " + a.verb + " resource \""
               + resource + "\" in API group \"" + a.group + "\"";
    if (!a.ns.empty())
        message += " in the namespace \"" + a.ns + "\"";
    else
        message += " at the cluster scope";
    return message;
}

} // namespace demo
