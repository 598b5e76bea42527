#include "democluster/serviceproxy.h"

#include "democluster/simcontext.h"
#include "democluster/simutil.h"

namespace demo {

using nlohmann::json;

std::optional<ClusterBackend::ProxyResponse> ServiceProxy::answer(const SimContext &ctx,
                                                                  const std::string &ns,
                                                                  const std::string &service,
                                                                  const std::string &path,
                                                                  double now)
{
    const auto svc = ctx.store.get("services", ns, service);
    if (!svc)
        return std::nullopt;
    const json selector = (*svc)["spec"].value("selector", json::object());
    if (selector.empty())
        return std::nullopt; // no simulated endpoint behind a selector-less Service
    std::vector<std::shared_ptr<const json>> ready;
    for (const auto &p : ctx.store.list("pods", ns).items)
        if (sim::mapSelectorMatches(selector, (*p)["metadata"].value("labels", json::object()))
            && sim::podIsReady(*p) && !sim::podIsTerminating(*p))
            ready.push_back(p);
    ClusterBackend::ProxyResponse r;
    if (ready.empty()) {
        r.status = 503;
        r.contentType = "application/json";
        r.body = json{
            {"kind", "Status"},
            {"apiVersion", "v1"},
            {"metadata", json::object()},
            {"status", "Failure"},
            {"message", "no endpoints available for service \"" + service + "\""},
            {"reason", "ServiceUnavailable"},
            {"code",
             503}}.dump();
        return r;
    }
    // Round-robin by time, like kube-proxy spreading connections.
    const json &pod = *ready[static_cast<std::size_t>(now) % ready.size()];
    const json &container = pod["spec"]["containers"][0];
    const UsageProfile profile = UsageModel::profileFor(pod, container);
    const std::string podName = sim::str(pod, "/metadata/name"_json_pointer);
    if (profile.name == "web") {
        r.contentType = "text/html";
        r.body =
            "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n"
            "<h1>Welcome to nginx!</h1>\n<p>Served by "
            + podName + " in " + ns + " for /" + path + ".</p>\n</body>\n</html>\n";
        return r;
    }
    if (profile.name == "api" || profile.name == "crashloop" || profile.name == "oom") {
        r.contentType = "application/json";
        r.body = json{{"status", "ok"},
                      {"service", service},
                      {"pod", podName},
                      {"path", "/" + path},
                      {"time", sim::formatTime(now)}}
                     .dump()
                 + "\n";
        return r;
    }
    r.status = 502;
    r.contentType = "text/plain; charset=utf-8";
    r.body = "error: " + service + " does not speak HTTP ("
             + container.value("image", std::string()) + ")\n";
    return r;
}

} // namespace demo
