// The simulated usage as every consumer sees it: the cadvisor text passes `promtool check
// metrics` and has the kubelet's row kinds and label sets; counters are the integral of the
// rate metrics.k8s.io reports; memory agrees across cadvisor, /metrics/resource and metrics.k8s.io.
#include "../skip_or_fail.h"
#include "democluster/simulation.h"
#include "democluster/simutil.h"
#include "democluster/usagemodel.h"
#include "sim_testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <map>
#include <set>
#include <sstream>

using nlohmann::json;

namespace {

struct Sample
{
    std::map<std::string, std::string> labels;
    double value = 0;
};

// A small reader for the sample lines we write (no escapes in our label values).
std::multimap<std::string, Sample> parse(const std::string &text)
{
    std::multimap<std::string, Sample> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        Sample s;
        const auto brace = line.find('{');
        const auto space = line.rfind(' ');
        std::string name = line.substr(0, std::min(brace, space));
        if (brace != std::string::npos) {
            const std::string body = line.substr(brace + 1, line.rfind('}') - brace - 1);
            std::size_t pos = 0;
            while (pos < body.size()) {
                const auto eq = body.find('=', pos);
                const auto close = body.find('"', eq + 2);
                s.labels[body.substr(pos, eq - pos)] = body.substr(eq + 2, close - eq - 2);
                pos = close + 2;
            }
        }
        s.value = std::stod(line.substr(space + 1));
        out.emplace(name, s);
    }
    return out;
}

const Sample *find(const std::multimap<std::string, Sample> &m, const std::string &name,
                   const std::map<std::string, std::string> &where)
{
    const auto [b, e] = m.equal_range(name);
    for (auto it = b; it != e; ++it) {
        bool ok = true;
        for (const auto &[k, v] : where)
            ok = ok && it->second.labels.count(k) && it->second.labels.at(k) == v;
        if (ok)
            return &it->second;
    }
    return nullptr;
}

} // namespace

class TestSimMetrics : public QObject
{
    Q_OBJECT

private:
    demo::ObjectStore store{100000};
    std::unique_ptr<demo::Simulation> sim;
    std::string node;

private slots:
    void initTestCase()
    {
        simtest::registerTypes(store);
        demo::SimulationOptions o;
        o.manualClock = true;
        o.warmupSeconds = 300;
        o.seed = 7;
        sim = std::make_unique<demo::Simulation>(store, o);
        sim->seed();
        node = simtest::items(store, "nodes")[0]["metadata"]["name"];
    }

    void cadvisorPassesPromtool()
    {
        if (!QFile::exists(QStringLiteral("/usr/bin/promtool")))
            SKIP_OR_FAIL("promtool is not installed at /usr/bin/promtool");
        const auto text = sim->kubeletCadvisorMetrics(node);
        QVERIFY(text);
        for (const std::optional<std::string> &body : {text, sim->kubeletResourceMetrics(node)}) {
            QProcess promtool;
            promtool.start(QStringLiteral("/usr/bin/promtool"),
                           {QStringLiteral("check"), QStringLiteral("metrics")});
            QVERIFY(promtool.waitForStarted());
            promtool.write(body->data(), static_cast<qint64>(body->size()));
            promtool.closeWriteChannel();
            QVERIFY(promtool.waitForFinished(30000));
            const QByteArray out = promtool.readAllStandardOutput()
                                   + promtool.readAllStandardError();
            qInfo("promtool check metrics: exit %d, output: %s", promtool.exitCode(),
                  out.isEmpty() ? "(none)" : out.constData());
            // Lint warnings would be reported with exit code 3; problems with 1.
            QCOMPARE(promtool.exitCode(), 0);
            QVERIFY(out.isEmpty());
        }
    }

    void unknownNodeHasNoMetrics()
    {
        QVERIFY(!sim->kubeletCadvisorMetrics("no-such-node"));
        QVERIFY(!sim->kubeletResourceMetrics("no-such-node"));
    }

