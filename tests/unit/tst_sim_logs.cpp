// Container logs as the kubelet serves them: tailLines, sinceSeconds, limitBytes, timestamps
// (RFC3339Nano, nine digits), previous (400 without a terminated container), follow.
#include "democluster/simulation.h"
#include "democluster/simutil.h"
#include "sim_testsupport.h"

#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

using nlohmann::json;

class TestSimLogs : public QObject
{
    Q_OBJECT

private:
    demo::ObjectStore store{100000};
    std::unique_ptr<demo::Simulation> sim;

    // The oldest pod whose name starts with `prefix`: during the warm-up the HPA scales team-a's
    // web with the load of the hour (the clock starts at the current time), so some web pods
    // may be minutes old.
    json podByPrefix(const std::string &ns, const std::string &prefix)
    {
        json oldest;
        for (const json &p : simtest::items(store, "pods", ns)) {
            if (p["metadata"]["name"].get<std::string>().rfind(prefix, 0) != 0
                || p["metadata"].contains("deletionTimestamp"))
                continue;
            // RFC 3339 in UTC with whole seconds: text order is time order.
            if (oldest.is_null()
                || p["metadata"]["creationTimestamp"].get<std::string>()
                       < oldest["metadata"]["creationTimestamp"].get<std::string>())
                oldest = p;
        }
        return oldest;
    }

    static int lineCount(const std::string &s)
    {
        return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
    }

private slots:
    void initTestCase()
    {
        simtest::registerTypes(store);
        demo::SimulationOptions o;
        o.manualClock = true;
        o.warmupSeconds = 900;
        sim = std::make_unique<demo::Simulation>(store, o);
        sim->seed();
        // The clock starts at the current time and team-a's web scales with the load of the
        // hour: without its HPA, and once a scale it has just decided is done, the pods these
        // tests read keep running.
        store.remove("autoscaling/horizontalpodautoscalers", "team-a", "web");
        sim->step(30);
    }

    void tailAndSince()
    {
        const json web = podByPrefix("team-a", "web-");
        QVERIFY(web.is_object());
        demo::LogOptions o;
        o.container = "web";
        const std::string all = sim->logs("team-a", web["metadata"]["name"], o);
        QVERIFY(lineCount(all) > 100);
        QVERIFY(all.find("\"GET /") != std::string::npos);
        o.tailLines = 5;
        const std::string tail = sim->logs("team-a", web["metadata"]["name"], o);
        QCOMPARE(lineCount(tail), 5);
        QVERIFY(all.size() >= tail.size()
                && all.compare(all.size() - tail.size(), tail.size(), tail) == 0);
        o.tailLines.reset();
        o.sinceSeconds = 30;
        const int recent = lineCount(sim->logs("team-a", web["metadata"]["name"], o));
        QVERIFY(recent > 5 && recent < 40); // one line every ~1.5 s
        o.sinceSeconds.reset();
        // sinceTime: the lines at or after it, as the kubelet keeps them.
        o.timestamps = true;
        o.tailLines = 4;
        const std::string last4 = sim->logs("team-a", web["metadata"]["name"], o);
        const std::string thirdLast = last4.substr(last4.find('\n') + 1, 30);
        o.tailLines.reset();
        o.sinceTime = demo::sim::parseTime(thirdLast.substr(0, thirdLast.find(' ')));
        QVERIFY(o.sinceTime && *o.sinceTime > 0);
        const std::string since = sim->logs("team-a", web["metadata"]["name"], o);
        // From the third-last line's time: that line and the two after it, and the line before
        // it only if that fell within the same second.
        const std::string last3 = last4.substr(last4.find('\n') + 1);
        QVERIFY(since.size() >= last3.size()
                && since.compare(since.size() - last3.size(), last3.size(), last3) == 0);
        QVERIFY(lineCount(since) <= 4);
        QVERIFY(demo::sim::parseTime(since.substr(0, since.find(' '))) >= std::floor(*o.sinceTime));
        o.sinceTime.reset();
        o.timestamps = false;
        o.limitBytes = 100;
        QCOMPARE(sim->logs("team-a", web["metadata"]["name"], o).size(), std::size_t(100));
        // The same request gives the same answer.
        o.limitBytes.reset();
        QCOMPARE(sim->logs("team-a", web["metadata"]["name"], o), all);
    }

