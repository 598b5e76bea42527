#include "democluster/historywriter.h"

#include "democluster/kubeletmetrics.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <ostream>
#include <stdexcept>
#include <vector>

namespace demo {

using nlohmann::json;
using ObjectPtr = std::shared_ptr<const json>;

namespace {

std::string escapeLabel(const std::string &value)
{
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

// Shortest text that reads back to the same double (the live endpoint prints 16 digits; a
// history value must never round above the first live one).
void appendNumber(std::string &out, double value)
{
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

// One cgroup row's three series, formatted as they are computed: after the last computed
// sample only a copy to the file remains, so the history ends as close to "now" as it can.
struct Series
{
    std::string labels;    // {…} without the cpu label
    std::string cpuLabels; // {…} with cpu="total"
    std::string text[3];   // sample lines of cpu, working set, rss
    std::size_t samples[3] = {0, 0, 0};
    double first = 0, last = 0;
};

constexpr const char *kSampleNames[3] = {"container_cpu_usage_seconds_total",
                                         "container_memory_working_set_bytes",
                                         "container_memory_rss"};

void appendSample(Series &s, int family, double value, double t)
{
    std::string &line = s.text[family];
    line += kSampleNames[family];
    line += family == 0 ? s.cpuLabels : s.labels;
    line += ' ';
    appendNumber(line, value);
    line += ' ';
    appendNumber(line, t);
    line += '\n';
    if (s.samples[0] + s.samples[1] + s.samples[2] == 0)
        s.first = t;
    s.last = t;
    ++s.samples[family];
}

// Labels in Prometheus' order (sorted by name), target labels included.
std::string renderLabels(const CadvisorRow &row, const std::string &node, const HistoryOptions &o,
                         bool withCpu)
{
    std::string s = "{container=\"" + escapeLabel(row.container) + '"';
    if (withCpu)
        s += ",cpu=\"total\"";
    s += ",id=\"" + escapeLabel(row.id) + "\",image=\"" + escapeLabel(row.image) + "\",instance=\""
         + escapeLabel(node) + "\",job=\"" + escapeLabel(o.job) + "\",metrics_path=\""
         + escapeLabel(o.metricsPath) + "\",name=\"" + escapeLabel(row.name) + "\",namespace=\""
         + escapeLabel(row.ns) + "\",node=\"" + escapeLabel(node) + "\",pod=\""
         + escapeLabel(row.pod) + "\"}";
    return s;
}

} // namespace

HistoryStats HistoryWriter::write(const SimContext &ctx, double now, const HistoryOptions &o,
                                  std::ostream &out)
{
    if (!(o.stepSeconds >= 1) || !(o.seconds >= 0))
        throw std::invalid_argument(
            "the history needs a step of at least 1 s and a span of at least 0 s");
    // Whole seconds: OpenMetrics timestamps are float seconds and Prometheus truncates them to
    // milliseconds; integers survive that exactly.
    const double end = std::floor(now);
    const long long steps = static_cast<long long>(std::floor(o.seconds / o.stepSeconds));
    const double first = end - static_cast<double>(steps) * o.stepSeconds;

    std::vector<std::pair<ObjectPtr, std::vector<ObjectPtr>>> nodes;
    {
        std::map<std::string, std::vector<ObjectPtr>> podsByNode;
        for (const ObjectPtr &p : ctx.store.list("pods").items) {
            const std::string node = sim::str(*p, "/spec/nodeName"_json_pointer);
            if (!node.empty())
                podsByNode[node].push_back(p);
        }
        for (const ObjectPtr &node : ctx.store.list("nodes").items)
            nodes.emplace_back(
                node, std::move(podsByNode[(*node)["metadata"].value("name", std::string())]));
    }
    // Keyed by node and cgroup: one entry per row for all three families.
    std::map<std::pair<std::string, std::string>, Series> series;
    const auto sampleAt = [&](double t) {
        for (const auto &[node, pods] : nodes) {
            const NodeUsage usage = KubeletMetrics::nodeUsage(ctx, node, pods, t);
            for (const CadvisorRow &row : KubeletMetrics::cadvisorRows(usage)) {
                // What the app asks Prometheus for: app containers and the node's root cgroup.
                if (row.container.empty() && row.id != "/")
                    continue;
                Series &s = series[{usage.name, row.id}];
                if (s.labels.empty()) {
                    s.labels = renderLabels(row, usage.name, o, false);
                    s.cpuLabels = renderLabels(row, usage.name, o, true);
                }
                if (row.cpuSeconds > 0) // cadvisor has no CPU row while usage is 0
                    appendSample(s, 0, row.cpuSeconds, t);
                appendSample(s, 1, row.memory.workingSet, t);
                appendSample(s, 2, row.memory.rss, t);
            }
        }
    };
    double t = first;
    for (long long k = 0; k <= steps; ++k, t = first + static_cast<double>(k) * o.stepSeconds)
        sampleAt(t);
    // The hours took a while to compute: catch up with the clock, so the first live scrape
    // follows the history's last sample as closely as possible.
    while (steps > 0 && t <= ctx.now()) {
        sampleAt(t);
        t += o.stepSeconds;
    }
    // And one sample at the moment the computing ends (off the grid, less than a step after the
    // previous one): writing the text out is all that remains between it and the live scrapes.
    if (const double last = std::floor(ctx.now()); steps > 0 && last > t - o.stepSeconds)
        sampleAt(last);

    HistoryStats stats;
    stats.from = end;
    stats.to = first;
    const char *families[3][3] = {
        {"container_cpu_usage_seconds", "counter", "Cumulative cpu time consumed in seconds."},
        {"container_memory_working_set_bytes", "gauge", "Current working set in bytes."},
        {"container_memory_rss", "gauge", "Size of RSS in bytes."}};
    for (int f = 0; f < 3; ++f) {
        out << "# TYPE " << families[f][0] << ' ' << families[f][1] << "\n# HELP " << families[f][0]
            << ' ' << families[f][2] << '\n';
        for (const auto &[key, s] : series) {
            if (s.samples[f] == 0)
                continue;
            out << s.text[f];
            stats.samples += s.samples[f];
            ++stats.series;
            stats.from = std::min(stats.from, s.first);
            stats.to = std::max(stats.to, s.last);
        }
    }
    out << "# EOF\n";
    if (stats.samples == 0)
        stats.from = stats.to = end;
    return stats;
}

} // namespace demo
