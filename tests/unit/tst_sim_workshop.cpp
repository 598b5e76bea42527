// The workshop preset after its warm-up: AKS-like nodes, add-ons, team workloads running, and
// the failures a trainer shows (crash loop, OOM kill, unschedulable pod), a CronJob with
// history, an HPA with status, bounded events; the same seed gives the same cluster.
#include "democluster/simulation.h"
#include "sim_testsupport.h"

#include <QtTest>

#include <map>
#include <set>
#include <sstream>

using nlohmann::json;

class TestSimWorkshop : public QObject
{
    Q_OBJECT

private:
    demo::ObjectStore store{100000};
    std::unique_ptr<demo::Simulation> sim;

    std::vector<json> podsOf(const std::string &ns, const std::string &prefix)
    {
        std::vector<json> out;
        for (const json &p : simtest::items(store, "pods", ns))
            if (p["metadata"]["name"].get<std::string>().rfind(prefix, 0) == 0)
                out.push_back(p);
        return out;
    }

    static std::vector<std::string> podNames(const demo::ObjectStore &s)
    {
        std::vector<std::string> names;
        for (const auto &p : s.list("pods").items)
            names.push_back((*p)["metadata"]["namespace"].get<std::string>() + "/"
                            + (*p)["metadata"]["name"].get<std::string>());
        return names;
    }

private slots:
    void initTestCase()
    {
        simtest::registerTypes(store);
        demo::SimulationOptions o;
        o.manualClock = true;
        o.seed = 42;
        // The start time (default: now) decides where on the usage curves the cluster is;
        // KLARSICHT_SIM_START=<unix seconds> replays a run printed below.
        o.startTime = qEnvironmentVariable("KLARSICHT_SIM_START").toDouble();
        sim = std::make_unique<demo::Simulation>(store, o);
        QElapsedTimer timer;
        timer.start();
        sim->seed();
        qInfo("workshop seed (start %.3f) with %g s warm-up took %lld ms", sim->now(),
              o.warmupSeconds, static_cast<long long>(timer.elapsed()));
    }

    void nodesLookLikeAks()
    {
        const auto nodes = simtest::items(store, "nodes");
        QCOMPARE(nodes.size(), std::size_t(3));
        for (const json &n : nodes) {
            const json &l = n["metadata"]["labels"];
            for (const char *key :
                 {"kubernetes.io/hostname", "agentpool", "kubernetes.azure.com/agentpool",
                  "node.kubernetes.io/instance-type", "topology.kubernetes.io/zone",
                  "topology.kubernetes.io/region", "kubernetes.io/os", "kubernetes.io/arch"})
                QVERIFY2(l.contains(key), key);
            QCOMPARE(n["status"]["daemonEndpoints"]["kubeletEndpoint"]["Port"].get<int>(), 10250);
            QVERIFY(n["status"]["nodeInfo"]["kubeletVersion"].get<std::string>().rfind("v1.", 0)
                    == 0);
            QVERIFY(n["status"]["nodeInfo"]["containerRuntimeVersion"].get<std::string>().rfind(
                        "containerd://", 0)
                    == 0);
            QCOMPARE(n["status"]["addresses"][0]["type"].get<std::string>(),
                     std::string("InternalIP"));
            bool ready = false;
            for (const json &c : n["status"]["conditions"])
                ready = ready || (c["type"] == "Ready" && c["status"] == "True");
            QVERIFY(ready);
        }
    }

    void workloadsAreRunning()
    {
        const std::vector<std::pair<std::string, std::string>> deployments{
            {"kube-system", "coredns"},
            {"kube-system", "metrics-server"},
            {"kubernetes-dashboard", "kubernetes-dashboard"},
            {"team-a", "web"},
            {"team-a", "api"},
            {"team-b", "web"},
            {"team-c", "api"}};
        const auto notAvailable = [&] {
            std::string missing;
            for (const auto &[ns, name] : deployments) {
                const json d = *store.get("apps/deployments", ns, name);
                const int available = d["status"].value("availableReplicas", 0);
                const int wanted = d["spec"]["replicas"].get<int>();
                if (available != wanted)
                    missing += " " + ns + "/" + name + " " + std::to_string(available) + "/"
                               + std::to_string(wanted);
            }
            return missing;
        };
        // The clock starts at the wall clock's time of day, and the usage curves (daily wave,
        // noise) follow it, so team-a/web's HPA may have rescaled in the warm-up's last pass;
        // the ReplicaSet and then the Deployment status follow within a pass or two. Whether
        // that happened depends on when the test runs (not on how fast: the clock is manual),
        // so step simulated time until everything is available, with a generous bound.
        std::string missing = notAvailable();
        double waited = 0;
        for (; !missing.empty() && waited < 600; waited += 5) {
            sim->step(5);
            missing = notAvailable();
        }
        qInfo("deployments fully available %g simulated s after the warm-up", waited);
        QVERIFY2(missing.empty(), ("not available after 600 simulated s:" + missing).c_str());
        QCOMPARE(
            (*store.get("apps/daemonsets", "kube-system", "kube-proxy"))["status"]["numberReady"]
                .get<int>(),
            3);
        QCOMPARE((*store.get("apps/daemonsets", "kube-system",
                             "ama-metrics-node"))["status"]["numberReady"]
                     .get<int>(),
                 3);
        QCOMPARE(
            (*store.get("apps/statefulsets", "team-a", "db"))["status"]["readyReplicas"].get<int>(),
            1);
        QVERIFY(store.get("pods", "team-a", "db-0"));
        std::set<std::string> filterable;
        for (const json &p : podsOf("team-a", ""))
            for (const char *key : {"app", "tier", "env", "team"})
                if (p["metadata"]["labels"].contains(key))
                    filterable.insert(key);
        QCOMPARE(filterable.size(), std::size_t(4));
    }

