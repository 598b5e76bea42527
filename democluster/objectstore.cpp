#include "democluster/objectstore.h"

#include "democluster/apierrors.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>
#include <set>
#include <unordered_map>

namespace demo {

using nlohmann::json;
using ObjectPtr = std::shared_ptr<const json>;
using ObjectKey = std::pair<std::string, std::string>; // namespace, name

namespace {

// Index entries point at the keys of the store's own map nodes (stable until erased), ordered by
// value, so an index costs a pointer per object and lists come out sorted like list().
struct KeyLess
{
    bool operator()(const ObjectKey *a, const ObjectKey *b) const { return *a < *b; }
};
using KeySet = std::set<const ObjectKey *, KeyLess>;
using Index = std::unordered_map<std::string, KeySet>;

// The uid of the controller ownerReference, read in place (no copies on the write path).
std::string controllerUidOf(const json *object)
{
    if (!object)
        return {};
    const auto meta = object->find("metadata");
    if (meta == object->end() || !meta->is_object())
        return {};
    const auto refs = meta->find("ownerReferences");
    if (refs == meta->end() || !refs->is_array())
        return {};
    for (const json &ref : *refs) {
        if (!ref.is_object())
            continue;
        const auto controller = ref.find("controller");
        if (controller != ref.end() && controller->is_boolean() && controller->get<bool>()) {
            const auto uid = ref.find("uid");
            return uid != ref.end() && uid->is_string() ? uid->get<std::string>() : std::string();
        }
    }
    return {};
}

std::string nodeNameOf(const json *object)
{
    if (!object)
        return {};
    const auto spec = object->find("spec");
    if (spec == object->end() || !spec->is_object())
        return {};
    const auto node = spec->find("nodeName");
    return node != spec->end() && node->is_string() ? node->get<std::string>() : std::string();
}

void moveEntry(Index &index, const std::string &from, const std::string &to, const ObjectKey *id)
{
    if (from == to)
        return;
    if (!from.empty()) {
        const auto it = index.find(from);
        if (it != index.end()) {
            it->second.erase(id);
            if (it->second.empty())
                index.erase(it);
        }
    }
    if (!to.empty())
        index[to].insert(id);
}

} // namespace

struct ObjectStore::Impl
{
    // Recursive: a modify() callback may read the store (the simulation's kubelet looks up the
    // pod's node while it updates the pod).
    mutable std::recursive_mutex mutex;
    mutable std::condition_variable_any changed;
    std::map<std::string, ResourceType> types;
    Admission admission;
    std::map<std::string, std::map<ObjectKey, ObjectPtr>> objects;
    // resource key -> controller owner uid -> objects; pods' node name -> pods.
    std::map<std::string, Index> owners;
    Index podsByNode;
    std::deque<WatchEvent> history;
    // resourceVersion of each resource's latest change, so the simulation skips the
    // reconcilers whose inputs are unchanged.
    std::map<std::string, std::uint64_t> lastChange;
    std::size_t historySize = 10000;
    std::uint64_t version = 1;
    // Highest resourceVersion whose event was dropped from the history: watches must start
    // at or after it to see every change.
    std::uint64_t trimmedUpTo = 0;
    std::mt19937_64 random{0x6b6c6172};

    const ResourceType &typeOf(const std::string &key) const
    {
        const auto it = types.find(key);
        if (it == types.end())
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        return it->second;
    }

    std::string newUid()
    {
        std::uniform_int_distribution<int> hex(0, 15);
        std::string uid = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
        for (char &c : uid) {
            if (c == 'x' || c == 'y') {
                int v = hex(random);
                if (c == 'y')
                    v = 8 + (v & 3);
                c = "0123456789abcdef"[v];
            }
        }
        return uid;
    }

    std::string randomSuffix(std::size_t n)
    {
        // The alphabet of apiserver's generateName: no vowels, no look-alikes.
        static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
        std::string s;
        for (std::size_t i = 0; i < n; ++i)
            s += alphabet[pick(random)];
        return s;
    }

    void record(const std::string &type, const std::string &key, ObjectPtr object)
    {
        lastChange[key] = version;
        history.push_back(WatchEvent{type, key, version, std::move(object)});
        while (history.size() > historySize) {
            trimmedUpTo = history.front().resourceVersion;
            history.pop_front();
        }
        changed.notify_all();
    }

