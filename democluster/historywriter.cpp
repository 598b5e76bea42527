#include "democluster/historywriter.h"

#include "democluster/kubeletmetrics.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

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

struct Series
{
    std::string labels;    // {…} without the cpu label
    std::string cpuLabels; // {…} with cpu="total"
    std::vector<double> times, cpu, workingSet, rss;
};

// Labels in Prometheus' order (sorted by name), target labels included.
std::string renderLabels(const CadvisorRow &row, const std::string &node, const HistoryOptions &o, bool withCpu)
{
    std::string s = "{container=\"" + escapeLabel(row.container) + '"';
    if (withCpu)
        s += ",cpu=\"total\"";
    s += ",id=\"" + escapeLabel(row.id) + "\",image=\"" + escapeLabel(row.image) + "\",instance=\""
         + escapeLabel(node) + "\",job=\"" + escapeLabel(o.job) + "\",metrics_path=\"" + escapeLabel(o.metricsPath)
         + "\",name=\"" + escapeLabel(row.name) + "\",namespace=\"" + escapeLabel(row.ns) + "\",node=\""
         + escapeLabel(node) + "\",pod=\"" + escapeLabel(row.pod) + "\"}";
    return s;
}

} // namespace

HistoryStats HistoryWriter::write(const SimContext &ctx, double now, const HistoryOptions &o, std::ostream &out)
{
    if (!(o.stepSeconds >= 1) || !(o.seconds >= 0))
        throw std::invalid_argument("the history needs a step of at least 1 s and a span of at least 0 s");
    // Whole seconds: OpenMetrics timestamps are float seconds and Prometheus truncates them to
    // milliseconds; integers survive that exactly.
    const double end = std::floor(now);
    const long long steps = static_cast<long long>(std::floor(o.seconds / o.stepSeconds));
    const double first = end - static_cast<double>(steps) * o.stepSeconds;

    std::map<std::string, std::vector<ObjectPtr>> podsByNode;
    for (const ObjectPtr &p : ctx.store.list("pods").items) {
        const std::string node = sim::str(*p, "/spec/nodeName"_json_pointer);
        if (!node.empty())
            podsByNode[node].push_back(p);
    }
    // Keyed by node and cgroup: one series per row for all three families.
    std::map<std::pair<std::string, std::string>, Series> series;
    for (const ObjectPtr &node : ctx.store.list("nodes").items) {
        const std::string name = (*node)["metadata"].value("name", std::string());
        const std::vector<ObjectPtr> &pods = podsByNode[name];
        for (long long k = 0; k <= steps; ++k) {
            const double t = first + static_cast<double>(k) * o.stepSeconds;
            const NodeUsage usage = KubeletMetrics::nodeUsage(ctx, node, pods, t);
            for (const CadvisorRow &row : KubeletMetrics::cadvisorRows(usage)) {
                // What the app asks Prometheus for: app containers and the node's root cgroup.
                if (row.container.empty() && row.id != "/")
                    continue;
                Series &s = series[{name, row.id}];
                if (s.labels.empty()) {
                    s.labels = renderLabels(row, name, o, false);
                    s.cpuLabels = renderLabels(row, name, o, true);
                }
                s.times.push_back(t);
                s.cpu.push_back(row.cpuSeconds);
                s.workingSet.push_back(row.memory.workingSet);
                s.rss.push_back(row.memory.rss);
            }
        }
    }

    HistoryStats stats;
    stats.from = end;
    stats.to = first;
    std::string line;
    const auto family = [&](const char *metric, const char *type, const char *help, const char *sampleName,
                            bool isCpu, std::vector<double> Series::*values) {
        out << "# TYPE " << metric << ' ' << type << "\n# HELP " << metric << ' ' << help << '\n';
        for (const auto &[key, s] : series) {
            bool any = false;
            for (std::size_t i = 0; i < s.times.size(); ++i) {
                const double v = (s.*values)[i];
                if (isCpu && v <= 0)
                    continue; // cadvisor has no CPU row while usage is 0
                line.assign(sampleName);
                line += isCpu ? s.cpuLabels : s.labels;
                line += ' ';
                appendNumber(line, v);
                line += ' ';
                appendNumber(line, s.times[i]);
                line += '\n';
                out << line;
                ++stats.samples;
                stats.from = std::min(stats.from, s.times[i]);
                stats.to = std::max(stats.to, s.times[i]);
                any = true;
            }
            if (any)
                ++stats.series;
        }
    };
    family("container_cpu_usage_seconds", "counter", "Cumulative cpu time consumed in seconds.",
           "container_cpu_usage_seconds_total", true, &Series::cpu);
    family("container_memory_working_set_bytes", "gauge", "Current working set in bytes.",
           "container_memory_working_set_bytes", false, &Series::workingSet);
    family("container_memory_rss", "gauge", "Size of RSS in bytes.", "container_memory_rss", false, &Series::rss);
    out << "# EOF\n";
    if (stats.samples == 0)
        stats.from = stats.to = end;
    return stats;
}

} // namespace demo
