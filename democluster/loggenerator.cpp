#include "democluster/loggenerator.h"

#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace demo {

namespace {

std::string clf(double t) // 26/Nov/2026:01:20:00 +0000
{
    const std::time_t s = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%d/%b/%Y:%H:%M:%S +0000", &tm);
    return buf;
}

std::string pgTime(double t) // 2026-11-26 01:20:00.123 UTC
{
    const std::time_t s = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[48];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%03d UTC",
                  static_cast<int>((t - std::floor(t)) * 1000));
    return buf;
}

std::string klogTime(double t) // I1126 01:20:00.123456
{
    const std::time_t s = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[48];
    const std::size_t n = std::strftime(buf, sizeof buf, "%m%d %H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%06d", static_cast<int>((t - std::floor(t)) * 1e6));
    return buf;
}

template<std::size_t N>
const char *pick(const char *const (&items)[N], std::uint64_t h)
{
    return items[h % N];
}

} // namespace

LogGenerator::LogGenerator(std::uint64_t seed)
    : seed_(seed)
{}

double LogGenerator::interval(const UsageProfile &p) const
{
    if (p.name == "web")
        return 1.5;
    if (p.name == "api")
        return 2;
    if (p.name == "db")
        return 20;
    if (p.name == "dns" || p.name == "dashboard")
        return 30;
    if (p.name == "proxy")
        return 60;
    if (p.name == "agent")
        return 15;
    if (p.name == "batch")
        return 2;
    if (p.name == "crashloop")
        return 1;
    if (p.name == "oom")
        return 3;
    return 10;
}

std::string LogGenerator::line(const LogSource &s, std::int64_t k, double t) const
{
    const std::uint64_t h = sim::hashString(s.containerId + "/" + std::to_string(k), seed_);
    const std::string &p = s.profile.name;
    char buf[512];
    if (k < 2) {
        // Start-up banner of each kind of workload.
        if (p == "web")
            return k == 0 ? "/docker-entrypoint.sh: Configuration complete; ready for start up"
                          : clf(t).substr(0, 11) + " nginx: start worker processes";
        if (p == "db")
            return pgTime(t)
                   + (k == 0 ? " [1] LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-gnu"
                             : " [1] LOG:  database system is ready to accept connections");
        if (p == "api" || p == "oom" || p == "crashloop")
            return std::string("{\"level\":\"info\",\"ts\":\"")
                   + sim::formatTimeNano(t).substr(0, 23) + "Z\",\"msg\":\""
                   + (k == 0 ? "loading configuration" : "listening on :8080") + "\"}";
    }
    if (p == "web") {
        static const char *const paths[] = {"/",
                                            "/index.html",
                                            "/static/app.js",
                                            "/static/style.css",
                                            "/api/products",
                                            "/api/products?page=2",
                                            "/healthz",
                                            "/favicon.ico"};
        static const char *const agents[] = {"Mozilla/5.0 (X11; Linux x86_64)", "kube-probe/1.32",
                                             "curl/8.5.0",
                                             "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)"};
        const int status = (h >> 20) % 50 == 0 ? 404 : ((h >> 26) % 200 == 0 ? 502 : 200);
        std::snprintf(buf, sizeof buf,
                      "10.244.%d.%d - - [%s] \"GET %s HTTP/1.1\" %d %d \"-\" \"%s\"",
                      static_cast<int>((h >> 8) % 4), static_cast<int>(2 + (h >> 12) % 250),
                      clf(t).c_str(), pick(paths, h >> 32), status,
                      static_cast<int>(200 + (h >> 40) % 9000), pick(agents, h >> 48));
        return buf;
    }
    if (p == "api" || p == "oom") {
        static const char *const routes[] = {"/v1/orders", "/v1/orders/{id}", "/v1/customers",
                                             "/v1/cart", "/v1/checkout"};
        static const char *const methods[] = {"GET", "GET", "GET", "POST", "PUT"};
        const int status = (h >> 24) % 40 == 0 ? 500 : 200;
        std::snprintf(buf, sizeof buf,
                      "{\"level\":\"%s\",\"ts\":\"%sZ\",\"msg\":\"request "
                      "completed\",\"method\":\"%s\",\"path\":\"%s\","
                      "\"status\":%d,\"duration_ms\":%.1f,\"trace_id\":\"%s\"}",
                      status == 500 ? "error" : "info",
                      sim::formatTimeNano(t).substr(0, 23).c_str(), pick(methods, h >> 8),
                      pick(routes, h >> 16), status,
                      2 + static_cast<double>((h >> 32) % 4000) / 10.0, sim::hexId(h, 32).c_str());
        return buf;
    }
    if (p == "db") {
        if ((h >> 8) % 3 == 0)
            std::snprintf(buf, sizeof buf,
                          "%s [%d] LOG:  checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL "
                          "file(s) added, 0 removed, 1 recycled",
                          pgTime(t).c_str(), static_cast<int>(60 + (h >> 16) % 40),
                          static_cast<int>((h >> 24) % 400),
                          static_cast<double>((h >> 32) % 30) / 10.0);
        else
            std::snprintf(buf, sizeof buf,
                          "%s [%d] LOG:  duration: %.3f ms  statement: SELECT * FROM orders WHERE "
                          "customer_id = %d",
                          pgTime(t).c_str(), static_cast<int>(60 + (h >> 16) % 40),
                          static_cast<double>((h >> 24) % 900000) / 1000.0,
                          static_cast<int>((h >> 40) % 10000));
        return buf;
    }
    if (p == "dns") {
        static const char *const names[] = {
            "api.team-a.svc.cluster.local.", "db.team-a.svc.cluster.local.",
            "web.team-b.svc.cluster.local.", "kubernetes.default.svc.cluster.local."};
        std::snprintf(buf, sizeof buf,
                      "[INFO] 10.244.%d.%d:%d - %d \"A IN %s udp 50 false 512\" NOERROR qr,aa,rd "
                      "106 0.000%03ds",
                      static_cast<int>((h >> 8) % 4), static_cast<int>(2 + (h >> 12) % 250),
                      static_cast<int>(30000 + (h >> 20) % 30000),
                      static_cast<int>((h >> 36) % 65535), pick(names, h >> 52),
                      static_cast<int>(50 + (h >> 44) % 400));
        return buf;
    }
    if (p == "proxy") {
        std::snprintf(buf, sizeof buf,
                      "I%s       1 proxier.go:820] \"SyncProxyRules complete\" elapsed=\"%.3fms\"",
                      klogTime(t).c_str(), 20 + static_cast<double>((h >> 8) % 60000) / 1000.0);
        return buf;
    }
    if (p == "batch") {
        std::snprintf(buf, sizeof buf, "%s processed batch %lld: %d records",
                      sim::formatTime(t).c_str(), static_cast<long long>(k - 1),
                      static_cast<int>(100 + (h >> 8) % 900));
        return buf;
    }
    if (p == "crashloop") {
        std::snprintf(buf, sizeof buf,
                      "{\"level\":\"warn\",\"ts\":\"%sZ\",\"msg\":\"retrying "
                      "connection\",\"target\":\"payments-db:5432\",\"attempt\":%lld}",
                      sim::formatTimeNano(t).substr(0, 23).c_str(), static_cast<long long>(k - 1));
        return buf;
    }
    std::snprintf(buf, sizeof buf, "ts=%s level=info component=%s msg=\"%s\" duration=%.2fs",
                  sim::formatTime(t).c_str(), s.container.c_str(),
                  (h >> 8) % 2 ? "scrape complete" : "heartbeat",
                  static_cast<double>((h >> 16) % 500) / 100.0);
    return buf;
}

