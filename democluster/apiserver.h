#pragma once

// The demo cluster's Kubernetes API server: HTTPS on loopback with its own CA, client
// certificate and bearer token authentication, discovery and the REST surface of the fact sheet.
#include "democluster/clusterbackend.h"
#include "democluster/faults.h"
#include "democluster/objectstore.h"

#include <memory>
#include <string>

namespace demo {

struct ApiServerOptions
{
    std::string host = "127.0.0.1";
    int port = 0; // 0: any free port
};

class ApiServer final
{
public:
    // `backend` may be null (store only): metrics, logs and proxies then answer 503.
    ApiServer(ObjectStore &store, ClusterBackend *backend, ApiServerOptions options = {});
    ~ApiServer();
    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    // Binds and serves on a thread; throws std::runtime_error when the port cannot be bound.
    void start();
    void stop();
    // Stops the listener and serves again on the same port; the store is untouched.
    void restart();

    // Renders the JSON text of every stored object (except events) on all cores, so the first
    // paged list of a freshly seeded large cluster only concatenates text. Call after seeding.
    void prerender();

    int port() const;
    std::string url() const;
    Faults &faults();

    // Contexts demo (admin, client certificate), demo-token (admin, token) and demo-viewer.
    std::string kubeconfig() const;
    void writeKubeconfig(const std::string &path) const;

    struct Impl;

private:
    std::unique_ptr<Impl> d;
};

} // namespace demo
