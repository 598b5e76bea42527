// The REST verbs of the demo API server on stored resources: get, list (paged over a kept
// snapshot), watch (chunked, one event per line), create, update, patch and delete.
#include "democluster/apierrors.h"
#include "democluster/apiserverimpl.h"
#include "democluster/kubeconfig.h"
#include "democluster/patch.h"
#include "democluster/selectors.h"
#include "democluster/tables.h"

#include <random>
#include <set>

namespace demo {

using nlohmann::json;
using ObjectPtr = std::shared_ptr<const json>;

namespace {

std::uint64_t parseVersion(const std::string &text)
{
    try {
        std::size_t used = 0;
        const unsigned long long v = std::stoull(text, &used);
        if (used == text.size())
            return v;
    } catch (const std::exception &) {
    }
    throw errors::badRequest("invalid resource version: " + text);
}

ApiError tooLarge(std::uint64_t asked, std::uint64_t current)
{
    ApiError e(504, "Timeout",
               "Timeout: Too large resource version: " + std::to_string(asked)
                   + ", current: " + std::to_string(current));
    e.details["causes"] = json::array(
        {{{"reason", "ResourceVersionTooLarge"}, {"message", "Too large resource version"}}});
    e.details["retryAfterSeconds"] = 1;
    return e;
}

std::string nsName(const json &object)
{
    const json &meta = object["metadata"];
    return meta.value("namespace", std::string()) + "/" + meta.value("name", std::string());
}

} // namespace

std::string ApiServer::Impl::tableFor(const ResourceType &type,
                                      const std::vector<std::shared_ptr<const json>> &objects,
                                      const RequestContext &ctx, json listMeta,
                                      bool withColumns) const
{
    const std::string include = ctx.param("includeObject");
    const std::time_t now = std::time(nullptr);
    std::string out = R"({"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":)"
                      + listMeta.dump() + R"(,"columnDefinitions":)"
                      + (withColumns ? tableColumns(type).dump() : std::string("[]"))
                      + R"(,"rows":[)";
    bool first = true;
    for (const auto &object : objects) {
        json row = {{"cells", tableCells(type, *object, now)}};
        if (include == "Object") {
            // The row's keys in nlohmann's (sorted) order, the object from the text cache.
            out += first ? "" : ",";
            first = false;
            out += R"({"cells":)" + row["cells"].dump() + R"(,"object":)" + *textCache.text(object)
                   + "}";
            continue;
        }
        if (include != "None")
            row["object"] = {{"kind", "PartialObjectMetadata"},
                             {"apiVersion", "meta.k8s.io/v1"},
                             {"metadata", (*object)["metadata"]}};
        if (!first)
            out += ',';
        first = false;
        out += row.dump();
    }
    out += "]}";
    return out;
}

void ApiServer::Impl::serveResource(RequestContext &ctx)
{
    const std::string &m = ctx.req.method;
    if (!ctx.info->stored)
        throw notFoundResource();
    if (m == "GET" && ctx.verb == "watch")
        watch(ctx);
    else if (m == "GET" && ctx.name.empty())
        list(ctx);
    else if (m == "GET")
        get(ctx);
    else if (m == "POST" && ctx.name.empty())
        create(ctx);
    else if (m == "PUT" && !ctx.name.empty())
        update(ctx, false);
    else if (m == "PATCH" && !ctx.name.empty())
        patch(ctx, false);
    else if (m == "DELETE" && !ctx.name.empty())
        remove(ctx);
    else if (m == "DELETE")
        removeCollection(ctx);
    else
        throw errors::methodNotSupported(ctx.info->type, ctx.verb);
}

ApiError ApiServer::Impl::notFoundResource()
{
    return ApiError(404, "NotFound", "the server could not find the requested resource");
}

void ApiServer::Impl::get(RequestContext &ctx)
{
    const ResourceType &type = ctx.info->type;
    if (type.namespaced && ctx.ns.empty())
        throw notFoundResource();
    const ObjectPtr object = store.getShared(type.key(), ctx.ns, ctx.name);
    if (!object)
        throw errors::notFound(type, ctx.name);
    if (ctx.wantsTable()) {
        ctx.res.set_content(tableFor(type, {object}, ctx,
                                     {{"resourceVersion", (*object)["metadata"].value(
                                                              "resourceVersion", std::string())}},
                                     true),
                            "application/json");
        return;
    }
    ctx.res.set_content(*textCache.text(object), "application/json");
}

void ApiServer::Impl::list(RequestContext &ctx)
{
    const ResourceInfo &info = *ctx.info;
    const ResourceType &type = info.type;
    const LabelSelector labels(ctx.param("labelSelector"));
    const FieldSelector fields(ctx.param("fieldSelector"), info);
    const std::string rv = ctx.param("resourceVersion");
    const std::string rvMatch = ctx.param("resourceVersionMatch");
    const std::string cont = ctx.param("continue");
    if (!cont.empty() && !rv.empty())
        throw errors::badRequest("specifying resource version is not allowed when using continue");
    if (!rvMatch.empty() && rv.empty())
        throw errors::invalid(
            "ListOptions", "meta.k8s.io", "", "resourceVersionMatch",
            "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided",
            "FieldValueForbidden");
    if (!rvMatch.empty() && rvMatch != "Exact" && rvMatch != "NotOlderThan")
        throw errors::invalid("ListOptions", "meta.k8s.io", "", "resourceVersionMatch",
                              "Unsupported value: \"" + rvMatch + "\"", "FieldValueNotSupported");
    std::int64_t limit = 0;
    if (!ctx.param("limit").empty()) {
        try {
            limit = std::stoll(ctx.param("limit"));
        } catch (const std::exception &) {
            throw errors::badRequest("invalid limit: " + ctx.param("limit"));
        }
    }

    std::shared_ptr<const PagedSnapshot> page;
    std::size_t position = 0;
    const std::string qualified = type.group.empty() ? type.resource
                                                     : type.resource + "." + type.group;
    const auto countList = [this, &qualified](bool fromCache) {
        if (fromCache)
            metrics.listFromCache(qualified);
        else
            metrics.listFromStorage(qualified);
    };
    if (!cont.empty()) {
        json token;
        try {
            token = json::parse(base64Decode(cont));
        } catch (const json::exception &) {
            throw errors::badRequest("continue key is not valid: illegal base64 data");
        }
        if (!token.is_object() || !token.contains("id") || !token.contains("pos"))
            throw errors::badRequest("continue key is not valid: incorrect encoded start "
                                     "resourceVersion (version meta.k8s.io/v1)");
        {
            std::lock_guard lock(pagesMutex);
            const auto it = pages.find(token.value("id", std::uint64_t(0)));
            if (it != pages.end())
                page = it->second;
        }
        if (!page || faults.takeListExpired())
            throw errors::expired("The provided continue parameter is too old to display a "
                                  "consistent list result. You can start a new list without the "
                                  "continue parameter.");
        if (page->key != type.key() || page->ns != ctx.ns)
            throw errors::badRequest(
                "continue key is not valid: the continue token belongs to a different list");
        position = token.value("pos", std::size_t(0));
        countList(page->fromCache);
    } else {
        if (!rv.empty() && rv != "0") {
            const std::uint64_t asked = parseVersion(rv);
            const std::uint64_t current = store.resourceVersion();
            if (asked > current)
                throw tooLarge(asked, current);
            if (rvMatch == "Exact" && asked != current)
                throw errors::expired("The resourceVersion for the provided list is too old.");
        }
        auto fresh = std::make_shared<PagedSnapshot>();
        fresh->key = type.key();
        fresh->ns = ctx.ns;
        // Where a v1.32 server reads a list: "0" (any version) and "not older than N" come
        // from the watch cache; so does a consistent read without a limit (ConsistentList-
        // FromCache); a paged consistent read or an exact version goes to etcd. Pages of a
        // cached list are cut from the cache's snapshot (as 1.34's ListFromCacheSnapshot does).
        fresh->fromCache = rvMatch != "Exact"
                           && (rv == "0"
                               || (!rv.empty() && (limit <= 0 || rvMatch == "NotOlderThan"))
                               || (rv.empty() && limit <= 0));
        countList(fresh->fromCache);
        fresh->created = std::chrono::steady_clock::now();
        const std::string onlyName = fields.required("metadata.name");
        if (!onlyName.empty() && !type.namespaced) {
            // A lookup by name needs no copy of the whole collection (rollout status, -w).
            fresh->snapshot.resourceVersion = store.resourceVersion();
            if (auto object = store.getShared(type.key(), {}, onlyName))
                fresh->snapshot.items.push_back(object);
        } else if (!onlyName.empty() && !ctx.ns.empty()) {
            fresh->snapshot.resourceVersion = store.resourceVersion();
            if (auto object = store.getShared(type.key(), ctx.ns, onlyName))
                fresh->snapshot.items.push_back(object);
        } else {
            fresh->snapshot = store.list(type.key(), ctx.ns);
        }
        page = fresh;
    }

    const auto &items = page->snapshot.items;
    std::vector<std::shared_ptr<const json>> selected;
    std::size_t i = position;
    for (; i < items.size(); ++i) {
        if (limit > 0 && static_cast<std::int64_t>(selected.size()) >= limit)
            break;
        const json &object = *items[i];
        if ((labels.empty() || labels.matches(object))
            && (fields.empty() || fields.matches(object)))
            selected.push_back(items[i]);
    }
    json meta = {{"resourceVersion", std::to_string(page->snapshot.resourceVersion)}};
    if (i < items.size()) {
        std::uint64_t id = 0;
        {
            std::lock_guard lock(pagesMutex);
            for (const auto &[existing, kept] : pages)
                if (kept == page)
                    id = existing;
            if (id == 0) {
                id = nextPageId++;
                pages[id] = page;
                // Bound the memory kept for abandoned paged lists.
                while (pages.size() > 64)
                    pages.erase(pages.begin());
            }
        }
        meta["continue"] = base64Encode(json{
            {"v", "meta.k8s.io/v1"},
            {"rv", page->snapshot.resourceVersion},
            {"start", nsName(*items[i])},
            {"id", id},
            {"pos", i}}.dump());
        if (labels.empty() && fields.empty())
            meta["remainingItemCount"] = items.size() - i;
    }

    if (ctx.wantsTable()) {
        ctx.res.set_content(tableFor(type, selected, ctx, meta, true), "application/json");
        return;
    }
    std::string out = R"({"kind":")" + type.kind + R"(List","apiVersion":")" + type.apiVersion()
                      + R"(","metadata":)" + meta.dump() + R"(,"items":[)";
    out.reserve(out.size() + selected.size() * 2048);
    for (std::size_t k = 0; k < selected.size(); ++k) {
        if (k)
            out += ',';
        out += *textCache.text(selected[k]);
    }
    out += "]}";
    ctx.res.set_content(std::move(out), "application/json");
}

