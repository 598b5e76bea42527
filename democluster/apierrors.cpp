#include "democluster/apierrors.h"

namespace demo::errors {

std::string qualifiedResource(const ResourceType &type)
{
    return type.group.empty() ? type.resource : type.resource + "." + type.group;
}

static ApiError withDetails(ApiError error, const ResourceType &type, const std::string &name)
{
    if (!name.empty())
        error.details["name"] = name;
    error.details["group"] = type.group;
    error.details["kind"] = type.resource; // apimachinery puts the plural here, not the Kind
    return error;
}

ApiError notFound(const ResourceType &type, const std::string &name)
{
    return withDetails(
        ApiError(404, "NotFound", qualifiedResource(type) + " \"" + name + "\" not found"), type,
        name);
}

ApiError alreadyExists(const ResourceType &type, const std::string &name)
{
    return withDetails(ApiError(409, "AlreadyExists",
                                qualifiedResource(type) + " \"" + name + "\" already exists"),
                       type, name);
}

ApiError conflict(const ResourceType &type, const std::string &name, const std::string &why)
{
    return withDetails(ApiError(409, "Conflict",
                                "Operation cannot be fulfilled on " + qualifiedResource(type)
                                    + " \"" + name + "\": " + why),
                       type, name);
}

ApiError invalid(const std::string &kind, const std::string &group, const std::string &name,
                 const std::string &field, const std::string &detail,
                 const std::string &causeReason)
{
    const std::string qualifiedKind = group.empty() ? kind : kind + "." + group;
    ApiError error(422, "Invalid",
                   qualifiedKind + " \"" + name + "\" is invalid: " + field + ": " + detail);
    error.details["name"] = name;
    error.details["group"] = group;
    error.details["kind"] = kind; // for Invalid the Kind, not the plural
    error.details["causes"] = nlohmann::json::array(
        {{{"reason", causeReason}, {"message", detail}, {"field", field}}});
    return error;
}

ApiError forbidden(const ResourceType &type, const std::string &name, const std::string &why)
{
    const std::string subject = name.empty() ? qualifiedResource(type)
                                             : qualifiedResource(type) + " \"" + name + "\"";
    return withDetails(ApiError(403, "Forbidden", subject + " is forbidden: " + why), type, name);
}

ApiError badRequest(const std::string &message)
{
    return ApiError(400, "BadRequest", message);
}

ApiError expired(const std::string &message)
{
    return ApiError(410, "Expired", message);
}

ApiError methodNotSupported(const ResourceType &type, const std::string &action)
{
    return withDetails(ApiError(405, "MethodNotAllowed",
                                action + " is not supported on resources of kind \""
                                    + qualifiedResource(type) + "\""),
                       type, {});
}

ApiError tooManyRequests(int retryAfterSeconds)
{
    ApiError error(429, "TooManyRequests", "Too many requests, please try again later.");
    error.details["retryAfterSeconds"] = retryAfterSeconds;
    return error;
}

ApiError internal(const std::string &message)
{
    ApiError error(500, "InternalError", "Internal error occurred: " + message);
    error.details["causes"] = nlohmann::json::array({{{"message", message}}});
    return error;
}

nlohmann::json status(const ApiError &error)
{
    nlohmann::json s = {
        {"kind", "Status"},    {"apiVersion", "v1"},      {"metadata", nlohmann::json::object()},
        {"status", "Failure"}, {"message", error.what()}, {"reason", error.reason},
        {"code", error.code}};
    if (!error.details.empty())
        s["details"] = error.details;
    return s;
}

} // namespace demo::errors
