#include "democluster/apiservermetrics.h"

#include <prometheus/text_serializer.h>

namespace demo {

ApiServerMetrics::ApiServerMetrics()
    : m_registry(std::make_shared<prometheus::Registry>())
    , m_cacheLists(prometheus::BuildCounter()
                       .Name("apiserver_cache_list_total")
                       .Help("Number of list requests served from watch cache")
                       .Register(*m_registry))
    , m_storageLists(prometheus::BuildCounter()
                         .Name("apiserver_storage_list_total")
                         .Help("Number of LIST requests served from storage")
                         .Register(*m_registry))
{}

void ApiServerMetrics::listFromCache(const std::string &resource)
{
    // A real server labels by the storage prefix ("/pods") and the index used ("" for none).
    m_cacheLists.Add({{"resource_prefix", "/" + resource}, {"index", ""}}).Increment();
}

void ApiServerMetrics::listFromStorage(const std::string &resource)
{
    m_storageLists.Add({{"resource", resource}}).Increment();
}

std::string ApiServerMetrics::text() const
{
    return prometheus::TextSerializer().Serialize(m_registry->Collect());
}

} // namespace demo