    // Keeps the indexes exact for a write of `id` from `before` to `after` (either may be null);
    // `id` is the key inside the store's map, which must be alive for as long as it is indexed.
    void reindex(const std::string &key, const ObjectKey *id, const json *before, const json *after)
    {
        moveEntry(owners[key], controllerUidOf(before), controllerUidOf(after), id);
        if (key == "pods")
            moveEntry(podsByNode, nodeNameOf(before), nodeNameOf(after), id);
    }

    std::vector<ObjectPtr> resolve(const std::string &key, const Index &index,
                                   const std::string &value) const
    {
        std::vector<ObjectPtr> out;
        const auto it = index.find(value);
        if (it == index.end() || value.empty())
            return out;
        const auto &bucket = objects.at(key);
        out.reserve(it->second.size());
        for (const ObjectKey *id : it->second)
            out.push_back(bucket.at(*id));
        return out;
    }

    static std::string now()
    {
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return buf;
    }

    // Applies the server-owned fields of an update; caller holds the lock.
    ObjectPtr commitUpdate(const ResourceType &type, const ObjectPtr &old, json object)
    {
        json &meta = object["metadata"];
        const json &oldMeta = (*old)["metadata"];
        for (const char *kept : {"uid", "creationTimestamp", "name"})
            if (oldMeta.contains(kept))
                meta[kept] = oldMeta[kept];
        if (type.namespaced)
            meta["namespace"] = oldMeta.value("namespace", std::string());
        std::int64_t generation = oldMeta.value("generation", std::int64_t(1));
        // Compared in place: copying both specs was a large part of every status write.
        static const json none;
        const auto newSpec = object.find("spec");
        const auto oldSpec = old->find("spec");
        const bool specChanged = (newSpec == object.end() ? none : *newSpec)
                                 != (oldSpec == old->end() ? none : *oldSpec);
        const bool deletionStarted = meta.contains("deletionTimestamp")
                                     && !oldMeta.contains("deletionTimestamp");
        if (specChanged || deletionStarted)
            ++generation;
        meta["generation"] = generation;
        object["kind"] = type.kind;
        object["apiVersion"] = type.apiVersion();
        ++version;
        meta["resourceVersion"] = std::to_string(version);
        return std::make_shared<const json>(std::move(object));
    }