    void failuresToShow()
    {
        const auto crash = podsOf("team-b", "payments-");
        QCOMPARE(crash.size(), std::size_t(1));
        const json &cs = crash[0]["status"]["containerStatuses"][0];
        QVERIFY(cs["restartCount"].get<int>() >= 4);
        QCOMPARE(cs["lastState"]["terminated"]["reason"].get<std::string>(), std::string("Error"));
        QCOMPARE(cs["lastState"]["terminated"]["exitCode"].get<int>(), 1);

        const auto oom = podsOf("team-b", "report-generator-");
        QCOMPARE(oom.size(), std::size_t(1));
        const json &os = oom[0]["status"]["containerStatuses"][0];
        QCOMPARE(os["lastState"]["terminated"]["reason"].get<std::string>(),
                 std::string("OOMKilled"));
        QCOMPARE(os["lastState"]["terminated"]["exitCode"].get<int>(), 137);

        const auto pending = podsOf("team-c", "ml-trainer-");
        QCOMPARE(pending.size(), std::size_t(1));
        QCOMPARE(pending[0]["status"]["phase"].get<std::string>(), std::string("Pending"));

        std::set<std::string> reasons;
        for (const json &e : simtest::items(store, "events"))
            reasons.insert(e["reason"].get<std::string>());
        for (const char *r : {"Scheduled", "Pulled", "Created", "Started", "BackOff", "OOMKilling",
                              "ScalingReplicaSet", "FailedScheduling", "SuccessfulCreate"})
            QVERIFY2(reasons.count(r), r);
        // Repeats are aggregated, not multiplied.
        std::vector<json> backoff;
        for (const json &e : simtest::eventsWithReason(store, "BackOff"))
            if (e["involvedObject"]["name"] == crash[0]["metadata"]["name"])
                backoff.push_back(e);
        QCOMPARE(backoff.size(), std::size_t(1));
        QVERIFY(backoff[0]["count"].get<int>() >= 3);
        QVERIFY(backoff[0]["firstTimestamp"] != backoff[0]["lastTimestamp"]);
    }

    void cronJobAndHpaHaveHistory()
    {
        const auto jobs = simtest::items(store, "batch/jobs", "team-c");
        QVERIFY(!jobs.empty());
        QVERIFY(jobs.size() <= 4);
        const json cj = *store.get("batch/cronjobs", "team-c", "nightly-report");
        QVERIFY(cj["status"].contains("lastSuccessfulTime"));
        const json hpa = *store.get("autoscaling/horizontalpodautoscalers", "team-a", "web");
        QVERIFY(hpa["status"]["currentMetrics"][0]["resource"]["current"].contains(
            "averageUtilization"));
        QVERIFY(hpa["status"]["desiredReplicas"].get<int>() >= 2);
    }

    void sameSeedSameCluster()
    {
        demo::ObjectStore other(100000);
        simtest::registerTypes(other);
        demo::SimulationOptions o;
        o.manualClock = true;
        o.seed = 42;
        o.warmupSeconds = 0;
        demo::Simulation again(other, o);
        again.seed();
        demo::ObjectStore first(100000);
        simtest::registerTypes(first);
        demo::Simulation once(first, o);
        once.seed();
        QCOMPARE(podNames(other), podNames(first));
        o.seed = 43;
        demo::ObjectStore third(100000);
        simtest::registerTypes(third);
        demo::Simulation different(third, o);
        different.seed();
        QVERIFY(podNames(third) != podNames(first));
    }
};

QTEST_GUILESS_MAIN(TestSimWorkshop)
#include "tst_sim_workshop.moc"
