#pragma once

// Time and duration strings of the Kubernetes API: RFC 3339 (metav1.Time, MicroTime) and Go
// durations (metrics.k8s.io `window`). Strict: anything else is rejected, never guessed.
#include "kubeapi/objects/objects.h"

#include <QStringView>

#include <string_view>

namespace kube {

// "2025-01-01T00:00:00Z", "…T00:00:00.123456Z", "…T02:00:00+02:00" (also lower-case t/z).
// Fractional digits beyond milliseconds are truncated. Invalid Timestamp on malformed text.
Timestamp parseRfc3339(std::string_view text);
Timestamp parseRfc3339(QStringView text);

// "10.5s", "1m0s", "1h2m3.5s", "500ms", "0"; milliseconds (rounded down), -1 if malformed.
qint64 parseGoDurationMs(std::string_view text);

} // namespace kube
