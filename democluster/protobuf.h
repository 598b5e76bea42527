#pragma once

// Decodes the Kubernetes protobuf wire format ("k8s\0" + runtime.Unknown) into the JSON object
// for the built-in types kubectl's typed clients write (kubectl 1.32 sends protobuf bodies for
// create namespace/deployment, auth can-i, ...). Unknown fields are skipped, unknown types or
// malformed bodies throw ApiError 415/400.
#include <nlohmann/json.hpp>

#include <string>

namespace demo {

bool isProtobufContentType(const std::string &contentType);
nlohmann::json decodeProtobufObject(const std::string &body);

} // namespace demo
