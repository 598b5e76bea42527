// The demo cluster's metrics history (HistoryWriter) against its own live kubelet endpoint: the
// OpenMetrics text has the shape promtool needs, each series' newest sample equals what
// /metrics/cadvisor reports at that instant with the same labels (plus the scrape's target
// labels), counters never go back, and a container's samples begin when it started.
#include "democluster/simulation.h"
#include "sim_testsupport.h"

#include <QtTest>

#include <map>
#include <set>
#include <sstream>

namespace {

using Labels = std::map<std::string, std::string>;

struct Line
{
    std::string name;
    Labels labels;
    double value = 0;
    double timestamp = -1; // -1: none
};

// Reads `name{a="x",…} value [timestamp]`; our label values carry no quotes or escapes.
bool parseLine(const std::string &line, Line &out)
{
    const auto brace = line.find('{');
    const auto close = line.rfind('}');
    if (brace == std::string::npos || close == std::string::npos || close < brace)
        return false;
    out.name = line.substr(0, brace);
    out.labels.clear();
    const std::string body = line.substr(brace + 1, close - brace - 1);
    std::size_t pos = 0;
    while (pos < body.size()) {
        const auto eq = body.find("=\"", pos);
        const auto end = body.find('"', eq + 2);
        if (eq == std::string::npos || end == std::string::npos)
            return false;
        out.labels[body.substr(pos, eq - pos)] = body.substr(eq + 2, end - eq - 2);
        pos = end + 2; // past `",`
    }
    std::istringstream rest(line.substr(close + 1));
    if (!(rest >> out.value))
        return false;
    out.timestamp = -1;
    rest >> out.timestamp;
    return true;
}

struct SeriesPoints
{
    std::vector<double> times, values;
};

std::string key(const std::string &name, const Labels &labels)
{
    std::string k = name;
    for (const auto &[n, v] : labels)
        k += "|" + n + "=" + v;
    return k;
}

} // namespace

class TestSimHistory : public QObject
{
    Q_OBJECT

private:
    static constexpr double kNow = 1'700'000'000; // whole seconds: the last sample lands on it
    static constexpr double kSpan = 3600;
    static constexpr double kStep = 15;
    demo::ObjectStore store{100000};
    std::unique_ptr<demo::Simulation> sim;
    std::string text;
    demo::HistoryStats stats;
    std::map<std::string, SeriesPoints> series; // by name and labels
    std::map<std::string, Line> firstLine;

private Q_SLOTS:
    void initTestCase()
    {
        simtest::registerTypes(store);
        demo::SimulationOptions o;
        o.manualClock = true;
        o.startTime = kNow;
        o.seed = 1;
        o.historySeconds = kSpan;
        sim = std::make_unique<demo::Simulation>(store, o);
        sim->seed();
        std::ostringstream out;
        demo::HistoryOptions h;
        h.seconds = kSpan;
        h.stepSeconds = kStep;
        stats = sim->writeHistory(out, h);
        text = out.str();
    }

    void openMetricsShape()
    {
        QVERIFY(text.size() > 6);
        QVERIFY(text.ends_with("\n# EOF\n"));
        std::istringstream in(text);
        std::string line;
        std::vector<std::string> types;
        std::size_t samples = 0;
        bool eof = false;
        while (std::getline(in, line)) {
            QVERIFY2(!eof, "text after # EOF");
            QVERIFY2(!line.empty(), "blank line (OpenMetrics forbids them)");
            if (line == "# EOF") {
                eof = true;
                continue;
            }
            if (line.starts_with("# TYPE ")) {
                types.push_back(line);
                continue;
            }
            if (line.starts_with("# HELP "))
                continue;
            QVERIFY2(line[0] != '#', line.c_str());
            Line l;
            QVERIFY2(parseLine(line, l), line.c_str());
            QVERIFY2(l.timestamp > 0, "every sample needs a timestamp for promtool");
            const std::string k = key(l.name, l.labels);
            SeriesPoints &s = series[k];
            if (s.times.empty())
                firstLine[k] = l;
            s.times.push_back(l.timestamp);
            s.values.push_back(l.value);
            ++samples;
        }
        QVERIFY(eof);
        const std::vector<std::string> expected = {
            "# TYPE container_cpu_usage_seconds counter",
            "# TYPE container_memory_working_set_bytes gauge", "# TYPE container_memory_rss gauge"};
        QCOMPARE(types, expected);
        QCOMPARE(samples, stats.samples);
        QCOMPARE(series.size(), stats.series);
        QCOMPARE(stats.to, kNow);
        QCOMPARE(stats.from, kNow - kSpan);
        qInfo("%zu samples of %zu series over %.0f s, %zu bytes", samples, series.size(),
              stats.to - stats.from, text.size());

        // Each series in time order at the step, and counters never decrease.
        for (const auto &[k, s] : series) {
            for (std::size_t i = 1; i < s.times.size(); ++i) {
                QCOMPARE(s.times[i] - s.times[i - 1], kStep);
                if (k.starts_with("container_cpu_usage_seconds_total|"))
                    QVERIFY2(s.values[i] >= s.values[i - 1], k.c_str());
            }
        }
    }

