#pragma once

// The demo cluster's object store: every API object as the JSON a real API server stores, one
// global resourceVersion counter, retained event history for watches. Shared by the HTTP server
// (apiserver.*) and the simulation (controllers, scheduler, kubelets). Thread-safe.
//
// Contract (both sides rely on it):
// - A resource is named by its key "<group>/<plural>", core group without prefix:
//   "namespaces", "nodes", "pods", "events", "apps/deployments", "batch/jobs",
//   "metrics.k8s.io/pods" is NOT stored (metrics are computed on request).
// - create() sets metadata.uid, creationTimestamp (RFC 3339, UTC, seconds), generation = 1 and
//   resourceVersion; it fills kind/apiVersion from the registered ResourceType.
// - update() replaces the object (matched by namespace/name), bumps resourceVersion and, when
//   .spec changed, metadata.generation. With `checkResourceVersion` a stale
//   metadata.resourceVersion fails with Conflict.
// - Every change appends a WatchEvent (ADDED/MODIFIED/DELETED) to the history, which keeps the
//   last `historySize` events; older resourceVersions are "Expired" (410) for watches.
// - Errors are thrown as ApiError carrying the Kubernetes Status code and reason.
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace demo {

struct ResourceType
{
    std::string group;    // "" for core
    std::string version;  // "v1"
    std::string resource; // plural: "pods"
    std::string kind;     // "Pod"
    bool namespaced = true;
    std::string singular; // "pod"
    std::vector<std::string> shortNames;

    std::string key() const { return group.empty() ? resource : group + "/" + resource; }
    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
};

class ApiError : public std::runtime_error
{
public:
    ApiError(int code, std::string reason, const std::string &message)
        : std::runtime_error(message)
        , code(code)
        , reason(std::move(reason))
    {}
    int code;           // 404
    std::string reason; // "NotFound"
    nlohmann::json details = nlohmann::json::object();
};

struct WatchEvent
{
    std::string type; // ADDED, MODIFIED, DELETED
    std::string resourceKey;
    std::uint64_t resourceVersion = 0;
    std::shared_ptr<const nlohmann::json> object; // the object after the change (before, for DELETED)
};

class ObjectStore
{
public:
    explicit ObjectStore(std::size_t historySize = 10000);

    void registerType(const ResourceType &type);
    // Admission of every create, as kube-apiserver runs its admission chain: called under the
    // store's lock with the object's final name, before it is stored; it may change the object
    // or throw ApiError to refuse it, and may write other objects (a quota's usage). The lock
    // makes a quota check and the create it admits one step. Empty: none.
    using Admission = std::function<void(const ResourceType &type, nlohmann::json &object)>;
    void setAdmission(Admission admission);
    const ResourceType *type(const std::string &key) const;
    std::vector<ResourceType> types() const;

    nlohmann::json create(const std::string &key, nlohmann::json object);
    // create() without copying the stored object back; `complete` runs on the object after the
    // server-owned fields (uid, resourceVersion) are set and before it is stored and announced,
    // so fields derived from the uid are written with the object instead of a second update.
    std::shared_ptr<const nlohmann::json> createShared(
        const std::string &key, nlohmann::json object,
        const std::function<void(nlohmann::json &)> &complete = {});
    nlohmann::json update(const std::string &key, nlohmann::json object,
                          bool checkResourceVersion = false);
    // Read-modify-write under the store lock; `mutate` returns false to leave the object alone.
    // Returns the stored object (changed or not) without a copy; nullptr when absent.
    std::shared_ptr<const nlohmann::json> modify(
        const std::string &key, const std::string &ns, const std::string &name,
        const std::function<bool(nlohmann::json &)> &mutate);
    // Returns the deleted object as the DELETED event carries it (new resourceVersion).
    std::shared_ptr<const nlohmann::json> remove(const std::string &key, const std::string &ns,
                                                 const std::string &name);
    std::optional<nlohmann::json> get(const std::string &key, const std::string &ns,
                                      const std::string &name) const;
    // The stored object itself, without a copy; nullptr when absent.
    std::shared_ptr<const nlohmann::json> getShared(const std::string &key, const std::string &ns,
                                                    const std::string &name) const;
    // Number of stored objects of a resource.
    std::size_t count(const std::string &key) const;

    // Indexes kept exact on every write and delete, so controllers and kubelets find what they
    // own without scanning a cluster of 300,000 pods. Both sorted by namespace, name.
    // The objects of `key` whose controller ownerReference (controller: true) has `ownerUid`.
    std::vector<std::shared_ptr<const nlohmann::json>> ownedBy(const std::string &key,
                                                               const std::string &ownerUid) const;
    // The pods bound to `node` (spec.nodeName).
    std::vector<std::shared_ptr<const nlohmann::json>> podsOnNode(const std::string &node) const;
    // The changes of `key` after `sinceVersion` (oldest first), without waiting; nullopt when the
    // retained history no longer reaches back that far, so the caller must look at everything.
    std::optional<std::vector<WatchEvent>> changesSince(const std::string &key,
                                                        std::uint64_t sinceVersion) const;

    struct Snapshot
    {
        std::uint64_t resourceVersion = 0;
        std::vector<std::shared_ptr<const nlohmann::json>> items; // sorted by namespace, name
    };
    // A consistent list; `ns` empty = all namespaces.
    Snapshot list(const std::string &key, const std::string &ns = {}) const;

    std::uint64_t resourceVersion() const;
    // The resourceVersion of the latest create/update/delete of `key` (0: never changed).
    std::uint64_t lastChange(const std::string &key) const;
    // The smallest resourceVersion a watch may start from (events after it are all retained).
    std::uint64_t oldestRetainedVersion() const;

    // Events after `sinceVersion` for `key`; throws ApiError 410 Expired when `sinceVersion` is
    // older than the retained history. Blocks up to `waitMs` for new events when none are there.
    std::vector<WatchEvent> eventsSince(const std::string &key, std::uint64_t sinceVersion,
                                        int waitMs) const;
    // Same, and reports in `scannedTo` the resourceVersion up to which the history was checked,
    // so a watch of a quiet resource moves on and never falls behind the retained history.
    std::vector<WatchEvent> eventsSince(const std::string &key, std::uint64_t sinceVersion,
                                        int waitMs, std::uint64_t &scannedTo) const;
    void setHistorySize(std::size_t size);

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

} // namespace demo