    void cadvisorHasTheKubeletRowKinds()
    {
        const std::string text = *sim->kubeletCadvisorMetrics(node);
        QVERIFY(text.find("# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed "
                          "in seconds.\n# TYPE container_cpu_usage_seconds_total counter\n")
                != std::string::npos);
        QVERIFY(text.find("# HELP container_memory_usage_bytes Current memory usage in bytes, "
                          "including all memory regardless of when it was accessed\n")
                != std::string::npos);
        const auto m = parse(text);
        const std::set<std::string> containerLabels = {"container", "id",        "image",
                                                       "name",      "namespace", "pod"};
        for (const auto &[name, s] : m) {
            std::set<std::string> keys;
            for (const auto &[k, v] : s.labels)
                keys.insert(k);
            if (name == "container_cpu_usage_seconds_total") {
                QCOMPARE(s.labels.at("cpu"), std::string("total"));
                keys.erase("cpu");
            }
            if (name.rfind("machine_", 0) == 0)
                QCOMPARE(keys, (std::set<std::string>{"boot_id", "machine_id", "system_uuid"}));
            else
                QCOMPARE(keys, containerLabels);
        }
        QVERIFY(find(m, "container_memory_working_set_bytes", {{"id", "/"}, {"pod", ""}}));
        QVERIFY(find(m, "container_memory_working_set_bytes", {{"id", "/kubepods"}}));
        QVERIFY(find(m, "container_memory_working_set_bytes", {{"id", "/kubepods/burstable"}}));
        QVERIFY(find(m, "container_memory_working_set_bytes",
                     {{"id", "/system.slice/kubelet.service"}}));
        // Every pod on the node: one pod cgroup row, one pause row, one row per running container.
        int pods = 0;
        for (const json &p : simtest::items(store, "pods")) {
            if (p["spec"].value("nodeName", std::string()) != node
                || p["status"].value("phase", std::string()) != "Running")
                continue;
            ++pods;
            const std::string name = p["metadata"]["name"];
            const std::string uid = p["metadata"]["uid"];
            const Sample *cgroup = find(m, "container_memory_working_set_bytes",
                                        {{"pod", name}, {"container", ""}, {"image", ""}});
            QVERIFY2(cgroup, name.c_str());
            QVERIFY(cgroup->labels.at("id").find("/pod" + uid) != std::string::npos);
            const Sample *pause = find(
                m, "container_memory_working_set_bytes",
                {{"pod", name}, {"container", ""}, {"image", "registry.k8s.io/pause:3.10"}});
            QVERIFY(pause);
            QCOMPARE(pause->labels.at("name").size(), std::size_t(64));
            for (const json &cs : p["status"]["containerStatuses"]) {
                if (!cs["state"].contains("running"))
                    continue;
                const Sample *c = find(
                    m, "container_memory_working_set_bytes",
                    {{"pod", name}, {"container", cs["name"].get<std::string>()}});
                QVERIFY(c);
                const std::string id = cs["containerID"];
                QCOMPARE("containerd://" + c->labels.at("name"), id);
                QCOMPARE(c->labels.at("id"), cgroup->labels.at("id") + "/" + c->labels.at("name"));
            }
        }
        QVERIFY(pods > 3);
    }

    void counterIsTheIntegralOfTheRate()
    {
        demo::UsageModel model(3);
        const json pod = {{"metadata",
                           {{"namespace", "a"},
                            {"name", "web-1"},
                            {"annotations", {{"demo.klarsicht.io/profile", "web"}}}}}};
        const json container = {
            {"name", "web"}, {"image", "nginx"}, {"resources", {{"requests", {{"cpu", "500m"}}}}}};
        const double start = 1750000000;
        const demo::ContainerCurve c = model.curve(pod, container, start);
        double integral = 0;
        double previous = 0;
        const double dt = 0.25;
        for (double t = start; t < start + 7200; t += dt) {
            integral += (model.cpuRate(c, t) + model.cpuRate(c, t + dt)) / 2 * dt;
            const double counter = model.cpuSeconds(c, t + dt);
            QVERIFY(counter >= previous);
            previous = counter;
        }
        QVERIFY(std::abs(previous - integral) / integral < 1e-6);
        // metrics.k8s.io's average rate is the counter's slope over its window.
        const double t = start + 5000;
        QCOMPARE(model.cpuAverage(c, t, 15),
                 (model.cpuSeconds(c, t) - model.cpuSeconds(c, t - 15)) / 15);
    }