    void newestSampleEqualsLiveScrape()
    {
        // Live /metrics/cadvisor of every node at the same instant, by name and labels.
        std::map<std::string, Line> live;
        for (const nlohmann::json &node : simtest::items(store, "nodes")) {
            const std::string name = node["metadata"]["name"];
            const std::string body = *sim->kubeletCadvisorMetrics(name);
            std::istringstream in(body);
            std::string line;
            while (std::getline(in, line)) {
                Line l;
                if (line.empty() || line[0] == '#' || !parseLine(line, l))
                    continue;
                // What the scrape adds (scripts/demo-prometheus' job and relabelling).
                l.labels["instance"] = name;
                l.labels["node"] = name;
                l.labels["job"] = "kubelet";
                l.labels["metrics_path"] = "/metrics/cadvisor";
                live[key(l.name, l.labels)] = l;
            }
        }
        int containers = 0, roots = 0;
        for (const auto &[k, s] : series) {
            QVERIFY2(s.times.back() == kNow, k.c_str()); // every container now running reaches now
            const auto it = live.find(k);
            QVERIFY2(it != live.end(), ("no live row with the same name and labels: " + k).c_str());
            const double want = it->second.value;
            const double got = s.values.back();
            // The live text has 16 significant digits, ours round-trips exactly.
            QVERIFY2(
                std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want)),
                (k + ": history " + std::to_string(got) + ", live " + std::to_string(want)).c_str());
            const Labels &labels = firstLine.at(k).labels;
            if (labels.at("id") == "/")
                ++roots;
            else if (!labels.at("container").empty())
                ++containers;
        }
        QCOMPARE(roots, 3 * 3); // three families of the three nodes' root cgroups
        QVERIFY(containers >= 3 * 20);
        qInfo("%d container and %d node series equal the live scrape at %.0f", containers, roots,
              kNow);
    }

    void containersStartWhenTheyStarted()
    {
        // container_start_time_seconds of each live row, keyed like the history's working set.
        std::map<std::string, double> starts;
        for (const nlohmann::json &node : simtest::items(store, "nodes")) {
            const std::string name = node["metadata"]["name"];
            std::istringstream in(*sim->kubeletCadvisorMetrics(name));
            std::string line;
            while (std::getline(in, line)) {
                Line l;
                if (line.starts_with("container_start_time_seconds{") && parseLine(line, l)) {
                    l.labels["instance"] = name;
                    l.labels["node"] = name;
                    l.labels["job"] = "kubelet";
                    l.labels["metrics_path"] = "/metrics/cadvisor";
                    starts[key("container_memory_working_set_bytes", l.labels)] = l.value;
                }
            }
        }
        int whole = 0, young = 0;
        for (const auto &[k, s] : series) {
            if (!k.starts_with("container_memory_working_set_bytes|"))
                continue;
            QVERIFY2(starts.count(k), k.c_str());
            const double start = starts.at(k);
            if (start <= kNow - kSpan) {
                QCOMPARE(s.times.front(), kNow - kSpan); // older than the window: all of it
                ++whole;
            } else {
                // Younger: from the first step at or after its start.
                QVERIFY2(s.times.front() >= start && s.times.front() - start < kStep, k.c_str());
                ++young;
            }
        }
        QVERIFY(whole > 0);
        qInfo("%d series span the whole hour, %d begin with their container", whole, young);
    }

    void podStartedLaterBeginsAtItsStart()
    {
        // A pod created now, run for a minute of simulated time: its history is that minute.
        store.create(
            "pods",
            {{"metadata", {{"name", "late"}, {"namespace", "team-a"}}},
             {"spec",
              {{"containers",
                {{{"name", "late"},
                  {"image", "nginx:1.27.2"},
                  {"resources", {{"requests", {{"cpu", "100m"}, {"memory", "64Mi"}}}}}}}}}}});
        for (int i = 0; i < 12; ++i)
            sim->step(5);
        const nlohmann::json pod = *store.getShared("pods", "team-a", "late");
        QVERIFY2(pod["status"]["containerStatuses"][0]["state"].contains("running"),
                 pod["status"].dump().c_str());
        std::ostringstream out;
        demo::HistoryOptions h;
        h.seconds = kSpan;
        h.stepSeconds = kStep;
        const demo::HistoryStats later = sim->writeHistory(out, h);
        QCOMPARE(later.to, kNow + 60);
        double start = 0;
        std::vector<double> times;
        std::istringstream in(out.str());
        std::string line;
        while (std::getline(in, line)) {
            Line l;
            if (line.starts_with("container_memory_working_set_bytes{") && parseLine(line, l)
                && l.labels["pod"] == "late")
                times.push_back(l.timestamp);
        }
        for (const nlohmann::json &node : simtest::items(store, "nodes")) {
            std::istringstream live(*sim->kubeletCadvisorMetrics(node["metadata"]["name"]));
            while (std::getline(live, line)) {
                Line l;
                if (line.starts_with("container_start_time_seconds{") && parseLine(line, l)
                    && l.labels["pod"] == "late" && l.labels["container"] == "late")
                    start = l.value;
            }
        }
        QVERIFY(start > kNow && start <= kNow + 60);
        QVERIFY(!times.empty());
        QVERIFY(times.front() >= start && times.front() - start < kStep);
        QCOMPARE(times.back(), kNow + 60);
        qInfo("container started at +%.0f s: %zu samples from +%.0f s", start - kNow, times.size(),
              times.front() - kNow);
    }

    void badOptionsAreRefused()
    {
        std::ostringstream out;
        demo::HistoryOptions h;
        h.stepSeconds = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sim->writeHistory(out, h));
        h.stepSeconds = 15;
        h.seconds = -1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sim->writeHistory(out, h));
    }
};

QTEST_GUILESS_MAIN(TestSimHistory)
#include "tst_sim_history.moc"
