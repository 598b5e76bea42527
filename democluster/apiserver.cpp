#include "democluster/apiserver.h"

#include "democluster/admission.h"
#include "democluster/apierrors.h"
#include "democluster/apiserverimpl.h"
#include "democluster/churn.h"
#include "democluster/kubeconfig.h"
#include "democluster/protobuf.h"
#include "democluster/selectors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <fstream>
#include <stdexcept>

namespace demo {

namespace {

// One thread per connection: watches and log follows hold their connection for minutes, so a
// fixed pool would starve ordinary requests.
class ThreadPerConnection final : public httplib::TaskQueue
{
public:
    void enqueue(std::function<void()> fn) override
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_active;
        }
        std::thread([this, fn = std::move(fn)] {
            fn();
            std::lock_guard lock(m_mutex);
            --m_active;
            m_idle.notify_all();
        }).detach();
    }
    void shutdown() override
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_active == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_idle;
    int m_active = 0;
};

std::string randomToken()
{
    unsigned char bytes[24];
    RAND_bytes(bytes, sizeof bytes);
    std::string hex;
    for (unsigned char b : bytes) {
        hex += "0123456789abcdef"[b >> 4];
        hex += "0123456789abcdef"[b & 15];
    }
    return hex;
}

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string part = path.substr(start, slash - start);
        if (!part.empty())
            parts.push_back(part);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

ApiError notFoundPath()
{
    return ApiError(404, "NotFound", "the server could not find the requested resource");
}

} // namespace

void sendJson(httplib::Response &res, int code, const nlohmann::json &body)
{
    res.status = code;
    res.set_content(body.dump(), "application/json");
}

void sendError(httplib::Response &res, const ApiError &error)
{
    if (error.details.contains("retryAfterSeconds"))
        res.set_header("Retry-After",
                       std::to_string(error.details["retryAfterSeconds"].get<int>()));
    sendJson(res, error.code, errors::status(error));
}

nlohmann::json parseBody(const httplib::Request &req)
{
    if (isProtobufContentType(req.get_header_value("Content-Type")))
        return decodeProtobufObject(req.body);
    try {
        return nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::exception &e) {
        throw errors::badRequest(std::string("the request body is not valid JSON: ") + e.what());
    }
}

ApiServer::ApiServer(ObjectStore &store, ClusterBackend *backend, ApiServerOptions options)
    : d(std::make_unique<Impl>(store, backend, std::move(options)))
{
    d->serverCredential = d->pki.issueServer();
    d->adminCredential = d->pki.issueClient("kubernetes-admin", {"system:masters"});
    d->adminToken = randomToken();
    d->viewerToken = randomToken();
    registerBuiltinTypes(store);
    Admission::install(store);
}

ApiServer::~ApiServer()
{
    stop();
}

void ApiServer::start()
{
    std::lock_guard lock(d->lifecycleMutex);
    if (d->running)
        return;
    d->stopping = false;
    d->listen();
    d->housekeeping = std::thread([this] { d->housekeepingLoop(); });
}

void ApiServer::prerender()
{
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    for (const ResourceType &type : d->store.types())
        if (type.key() != "events") // short-lived, and the simulation writes them all the time
            d->textCache.warm(d->store.list(type.key()).items, threads);
}

