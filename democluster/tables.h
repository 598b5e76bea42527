#pragma once

// meta.k8s.io/v1 Table conversion: the column sets and preformatted cells kubectl prints
// (pkg/printers/internalversion/printers.go), generated wide as the real server does.
#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <string>

namespace demo {

// Column definitions for a resource (Name first; priority 1 = shown with -o wide).
nlohmann::json tableColumns(const ResourceType &type);
// One row's cells for `object`, ages measured against `now`.
nlohmann::json tableCells(const ResourceType &type, const nlohmann::json &object, std::time_t now);
// kubectl's HumanDuration ("45s", "3m12s", "5h", "12d").
std::string humanDuration(std::int64_t seconds);
// Seconds since the epoch for an RFC 3339 timestamp; 0 when unparsable.
std::time_t parseTime(const std::string &rfc3339);

} // namespace demo
