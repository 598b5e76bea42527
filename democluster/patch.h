#pragma once

// PATCH bodies as the API server applies them: JSON merge patch (RFC 7386), strategic merge
// patch (merge-by-key lists, $setElementOrder, $patch, $deleteFromPrimitiveList) and JSON
// patch (RFC 6902). Malformed patches throw ApiError 400 / 422.
#include <nlohmann/json.hpp>

#include <string>

namespace demo {

nlohmann::json applyPatch(const nlohmann::json &target, const std::string &contentType,
                          const std::string &body);
nlohmann::json mergePatch(nlohmann::json target, const nlohmann::json &patch);
nlohmann::json strategicMergePatch(nlohmann::json target, const nlohmann::json &patch);

} // namespace demo
