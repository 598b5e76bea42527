#pragma once

// Small shared helpers of the simulation: times, Kubernetes quantities, deterministic hashing
// and the lookups every controller needs (owner references, label selectors, QoS).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace demo::sim {

using nlohmann::json;

// metav1.Time: RFC 3339 UTC to the second.
std::string formatTime(double unixSeconds);
// RFC3339Nano with exactly nine fraction digits (kubelet log timestamps).
std::string formatTimeNano(double unixSeconds);
// Parses RFC 3339 (fractions and offsets allowed); returns `fallback` for anything else.
double parseTime(const std::string &text, double fallback = 0);
double parseTime(const json &value, double fallback = 0);

// Kubernetes quantity in base units (cores, bytes); `fallback` when unparsable.
double parseQuantity(const std::string &text, double fallback = 0);
double parseQuantity(const json &value, double fallback = 0);
std::string formatNanoCores(double cores);  // "123456789n"
std::string formatKibiBytes(double bytes);  // "123456Ki"
std::string formatMilliCores(double cores); // "250m"
std::string formatMebiBytes(double bytes);  // "512Mi"

// Deterministic 64-bit mixing (splitmix64) and string hashing (FNV-1a), so names, container
// IDs and curves repeat for the same seed.
std::uint64_t mix(std::uint64_t x);
std::uint64_t hashString(const std::string &text, std::uint64_t seed = 0);
double unitFromHash(std::uint64_t h); // [0, 1)
std::string hexId(std::uint64_t seed, int length);
// The alphabet kube-controller-manager uses for generated suffixes and template hashes.
std::string safeEncode(std::uint64_t value, int length);

// Sum of requests (or limits) of a pod's containers.
double podRequest(const json &pod, const char *resource, const char *field = "requests");
std::string qosClass(const json &podSpec);

// The controller ownerReference's uid, or empty.
std::string controllerUid(const json &object);
json ownerReference(const json &owner, bool controller = true);

// LabelSelector (matchLabels and matchExpressions) against labels; empty selector matches all.
bool selectorMatches(const json &selector, const json &labels);
// A plain map selector (Service.spec.selector, nodeSelector).
bool mapSelectorMatches(const json &selector, const json &labels);

std::string str(const json &object, const json::json_pointer &path,
                const std::string &fallback = {});
// The member `key` of an object by reference, or a null value (iterates as empty) when absent:
// `value(key, json::object())` copies the whole member, which dominated the warm-up reconciles.
const json &field(const json &object, const char *key);
std::int64_t integer(const json &object, const json::json_pointer &path, std::int64_t fallback = 0);

// "25%" or 2 of `total`, rounding up (surge) or down (unavailable) like intstr.GetScaledValue.
int scaledValue(const json &value, int total, bool roundUp, int fallback);

bool podIsTerminating(const json &pod);
bool podIsFinished(const json &pod); // Succeeded or Failed
bool podIsReady(const json &pod);
// Pod's Ready condition lastTransitionTime when true, else 0.
double podReadySince(const json &pod);

} // namespace demo::sim