void ApiServer::Impl::listen()
{
    server = std::make_unique<httplib::SSLServer>(
        [this](SSL_CTX &ctx) { return pki.configureServer(ctx, serverCredential); });
    if (!server->is_valid())
        throw std::runtime_error("the TLS context could not be set up");
    server->new_task_queue = [] { return new ThreadPerConnection; };
    server->set_keep_alive_timeout(5);
    server->set_read_timeout(30);
    server->set_write_timeout(30);
    server->set_payload_max_length(16 * 1024 * 1024);
    server->set_pre_routing_handler([](const httplib::Request &req, httplib::Response &) {
        // cpp-httplib would gzip chunked bodies without flushing, which stalls watch and log
        // streams; on loopback compression buys nothing, so never negotiate it.
        const_cast<httplib::Request &>(req).headers.erase("Accept-Encoding");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    auto handler = [this](const httplib::Request &req, httplib::Response &res) {
        dispatch(req, res);
    };
    server->Get(".*", handler);
    server->Post(".*", handler);
    server->Put(".*", handler);
    server->Patch(".*", handler);
    server->Delete(".*", handler);
    if (port == 0 && options.port == 0) {
        port = server->bind_to_any_port(options.host);
    } else {
        const int wanted = port ? port : options.port;
        // After a restart the old socket may linger briefly; retry the same port for a while.
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (server->bind_to_port(options.host, wanted)) {
                port = wanted;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    if (port <= 0)
        throw std::runtime_error("cannot listen on " + options.host + ":"
                                 + std::to_string(options.port));
    running = true;
    serverThread = std::thread([this] { server->listen_after_bind(); });
}

void ApiServer::stop()
{
    std::lock_guard lock(d->lifecycleMutex);
    if (!d->running)
        return;
    d->stopping = true;
    ++d->listenerGeneration;
    d->housekeepingWake.notify_all();
    d->server->stop();
    if (d->serverThread.joinable())
        d->serverThread.join();
    if (d->housekeeping.joinable())
        d->housekeeping.join();
    d->server.reset();
    d->running = false;
}

void ApiServer::restart()
{
    const int keep = d->port;
    stop();
    d->port = keep;
    start();
}

int ApiServer::port() const
{
    return d->port;
}

std::string ApiServer::url() const
{
    return "https://" + d->options.host + ":" + std::to_string(d->port);
}

Faults &ApiServer::faults()
{
    return d->faults;
}

std::string ApiServer::kubeconfig() const
{
    return renderKubeconfig({url(), d->pki.caPem(), d->adminCredential.certificatePem,
                             d->adminCredential.keyPem, d->adminToken, d->viewerToken});
}

void ApiServer::writeKubeconfig(const std::string &path) const
{
    // It holds the admin's key and tokens: readable by the owner only (0600, as kubectl writes
    // ~/.kube/config), created fresh (O_EXCL: an existing file or a symlink planted at the
    // temporary name is never followed) and renamed into place, which replaces a symlink at
    // `path` instead of writing through it.
    const std::string partial = path + ".partial." + std::to_string(::getpid());
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          0600);
    if (fd < 0)
        throw std::runtime_error("cannot write the kubeconfig to " + path + ": "
                                 + std::strerror(errno));
    const std::string text = kubeconfig();
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += std::size_t(n);
    }
    const bool ok = written == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(partial.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(partial.c_str());
        throw std::runtime_error("cannot write the kubeconfig to " + path + ": " + why);
    }
}

std::optional<User> ApiServer::Impl::authenticate(const httplib::Request &req) const
{
    const std::string authorization = req.get_header_value("Authorization");
    if (!authorization.empty()) {
        if (authorization.rfind("Bearer ", 0) != 0)
            return std::nullopt;
        const std::string token = authorization.substr(7);
        if (token == adminToken)
            return User{"kubernetes-admin", {"system:masters", "system:authenticated"}};
        if (token == viewerToken)
            return User{"viewer", {"system:authenticated"}};
        return std::nullopt;
    }
    if (!req.ssl)
        return std::nullopt;
    X509 *cert = SSL_get1_peer_certificate(req.ssl);
    if (!cert)
        return std::nullopt;
    User user;
    if (SSL_get_verify_result(req.ssl) == X509_V_OK) {
        X509_NAME *subject = X509_get_subject_name(cert);
        for (int i = 0; i < X509_NAME_entry_count(subject); ++i) {
            X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, i);
            const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
            ASN1_STRING *data = X509_NAME_ENTRY_get_data(entry);
            const std::string value(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)),
                                    static_cast<std::size_t>(ASN1_STRING_length(data)));
            if (nid == NID_commonName)
                user.name = value;
            else if (nid == NID_organizationName)
                user.groups.push_back(value);
        }
        user.groups.push_back("system:authenticated");
    }
    X509_free(cert);
    if (user.name.empty())
        return std::nullopt;
    return user;
}