namespace {

struct WatchState
{
    const ResourceInfo *info;
    std::string ns;
    LabelSelector labels;
    FieldSelector fields;
    bool table = false;
    bool bookmarks = false;
    bool initialEventsEnd = false;
    bool columnsSent = false;
    std::string includeObject;
    std::vector<ObjectPtr> initial;
    std::uint64_t version = 0;
    std::optional<std::string> expiredMessage;
    std::chrono::steady_clock::time_point deadline;
    std::uint64_t generation = 0;
    std::uint64_t listenerGeneration = 0;
    std::set<std::string> visible; // objects this watch has reported as present
};

} // namespace

void ApiServer::Impl::watch(RequestContext &ctx)
{
    auto state = std::make_shared<WatchState>();
    state->info = ctx.info;
    state->ns = ctx.ns;
    state->labels = LabelSelector(ctx.param("labelSelector"));
    state->fields = FieldSelector(ctx.param("fieldSelector"), *ctx.info);
    state->table = ctx.wantsTable();
    state->bookmarks = ctx.flag("allowWatchBookmarks");
    state->includeObject = ctx.param("includeObject");
    const bool sendInitial = ctx.flag("sendInitialEvents");
    const std::string rvMatch = ctx.param("resourceVersionMatch");
    if (!rvMatch.empty() && (!sendInitial || rvMatch != "NotOlderThan"))
        throw errors::invalid("ListOptions", "meta.k8s.io", "", "resourceVersionMatch",
                              "Forbidden: resourceVersionMatch is forbidden for watch unless "
                              "sendInitialEvents is provided",
                              "FieldValueForbidden");
    if (ctx.req.has_param("sendInitialEvents") && rvMatch != "NotOlderThan")
        throw errors::invalid("ListOptions", "meta.k8s.io", "", "sendInitialEvents",
                              "Forbidden: sendInitialEvents is forbidden for watch unless "
                              "resourceVersionMatch is set to NotOlderThan",
                              "FieldValueForbidden");
    std::int64_t timeout = 0;
    if (!ctx.param("timeoutSeconds").empty()) {
        try {
            timeout = std::stoll(ctx.param("timeoutSeconds"));
        } catch (const std::exception &) {
            throw errors::badRequest("invalid timeoutSeconds: " + ctx.param("timeoutSeconds"));
        }
    }
    if (timeout <= 0) {
        // Like minRequestTimeout: a random value between 30 and 60 minutes.
        static thread_local std::mt19937 random{std::random_device{}()};
        timeout = std::uniform_int_distribution<int>(1800, 3600)(random);
    }
    state->deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
    state->generation = faults.watchGeneration();
    state->listenerGeneration = listenerGeneration.load();

    const std::string rv = ctx.param("resourceVersion");
    if (rv.empty() || rv == "0" || sendInitial) {
        ObjectStore::Snapshot snapshot = store.list(state->info->type.key(), ctx.ns);
        state->version = snapshot.resourceVersion;
        for (ObjectPtr &object : snapshot.items)
            if (state->labels.matches(*object) && state->fields.matches(*object))
                state->initial.push_back(std::move(object));
        state->initialEventsEnd = sendInitial && state->bookmarks;
        if (!rv.empty() && rv != "0" && parseVersion(rv) > state->version)
            throw tooLarge(parseVersion(rv), state->version);
    } else {
        state->version = parseVersion(rv);
        const std::uint64_t current = store.resourceVersion();
        if (state->version > current)
            throw tooLarge(state->version, current);
        if (faults.takeWatchTooLarge())
            throw tooLarge(state->version, state->version - 1);
        if (state->version < store.oldestRetainedVersion())
            state->expiredMessage = "too old resource version: " + rv + " ("
                                    + std::to_string(store.oldestRetainedVersion()) + ")";
    }
    if (faults.takeWatchExpired())
        state->expiredMessage = "too old resource version: " + std::to_string(state->version) + " ("
                                + std::to_string(store.resourceVersion()) + ")";

    const ResourceType type = ctx.info->type;
    // The provider outlives this call, so it must not capture the request context.
    const bool table = state->table;
    const std::string includeObject = state->includeObject;
    // A Table row per event for kubectl get -w (columns only in the first), else the object.
    // Stored objects (`shared`) send their cached JSON text: every watcher of a busy resource
    // and every list page share one rendering per object version.
    auto encodeEvent = [this, state, type, table,
                        includeObject](const std::string &eventType, const json &object,
                                       std::uint64_t version, const ObjectPtr &shared = nullptr) {
        std::string body;
        if (table && eventType != "BOOKMARK" && eventType != "ERROR") {
            json row = {{"cells", tableCells(type, object, std::time(nullptr))}};
            if (includeObject == "Object")
                row["object"] = object;
            else if (includeObject != "None")
                row["object"] = {{"kind", "PartialObjectMetadata"},
                                 {"apiVersion", "meta.k8s.io/v1"},
                                 {"metadata", object["metadata"]}};
            json tableObject = {
                {"kind", "Table"},
                {"apiVersion", "meta.k8s.io/v1"},
                {"metadata", {{"resourceVersion", std::to_string(version)}}},
                {"columnDefinitions", state->columnsSent ? json::array() : tableColumns(type)},
                {"rows", json::array({row})}};
            state->columnsSent = true;
            body = tableObject.dump();
        } else if (shared) {
            std::string line = R"({"type":")" + eventType + R"(","object":)";
            const auto text = textCache.text(shared);
            line.reserve(line.size() + text->size() + 2);
            line += *text;
            line += "}\n";
            return line;
        } else {
            body = object.dump();
        }
        return R"({"type":")" + eventType + R"(","object":)" + body + "}\n";
    };

    ctx.res.status = 200;
    ctx.res.set_chunked_content_provider("application/json", [this, state, type, encodeEvent](
                                                                 std::size_t,
                                                                 httplib::DataSink &sink) {
        auto send = [&sink](const std::string &line) {
            return sink.write(line.data(), line.size());
        };
        auto bookmark = [&](std::uint64_t version, bool initialEnd) {
            json object = {{"kind", type.kind},
                           {"apiVersion", type.apiVersion()},
                           {"metadata", {{"resourceVersion", std::to_string(version)}}}};
            if (initialEnd)
                object["metadata"]["annotations"] = {{"k8s.io/initial-events-end", "true"}};
            return send(encodeEvent("BOOKMARK", object, version));
        };
        auto expired = [&](const std::string &message) {
            send(encodeEvent("ERROR", errors::status(errors::expired(message)), 0));
            sink.done();
            return true;
        };
        if (state->expiredMessage)
            return expired(*state->expiredMessage);
        for (const ObjectPtr &object : state->initial) {
            state->visible.insert(nsName(*object));
            if (!send(encodeEvent("ADDED", *object, state->version, object)))
                return false;
        }
        state->initial.clear();
        if (state->initialEventsEnd && !bookmark(state->version, true))
            return false;
        auto lastBookmark = std::chrono::steady_clock::now();
        for (;;) {
            if (stopping || faults.watchGeneration() != state->generation
                || listenerGeneration != state->listenerGeneration)
                return false; // the connection is dropped, as a restarting server would
            const auto now = std::chrono::steady_clock::now();
            if (now >= state->deadline) {
                sink.done();
                return true;
            }
            if (!sink.is_writable())
                return false;
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(state->deadline - now).count();
            std::vector<WatchEvent> events;
            std::uint64_t scannedTo = state->version;
            try {
                events = store.eventsSince(type.key(), state->version,
                                           static_cast<int>(std::min<long long>(left, 500)),
                                           scannedTo);
            } catch (const ApiError &e) {
                return expired(e.what());
            }
            for (const WatchEvent &event : events) {
                const json &object = *event.object;
                if (!state->ns.empty()
                    && object["metadata"].value("namespace", std::string()) != state->ns)
                    continue;
                const std::string id = nsName(object);
                const bool matches = state->labels.matches(object) && state->fields.matches(object);
                const bool wasVisible = state->visible.count(id) > 0;
                std::string eventType = event.type;
                if (event.type == "DELETED") {
                    if (!matches && !wasVisible)
                        continue;
                    state->visible.erase(id);
                } else if (matches) {
                    state->visible.insert(id);
                } else {
                    if (!wasVisible)
                        continue;
                    // Left the selector: watchers see it go away.
                    state->visible.erase(id);
                    eventType = "DELETED";
                }
                if (!send(encodeEvent(eventType, object, event.resourceVersion, event.object)))
                    return false;
            }
            state->version = std::max(scannedTo, state->version);
            if (state->bookmarks
                && std::chrono::steady_clock::now() - lastBookmark > std::chrono::seconds(60)) {
                if (!bookmark(state->version, false))
                    return false;
                lastBookmark = std::chrono::steady_clock::now();
            }
        }
    });
}

} // namespace demo
