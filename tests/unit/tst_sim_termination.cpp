// Graceful pod deletion rules shared by the demo API server and its kubelets: which grace period
// a delete gets, how deletionTimestamp moves, and when the kubelet may delete the pod.
#include "democluster/podtermination.h"
#include "democluster/simutil.h"

#include <QtTest>

#include <optional>

using demo::PodTermination;
using nlohmann::json;

namespace {

constexpr double kNow = 1795651200; // 2026-11-25T00:00:00Z

json pod(const std::string &node, const std::string &phase, const json &extraSpec = json::object())
{
    json p = {{"metadata", {{"name", "p"}, {"namespace", "ns"}}},
              {"spec", {{"containers", json::array({{{"name", "app"}, {"image", "nginx"}}})}}},
              {"status", {{"phase", phase}}}};
    if (!node.empty())
        p["spec"]["nodeName"] = node;
    p["spec"].update(extraSpec);
    return p;
}

json withPreStop(const json &hook)
{
    json p = pod("node-1", "Running");
    p["spec"]["containers"][0]["lifecycle"] = {{"preStop", hook}};
    return p;
}

} // namespace

Q_DECLARE_METATYPE(json)
Q_DECLARE_METATYPE(std::optional<std::int64_t>)

class TestSimTermination : public QObject
{
    Q_OBJECT

private slots:
    void gracePeriod_data()
    {
        QTest::addColumn<json>("pod");
        QTest::addColumn<std::optional<std::int64_t>>("requested");
        QTest::addColumn<std::int64_t>("expected");
        const std::optional<std::int64_t> none;
        QTest::newRow("running, default 30")
            << pod("node-1", "Running") << none << std::int64_t(30);
        QTest::newRow("running, spec 45")
            << pod("node-1", "Running", {{"terminationGracePeriodSeconds", 45}}) << none
            << std::int64_t(45);
        QTest::newRow("request beats spec")
            << pod("node-1", "Running", {{"terminationGracePeriodSeconds", 45}})
            << std::optional<std::int64_t>(2) << std::int64_t(2);
        QTest::newRow("force: 0") << pod("node-1", "Running") << std::optional<std::int64_t>(0)
                                  << std::int64_t(0);
        QTest::newRow("negative request counts as 1")
            << pod("node-1", "Running") << std::optional<std::int64_t>(-5) << std::int64_t(1);
        QTest::newRow("unscheduled goes at once")
            << pod("", "Pending") << std::optional<std::int64_t>(60) << std::int64_t(0);
        QTest::newRow("succeeded goes at once")
            << pod("node-1", "Succeeded") << none << std::int64_t(0);
        QTest::newRow("failed goes at once") << pod("node-1", "Failed") << none << std::int64_t(0);
        QTest::newRow("pending on a node is graceful")
            << pod("node-1", "Pending") << none << std::int64_t(30);
    }

    void gracePeriod()
    {
        QFETCH(json, pod);
        QFETCH(std::optional<std::int64_t>, requested);
        QFETCH(std::int64_t, expected);
        QCOMPARE(PodTermination::gracePeriod(pod, requested), expected);
    }

    void beginStampsTheDeadline()
    {
        json p = pod("node-1", "Running");
        QVERIFY(PodTermination::begin(p, kNow + 0.7, 30));
        QCOMPARE(p["metadata"]["deletionTimestamp"].get<std::string>(),
                 demo::sim::formatTime(kNow + 30));
        QCOMPARE(p["metadata"]["deletionGracePeriodSeconds"].get<std::int64_t>(), std::int64_t(30));
        // A later delete with a longer grace period changes nothing ...
        QVERIFY(!PodTermination::begin(p, kNow + 5, 60));
        QCOMPARE(p["metadata"]["deletionGracePeriodSeconds"].get<std::int64_t>(), std::int64_t(30));
        // ... a shorter one moves the deadline forward.
        QVERIFY(PodTermination::begin(p, kNow + 5, 2));
        QCOMPARE(p["metadata"]["deletionTimestamp"].get<std::string>(),
                 demo::sim::formatTime(kNow + 7));
        QCOMPARE(p["metadata"]["deletionGracePeriodSeconds"].get<std::int64_t>(), std::int64_t(2));
    }

    void preStopSeconds_data()
    {
        QTest::addColumn<json>("container");
        QTest::addColumn<double>("expected");
        QTest::newRow("no hook") << json{{"name", "a"}} << 0.0;
        QTest::newRow("sleep action")
            << json{{"lifecycle", {{"preStop", {{"sleep", {{"seconds", 12}}}}}}}} << 12.0;
        QTest::newRow("exec sleep")
            << json{{"lifecycle", {{"preStop", {{"exec", {{"command", {"sleep", "7"}}}}}}}}} << 7.0;
        QTest::newRow("shell sleep")
            << json{{"lifecycle",
                     {{"preStop",
                       {{"exec", {{"command", {"sh", "-c", "nginx -s quit; sleep 3"}}}}}}}}}
            << 3.0;
        QTest::newRow("two sleeps add up")
            << json{{"lifecycle",
                     {{"preStop", {{"exec", {{"command", {"sh", "-c", "sleep 2 && sleep 4"}}}}}}}}}
            << 6.0;
        QTest::newRow("not a sleep")
            << json{{"lifecycle",
                     {{"preStop", {{"exec", {{"command", {"/bin/sleepwalk", "9"}}}}}}}}}
            << 0.0;
        QTest::newRow("http hook")
            << json{{"lifecycle", {{"preStop", {{"httpGet", {{"path", "/quit"}, {"port", 80}}}}}}}}
            << 0.0;
        QTest::newRow("malformed lifecycle") << json{{"lifecycle", "soon"}} << 0.0;
        QTest::newRow("not an object") << json("container") << 0.0;
    }

    void preStopSeconds()
    {
        QFETCH(json, container);
        QFETCH(double, expected);
        QCOMPARE(PodTermination::preStopSeconds(container), expected);
    }

    void stopTime_data()
    {
        QTest::addColumn<json>("pod");
        QTest::addColumn<std::int64_t>("grace");
        QTest::addColumn<double>("expected"); // seconds after the delete
        QTest::newRow("plain container exits after kExitSeconds")
            << pod("node-1", "Running") << std::int64_t(30) << PodTermination::kExitSeconds;
        QTest::newRow("grace shorter than exit")
            << pod("node-1", "Running") << std::int64_t(2) << 2.0;
        QTest::newRow("preStop then exit") << withPreStop({{"sleep", {{"seconds", 10}}}})
                                           << std::int64_t(30) << 10 + PodTermination::kExitSeconds;
        QTest::newRow("grace cuts preStop")
            << withPreStop({{"sleep", {{"seconds", 600}}}}) << std::int64_t(20) << 20.0;
    }

    void stopTime()
    {
        QFETCH(json, pod);
        QFETCH(std::int64_t, grace);
        QFETCH(double, expected);
        QVERIFY(PodTermination::begin(pod, kNow, grace));
        QCOMPARE(PodTermination::stopTime(pod), kNow + expected);
    }
};

QTEST_GUILESS_MAIN(TestSimTermination)
#include "tst_sim_termination.moc"
