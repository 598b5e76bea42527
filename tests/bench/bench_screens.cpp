// Screens benchmark (issue 6): the app's stack — ClusterSession → InsightsFeed → models, proxies
// and a real MainWindow (offscreen) — on the demo cluster's large preset. Prints the time to a
// settled picture, sorting and filtering the Containers tab, expanding a node on the Nodes tab,
// and the GUI thread's stalls while the server churns pods (MODIFIED events at a fixed rate).
// Prints figures; it does not pass or fail on them.
// Usage: bench_screens [--nodes N] [--pods M] [--rate EVENTS_PER_S] [--seconds S]
//                      [--feed-only-burst] [--containers-tab-only]
#include "app/clustersession.h"
#include "bench_support.h"
#include "models/insightsfeed.h"
#include "models/insightsfilter.h"
#include "models/insightsmodel.h"
#include "models/insightsproxy.h"
#include "models/metricshistory.h"
#include "views/insightspage.h"
#include "views/mainwindow.h"

#include "kubeapi/apiclient.h"
#include "kubeapi/kubeconfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

// Runs the event loop until `done` holds (checked every 20 ms) or `ms` pass.
bool waitUntil(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// Wall time of `work` plus the event processing it triggers (layout, painting), in ms.
double timed(const std::function<void()> &work)
{
    QElapsedTimer t;
    t.start();
    work();
    QCoreApplication::processEvents();
    return double(t.nsecsElapsed()) / 1e6;
}

int countRows(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    return model->rowCount(parent);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto rank = std::size_t(std::max(1.0, std::ceil(p / 100.0 * double(v.size()))));
    return v[rank - 1];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Klarsicht screens benchmark"));
    parser.addHelpOption();
    const QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("demo cluster nodes"),
                                      QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("demo cluster pods"),
                                     QStringLiteral("n"), QStringLiteral("150000"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("watch events per second in the burst"),
                                     QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("length of the burst"),
                                        QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption feedOnlyOpt(QStringLiteral("feed-only-burst"),
                                         QStringLiteral("models ignore the burst's pod changes (the floor)"));
    const QCommandLineOption containersOnlyOpt(QStringLiteral("containers-tab-only"),
                                               QStringLiteral("only sort and filter the Containers tab (no node, no burst)"));
    parser.addOptions({nodesOpt, podsOpt, rateOpt, secondsOpt, feedOnlyOpt, containersOnlyOpt});
    parser.process(app);

#ifndef KLARSICHT_DEMO_CLUSTER
    std::fprintf(stderr, "built without the demo cluster\n");
    return 2;
#else
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QProcess demo;
    if (!bench::startLargeDemoCluster(demo, QStringLiteral(KLARSICHT_DEMO_CLUSTER), parser.value(nodesOpt),
                                      parser.value(podsOpt), kubeconfig))
        return 1;
    QString error;
    const auto config = kube::Kubeconfig::loadFiles({kubeconfig}, true, &error);
    const auto connection = config ? config->resolve(QStringLiteral("demo"), &error) : std::nullopt;
    if (!connection) {
        std::fprintf(stderr, "the demo cluster did not start: %s\n", qPrintable(error));
        return 1;
    }

    InsightsFeed feed;
    MetricsHistory history;
    MainWindow window;
    window.setSources(&feed, &history);
    window.resize(1600, 1000);
    window.show();
    ClusterSession session(*connection, &feed);

    QElapsedTimer wall;
    wall.start();
    session.start();
    if (!waitUntil([&] { return session.allSettled(); }, 600000)) {
        std::fprintf(stderr, "not settled: %s\n", qPrintable(session.stateSummary().join(u", ")));
        return 1;
    }
    QCoreApplication::processEvents();
    std::printf("%-44s %9.0f ms\n", "connect → all informers settled, models filled", double(wall.elapsed()));

    InsightsPage *containers = window.page(MainWindow::ContainersTab);
    window.tabs()->setCurrentIndex(MainWindow::ContainersTab);
    QCoreApplication::processEvents();
    const int rows = countRows(containers->proxy());
    std::printf("Containers tab: %d rows\n", rows);
    const InsightsModel *model = containers->model();
    QTreeView *view = containers->view();
    for (const auto column : {InsightsModel::Column::Name, InsightsModel::Column::Restarts,
                              InsightsModel::Column::Uptime, InsightsModel::Column::Node}) {
        const int section = model->section(column);
        if (section < 0)
            continue;
        const QString title = model->headerData(section, Qt::Horizontal).toString();
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const double ms = timed([&] { view->sortByColumn(section, order); });
            std::printf("  sort by %-12s %-10s %9.1f ms\n", qPrintable(title),
                        order == Qt::AscendingOrder ? "ascending" : "descending", ms);
        }
    }
    InsightsFilter *filter = window.filter();
    struct Step
    {
        const char *what;
        std::function<void()> apply;
    };
    const std::vector<Step> steps{
        {"name search \"svc-0001\"", [&] { filter->setNameSearch(QStringLiteral("svc-0001")); }},
        {"name search cleared", [&] { filter->setNameSearch(QString()); }},
        {"label selector app=svc-00042", [&] { filter->setLabelSelector(QStringLiteral("app=svc-00042")); }},
        {"label selector cleared", [&] { filter->setLabelSelector(QString()); }},
        {"namespace tenant-0007", [&] { filter->setNamespaces({QStringLiteral("tenant-0007")}); }},
        {"namespace cleared", [&] { filter->setNamespaces({}); }},
    };
    for (const Step &step : steps) {
        const double ms = timed(step.apply);
        std::printf("  filter: %-34s %9.1f ms  → %d rows\n", step.what, ms, countRows(containers->proxy()));
    }

    if (parser.isSet(containersOnlyOpt)) {
        session.stop();
        demo.terminate();
        demo.waitForFinished(10000);
        return 0;
    }
    InsightsPage *nodes = window.page(MainWindow::NodesTab);
    window.tabs()->setCurrentIndex(MainWindow::NodesTab);
    QCoreApplication::processEvents();
    const QModelIndex firstNode = nodes->proxy()->index(0, 0);
    const double expandMs = timed([&] { nodes->view()->expand(firstNode); });
    std::printf("Nodes tab: %d rows; expanding %s (%d children): %.1f ms\n", countRows(nodes->proxy()),
                qPrintable(firstNode.data().toString()), countRows(nodes->proxy(), firstNode), expandMs);

    // The burst: the server updates pods at a fixed rate; every pod watch gets MODIFIED events.
    window.tabs()->setCurrentIndex(MainWindow::ContainersTab);
    QCoreApplication::processEvents();
    const int rate = parser.value(rateOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();
    int podEvents = 0;
    // The floor: the same burst with the models deaf to pod changes leaves the watch, decoding
    // and feed work only (and what the machine's other load takes from this thread).
    if (parser.isSet(feedOnlyOpt))
        QObject::disconnect(&feed, &InsightsFeed::podChanged, nullptr, nullptr);
    QObject::connect(&feed, &InsightsFeed::podChanged, &app, [&podEvents] { ++podEvents; });
    kube::ApiRequest churn;
    churn.path = QStringLiteral("/demo/faults");
    churn.method = "POST";
    churn.body = QStringLiteral("churn=%1,churnseconds=%2").arg(rate).arg(seconds).toUtf8();
    churn.contentType = "text/plain";
    churn.verb = QStringLiteral("post");
    std::unique_ptr<kube::ApiReply> reply(session.client()->send(churn));
    waitUntil([&] { return reply->isFinished(); }, 30000);
    if (!reply->error().isOk()) {
        std::fprintf(stderr, "cannot start the burst: %s\n", qPrintable(reply->error().toLogString()));
        return 1;
    }
    // A 1 ms probe on the GUI thread: the time between two firings beyond the interval is how
    // long the thread was busy with something else (decoding, model updates, painting).
    std::vector<double> stalls;
    QElapsedTimer probe;
    probe.start();
    qint64 last = probe.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = probe.nsecsElapsed();
        stalls.push_back(std::max(0.0, double(now - last) / 1e6 - 1.0));
        last = now;
    });
    const int eventsBefore = podEvents;
    tick.start();
    waitUntil([] { return false; }, (seconds + 3) * 1000);
    tick.stop();
    std::printf("burst: %d events/s for %d s requested; %d pod changes reached the feed\n", rate, seconds,
                podEvents - eventsBefore);
    std::printf("  GUI thread stalls (1 ms probe, %zu samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                "(budget p99 <= 16 ms)\n",
                stalls.size(), percentile(stalls, 50), percentile(stalls, 99), percentile(stalls, 100));

    session.stop();
    demo.terminate();
    demo.waitForFinished(10000);
    return 0;
#endif
}
