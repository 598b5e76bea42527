#pragma once

// Answers for the API server's service proxy: what the pods behind a simulated Service would
// reply (an nginx page, an API's JSON), or the 503 a real server gives without endpoints.
#include "democluster/clusterbackend.h"

#include <optional>
#include <string>

namespace demo {

struct SimContext;

class ServiceProxy final
{
public:
    static std::optional<ClusterBackend::ProxyResponse> answer(const SimContext &ctx,
                                                               const std::string &ns,
                                                               const std::string &service,
                                                               const std::string &path, double now);
};

} // namespace demo
