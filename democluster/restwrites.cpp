// The writing REST verbs of the demo API server: create, update (PUT), patch and delete, with
// the status-subresource split and the delete responses a real server gives.
#include "democluster/admission.h"
#include "democluster/apierrors.h"
#include "democluster/apiserverimpl.h"
#include "democluster/limitranger.h"
#include "democluster/patch.h"
#include "democluster/podtermination.h"
#include "democluster/rbacvalidation.h"
#include "democluster/selectors.h"

#include <chrono>
#include <optional>

namespace demo {

using nlohmann::json;

namespace {

// DeleteOptions.gracePeriodSeconds (kubectl sends it in the body) or the query parameter.
std::optional<std::int64_t> requestedGracePeriod(const RequestContext &ctx)
{
    std::optional<std::int64_t> grace;
    if (const std::string g = ctx.param("gracePeriodSeconds"); !g.empty()) {
        try {
            std::size_t used = 0;
            grace = std::stoll(g, &used);
            if (used != g.size())
                throw std::invalid_argument(g);
        } catch (const std::exception &) {
            throw errors::badRequest("invalid gracePeriodSeconds \"" + g + "\": not an integer");
        }
    }
    if (!ctx.req.body.empty()) {
        const json options = parseBody(ctx.req);
        if (options.is_object())
            if (const auto g = options.find("gracePeriodSeconds");
                g != options.end() && !g->is_null()) {
                if (!g->is_number_integer())
                    throw errors::badRequest("DeleteOptions.gracePeriodSeconds must be an integer");
                grace = g->get<std::int64_t>();
            }
    }
    return grace;
}

bool hasStatus(const ResourceInfo &info)
{
    for (const Subresource &s : info.subresources)
        if (s.name == "status")
            return true;
    return false;
}

void checkKind(const ResourceType &type, const json &body)
{
    if (!body.is_object())
        throw errors::badRequest("the request body is not a JSON object");
    const std::string kind = body.value("kind", std::string());
    const std::string apiVersion = body.value("apiVersion", std::string());
    if ((!kind.empty() && kind != type.kind)
        || (!apiVersion.empty() && apiVersion != type.apiVersion()))
        throw errors::badRequest("the API version in the data (" + apiVersion
                                 + ") does not match the expected API version (" + type.apiVersion()
                                 + ")");
}

std::string resourceVersionOf(const json &object)
{
    if (!object.contains("metadata") || !object["metadata"].is_object())
        return {};
    return object["metadata"].value("resourceVersion", std::string());
}

const char *modifiedMessage = "the object has been modified; please apply your changes to the "
                              "latest version and try again";

} // namespace

void ApiServer::Impl::create(RequestContext &ctx)
{
    const ResourceType &type = ctx.info->type;
    json body = parseBody(ctx.req);
    checkKind(type, body);
    if (!body.contains("metadata") || !body["metadata"].is_object())
        body["metadata"] = json::object();
    json &meta = body["metadata"];
    if (type.namespaced) {
        if (ctx.ns.empty())
            throw notFoundResource();
        const std::string sent = meta.value("namespace", std::string());
        if (!sent.empty() && sent != ctx.ns)
            throw errors::badRequest("the namespace of the provided object does not match the "
                                     "namespace sent on the request");
        meta["namespace"] = ctx.ns;
        checkNamespaceAccepts(ctx.ns);
    }
    meta.erase("resourceVersion");
    meta.erase("uid");
    meta.erase("deletionTimestamp");
    prepareForCreate(type, body);
    RbacValidation::applyDefaults(type, body);
    LimitRanger::applyDefaults(type, body);
    RbacValidation::check(type, body);
    if (ctx.param("dryRun") == "All") {
        const std::string name = meta.value("name", std::string());
        if (!name.empty() && store.getShared(type.key(), ctx.ns, name))
            throw errors::alreadyExists(type, name);
        Admission::admit(store, type, body, true);
        body["kind"] = type.kind;
        body["apiVersion"] = type.apiVersion();
        sendJson(ctx.res, 201, body);
        return;
    }
    sendJson(ctx.res, 201, store.create(type.key(), std::move(body)));
}

void ApiServer::Impl::update(RequestContext &ctx, bool statusOnly)
{
    const ResourceInfo &info = *ctx.info;
    const ResourceType &type = info.type;
    json body = parseBody(ctx.req);
    checkKind(type, body);
    const std::string bodyName = body.contains("metadata") && body["metadata"].is_object()
                                     ? body["metadata"].value("name", std::string())
                                     : std::string();
    if (bodyName != ctx.name)
        throw errors::badRequest("the name of the object (" + bodyName
                                 + ") does not match the name on the URL (" + ctx.name + ")");
    const auto result = store.modify(type.key(), ctx.ns, ctx.name, [&](json &current) {
        const std::string sent = resourceVersionOf(body);
        if (!sent.empty() && sent != resourceVersionOf(current))
            throw errors::conflict(type, ctx.name, modifiedMessage);
        json next;
        if (statusOnly) {
            next = current;
            next["status"] = body.value("status", json::object());
        } else {
            next = body;
            if (hasStatus(info))
                next["status"] = current.value("status", json::object());
        }
        RbacValidation::applyDefaults(type, next);
        LimitRanger::applyDefaults(type, next);
        RbacValidation::check(type, next, &current);
        current = std::move(next);
        return true;
    });
    if (!result)
        throw errors::notFound(type, ctx.name);
    sendJson(ctx.res, 200, *result);
}

void ApiServer::Impl::patch(RequestContext &ctx, bool statusOnly)
{
    const ResourceInfo &info = *ctx.info;
    const ResourceType &type = info.type;
    const std::string contentType = ctx.req.get_header_value("Content-Type");
    const auto result = store.modify(type.key(), ctx.ns, ctx.name, [&](json &current) {
        json patched = applyPatch(current, contentType, ctx.req.body);
        if (!patched.is_object() || !patched.contains("metadata"))
            throw errors::badRequest("the patched object has no metadata");
        const std::string rv = resourceVersionOf(patched);
        if (!rv.empty() && rv != resourceVersionOf(current))
            throw errors::conflict(type, ctx.name, modifiedMessage);
        if (patched["metadata"].value("name", std::string()) != ctx.name)
            throw errors::invalid(type.kind, type.group, ctx.name, "metadata.name",
                                  "Invalid value: \""
                                      + patched["metadata"].value("name", std::string())
                                      + "\": field is immutable");
        if (statusOnly) {
            json next = current;
            next["status"] = patched.value("status", json::object());
            patched = std::move(next);
        } else if (hasStatus(info)) {
            patched["status"] = current.value("status", json::object());
        }
        RbacValidation::applyDefaults(type, patched);
        LimitRanger::applyDefaults(type, patched);
        if (patched == current)
            return false; // a no-op patch leaves the resourceVersion alone
        RbacValidation::check(type, patched, &current);
        current = std::move(patched);
        return true;
    });
    if (!result)
        throw errors::notFound(type, ctx.name);
    sendJson(ctx.res, 200, *result);
}

void ApiServer::Impl::remove(RequestContext &ctx)
{
    const ResourceType &type = ctx.info->type;
    std::string propagation = ctx.param("propagationPolicy");
    const std::optional<std::int64_t> grace = requestedGracePeriod(ctx);
    if (!ctx.req.body.empty()) {
        const json options = parseBody(ctx.req);
        if (options.is_object())
            propagation = options.value("propagationPolicy", propagation);
    }
    if (type.key() == "pods") {
        if (const auto terminating = startPodTermination(ctx.ns, ctx.name, grace)) {
            sendJson(ctx.res, 200, *terminating);
            return;
        }
    }
    if (type.key() == "namespaces") {
        std::string error;
        const auto result = store.modify("namespaces", {}, ctx.name, [&](json &ns) {
            if (ns["metadata"].contains("deletionTimestamp")) {
                error = "conflict";
                return false;
            }
            char stamp[32];
            const std::time_t t = std::time(nullptr);
            std::tm tm{};
            gmtime_r(&t, &tm);
            std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
            ns["metadata"]["deletionTimestamp"] = stamp;
            ns["metadata"]["deletionGracePeriodSeconds"] = 0;
            ns["spec"]["finalizers"] = json::array({"kubernetes"});
            ns["status"]["phase"] = "Terminating";
            return true;
        });
        if (!result)
            throw errors::notFound(type, ctx.name);
        if (!error.empty())
            throw errors::conflict(type, ctx.name,
                                   "The system is ensuring all content is removed from this "
                                   "namespace.  Upon completion, this namespace will "
                                   "automatically be purged by the system.");
        housekeepingWake.notify_all();
        sendJson(ctx.res, 200, *result);
        return;
    }
    const auto removed = store.remove(type.key(), ctx.ns, ctx.name);
    const json &gone = *removed;
    const std::string uid = gone["metadata"].value("uid", std::string());
    if (propagation != "Orphan")
        deleteDependents(uid, ctx.ns);
    if (type.key() == "pods") {
        sendJson(ctx.res, 200, gone);
        return;
    }
    sendJson(
        ctx.res, 200,
        {{"kind", "Status"},
         {"apiVersion", "v1"},
         {"metadata", json::object()},
         {"status", "Success"},
         {"details",
          {{"name", ctx.name}, {"group", type.group}, {"kind", type.resource}, {"uid", uid}}}});
}

std::optional<json> ApiServer::Impl::startPodTermination(const std::string &ns,
                                                         const std::string &name,
                                                         std::optional<std::int64_t> requested)
{
    // As a real server does: a pod bound to a node gets deletionTimestamp = now + grace period
    // and stays (Terminating) until its kubelet has stopped the containers and deletes it;
    // grace 0 (--grace-period=0 --force), unscheduled and finished pods go at once.
    bool graceful = false;
    const double now =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    const auto result = store.modify("pods", ns, name, [&](json &pod) {
        const std::int64_t grace = PodTermination::gracePeriod(pod, requested);
        if (grace <= 0)
            return false;
        graceful = true;
        return PodTermination::begin(pod, now, grace);
    });
    if (!result) {
        static const ResourceType pods{"", "v1", "pods", "Pod", true, "pod", {}};
        throw errors::notFound(pods, name);
    }
    if (!graceful)
        return std::nullopt;
    return *result;
}

void ApiServer::Impl::removeCollection(RequestContext &ctx)
{
    const ResourceType &type = ctx.info->type;
    if (type.key() == "namespaces")
        throw errors::methodNotSupported(type, "deletecollection");
    const LabelSelector labels(ctx.param("labelSelector"));
    const FieldSelector fields(ctx.param("fieldSelector"), *ctx.info);
    const std::optional<std::int64_t> grace = requestedGracePeriod(ctx);
    const ObjectStore::Snapshot snapshot = store.list(type.key(), ctx.ns);
    std::string out = R"({"kind":")" + type.kind + R"(List","apiVersion":")" + type.apiVersion()
                      + R"(","metadata":{"resourceVersion":")"
                      + std::to_string(snapshot.resourceVersion) + R"("},"items":[)";
    bool first = true;
    for (const auto &object : snapshot.items) {
        if (!labels.matches(*object) || !fields.matches(*object))
            continue;
        const json &meta = (*object)["metadata"];
        try {
            if (type.key() == "pods") {
                if (const auto terminating = startPodTermination(
                        meta.value("namespace", std::string()), meta.value("name", std::string()),
                        grace)) {
                    out += (first ? "" : ",") + terminating->dump();
                    first = false;
                    continue;
                }
            }
            const auto removed = store.remove(type.key(), meta.value("namespace", std::string()),
                                              meta.value("name", std::string()));
            deleteDependents(meta.value("uid", std::string()),
                             meta.value("namespace", std::string()));
            out += (first ? "" : ",") + removed->dump();
            first = false;
        } catch (const ApiError &) {
            // Deleted concurrently: nothing left to do for it.
        }
    }
    out += "]}";
    ctx.res.set_content(out, "application/json");
}

} // namespace demo
