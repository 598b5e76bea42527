#include "democluster/podlogs.h"

#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace demo {

using nlohmann::json;

struct SimContext::LogFollow
{
    std::string ns, pod, container, containerId;
    LogOptions options;
    std::function<bool(const std::string &)> sink;
    bool initial = true;
    double sentUntil = 0;
    std::atomic<bool> cancelled{false};
};

namespace {

ApiError badRequest(const std::string &message)
{
    return ApiError(400, "BadRequest", message);
}

// The container instance whose log a request reads.
LogSource sourceFor(const json &pod, const std::string &container, bool previous)
{
    const std::string podName = sim::str(pod, "/metadata/name"_json_pointer);
    const json *spec = nullptr;
    // Pointers into the pod itself: never iterate a value() copy here.
    if (pod.contains("spec") && pod.at("spec").contains("containers"))
        for (const json &c : pod.at("spec").at("containers"))
            if (c.value("name", std::string()) == container)
                spec = &c;
    if (!spec)
        throw badRequest("container " + container + " is not valid for pod " + podName);
    const json *status = nullptr;
    if (pod.contains("status") && pod.at("status").contains("containerStatuses"))
        for (const json &cs : pod.at("status").at("containerStatuses"))
            if (cs.value("name", std::string()) == container)
                status = &cs;
    LogSource s;
    s.ns = sim::str(pod, "/metadata/namespace"_json_pointer);
    s.pod = podName;
    s.container = container;
    s.node = sim::str(pod, "/spec/nodeName"_json_pointer);
    s.podIp = sim::str(pod, "/status/podIP"_json_pointer);
    s.profile = UsageModel::profileFor(pod, *spec);
    const auto fromTerminated = [&](const json &t) {
        s.start = sim::parseTime(t.value("startedAt", json()), 0);
        s.end = sim::parseTime(t.value("finishedAt", json()), 0);
        s.exitCode = t.value("exitCode", 0);
        s.reason = t.value("reason", std::string());
        s.containerId = t.value("containerID", std::string());
    };
    const json state = status ? status->value("state", json::object()) : json::object();
    const json last = status ? status->value("lastState", json::object()) : json::object();
    if (previous) {
        if (!last.contains("terminated"))
            throw badRequest("previous terminated container \"" + container + "\" in pod \""
                             + podName + "\" not found");
        fromTerminated(last["terminated"]);
        return s;
    }
    if (state.contains("running")) {
        s.start = sim::parseTime(state["running"].value("startedAt", json()), 0);
        s.containerId = status->value("containerID", std::string());
        return s;
    }
    if (state.contains("terminated")) {
        fromTerminated(state["terminated"]);
        return s;
    }
    if (last.contains("terminated")) {
        // Waiting after a crash: the kubelet serves the log of the instance that just exited.
        fromTerminated(last["terminated"]);
        return s;
    }
    const std::string reason = state.contains("waiting") ? state["waiting"].value(
                                   "reason", std::string("ContainerCreating"))
                                                         : std::string("ContainerCreating");
    throw badRequest("container \"" + container + "\" in pod \"" + podName
                     + "\" is waiting to start: " + reason);
}

std::string format(const std::vector<LogLine> &lines, const LogOptions &o)
{
    std::size_t first = 0;
    if (o.tailLines && *o.tailLines >= 0 && static_cast<std::size_t>(*o.tailLines) < lines.size())
        first = lines.size() - static_cast<std::size_t>(*o.tailLines);
    std::string out;
    for (std::size_t i = first; i < lines.size(); ++i) {
        if (o.timestamps)
            out += sim::formatTimeNano(lines[i].time) + " ";
        out += lines[i].text;
        out += '\n';
        if (o.limitBytes && static_cast<std::int64_t>(out.size()) >= *o.limitBytes)
            break;
    }
    if (o.limitBytes && *o.limitBytes >= 0 && static_cast<std::int64_t>(out.size()) > *o.limitBytes)
        out.resize(static_cast<std::size_t>(*o.limitBytes));
    return out;
}

json podOrThrow(SimContext &ctx, const std::string &ns, const std::string &pod)
{
    auto object = ctx.store.get("pods", ns, pod);
    if (!object)
        throw ApiError(404, "NotFound", "pods \"" + pod + "\" not found");
    return *object;
}

std::vector<LogLine> select(SimContext &ctx, const LogSource &s, const LogOptions &o, double now)
{
    double from = -std::numeric_limits<double>::infinity();
    if (o.sinceSeconds)
        from = now - static_cast<double>(*o.sinceSeconds);
    else if (o.sinceTime)
        from = *o.sinceTime;
    // The kubelet keeps lines at or after the since time; lines() gives those after `from`.
    return ctx.logs.lines(s, std::nextafter(from, -std::numeric_limits<double>::infinity()), now);
}

} // namespace