std::vector<std::string> LogGenerator::exitLines(const LogSource &s) const
{
    if (s.reason == "Error")
        return {"{\"level\":\"error\",\"msg\":\"giving up: dial tcp 10.0.113.7:5432: connect: "
                "connection refused\"}",
                "panic: dial tcp 10.0.113.7:5432: connect: connection refused",
                "",
                "goroutine 1 [running]:",
                "main.mustConnect({0xc000126000, 0x1a})",
                "\t/src/cmd/payments/main.go:48 +0x1f4",
                "main.main()",
                "\t/src/cmd/payments/main.go:23 +0x85"};
    if (s.reason == "Completed")
        return {sim::formatTime(s.end) + " all batches processed, exiting"};
    return {}; // OOM kills leave no last words
}

std::vector<LogLine> LogGenerator::lines(const LogSource &s, double from, double to) const
{
    std::vector<LogLine> out;
    const double end = s.end > 0 ? std::min(to, s.end) : to;
    if (end <= s.start)
        return out;
    const double step = interval(s.profile);
    // Line k falls in [start + k*step, start + (k+1)*step), jittered within its slot.
    const auto timeOf = [&](std::int64_t k) {
        return s.start
               + (static_cast<double>(k) + 0.05
                  + 0.9
                        * sim::unitFromHash(
                            sim::hashString(s.containerId + "#" + std::to_string(k), seed_)))
                     * step;
    };
    std::int64_t last = static_cast<std::int64_t>(std::floor((end - s.start) / step));
    while (last >= 0 && timeOf(last) > end)
        --last;
    std::int64_t first = std::max<std::int64_t>(
        0, static_cast<std::int64_t>(std::floor((std::max(from, s.start) - s.start) / step)));
    first = std::max(first, last - kRetainedLines + 1);
    for (std::int64_t k = first; k <= last; ++k) {
        const double t = timeOf(k);
        if (t > from && t <= end)
            out.push_back({t, line(s, k, t)});
    }
    if (s.end > 0 && s.end > from && s.end <= to)
        for (const std::string &text : exitLines(s))
            out.push_back({s.end, text});
    return out;
}

} // namespace demo