    void countersGrowAndResetOnRestart()
    {
        const std::string before = *sim->kubeletResourceMetrics(node);
        sim->step(30);
        const std::string after = *sim->kubeletResourceMetrics(node);
        const auto a = parse(before), b = parse(after);
        int compared = 0;
        for (const auto &[name, s] : b) {
            if (name != "container_cpu_usage_seconds_total")
                continue;
            const Sample *old = find(a, name, s.labels);
            const Sample *startOld = find(a, "container_start_time_seconds", s.labels);
            const Sample *startNew = find(b, "container_start_time_seconds", s.labels);
            if (!old || !startOld || !startNew)
                continue;
            if (startOld->value == startNew->value) {
                QVERIFY(s.value > old->value);
                ++compared;
            } else {
                QVERIFY(s.value < 31); // restarted: the counter starts again from zero
            }
        }
        QVERIFY(compared > 3);
        QVERIFY(find(b, "node_cpu_usage_seconds_total", {})->value
                > find(a, "node_cpu_usage_seconds_total", {})->value);
    }

    void memoryAgreesEverywhere()
    {
        const std::string cadvisor = *sim->kubeletCadvisorMetrics(node);
        const std::string resource = *sim->kubeletResourceMetrics(node);
        const auto c = parse(cadvisor), r = parse(resource);
        int checked = 0;
        for (const json &pm : sim->podMetrics("")) {
            const std::string pod = pm["metadata"]["name"];
            const std::string ns = pm["metadata"]["namespace"];
            for (const json &container : pm["containers"]) {
                const std::string name = container["name"];
                const Sample *cs = find(c, "container_memory_working_set_bytes",
                                        {{"namespace", ns}, {"pod", pod}, {"container", name}});
                if (!cs)
                    continue; // on another node
                const double fromApi = demo::sim::parseQuantity(
                    container["usage"]["memory"].get<std::string>());
                QVERIFY2(std::abs(cs->value - fromApi) <= 1024,
                         (pod + "/" + name + " cadvisor " + std::to_string(cs->value) + " api "
                          + std::to_string(fromApi))
                             .c_str());
                QCOMPARE(find(r, "container_memory_working_set_bytes",
                              {{"namespace", ns}, {"pod", pod}, {"container", name}})
                             ->value,
                         cs->value);
                const std::string cpu = container["usage"]["cpu"];
                QVERIFY(cpu.back() == 'n');
                QVERIFY(container["usage"]["memory"].get<std::string>().find("Ki")
                        != std::string::npos);
                ++checked;
            }
            QVERIFY(pm["window"].is_string());
            QVERIFY(pm["timestamp"].is_string());
        }
        QVERIFY(checked > 3);
        for (const json &nm : sim->nodeMetrics()) {
            if (nm["metadata"]["name"] != node)
                continue;
            const double ws = find(c, "container_memory_working_set_bytes", {{"id", "/"}})->value;
            QVERIFY(
                std::abs(demo::sim::parseQuantity(nm["usage"]["memory"].get<std::string>()) - ws)
                <= 1024);
            QCOMPARE(find(r, "node_memory_working_set_bytes", {})->value, ws);
        }
    }

    void sameSeedSameNumbers()
    {
        demo::UsageModel a(11), b(11), other(12);
        const json pod = {{"metadata", {{"namespace", "a"}, {"name", "api-1"}}}};
        const json container = {{"name", "api"}, {"image", "ghcr.io/x/api:1"}};
        const auto ca = a.curve(pod, container, 1000), cb = b.curve(pod, container, 1000),
                   co = other.curve(pod, container, 1000);
        QCOMPARE(a.cpuSeconds(ca, 5000), b.cpuSeconds(cb, 5000));
        QCOMPARE(a.memory(ca, 5000).workingSet, b.memory(cb, 5000).workingSet);
        QVERIFY(a.cpuSeconds(ca, 5000) != other.cpuSeconds(co, 5000));
    }
};

QTEST_GUILESS_MAIN(TestSimMetrics)
#include "tst_sim_metrics.moc"
