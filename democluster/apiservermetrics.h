#pragma once

// The API server's own /metrics, as far as clients' behaviour shows in them: how many lists
// were served from the watch cache and how many went to storage (etcd), by resource, under the
// names a real kube-apiserver uses (apiserver_cache_list_total, apiserver_storage_list_total).
// A relist storm that reads etcd shows here.
#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace demo {

class ApiServerMetrics final
{
public:
    ApiServerMetrics();

    // `resource` is the plural, qualified by its group ("pods", "deployments.apps").
    void listFromCache(const std::string &resource);
    void listFromStorage(const std::string &resource);
    // The Prometheus text exposition of every series.
    std::string text() const;

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter> &m_cacheLists;
    prometheus::Family<prometheus::Counter> &m_storageLists;
};

} // namespace demo
