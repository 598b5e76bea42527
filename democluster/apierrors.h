#pragma once

// Builders for the Status errors a real API server returns (fact sheet §4): message shapes,
// reasons and details exactly as apimachinery's errors package writes them.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

#include <string>

namespace demo::errors {

// "pods" for core, "deployments.apps" for named groups: how messages name a resource.
std::string qualifiedResource(const ResourceType &type);

ApiError notFound(const ResourceType &type, const std::string &name);
ApiError alreadyExists(const ResourceType &type, const std::string &name);
ApiError conflict(const ResourceType &type, const std::string &name, const std::string &why);
ApiError invalid(const std::string &kind, const std::string &group, const std::string &name,
                 const std::string &field, const std::string &detail,
                 const std::string &causeReason = "FieldValueInvalid");
// NewForbidden as admission plugins return it: `pods "web-1" is forbidden: <why>`.
ApiError forbidden(const ResourceType &type, const std::string &name, const std::string &why);
ApiError badRequest(const std::string &message);
ApiError expired(const std::string &message);
ApiError methodNotSupported(const ResourceType &type, const std::string &action);
ApiError tooManyRequests(int retryAfterSeconds);
ApiError internal(const std::string &message);

// The Status object for an error (kind Status, status Failure).
nlohmann::json status(const ApiError &error);

} // namespace demo::errors
