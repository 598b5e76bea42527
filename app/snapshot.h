#pragma once

// Writing a support hand-over snapshot: the API objects the screens show, as the server sent
// them (minus managed fields and last-applied manifests), plus raw metrics.k8s.io samples.
// Never credentials and never Secret objects. Format: docs/snapshot.md; the reader is
// models/cluster/snapshotreader.h.
#include <nlohmann/json.hpp>

namespace snapshot {

// Removes what a hand-over must not carry or does not need from one API object, in place.
void scrub(nlohmann::json &object);

} // namespace snapshot