    static ObjectKey keyOf(const ResourceType &type, const json &object)
    {
        const json &meta = object.at("metadata");
        std::string ns = type.namespaced ? meta.value("namespace", std::string()) : std::string();
        return {ns, meta.value("name", std::string())};
    }
};

ObjectStore::ObjectStore(std::size_t historySize)
    : d(std::make_shared<Impl>())
{
    d->historySize = std::max<std::size_t>(historySize, 1);
}

void ObjectStore::registerType(const ResourceType &type)
{
    std::lock_guard lock(d->mutex);
    d->types[type.key()] = type;
    d->objects[type.key()];
}

void ObjectStore::setAdmission(Admission admission)
{
    std::lock_guard lock(d->mutex);
    d->admission = std::move(admission);
}

const ResourceType *ObjectStore::type(const std::string &key) const
{
    std::lock_guard lock(d->mutex);
    const auto it = d->types.find(key);
    // std::map never moves its nodes, so the pointer stays valid while the store lives.
    return it == d->types.end() ? nullptr : &it->second;
}

std::vector<ResourceType> ObjectStore::types() const
{
    std::lock_guard lock(d->mutex);
    std::vector<ResourceType> all;
    for (const auto &[key, type] : d->types)
        all.push_back(type);
    return all;
}

json ObjectStore::create(const std::string &key, json object)
{
    return *createShared(key, std::move(object));
}

std::shared_ptr<const json> ObjectStore::createShared(const std::string &key, json object,
                                                      const std::function<void(json &)> &complete)
{
    std::lock_guard lock(d->mutex);
    const ResourceType &type = d->typeOf(key);
    if (!object.is_object())
        throw errors::badRequest("the object to create is not a JSON object");
    json &meta = object["metadata"];
    if (!meta.is_object())
        meta = json::object();
    if (meta.value("name", std::string()).empty()) {
        const std::string prefix = meta.value("generateName", std::string());
        if (prefix.empty())
            throw errors::invalid(type.kind, type.group, "", "metadata.name",
                                  "Required value: name or generateName is required",
                                  "FieldValueRequired");
        meta["name"] = prefix + d->randomSuffix(5);
    }
    if (type.namespaced && meta.value("namespace", std::string()).empty())
        throw errors::badRequest("the namespace of the provided object does not match the "
                                 "namespace sent on the request");
    if (!type.namespaced)
        meta.erase("namespace");
    const ObjectKey id = Impl::keyOf(type, object);
    auto &bucket = d->objects[key];
    if (bucket.count(id))
        throw errors::alreadyExists(type, id.second);
    if (d->admission)
        d->admission(type, object);

    object["kind"] = type.kind;
    object["apiVersion"] = type.apiVersion();
    ++d->version;
    meta["uid"] = d->newUid();
    if (!meta.contains("creationTimestamp") || meta["creationTimestamp"].is_null())
        meta["creationTimestamp"] = Impl::now();
    meta["generation"] = 1;
    meta["resourceVersion"] = std::to_string(d->version);
    if (complete)
        complete(object);
    auto stored = std::make_shared<const json>(std::move(object));
    const auto placed = bucket.emplace(id, stored).first;
    d->reindex(key, &placed->first, nullptr, stored.get());
    d->record("ADDED", key, stored);
    return stored;
}

json ObjectStore::update(const std::string &key, json object, bool checkResourceVersion)
{
    std::lock_guard lock(d->mutex);
    const ResourceType &type = d->typeOf(key);
    if (!object.is_object() || !object.contains("metadata"))
        throw errors::badRequest("the object to update has no metadata");
    const ObjectKey id = Impl::keyOf(type, object);
    auto &bucket = d->objects[key];
    const auto it = bucket.find(id);
    if (it == bucket.end())
        throw errors::notFound(type, id.second);
    const std::string sent = object["metadata"].value("resourceVersion", std::string());
    if (checkResourceVersion && !sent.empty()
        && sent != (*it->second)["metadata"].value("resourceVersion", std::string()))
        throw errors::conflict(type, id.second,
                               "the object has been modified; please apply your changes to the "
                               "latest version and try again");
    ObjectPtr before = it->second;
    it->second = d->commitUpdate(type, before, std::move(object));
    d->reindex(key, &it->first, before.get(), it->second.get());
    d->record("MODIFIED", key, it->second);
    return *it->second;
}

std::shared_ptr<const json> ObjectStore::modify(const std::string &key, const std::string &ns,
                                                const std::string &name,
                                                const std::function<bool(json &)> &mutate)
{
    std::lock_guard lock(d->mutex);
    const ResourceType &type = d->typeOf(key);
    auto &bucket = d->objects[key];
    const auto it = bucket.find({type.namespaced ? ns : std::string(), name});
    if (it == bucket.end())
        return nullptr;
    json copy = *it->second;
    if (!mutate(copy))
        return it->second;
    ObjectPtr before = it->second;
    it->second = d->commitUpdate(type, before, std::move(copy));
    d->reindex(key, &it->first, before.get(), it->second.get());
    d->record("MODIFIED", key, it->second);
    return it->second;
}

std::shared_ptr<const json> ObjectStore::remove(const std::string &key, const std::string &ns,
                                                const std::string &name)
{
    std::lock_guard lock(d->mutex);
    const ResourceType &type = d->typeOf(key);
    auto &bucket = d->objects[key];
    const auto it = bucket.find({type.namespaced ? ns : std::string(), name});
    if (it == bucket.end())
        throw errors::notFound(type, name);
    // A real server bumps the resourceVersion for the deletion; the DELETED event carries it.
    json gone = *it->second;
    d->reindex(key, &it->first, it->second.get(), nullptr);
    bucket.erase(it);
    ++d->version;
    gone["metadata"]["resourceVersion"] = std::to_string(d->version);
    auto stored = std::make_shared<const json>(std::move(gone));
    d->record("DELETED", key, stored);
    return stored;
}

std::optional<json> ObjectStore::get(const std::string &key, const std::string &ns,
                                     const std::string &name) const
{
    auto object = getShared(key, ns, name);
    if (!object)
        return std::nullopt;
    return *object;
}

std::shared_ptr<const json> ObjectStore::getShared(const std::string &key, const std::string &ns,
                                                   const std::string &name) const
{
    std::lock_guard lock(d->mutex);
    const ResourceType &type = d->typeOf(key);
    const auto &bucket = d->objects.at(key);
    const auto it = bucket.find({type.namespaced ? ns : std::string(), name});
    return it == bucket.end() ? nullptr : it->second;
}

ObjectStore::Snapshot ObjectStore::list(const std::string &key, const std::string &ns) const
{
    std::lock_guard lock(d->mutex);
    d->typeOf(key);
    Snapshot snapshot;
    snapshot.resourceVersion = d->version;
    const auto &bucket = d->objects.at(key);
    if (ns.empty()) {
        snapshot.items.reserve(bucket.size());
        for (const auto &[id, object] : bucket)
            snapshot.items.push_back(object);
    } else {
        for (auto it = bucket.lower_bound({ns, std::string()});
             it != bucket.end() && it->first.first == ns; ++it)
            snapshot.items.push_back(it->second);
    }
    return snapshot;
}

std::size_t ObjectStore::count(const std::string &key) const
{
    std::lock_guard lock(d->mutex);
    const auto it = d->objects.find(key);
    return it == d->objects.end() ? 0 : it->second.size();
}

std::vector<std::shared_ptr<const json>> ObjectStore::ownedBy(const std::string &key,
                                                              const std::string &ownerUid) const
{
    std::lock_guard lock(d->mutex);
    d->typeOf(key);
    const auto it = d->owners.find(key);
    if (it == d->owners.end())
        return {};
    return d->resolve(key, it->second, ownerUid);
}

std::vector<std::shared_ptr<const json>> ObjectStore::podsOnNode(const std::string &node) const
{
    std::lock_guard lock(d->mutex);
    if (!d->objects.count("pods"))
        return {};
    return d->resolve("pods", d->podsByNode, node);
}

std::optional<std::vector<WatchEvent>> ObjectStore::changesSince(const std::string &key,
                                                                 std::uint64_t sinceVersion) const
{
    std::lock_guard lock(d->mutex);
    if (sinceVersion < d->trimmedUpTo)
        return std::nullopt;
    std::vector<WatchEvent> events;
    auto it = std::upper_bound(
        d->history.begin(), d->history.end(), sinceVersion,
        [](std::uint64_t v, const WatchEvent &e) { return v < e.resourceVersion; });
    for (; it != d->history.end(); ++it)
        if (it->resourceKey == key)
            events.push_back(*it);
    return events;
}

std::uint64_t ObjectStore::resourceVersion() const
{
    std::lock_guard lock(d->mutex);
    return d->version;
}

std::uint64_t ObjectStore::lastChange(const std::string &key) const
{
    std::lock_guard lock(d->mutex);
    const auto it = d->lastChange.find(key);
    return it == d->lastChange.end() ? 0 : it->second;
}

std::uint64_t ObjectStore::oldestRetainedVersion() const
{
    std::lock_guard lock(d->mutex);
    return d->trimmedUpTo;
}

std::vector<WatchEvent> ObjectStore::eventsSince(const std::string &key, std::uint64_t sinceVersion,
                                                 int waitMs) const
{
    std::uint64_t scannedTo = 0;
    return eventsSince(key, sinceVersion, waitMs, scannedTo);
}

std::vector<WatchEvent> ObjectStore::eventsSince(const std::string &key, std::uint64_t sinceVersion,
                                                 int waitMs, std::uint64_t &scannedTo) const
{
    std::unique_lock lock(d->mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
    std::vector<WatchEvent> events;
    for (;;) {
        if (sinceVersion < d->trimmedUpTo)
            throw errors::expired("too old resource version: " + std::to_string(sinceVersion) + " ("
                                  + std::to_string(d->trimmedUpTo) + ")");
        auto it = std::upper_bound(
            d->history.begin(), d->history.end(), sinceVersion,
            [](std::uint64_t v, const WatchEvent &e) { return v < e.resourceVersion; });
        for (; it != d->history.end(); ++it)
            if (key.empty() || it->resourceKey == key)
                events.push_back(*it);
        scannedTo = std::max(sinceVersion, d->version);
        if (!events.empty() || waitMs <= 0)
            return events;
        // Nothing for this key yet: skip what we scanned and wait for the next change.
        if (!d->history.empty())
            sinceVersion = std::max(sinceVersion, d->history.back().resourceVersion);
        if (d->changed.wait_until(lock, deadline) == std::cv_status::timeout) {
            waitMs = 0;
        }
    }
}

void ObjectStore::setHistorySize(std::size_t size)
{
    std::lock_guard lock(d->mutex);
    d->historySize = std::max<std::size_t>(size, 1);
    while (d->history.size() > d->historySize) {
        d->trimmedUpTo = d->history.front().resourceVersion;
        d->history.pop_front();
    }
}

} // namespace demo
