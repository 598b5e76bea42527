// The simulation's controllers, scheduler and kubelet driven through the object store with a
// manual clock: deployments roll out within maxSurge/maxUnavailable, scale, garbage-collect;
// namespaces terminate; jobs complete; StatefulSets and DaemonSets keep their pods.
#include "democluster/podtermination.h"
#include "democluster/simulation.h"
#include "sim_testsupport.h"

#include <QtTest>

#include <map>
#include <set>
#include <sstream>

using nlohmann::json;

namespace {

json deployment(const std::string &ns, const std::string &name, int replicas,
                const std::string &image)
{
    return {{"metadata", {{"name", name}, {"namespace", ns}, {"labels", {{"app", name}}}}},
            {"spec",
             {{"replicas", replicas},
              {"selector", {{"matchLabels", {{"app", name}}}}},
              {"template",
               {{"metadata", {{"labels", {{"app", name}}}}},
                {"spec",
                 {{"containers",
                   json::array({{{"name", name},
                                 {"image", image},
                                 {"resources",
                                  {{"requests", {{"cpu", "100m"}, {"memory", "64Mi"}}}}}}})}}}}}}}};
}

int countPods(const demo::ObjectStore &store, const std::string &ns, const std::string &prefix,
              bool runningOnly)
{
    int n = 0;
    for (const json &p : simtest::items(store, "pods", ns)) {
        if (p["metadata"]["name"].get<std::string>().rfind(prefix, 0) != 0)
            continue;
        if (runningOnly && p["status"].value("phase", std::string()) != "Running")
            continue;
        ++n;
    }
    return n;
}

} // namespace

class TestSimControllers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<demo::ObjectStore> store;
    std::unique_ptr<demo::Simulation> sim;

    void runFor(double seconds, double step = 1)
    {
        for (double t = 0; t < seconds; t += step)
            sim->step(step);
    }