    void timestamps()
    {
        const json api = podByPrefix("team-a", "api-");
        demo::LogOptions o;
        o.container = "api";
        o.timestamps = true;
        o.tailLines = 3;
        const std::string text = sim->logs("team-a", api["metadata"]["name"], o);
        const QRegularExpression re(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z \\{\"level\":"));
        for (const QString &line :
             QString::fromStdString(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(re.match(line).hasMatch(), qPrintable(line));
    }

    void previousNeedsATerminatedContainer()
    {
        const json web = podByPrefix("team-a", "web-");
        demo::LogOptions o;
        o.container = "web";
        o.previous = true;
        try {
            sim->logs("team-a", web["metadata"]["name"], o);
            QFAIL("expected a 400");
        } catch (const demo::ApiError &e) {
            QCOMPARE(e.code, 400);
            QCOMPARE(std::string(e.what()), "previous terminated container \"web\" in pod \""
                                                + web["metadata"]["name"].get<std::string>()
                                                + "\" not found");
        }
        o.container = "nope";
        o.previous = false;
        QVERIFY_THROWS_EXCEPTION(demo::ApiError, sim->logs("team-a", web["metadata"]["name"], o));
        QVERIFY_THROWS_EXCEPTION(demo::ApiError, sim->logs("team-a", "no-such-pod", o));
    }

    void crashLoopLeavesAStackTrace()
    {
        const json pod = podByPrefix("team-b", "payments-");
        QVERIFY(pod.is_object());
        QVERIFY(pod["status"]["containerStatuses"][0]["restartCount"].get<int>() >= 2);
        demo::LogOptions o;
        o.container = "payments";
        o.previous = true;
        const std::string text = sim->logs("team-b", pod["metadata"]["name"], o);
        QVERIFY(text.find("panic: dial tcp") != std::string::npos);
        QVERIFY(text.find("goroutine 1 [running]:") != std::string::npos);
    }

    void followDeliversNewLines()
    {
        const json web = podByPrefix("team-a", "web-");
        demo::LogOptions o;
        o.container = "web";
        o.tailLines = 2;
        std::vector<std::string> got;
        const auto id = sim->followLogs("team-a", web["metadata"]["name"], o,
                                        [&](const std::string &line) {
                                            got.push_back(line);
                                            return true;
                                        });
        sim->step(0.1);
        QCOMPARE(got.size(), std::size_t(2));
        sim->step(15);
        QVERIFY(got.size() >= 8);
        for (const std::string &line : got)
            QVERIFY(!line.empty() && line.back() == '\n');
        sim->cancelFollow(id);
        const std::size_t before = got.size();
        sim->step(15);
        QCOMPARE(got.size(), before);
    }

    void followEndsWhenTheContainerStops()
    {
        const json pod = podByPrefix("team-b", "payments-");
        demo::LogOptions o;
        o.container = "payments";
        bool ended = false;
        std::vector<std::string> got;
        // Wait until the container runs, then follow it into its next crash.
        for (int i = 0;
             i < 400
             && !(*store.get("pods", "team-b",
                             pod["metadata"]["name"]))["status"]["containerStatuses"][0]["state"]
                     .contains("running");
             ++i)
            sim->step(1);
        sim->followLogs("team-b", pod["metadata"]["name"], o, [&](const std::string &line) {
            if (line.empty())
                ended = true;
            else
                got.push_back(line);
            return true;
        });
        for (int i = 0; i < 20 && !ended; ++i)
            sim->step(1);
        QVERIFY(ended);
        bool panic = false;
        for (const std::string &line : got)
            panic = panic || line.rfind("panic:", 0) == 0;
        QVERIFY(panic);
    }
};

QTEST_GUILESS_MAIN(TestSimLogs)
#include "tst_sim_logs.moc"