void ApiServer::Impl::dispatch(const httplib::Request &req, httplib::Response &res)
{
    const std::string &path = req.path;
    try {
        if (path == "/healthz" || path == "/readyz" || path == "/livez") {
            res.set_content("ok", "text/plain; charset=utf-8");
            return;
        }
        if (path == "/version") {
            sendJson(res, 200, versionInfo());
            return;
        }
        if (const int latency = faults.latencyMs(); latency > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(latency));

        const std::optional<User> user = authenticate(req);
        if (!user) {
            sendError(res, ApiError(401, "Unauthorized", "Unauthorized"));
            return;
        }
        RequestContext ctx{req, res, *user, nullptr, {}, {}, {}, {}, {}};
        if (path == "/demo/faults") {
            serveFaults(ctx);
            return;
        }
        if (faults.takeTooManyRequests())
            throw errors::tooManyRequests(faults.retryAfterSeconds());
        if (faults.takeInternalError())
            throw errors::internal("injected fault");

        const std::vector<std::string> s = splitPath(path);
        RequestAttributes nonResource{
            false, req.method == "GET" ? "get" : "post", {}, {}, {}, {}, {}, path};
        std::transform(nonResource.verb.begin(), nonResource.verb.end(), nonResource.verb.begin(),
                       ::tolower);
        auto requireNonResource = [&] {
            const AccessDecision decision = authorizer.authorize(ctx.user, nonResource);
            if (!decision.allowed) {
                std::string message = Authorizer::forbiddenMessage(ctx.user, nonResource);
                if (!decision.reason.empty())
                    message += ": " + decision.reason;
                throw ApiError(403, "Forbidden", message);
            }
        };
        if (s.size() >= 2 && s[0] == "openapi" && s[1] == "v3") {
            requireNonResource();
            if (s.size() == 2) {
                sendJson(res, 200, openApiRoot());
                return;
            }
            std::optional<nlohmann::json> doc;
            if (s.size() == 4 && s[2] == "api")
                doc = openApiDocument("", s[3]);
            else if (s.size() == 5 && s[2] == "apis")
                doc = openApiDocument(s[3], s[4]);
            if (!doc)
                throw notFoundPath();
            sendJson(res, 200, *doc);
            return;
        }
        if (path == "/metrics") {
            // Like kube-apiserver: a non-resource URL that RBAC must grant (cluster-admin does).
            requireNonResource();
            res.set_content(metrics.text(), "text/plain; version=0.0.4; charset=utf-8");
            return;
        }
        if (s.empty() || (s[0] != "api" && s[0] != "apis")) {
            requireNonResource();
            throw notFoundPath();
        }
        if (s[0] == "api") {
            if (s.size() == 1) {
                requireNonResource();
                sendJson(res, 200, apiVersions(port));
                return;
            }
            if (s[1] != "v1")
                throw notFoundPath();
            if (s.size() == 2) {
                requireNonResource();
                sendJson(res, 200, *apiResourceList("", "v1"));
                return;
            }
            serveResourcePath(ctx, "", "v1", {s.begin() + 2, s.end()});
            return;
        }
        if (s.size() == 1) {
            requireNonResource();
            sendJson(res, 200, apiGroupList());
            return;
        }
        if (s.size() == 2) {
            requireNonResource();
            const auto group = apiGroup(s[1]);
            if (!group)
                throw notFoundPath();
            sendJson(res, 200, *group);
            return;
        }
        if (s.size() == 3) {
            requireNonResource();
            const auto list = apiResourceList(s[1], s[2]);
            if (!list)
                throw notFoundPath();
            sendJson(res, 200, *list);
            return;
        }
        serveResourcePath(ctx, s[1], s[2], {s.begin() + 3, s.end()});
    } catch (const ApiError &e) {
        sendError(res, e);
    } catch (const std::exception &e) {
        sendError(res, errors::internal(e.what()));
    }
}

void ApiServer::Impl::serveResourcePath(RequestContext &ctx, const std::string &group,
                                        const std::string &version,
                                        const std::vector<std::string> &s)
{
    if (!apiResourceList(group, version))
        throw notFoundPath();
    std::size_t i = 0;
    // /namespaces/{ns}/{resource}/... unless it is the namespace object itself (or its status).
    if (s.size() >= 3 && s[0] == "namespaces" && s[2] != "status" && s[2] != "finalize") {
        ctx.ns = s[1];
        i = 2;
    }
    const std::string resource = s[i];
    ctx.info = findResource(group, version, resource);
    if (!ctx.info || (!ctx.ns.empty() && !ctx.info->type.namespaced))
        throw notFoundPath();
    if (i + 1 < s.size())
        ctx.name = s[i + 1];
    if (i + 2 < s.size())
        ctx.subresource = s[i + 2];
    for (std::size_t j = i + 3; j < s.size(); ++j)
        ctx.rest += "/" + s[j];
    if (!ctx.rest.empty() || (ctx.subresource == "proxy" && ctx.req.path.back() == '/'))
        ctx.rest += ctx.req.path.back() == '/' ? "/" : "";
    if (ctx.rest == "//")
        ctx.rest = "/";

    const std::string &m = ctx.req.method;
    if (m == "GET")
        ctx.verb = ctx.name.empty() ? (ctx.flag("watch") ? "watch" : "list") : "get";
    else if (m == "POST")
        ctx.verb = "create";
    else if (m == "PUT")
        ctx.verb = "update";
    else if (m == "PATCH")
        ctx.verb = "patch";
    else if (m == "DELETE")
        ctx.verb = ctx.name.empty() ? "deletecollection" : "delete";
    if (ctx.verb == "get" && ctx.flag("watch"))
        ctx.verb = "watch";

    RequestAttributes attributes{true,   ctx.verb, group,       resource, ctx.subresource,
                                 ctx.ns, ctx.name, ctx.req.path};
    // As kube-apiserver's RequestInfo: a namespace object lies in itself (a RoleBinding there
    // may grant reading it), and a list or watch of one name (metadata.name=) names it, so
    // rules with resourceNames cover `kubectl get NAME -w`.
    if (group.empty() && resource == "namespaces" && !ctx.name.empty())
        attributes.ns = ctx.name;
    if ((ctx.verb == "list" || ctx.verb == "watch") && ctx.req.has_param("fieldSelector")) {
        try {
            const std::string name =
                FieldSelector(ctx.param("fieldSelector"), *ctx.info).required("metadata.name");
            if (!name.empty() && name != "." && name != ".."
                && name.find_first_of("/%") == std::string::npos)
                attributes.name = name;
        } catch (const ApiError &) {
            // Unparsable: authorized as a list of everything; the list itself answers 400.
        }
    }
    if (const AccessDecision decision = authorizer.authorize(ctx.user, attributes);
        !decision.allowed) {
        std::string message = Authorizer::forbiddenMessage(ctx.user, attributes);
        if (!decision.reason.empty())
            message += ": " + decision.reason;
        ApiError e(403, "Forbidden", message);
        e.details["group"] = group;
        e.details["kind"] = resource;
        if (!attributes.name.empty())
            e.details["name"] = attributes.name;
        throw e;
    }
    if (group == "metrics.k8s.io") {
        serveMetrics(ctx);
        return;
    }
    if (group == "authorization.k8s.io") {
        serveReview(ctx);
        return;
    }
    if (!ctx.subresource.empty())
        serveSubresource(ctx);
    else
        serveResource(ctx);
}