private slots:
    void init()
    {
        store = std::make_unique<demo::ObjectStore>(100000);
        simtest::registerTypes(*store);
        demo::SimulationOptions o;
        o.preset = "empty";
        o.nodes = 3;
        o.manualClock = true;
        o.warmupSeconds = 0;
        o.hpaDownscaleStabilizationSeconds = 60;
        sim = std::make_unique<demo::Simulation>(*store, o);
        sim->seed();
        store->create("namespaces",
                      {{"metadata", {{"name", "shop"}}}, {"status", {{"phase", "Active"}}}});
    }

    void cleanup()
    {
        sim.reset();
        store.reset();
    }

    void unknownPresetIsAnError()
    {
        demo::ObjectStore s;
        simtest::registerTypes(s);
        demo::SimulationOptions o;
        o.preset = "nonsense";
        demo::Simulation bad(s, o);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bad.seed());
    }

    void deploymentRunsItsPods()
    {
        store->create("apps/deployments", deployment("shop", "web", 3, "nginx:1.25"));
        runFor(6);
        QCOMPARE(countPods(*store, "shop", "web-", true), 3);
        const auto rs = simtest::items(*store, "apps/replicasets", "shop");
        QCOMPARE(rs.size(), std::size_t(1));
        const std::string hash = rs[0]["metadata"]["labels"]["pod-template-hash"];
        QVERIFY(rs[0]["metadata"]["name"] == "web-" + hash);
        for (const json &p : simtest::items(*store, "pods", "shop")) {
            QCOMPARE(p["metadata"]["ownerReferences"][0]["uid"], rs[0]["metadata"]["uid"]);
            QVERIFY(p["metadata"]["ownerReferences"][0]["controller"].get<bool>());
            QCOMPARE(p["metadata"]["labels"]["pod-template-hash"].get<std::string>(), hash);
            const json &cs = p["status"]["containerStatuses"][0];
            const std::string id = cs["containerID"];
            QVERIFY(id.rfind("containerd://", 0) == 0);
            QCOMPARE(id.size(), std::size_t(13 + 64));
            QVERIFY(cs["ready"].get<bool>());
            QVERIFY(cs["state"]["running"].contains("startedAt"));
            QVERIFY(!p["status"]["podIP"].get<std::string>().empty());
            QCOMPARE(p["status"]["qosClass"].get<std::string>(), std::string("Burstable"));
            QVERIFY(!p["spec"]["nodeName"].get<std::string>().empty());
        }
        const json d = *store->get("apps/deployments", "shop", "web");
        QCOMPARE(d["status"]["availableReplicas"].get<int>(), 3);
        QCOMPARE(d["status"]["updatedReplicas"].get<int>(), 3);
        QCOMPARE(d["status"]["observedGeneration"], d["metadata"]["generation"]);
        for (const char *reason :
             {"Scheduled", "Pulled", "Created", "Started", "ScalingReplicaSet", "SuccessfulCreate"})
            QVERIFY2(!simtest::eventsWithReason(*store, reason).empty(), reason);
    }

    void scaleUpAndDown()
    {
        store->create("apps/deployments", deployment("shop", "web", 3, "nginx:1.25"));
        runFor(6);
        store->modify("apps/deployments", "shop", "web", [](json &d) {
            d["spec"]["replicas"] = 6;
            return true;
        });
        runFor(6);
        QCOMPARE(countPods(*store, "shop", "web-", true), 6);
        store->modify("apps/deployments", "shop", "web", [](json &d) {
            d["spec"]["replicas"] = 2;
            return true;
        });
        runFor(2);
        // The four scaled-down pods are Terminating until their kubelet has stopped them.
        int terminating = 0;
        for (const json &p : simtest::items(*store, "pods", "shop"))
            terminating += p["metadata"].contains("deletionTimestamp") ? 1 : 0;
        QCOMPARE(terminating, 4);
        QCOMPARE(countPods(*store, "shop", "web-", false), 6);
        runFor(demo::PodTermination::kExitSeconds + 2);
        QCOMPARE(countPods(*store, "shop", "web-", false), 2);
        QCOMPARE((*store->get("apps/deployments", "shop", "web"))["status"]["replicas"].get<int>(),
                 2);
    }

    void rollingUpdateHonoursSurgeAndUnavailable()
    {
        store->create("apps/deployments", deployment("shop", "api", 4, "ghcr.io/demo/api:1"));
        runFor(6);
        store->modify("apps/deployments", "shop", "api", [](json &d) {
            d["spec"]["template"]["spec"]["containers"][0]["image"] = "ghcr.io/demo/api:2";
            d["spec"]["strategy"] = {{"type", "RollingUpdate"},
                                     {"rollingUpdate", {{"maxSurge", 1}, {"maxUnavailable", 0}}}};
            return true;
        });
        bool sawTwoSets = false;
        for (int i = 0; i < 60; ++i) {
            sim->step(1);
            int live = 0, ready = 0;
            for (const json &p : simtest::items(*store, "pods", "shop")) {
                if (p["metadata"].contains("deletionTimestamp"))
                    continue;
                ++live;
                for (const json &c : p["status"].value("conditions", json::array()))
                    if (c["type"] == "Ready" && c["status"] == "True")
                        ++ready;
            }
            if (qEnvironmentVariableIsSet("SIM_DEBUG")) {
                std::string line;
                for (const json &p : simtest::items(*store, "pods", "shop"))
                    line += p["metadata"]["name"].get<std::string>() + ":"
                            + p["status"].value("phase", std::string())
                            + (p["metadata"].contains("deletionTimestamp") ? "(del)" : "") + " ";
                for (const json &rs : simtest::items(*store, "apps/replicasets", "shop"))
                    line += " RS " + rs["metadata"]["name"].get<std::string>() + "="
                            + rs["spec"]["replicas"].dump() + "/" + rs["status"].dump();
                qInfo("%d live=%d ready=%d %s", i, live, ready, line.c_str());
            }
            QVERIFY2(live <= 5, "maxSurge 1 exceeded");
            QVERIFY2(ready >= 4 || i == 0, "maxUnavailable 0 violated");
            sawTwoSets = sawTwoSets
                         || simtest::items(*store, "apps/replicasets", "shop").size() == 2;
        }
        QVERIFY(sawTwoSets);
        const json d = *store->get("apps/deployments", "shop", "api");
        QCOMPARE(d["status"]["updatedReplicas"].get<int>(), 4);
        QCOMPARE(d["status"]["replicas"].get<int>(), 4);
        QCOMPARE(d["status"]["availableReplicas"].get<int>(), 4);
        QCOMPARE(
            d["metadata"]["annotations"]["deployment.kubernetes.io/revision"].get<std::string>(),
            std::string("2"));
        int running2 = 0;
        for (const json &p : simtest::items(*store, "pods", "shop"))
            if (p["spec"]["containers"][0]["image"] == "ghcr.io/demo/api:2")
                ++running2;
        QCOMPARE(running2, 4);
        for (const json &rs : simtest::items(*store, "apps/replicasets", "shop"))
            if (rs["spec"]["template"]["spec"]["containers"][0]["image"] == "ghcr.io/demo/api:1")
                QCOMPARE(rs["spec"]["replicas"].get<int>(), 0);
        bool progressed = false;
        for (const json &c : d["status"]["conditions"])
            if (c["type"] == "Progressing" && c["reason"] == "NewReplicaSetAvailable")
                progressed = true;
        QVERIFY(progressed);
    }

    void deletingAnOwnerDeletesDependents()
    {
        store->create("apps/deployments", deployment("shop", "web", 2, "nginx:1.25"));
        runFor(6);
        store->remove("apps/deployments", "shop", "web");
        runFor(4 + demo::PodTermination::kExitSeconds + 2);
        QCOMPARE(simtest::items(*store, "apps/replicasets", "shop").size(), std::size_t(0));
        QCOMPARE(countPods(*store, "shop", "web-", false), 0);
        QVERIFY(!simtest::eventsWithReason(*store, "Killing").empty());
    }

    void terminatingNamespaceIsEmptiedAndRemoved()
    {
        store->create("apps/deployments", deployment("shop", "web", 2, "nginx:1.25"));
        runFor(6);
        store->modify("namespaces", "", "shop", [](json &n) {
            n["status"]["phase"] = "Terminating";
            return true;
        });
        runFor(3);
        QVERIFY(!store->get("namespaces", "", "shop"));
        QCOMPARE(simtest::items(*store, "pods", "shop").size(), std::size_t(0));
        QCOMPARE(simtest::items(*store, "apps/deployments", "shop").size(), std::size_t(0));
    }

    void unschedulablePodStaysPending()
    {
        json d = deployment("shop", "huge", 1, "ghcr.io/demo/trainer:1");
        d["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]["cpu"] = "64";
        store->create("apps/deployments", d);
        runFor(5);
        const auto pods = simtest::items(*store, "pods", "shop");
        QCOMPARE(pods.size(), std::size_t(1));
        QCOMPARE(pods[0]["status"]["phase"].get<std::string>(), std::string("Pending"));
        const json &cond = pods[0]["status"]["conditions"][0];
        QCOMPARE(cond["reason"].get<std::string>(), std::string("Unschedulable"));
        QVERIFY(
            cond["message"].get<std::string>().find("0/3 nodes are available: 3 Insufficient cpu.")
            == 0);
        const auto events = simtest::eventsWithReason(*store, "FailedScheduling");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0]["type"].get<std::string>(), std::string("Warning"));
        QCOMPARE(events[0]["involvedObject"]["name"], pods[0]["metadata"]["name"]);
        QCOMPARE(events[0]["source"]["component"].get<std::string>(),
                 std::string("default-scheduler"));
    }

    void jobRunsToCompletion()
    {
        store->create("batch/jobs",
                      {{"metadata", {{"name", "once"}, {"namespace", "shop"}}},
                       {"spec",
                        {{"completions", 2},
                         {"parallelism", 1},
                         {"template",
                          {{"spec",
                            {{"restartPolicy", "Never"},
                             {"containers",
                              json::array({{{"name", "once"}, {"image", "busybox:1.36"}}})}}}}}}}});
        runFor(80);
        const json job = *store->get("batch/jobs", "shop", "once");
        QCOMPARE(job["status"]["succeeded"].get<int>(), 2);
        bool complete = false;
        for (const json &c : job["status"]["conditions"])
            complete = complete || (c["type"] == "Complete" && c["status"] == "True");
        QVERIFY(complete);
        QVERIFY(job["status"].contains("completionTime"));
        for (const json &p : simtest::items(*store, "pods", "shop"))
            QCOMPARE(p["status"]["phase"].get<std::string>(), std::string("Succeeded"));
    }

    void cronJobCreatesJobsOnSchedule()
    {
        store->create(
            "batch/cronjobs",
            {{"metadata", {{"name", "tick"}, {"namespace", "shop"}}},
             {"spec",
              {{"schedule", "*/2 * * * *"},
               {"jobTemplate",
                {{"spec",
                  {{"template",
                    {{"spec",
                      {{"restartPolicy", "OnFailure"},
                       {"containers",
                        json::array({{{"name", "t"}, {"image", "busybox:1.36"}}})}}}}}}}}}}}});
        runFor(7 * 60, 5);
        const auto jobs = simtest::items(*store, "batch/jobs", "shop");
        QVERIFY2(jobs.size() >= 3, "a job every two minutes");
        for (const json &j : jobs) {
            const std::string name = j["metadata"]["name"];
            const long long minute = std::stoll(name.substr(name.rfind('-') + 1));
            QCOMPARE(minute % 2, 0LL);
        }
        const json cj = *store->get("batch/cronjobs", "shop", "tick");
        QVERIFY(cj["status"].contains("lastScheduleTime"));
        QVERIFY(cj["status"].contains("lastSuccessfulTime"));
    }

    void statefulSetCreatesOrdinalsInOrder()
    {
        json s = deployment("shop", "db", 3, "postgres:16.4");
        s["spec"]["serviceName"] = "db";
        store->create("apps/statefulsets", s);
        sim->step(1);
        QCOMPARE(simtest::items(*store, "pods", "shop").size(), std::size_t(1));
        QVERIFY(store->get("pods", "shop", "db-0"));
        runFor(20);
        for (const char *name : {"db-0", "db-1", "db-2"})
            QCOMPARE((*store->get("pods", "shop", name))["status"]["phase"].get<std::string>(),
                     std::string("Running"));
        QCOMPARE(
            (*store->get("apps/statefulsets", "shop", "db"))["status"]["readyReplicas"].get<int>(),
            3);
    }

    void daemonSetRunsOnePodPerNode()
    {
        json s = deployment("shop", "agent", 1, "ghcr.io/demo/agent:1");
        s["spec"].erase("replicas");
        store->create("apps/daemonsets", s);
        runFor(6);
        std::set<std::string> nodes;
        for (const json &p : simtest::items(*store, "pods", "shop"))
            nodes.insert(p["spec"]["nodeName"].get<std::string>());
        QCOMPARE(nodes.size(), std::size_t(3));
        QCOMPARE(simtest::items(*store, "pods", "shop").size(), std::size_t(3));
        QCOMPARE(
            (*store->get("apps/daemonsets", "shop", "agent"))["status"]["numberReady"].get<int>(),
            3);
    }

    void hpaScalesOnCpu()
    {
        json d = deployment("shop", "busy", 1, "ghcr.io/demo/busy:1");
        // The "batch" profile burns 80 % of its request; a 50 % target needs more replicas.
        d["spec"]["template"]["metadata"]["annotations"] = {{"demo.klarsicht.io/profile", "batch"}};
        store->create("apps/deployments", d);
        store->create(
            "autoscaling/horizontalpodautoscalers",
            {{"metadata", {{"name", "busy"}, {"namespace", "shop"}}},
             {"spec",
              {{"scaleTargetRef",
                {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "busy"}}},
               {"minReplicas", 1},
               {"maxReplicas", 5},
               {"metrics",
                json::array(
                    {{{"type", "Resource"},
                      {"resource",
                       {{"name", "cpu"},
                        {"target", {{"type", "Utilization"}, {"averageUtilization", 50}}}}}}})}}}});
        runFor(60);
        const json hpa = *store->get("autoscaling/horizontalpodautoscalers", "shop", "busy");
        const int util =
            hpa["status"]["currentMetrics"][0]["resource"]["current"]["averageUtilization"];
        QVERIFY2(util > 55, "the batch profile runs hot");
        QVERIFY((*store->get("apps/deployments", "shop", "busy"))["spec"]["replicas"].get<int>()
                > 1);
        QVERIFY(!simtest::eventsWithReason(*store, "SuccessfulRescale").empty());
        QVERIFY(hpa["status"]["desiredReplicas"].get<int>() > 1);
    }
};

QTEST_GUILESS_MAIN(TestSimControllers)
#include "tst_sim_controllers.moc"
