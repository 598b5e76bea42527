#pragma once

// Internals of ApiServer shared by its source files (dispatch, REST verbs, subresources,
// lifecycle). Not part of the library's interface.
#include "democluster/apiserver.h"
#include "democluster/apiservermetrics.h"
#include "democluster/authorizer.h"
#include "democluster/jsontextcache.h"
#include "democluster/pki.h"
#include "democluster/resources.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace demo {

struct RequestContext
{
    const httplib::Request &req;
    httplib::Response &res;
    User user;
    const ResourceInfo *info = nullptr;
    std::string ns;
    std::string name;
    std::string subresource;
    std::string rest; // path after the subresource (proxy paths)
    std::string verb;

    std::string param(const char *key) const
    {
        return req.has_param(key) ? req.get_param_value(key) : std::string();
    }
    bool flag(const char *key) const
    {
        // strconv.ParseBool's spellings (python-kubernetes sends "True").
        const std::string v = param(key);
        return v == "true" || v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "True";
    }
    bool wantsTable() const
    {
        return req.get_header_value("Accept").find("as=Table") != std::string::npos;
    }
};

// A list snapshot kept for `continue` tokens, so every page comes from the same state.
struct PagedSnapshot
{
    std::string key;
    std::string ns;
    ObjectStore::Snapshot snapshot;
    std::chrono::steady_clock::time_point created;
    bool fromCache = false; // its continuations are served from the same cache snapshot
};

struct ApiServer::Impl
{
    Impl(ObjectStore &s, ClusterBackend *b, ApiServerOptions o)
        : store(s)
        , backend(b)
        , options(std::move(o))
        , authorizer(s)
    {}

    ObjectStore &store;
    ClusterBackend *backend;
    ApiServerOptions options;
    Authorizer authorizer;
    Pki pki;
    Credential serverCredential;
    Credential adminCredential;
    std::string adminToken;
    std::string viewerToken;
    Faults faults;
    ApiServerMetrics metrics;

    std::unique_ptr<httplib::SSLServer> server;
    std::thread serverThread;
    std::thread housekeeping;
    std::atomic<bool> stopping{false};
    std::atomic<bool> running{false};
    // Bumped whenever the listener stops (stop or restart): open watches and log follows end,
    // as their connections would on a real server restart.
    std::atomic<std::uint64_t> listenerGeneration{0};
    int port = 0;
    std::mutex lifecycleMutex;
    std::condition_variable housekeepingWake;

    // Serialized objects for list pages: a paged list of 150,000 pods, and every informer's
    // relist, dumps each object once per version instead of once per client.
    mutable JsonTextCache textCache;

    std::mutex pagesMutex;
    std::map<std::uint64_t, std::shared_ptr<const PagedSnapshot>> pages;
    std::uint64_t nextPageId = 1;

    // apiserver.cpp
    void listen();
    void dispatch(const httplib::Request &req, httplib::Response &res);
    std::optional<User> authenticate(const httplib::Request &req) const;
    void serveResourcePath(RequestContext &ctx, const std::string &group,
                           const std::string &version, const std::vector<std::string> &segments);
    void serveFaults(RequestContext &ctx);
    void housekeepingLoop();

    // discovery.cpp
    static nlohmann::json apiVersions(int port);
    static nlohmann::json apiGroupList();
    static std::optional<nlohmann::json> apiGroup(const std::string &group);
    static std::optional<nlohmann::json> apiResourceList(const std::string &group,
                                                         const std::string &version);
    static nlohmann::json versionInfo();

    // openapi.cpp: /openapi/v3 and /openapi/v3/{api/v1 | apis/<group>/<version>}
    static nlohmann::json openApiRoot();
    static std::optional<nlohmann::json> openApiDocument(const std::string &group,
                                                         const std::string &version);

    // resthandler.cpp
    static ApiError notFoundResource();
    void serveResource(RequestContext &ctx);
    void get(RequestContext &ctx);
    void list(RequestContext &ctx);
    void watch(RequestContext &ctx);
    void create(RequestContext &ctx);
    void update(RequestContext &ctx, bool statusOnly);
    void patch(RequestContext &ctx, bool statusOnly);
    void remove(RequestContext &ctx);
    // Starts a pod's graceful deletion and returns the terminating pod; nullopt when the pod
    // is to be removed at once instead (grace 0, unscheduled or finished).
    std::optional<nlohmann::json> startPodTermination(const std::string &ns,
                                                      const std::string &name,
                                                      std::optional<std::int64_t> requested);
    void removeCollection(RequestContext &ctx);
    std::string tableFor(const ResourceType &type,
                         const std::vector<std::shared_ptr<const nlohmann::json>> &objects,
                         const RequestContext &ctx, nlohmann::json listMeta,
                         bool withColumns) const;

    // subresources.cpp
    void serveSubresource(RequestContext &ctx);
    void serveLogs(RequestContext &ctx);
    void serveScale(RequestContext &ctx);
    void serveNodeProxy(RequestContext &ctx);
    void serveServiceProxy(RequestContext &ctx);
    void serveMetrics(RequestContext &ctx);
    void serveReview(RequestContext &ctx);

    // lifecycle.cpp
    void prepareForCreate(const ResourceType &type, nlohmann::json &object) const;
    void checkNamespaceAccepts(const std::string &ns) const;
    void deleteDependents(const std::string &uid, const std::string &ns);
    void finalizeNamespaces();
};

// Sends a JSON body with the real server's content type.
void sendJson(httplib::Response &res, int code, const nlohmann::json &body);
void sendError(httplib::Response &res, const ApiError &error);
nlohmann::json parseBody(const httplib::Request &req);

} // namespace demo