void ApiServer::Impl::serveFaults(RequestContext &ctx)
{
    if (!Authorizer::privileged(ctx.user)) {
        RequestAttributes a{
            false, ctx.req.method == "GET" ? "get" : "create", {}, {}, {}, {}, {}, ctx.req.path};
        throw ApiError(403, "Forbidden", Authorizer::forbiddenMessage(ctx.user, a));
    }
    if (ctx.req.method == "POST") {
        try {
            // JSON or the --faults text form, told apart by the body itself.
            const auto first = ctx.req.body.find_first_not_of(" \t\r\n");
            if (first != std::string::npos && ctx.req.body[first] == '{')
                faults.apply(parseBody(ctx.req));
            else
                faults.apply(ctx.req.body);
        } catch (const std::invalid_argument &e) {
            throw errors::badRequest(e.what());
        }
        housekeepingWake.notify_all();
    } else if (ctx.req.method != "GET") {
        throw ApiError(405, "MethodNotAllowed", "use GET or POST on /demo/faults");
    }
    sendJson(ctx.res, 200, faults.state());
}

void ApiServer::Impl::housekeepingLoop()
{
    std::mutex m;
    Churn churn;
    auto lastChores = std::chrono::steady_clock::time_point();
    while (!stopping) {
        {
            std::unique_lock lock(m);
            // Short steps while a churn burst runs, so its updates spread evenly.
            housekeepingWake.wait_for(lock, std::chrono::milliseconds(churn.active() ? 10 : 500));
        }
        if (stopping)
            break;
        if (const auto [perSecond, seconds] = faults.takeChurn(); perSecond > 0)
            churn.begin(store, perSecond, seconds);
        churn.step(store);
        if (faults.takeRestart()) {
            // The restart runs on its own thread: stop() joins this one.
            std::thread([this] {
                std::lock_guard lock(lifecycleMutex);
                if (!running)
                    return;
                ++listenerGeneration;
                server->stop();
                if (serverThread.joinable())
                    serverThread.join();
                server.reset();
                listen();
            }).detach();
        }
        // The chores keep the idle cadence while a churn burst wakes the loop every 10 ms.
        if (std::chrono::steady_clock::now() - lastChores < std::chrono::milliseconds(400))
            continue;
        lastChores = std::chrono::steady_clock::now();
        try {
            finalizeNamespaces();
        } catch (const std::exception &) {
            // A namespace removed concurrently; the next pass sees the settled state.
        }
        {
            std::lock_guard lock(pagesMutex);
            const auto now = std::chrono::steady_clock::now();
            for (auto it = pages.begin(); it != pages.end();)
                // Generous: kubectl needs minutes to page through 150,000 pods on a busy
                // machine, and a token expiring mid-list restarts its whole listing.
                it = now - it->second->created > std::chrono::minutes(30) ? pages.erase(it)
                                                                          : std::next(it);
        }
    }
}

} // namespace demo
