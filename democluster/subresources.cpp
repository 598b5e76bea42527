// Subresources and computed APIs of the demo API server: status, pods/log (with follow),
// deployments|statefulsets|replicasets/scale, node and service proxies, metrics.k8s.io and
// the self access reviews kubectl auth can-i sends.
#include "democluster/apierrors.h"
#include "democluster/apiserverimpl.h"
#include "democluster/patch.h"
#include "democluster/selectors.h"
#include "democluster/simutil.h"

#include <cmath>
#include <deque>
#include <limits>

namespace demo {

using nlohmann::json;

namespace {

ApiError backendMissing()
{
    return ApiError(503, "ServiceUnavailable",
                    "the demo cluster runs without a simulation: no metrics, logs or proxies");
}

std::optional<std::int64_t> intParam(const RequestContext &ctx, const char *name)
{
    const std::string v = ctx.param(name);
    if (v.empty())
        return std::nullopt;
    try {
        std::size_t used = 0;
        const long long n = std::stoll(v, &used);
        if (used == v.size())
            return n;
    } catch (const std::exception &) {
    }
    throw errors::badRequest("invalid value for " + std::string(name) + ": " + v);
}

std::string joinNames(const json &containers)
{
    std::string out;
    for (const json &c : containers)
        out += (out.empty() ? "" : " ") + c.value("name", std::string());
    return "[" + out + "]";
}

} // namespace

void ApiServer::Impl::serveSubresource(RequestContext &ctx)
{
    const std::string &sub = ctx.subresource;
    const std::string &m = ctx.req.method;
    bool known = false;
    for (const Subresource &s : ctx.info->subresources)
        known = known || s.name == sub;
    if (!known)
        throw notFoundResource();
    if (sub == "log" && m == "GET")
        return serveLogs(ctx);
    if (sub == "scale")
        return serveScale(ctx);
    if (sub == "proxy" && ctx.info->type.key() == "nodes")
        return serveNodeProxy(ctx);
    if (sub == "proxy" && ctx.info->type.key() == "services")
        return serveServiceProxy(ctx);
    if (sub == "status") {
        if (m == "GET")
            return get(ctx);
        if (m == "PUT")
            return update(ctx, true);
        if (m == "PATCH")
            return patch(ctx, true);
    }
    throw errors::methodNotSupported(ctx.info->type, ctx.verb);
}

void ApiServer::Impl::serveLogs(RequestContext &ctx)
{
    LogOptions options;
    options.container = ctx.param("container");
    options.previous = ctx.flag("previous");
    options.timestamps = ctx.flag("timestamps");
    options.tailLines = intParam(ctx, "tailLines");
    options.sinceSeconds = intParam(ctx, "sinceSeconds");
    options.limitBytes = intParam(ctx, "limitBytes");
    const bool follow = ctx.flag("follow");
    auto invalid = [&](const std::string &field, const std::string &detail) {
        return errors::invalid("PodLogOptions", "", "", field, detail);
    };
    if (options.tailLines && *options.tailLines < 0)
        throw invalid("tailLines", "Invalid value: " + std::to_string(*options.tailLines)
                                       + ": must be greater than or equal to 0");
    if (options.limitBytes && *options.limitBytes < 1)
        throw invalid("limitBytes", "Invalid value: " + std::to_string(*options.limitBytes)
                                        + ": must be greater than 0");
    if (options.sinceSeconds && *options.sinceSeconds < 1)
        throw invalid("sinceSeconds", "Invalid value: " + std::to_string(*options.sinceSeconds)
                                          + ": must be greater than 0");
    if (options.sinceSeconds && !ctx.param("sinceTime").empty())
        throw invalid("sinceSeconds",
                      "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified");

    if (const std::string since = ctx.param("sinceTime"); !since.empty()) {
        // metav1.Time: RFC 3339, whole seconds on the wire.
        const double t = sim::parseTime(since, std::numeric_limits<double>::quiet_NaN());
        if (std::isnan(t))
            throw errors::badRequest("parsing time \"" + since
                                     + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse");
        options.sinceTime = t;
    }

    const auto pod = store.getShared("pods", ctx.ns, ctx.name);
    if (!pod)
        throw errors::notFound(ctx.info->type, ctx.name);
    const json containers = pod->value("/spec/containers"_json_pointer, json::array());
    const json inits = pod->value("/spec/initContainers"_json_pointer, json::array());
    if (options.container.empty()) {
        if (containers.size() == 1) {
            options.container = containers[0].value("name", std::string());
        } else {
            std::string message = "a container name must be specified for pod " + ctx.name
                                  + ", choose one of: " + joinNames(containers);
            if (!inits.empty())
                message += " or one of the init containers: " + joinNames(inits);
            throw errors::badRequest(message);
        }
    } else {
        bool found = false;
        for (const json *list : {&containers, &inits})
            for (const json &c : *list)
                found = found || c.value("name", std::string()) == options.container;
        if (!found)
            throw errors::badRequest("container " + options.container + " is not valid for pod "
                                     + ctx.name);
    }
    if (!backend)
        throw backendMissing();
    std::string existing = backend->logs(ctx.ns, ctx.name, options);
    if (!follow) {
        ctx.res.set_content(std::move(existing), "text/plain");
        return;
    }
    // Follow: the existing lines first, then whatever the simulation writes until the pod goes
    // away, the client hangs up or the server stops.
    struct Queue
    {
        std::mutex mutex;
        std::condition_variable ready;
        std::deque<std::string> lines;
        bool closed = false;
    };
    auto queue = std::make_shared<Queue>();
    LogOptions followOptions = options;
    followOptions.tailLines = 0;
    const std::uint64_t id = backend->followLogs(ctx.ns, ctx.name, followOptions,
                                                 [queue](const std::string &line) {
                                                     std::lock_guard lock(queue->mutex);
                                                     if (queue->closed)
                                                         return false;
                                                     queue->lines.push_back(line);
                                                     queue->ready.notify_all();
                                                     return true;
                                                 });
    const std::string ns = ctx.ns, name = ctx.name;
    const std::string uid = (*pod)["metadata"].value("uid", std::string());
    const std::uint64_t generation = listenerGeneration.load();
    ctx.res.set_chunked_content_provider(
        "text/plain",
        [this, queue, existing, ns, name, uid, generation](std::size_t, httplib::DataSink &sink) {
            if (!existing.empty() && !sink.write(existing.data(), existing.size()))
                return false;
            for (;;) {
                std::deque<std::string> lines;
                {
                    std::unique_lock lock(queue->mutex);
                    queue->ready.wait_for(lock, std::chrono::milliseconds(500),
                                          [&] { return !queue->lines.empty(); });
                    lines.swap(queue->lines);
                }
                for (const std::string &line : lines)
                    if (!sink.write(line.data(), line.size()))
                        return false;
                if (stopping || listenerGeneration != generation || !sink.is_writable())
                    return false;
                const auto pod = store.getShared("pods", ns, name);
                if (!pod || (*pod)["metadata"].value("uid", std::string()) != uid) {
                    sink.done();
                    return true;
                }
            }
        },
        [this, queue, id](bool) {
            {
                std::lock_guard lock(queue->mutex);
                queue->closed = true;
            }
            backend->cancelFollow(id);
        });
}

void ApiServer::Impl::serveScale(RequestContext &ctx)
{
    const ResourceType &type = ctx.info->type;
    const std::string &m = ctx.req.method;
    auto toScale = [&](const json &object) {
        std::string selector;
        const json matchLabels = object.value("/spec/selector/matchLabels"_json_pointer,
                                              json::object());
        for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
            selector += (selector.empty() ? "" : ",") + it.key() + "="
                        + it.value().get<std::string>();
        const json &meta = object["metadata"];
        json scaleMeta = {{"name", meta.value("name", std::string())},
                          {"namespace", meta.value("namespace", std::string())},
                          {"uid", meta.value("uid", std::string())},
                          {"resourceVersion", meta.value("resourceVersion", std::string())},
                          {"creationTimestamp", meta.value("creationTimestamp", std::string())}};
        return json{{"kind", "Scale"},
                    {"apiVersion", "autoscaling/v1"},
                    {"metadata", scaleMeta},
                    {"spec", {{"replicas", object.value("/spec/replicas"_json_pointer, 0)}}},
                    {"status",
                     {{"replicas", object.value("/status/replicas"_json_pointer, 0)},
                      {"selector", selector}}}};
    };
    if (m == "GET") {
        const auto object = store.getShared(type.key(), ctx.ns, ctx.name);
        if (!object)
            throw errors::notFound(type, ctx.name);
        sendJson(ctx.res, 200, toScale(*object));
        return;
    }
    if (m != "PUT" && m != "PATCH")
        throw errors::methodNotSupported(type, ctx.verb);
    const auto result = store.modify(type.key(), ctx.ns, ctx.name, [&](json &object) {
        const json current = toScale(object);
        json next;
        if (m == "PUT") {
            next = parseBody(ctx.req);
            const std::string rv = next.value("/metadata/resourceVersion"_json_pointer,
                                              std::string());
            if (!rv.empty() && rv != current["metadata"]["resourceVersion"])
                throw errors::conflict(type, ctx.name,
                                       "the object has been modified; please apply your changes "
                                       "to the latest version and try again");
        } else {
            next = applyPatch(current, ctx.req.get_header_value("Content-Type"), ctx.req.body);
        }
        const json replicas = next.value("/spec/replicas"_json_pointer, json());
        if (!replicas.is_number_integer() || replicas.get<std::int64_t>() < 0)
            throw errors::invalid("Scale", "autoscaling", ctx.name, "spec.replicas",
                                  "Invalid value: " + replicas.dump()
                                      + ": must be greater than or equal to 0");
        if (object["spec"].value("replicas", json()) == replicas)
            return false;
        object["spec"]["replicas"] = replicas;
        return true;
    });
    if (!result)
        throw errors::notFound(type, ctx.name);
    sendJson(ctx.res, 200, toScale(*result));
}

void ApiServer::Impl::serveNodeProxy(RequestContext &ctx)
{
    if (!store.getShared("nodes", {}, ctx.name))
        throw errors::notFound(ctx.info->type, ctx.name);
    if (!backend)
        throw backendMissing();
    std::optional<std::string> body;
    if (ctx.rest == "/metrics/cadvisor")
        body = backend->kubeletCadvisorMetrics(ctx.name);
    else if (ctx.rest == "/metrics/resource")
        body = backend->kubeletResourceMetrics(ctx.name);
    else if (ctx.rest == "/healthz") {
        ctx.res.set_content("ok", "text/plain; charset=utf-8");
        return;
    } else {
        ctx.res.status = 404;
        ctx.res.set_content("404 page not found\n", "text/plain; charset=utf-8");
        return;
    }
    if (!body)
        throw errors::notFound(ctx.info->type, ctx.name);
    ctx.res.set_content(std::move(*body), "text/plain; version=0.0.4; charset=utf-8");
}

void ApiServer::Impl::serveServiceProxy(RequestContext &ctx)
{
    // The name may carry a scheme and port: "https:web:8443" or "web:http".
    std::string service = ctx.name;
    if (service.rfind("http:", 0) == 0 || service.rfind("https:", 0) == 0)
        service = service.substr(service.find(':') + 1);
    service = service.substr(0, service.find(':'));
    if (!store.getShared("services", ctx.ns, service))
        throw errors::notFound(ctx.info->type, service);
    if (!backend)
        throw backendMissing();
    const auto answer = backend->serviceProxy(ctx.ns, service, ctx.rest.empty() ? "/" : ctx.rest);
    if (!answer)
        throw ApiError(503, "ServiceUnavailable",
                       "no endpoints available for service \"" + service + "\"");
    ctx.res.status = answer->status;
    ctx.res.set_content(answer->body,
                        answer->contentType.empty() ? "text/plain" : answer->contentType);
}

void ApiServer::Impl::serveMetrics(RequestContext &ctx)
{
    if (ctx.req.method != "GET" || !ctx.subresource.empty())
        throw errors::methodNotSupported(ctx.info->type, ctx.verb);
    if (ctx.verb == "watch")
        throw errors::methodNotSupported(ctx.info->type, "watch");
    if (!backend)
        throw backendMissing();
    const ResourceType &type = ctx.info->type;
    const bool nodes = type.resource == "nodes";
    std::vector<json> items = nodes ? backend->nodeMetrics() : backend->podMetrics(ctx.ns);
    if (!ctx.name.empty()) {
        for (const json &item : items)
            if (item["metadata"].value("name", std::string()) == ctx.name
                && (nodes || item["metadata"].value("namespace", std::string()) == ctx.ns)) {
                sendJson(ctx.res, 200, item);
                return;
            }
        throw errors::notFound(type, ctx.name);
    }
    // Selectors apply to the labels of the measured objects, as metrics-server does.
    const LabelSelector labels(ctx.param("labelSelector"));
    const FieldSelector fields(ctx.param("fieldSelector"), *ctx.info);
    json out = {{"kind", nodes ? "NodeMetricsList" : "PodMetricsList"},
                {"apiVersion", "metrics.k8s.io/v1beta1"},
                {"metadata", json::object()},
                {"items", json::array()}};
    for (json &item : items) {
        if (!labels.empty()) {
            const auto object = store.getShared(nodes ? "nodes" : "pods",
                                                item["metadata"].value("namespace", std::string()),
                                                item["metadata"].value("name", std::string()));
            if (!object || !labels.matches(*object))
                continue;
        }
        if (!fields.matches(item))
            continue;
        out["items"].push_back(std::move(item));
    }
    sendJson(ctx.res, 200, out);
}

void ApiServer::Impl::serveReview(RequestContext &ctx)
{
    if (ctx.req.method != "POST" || !ctx.name.empty())
        throw errors::methodNotSupported(ctx.info->type, ctx.verb);
    json review = parseBody(ctx.req);
    if (!review.is_object())
        throw errors::badRequest("the request body is not a JSON object");
    review["kind"] = ctx.info->type.kind;
    review["apiVersion"] = ctx.info->type.apiVersion();
    if (!review.contains("metadata"))
        review["metadata"] = json::object();
    const json spec = review.value("spec", json::object());
    if (ctx.info->type.resource == "selfsubjectaccessreviews") {
        RequestAttributes a;
        if (spec.contains("resourceAttributes")) {
            const json &r = spec["resourceAttributes"];
            a = {true,
                 r.value("verb", std::string()),
                 r.value("group", std::string()),
                 r.value("resource", std::string()),
                 r.value("subresource", std::string()),
                 r.value("namespace", std::string()),
                 r.value("name", std::string()),
                 {}};
        } else if (spec.contains("nonResourceAttributes")) {
            const json &r = spec["nonResourceAttributes"];
            a.verb = r.value("verb", std::string());
            a.path = r.value("path", std::string());
        } else {
            throw errors::invalid("SelfSubjectAccessReview", "authorization.k8s.io", "",
                                  "spec.resourceAttributes",
                                  "Required value: exactly one of nonResourceAttributes or "
                                  "resourceAttributes must be specified",
                                  "FieldValueRequired");
        }
        const AccessDecision decision = authorizer.authorize(ctx.user, a);
        review["status"] = {{"allowed", decision.allowed}};
        if (!decision.reason.empty())
            review["status"]["reason"] = decision.reason;
        sendJson(ctx.res, 201, review);
        return;
    }
    // SelfSubjectRulesReview: the rules of every binding that applies to this user in the
    // namespace (cluster-wide ones included), split as the RBAC authorizer's RulesFor does.
    const RbacPolicy::Rules found = authorizer.rulesFor(ctx.user,
                                                        spec.value("namespace", std::string()));
    json resourceRules = json::array();
    json nonResourceRules = json::array();
    for (const PolicyRule &rule : found.rules) {
        if (!rule.resources.empty()) {
            PolicyRule r = rule;
            r.nonResourceURLs.clear();
            resourceRules.push_back(r.toJson());
        }
        if (!rule.nonResourceURLs.empty())
            nonResourceRules.push_back(
                {{"verbs", rule.verbs}, {"nonResourceURLs", rule.nonResourceURLs}});
    }
    review["status"] = {{"resourceRules", resourceRules},
                        {"nonResourceRules", nonResourceRules},
                        {"incomplete", !found.errors.empty()}};
    if (!found.errors.empty())
        review["status"]["evaluationError"] = RbacPolicy::aggregate(found.errors);
    sendJson(ctx.res, 201, review);
}

} // namespace demo