std::string PodLogs::read(SimContext &ctx, const std::string &ns, const std::string &pod,
                          const LogOptions &o, double now)
{
    const json object = podOrThrow(ctx, ns, pod);
    const LogSource s = sourceFor(object, o.container, o.previous);
    return format(select(ctx, s, o, now), o);
}

std::uint64_t PodLogs::follow(SimContext &ctx, const std::string &ns, const std::string &pod,
                              const LogOptions &o, std::function<bool(const std::string &)> sink,
                              double now)
{
    const json object = podOrThrow(ctx, ns, pod);
    const LogSource s = sourceFor(object, o.container, o.previous); // validates, may throw
    auto f = std::make_shared<SimContext::LogFollow>();
    f->ns = ns;
    f->pod = pod;
    f->container = o.container;
    f->containerId = s.containerId;
    f->options = o;
    f->sink = std::move(sink);
    f->sentUntil = now;
    std::lock_guard lock(ctx.followMutex);
    const std::uint64_t id = ctx.nextFollowId++;
    ctx.follows[id] = f;
    return id;
}

void PodLogs::cancel(SimContext &ctx, std::uint64_t id)
{
    std::lock_guard lock(ctx.followMutex);
    const auto it = ctx.follows.find(id);
    if (it == ctx.follows.end())
        return;
    it->second->cancelled = true;
    ctx.follows.erase(it);
}

void PodLogs::pump(SimContext &ctx, double now)
{
    std::vector<std::pair<std::uint64_t, std::shared_ptr<SimContext::LogFollow>>> work;
    {
        std::lock_guard lock(ctx.followMutex);
        work.assign(ctx.follows.begin(), ctx.follows.end());
    }
    std::vector<std::uint64_t> done;
    for (auto &[id, f] : work) {
        if (f->cancelled)
            continue;
        bool keep = true;
        bool ended = false;
        std::string text;
        try {
            const auto pod = ctx.store.get("pods", f->ns, f->pod);
            if (!pod) {
                ended = true;
            } else {
                LogSource s = sourceFor(*pod, f->container, f->options.previous);
                if (s.containerId != f->containerId) {
                    ended = true; // a new instance: this stream's container is gone
                } else {
                    LogOptions o = f->options;
                    std::vector<LogLine> lines;
                    if (f->initial) {
                        lines = select(ctx, s, o, now);
                        f->initial = false;
                    } else {
                        o.tailLines.reset();
                        o.limitBytes.reset();
                        lines = ctx.logs.lines(s, f->sentUntil, now);
                    }
                    text = format(lines, o);
                    f->sentUntil = now;
                    ended = s.end > 0 || f->options.previous;
                }
            }
        } catch (const ApiError &) {
            ended = true;
        }
        std::size_t pos = 0;
        while (keep && pos < text.size()) {
            const std::size_t nl = text.find('\n', pos);
            const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
            keep = f->sink(text.substr(pos, end - pos));
            pos = end;
        }
        if (keep && ended)
            f->sink(std::string());
        if (!keep || ended)
            done.push_back(id);
    }
    std::lock_guard lock(ctx.followMutex);
    for (std::uint64_t id : done)
        ctx.follows.erase(id);
}

} // namespace demo
