// Screens benchmark (issue 6): the app's stack — ClusterSession → ClusterStore → models, proxies
// and a real MainWindow (offscreen) — on the demo cluster's large preset. Prints the time to a
// settled picture, sorting and filtering the Containers tab, expanding a node on the Nodes tab,
// and the GUI thread's stalls while the server churns pods (MODIFIED events at a fixed rate).
// Prints figures; it does not pass or fail on them.
// --synthetic leaves the server and kubeapi out: the same objects are fed to ClusterStore
// directly (a page of 500 per event-loop turn, as an informer delivers them) and the burst
// changes each pod's restart count, so the figures are the models' and views' share alone.
// Usage: bench_screens [--nodes N] [--pods M] [--rate EVENTS_PER_S] [--seconds S]
//                      [--feed-only-burst] [--containers-tab-only] [--synthetic]
#include "bench_support.h"
#include "models/cluster/clustersession.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsmodel.h"
#include "models/insights/insightsproxy.h"
#include "models/metrics/metricshistory.h"
#include "views/mainwindow.h"
#include "views/pages/insightspage.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/objects/objects.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <unistd.h>

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

// The large preset's shape without the server: nodes aks-poolP-52804419-vmssNNNNNN, namespaces
// of 1,000 pods, Deployments svc-NNNNN of 10 replicas (one ReplicaSet each) whose pods have one
// container named after the app.
struct SyntheticCluster
{
    QList<kube::Node> nodes;
    QList<kube::Deployment> deployments;
    QList<kube::ReplicaSet> replicaSets;
    QList<kube::Pod> pods;
};

SyntheticCluster syntheticCluster(int nodeCount, int podCount)
{
    SyntheticCluster c;
    const qint64 born = QDateTime::currentMSecsSinceEpoch() - 7 * 86400 * 1000LL;
    const auto quantity = [](const char *text) {
        return *kube::Quantity::parse(QString::fromLatin1(text));
    };
    for (int i = 0; i < nodeCount; ++i) {
        kube::Node n;
        n.metadata.name = QString::asprintf("aks-pool%d-52804419-vmss%06d", i / 1000 + 1, i % 1000);
        n.metadata.uid = QStringLiteral("node-uid-%1").arg(i);
        n.metadata.creationTimestamp = kube::Timestamp::fromMSecs(born);
        n.metadata.labels << std::pair(QStringLiteral("agentpool"),
                                       QStringLiteral("pool%1").arg(i / 1000 + 1));
        n.allocatable.cpu = quantity("7820m");
        n.allocatable.memory = quantity("28381272Ki");
        n.capacity = n.allocatable;
        kube::Condition ready;
        ready.type = QStringLiteral("Ready");
        ready.status = QStringLiteral("True");
        ready.lastTransitionTime = kube::Timestamp::fromMSecs(born);
        n.conditions << ready;
        c.nodes << n;
    }
    static const char *const tiers[] = {"frontend", "backend", "worker", "cache"};
    int nodeCursor = 0;
    for (int d = 0; c.pods.size() < podCount; ++d) {
        const QString ns = QString::asprintf("tenant-%04d", d * 10 / 1000);
        const QString app = QString::asprintf("svc-%05d", d);
        kube::Deployment dep;
        dep.metadata.namespaceName = ns;
        dep.metadata.name = app;
        dep.metadata.uid = QStringLiteral("deploy-uid-%1").arg(d);
        dep.metadata.creationTimestamp = kube::Timestamp::fromMSecs(born + 3600000);
        dep.replicas.desired = 10;
        dep.selector.matchLabels << std::pair(QStringLiteral("app"), app);
        c.deployments << dep;
        kube::ReplicaSet rs;
        rs.metadata.namespaceName = ns;
        rs.metadata.name = app + QStringLiteral("-7c9f8d6b5d");
        rs.metadata.uid = QStringLiteral("rs-uid-%1").arg(d);
        rs.metadata.ownerReferences << kube::OwnerReference{
            QStringLiteral("apps/v1"), QStringLiteral("Deployment"), app, dep.metadata.uid, true};
        c.replicaSets << rs;
        for (int r = 0; r < 10 && c.pods.size() < podCount; ++r) {
            kube::Pod p;
            p.metadata.namespaceName = ns;
            p.metadata.name = rs.metadata.name
                              + QString::asprintf("-%05x", (d * 10 + r) * 7919 % 0xfffff);
            p.metadata.uid = QStringLiteral("pod-uid-%1").arg(c.pods.size());
            p.metadata.labels << std::pair(QStringLiteral("app"), app)
                              << std::pair(QStringLiteral("tier"),
                                           QString::fromLatin1(tiers[d % 4]))
                              << std::pair(QStringLiteral("pod-template-hash"),
                                           QStringLiteral("7c9f8d6b5d"));
            p.metadata.ownerReferences
                << kube::OwnerReference{QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                                        rs.metadata.name, rs.metadata.uid, true};
            p.metadata.creationTimestamp = kube::Timestamp::fromMSecs(born + 3600000);
            p.nodeName = c.nodes[nodeCursor].metadata.name;
            nodeCursor = (nodeCursor + 1) % nodeCount;
            p.phase = QStringLiteral("Running");
            p.startTime = p.metadata.creationTimestamp;
            kube::Container spec;
            spec.name = app;
            spec.image = QStringLiteral("nginx:1.27.2");
            spec.resources.cpuRequest = quantity("10m");
            spec.resources.memoryRequest = quantity("32Mi");
            p.containers << spec;
            kube::ContainerStatus st;
            st.name = app;
            st.ready = true;
            st.state.kind = kube::ContainerState::Kind::Running;
            st.state.startedAt = p.startTime;
            p.containerStatuses << st;
            c.pods << p;
        }
    }
    return c;
}

// Feeds the objects as informers deliver them: owners first, a page of 500 per event-loop turn.
void feedInPages(ClusterStore &feed, const SyntheticCluster &c)
{
    for (const auto &n : c.nodes)
        feed.upsert(n);
    for (const auto &d : c.deployments)
        feed.upsert(d);
    for (const auto &rs : c.replicaSets)
        feed.upsert(rs);
    QCoreApplication::processEvents();
    for (qsizetype i = 0; i < c.pods.size(); ++i) {
        feed.upsert(c.pods[i]);
        if (i % 500 == 499)
            QCoreApplication::processEvents();
    }
}

struct Stalls
{
    std::vector<double> samples;
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer tick;
    Stalls()
    {
        // A 1 ms probe on the GUI thread: the time between two firings beyond the interval is
        // how long the thread was busy with something else (decoding, model updates, painting).
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, &tick, [this] {
            const qint64 now = clock.nsecsElapsed();
            samples.push_back(std::max(0.0, double(now - last) / 1e6 - 1.0));
            last = now;
        });
    }
    void start()
    {
        clock.start();
        last = clock.nsecsElapsed();
        tick.start();
    }
    void print(const char *what)
    {
        tick.stop();
        std::printf("  %s: GUI thread stalls (1 ms probe, %zu samples): p50 %.1f ms, p99 %.1f ms, "
                    "max %.1f ms "
                    "(budget p99 <= 16 ms)\n",
                    what, samples.size(), percentile(samples, 50), percentile(samples, 99),
                    percentile(samples, 100));
    }
};

void measureContainersTab(MainWindow &window)
{
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
    view->sortByColumn(0, Qt::AscendingOrder);
    QCoreApplication::processEvents();
    InsightsFilter *filter = window.filter();
    struct Step
    {
        const char *what;
        std::function<void()> apply;
    };
    const std::vector<Step> steps{
        {"name search \"svc-0001\"", [&] { filter->setNameSearch(QStringLiteral("svc-0001")); }},
        {"name search cleared", [&] { filter->setNameSearch(QString()); }},
        {"name search typed \"s\" … \"svc-0001\"",
         [&] {
             const QString text = QStringLiteral("svc-0001");
             for (int n = 1; n <= text.size(); ++n) {
                 filter->setNameSearch(text.left(n));
                 QCoreApplication::processEvents();
             }
         }},
        {"name search cleared", [&] { filter->setNameSearch(QString()); }},
        {"label selector app=svc-00042",
         [&] { filter->setLabelSelector(QStringLiteral("app=svc-00042")); }},
        {"label selector cleared", [&] { filter->setLabelSelector(QString()); }},
        {"label selector tier in (cache,worker)",
         [&] { filter->setLabelSelector(QStringLiteral("tier in (cache,worker)")); }},
        {"label selector cleared", [&] { filter->setLabelSelector(QString()); }},
        {"namespace tenant-0007", [&] { filter->setNamespaces({QStringLiteral("tenant-0007")}); }},
        {"namespace cleared", [&] { filter->setNamespaces({}); }},
    };
    for (const Step &step : steps) {
        const double ms = timed(step.apply);
        std::printf("  filter: %-38s %9.1f ms  → %d rows\n", step.what, ms,
                    countRows(containers->proxy()));
    }
}

void measureNodeExpand(MainWindow &window)
{
    InsightsPage *nodes = window.page(MainWindow::NodesTab);
    window.tabs()->setCurrentIndex(MainWindow::NodesTab);
    QCoreApplication::processEvents();
    const QModelIndex firstNode = nodes->proxy()->index(0, 0);
    const double expandMs = timed([&] { nodes->view()->expand(firstNode); });
    std::printf("Nodes tab: %d rows; expanding %s (%d children): %.1f ms\n",
                countRows(nodes->proxy()), qPrintable(firstNode.data().toString()),
                countRows(nodes->proxy(), firstNode), expandMs);
}

// The synthetic burst: `rate` pod updates per second for `seconds`, each a restart of the pod's
// container (a visible change: Status tool tip, Restarts), spread over 5 ms steps.
void syntheticBurst(ClusterStore &feed, SyntheticCluster &c, int rate, int seconds,
                    const char *what)
{
    Stalls stalls;
    QTimer step;
    step.setInterval(5);
    const int perStep = std::max(1, rate / 200);
    qsizetype cursor = 0;
    int sent = 0;
    const int total = rate * seconds;
    QObject::connect(&step, &QTimer::timeout, &step, [&] {
        for (int i = 0; i < perStep && sent < total; ++i, ++sent) {
            // Spread over the whole list, as a real churn hits pods anywhere.
            cursor = (cursor + 7919) % c.pods.size();
            kube::Pod &p = c.pods[cursor];
            ++p.containerStatuses[0].restartCount;
            feed.upsert(p);
        }
    });
    QElapsedTimer t;
    t.start();
    stalls.start();
    step.start();
    waitUntil([&] { return sent >= total; }, (seconds + 30) * 1000);
    step.stop();
    waitUntil([] { return false; }, 500);
    std::printf("synthetic burst (%s): %d pod updates in %.1f s (%d/s requested)\n", what, sent,
                double(t.elapsed()) / 1000.0, rate);
    stalls.print(what);
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
    const QCommandLineOption rateOpt(QStringLiteral("rate"),
                                     QStringLiteral("watch events per second in the burst"),
                                     QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                        QStringLiteral("length of the burst"), QStringLiteral("s"),
                                        QStringLiteral("10"));
    const QCommandLineOption feedOnlyOpt(
        QStringLiteral("feed-only-burst"),
        QStringLiteral("models ignore the burst's pod changes (the floor)"));
    const QCommandLineOption containersOnlyOpt(
        QStringLiteral("containers-tab-only"),
        QStringLiteral("only sort and filter the Containers tab (no node, no burst)"));
    const QCommandLineOption syntheticOpt(
        QStringLiteral("synthetic"),
        QStringLiteral("no server: objects fed to the models directly (their share alone)"));
    parser.addOptions(
        {nodesOpt, podsOpt, rateOpt, secondsOpt, feedOnlyOpt, containersOnlyOpt, syntheticOpt});
    parser.process(app);
    const int rate = parser.value(rateOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();

    if (parser.isSet(syntheticOpt)) {
        ClusterStore feed;
        MetricsHistory history;
        MainWindow window;
        window.setSources(&feed, &history);
        window.resize(1600, 1000);
        window.show();
        QCoreApplication::processEvents();
        SyntheticCluster cluster = syntheticCluster(parser.value(nodesOpt).toInt(),
                                                    parser.value(podsOpt).toInt());
        std::printf("synthetic cluster: %lld nodes, %lld pods\n", qlonglong(cluster.nodes.size()),
                    qlonglong(cluster.pods.size()));
        QElapsedTimer wall;
        wall.start();
        feedInPages(feed, cluster);
        QCoreApplication::processEvents();
        std::printf("%-44s %9.0f ms\n", "fed in pages of 500 → models filled",
                    double(wall.elapsed()));
        measureContainersTab(window);
        if (parser.isSet(containersOnlyOpt))
            return 0;
        measureNodeExpand(window);
        window.tabs()->setCurrentIndex(MainWindow::ContainersTab);
        QCoreApplication::processEvents();
        InsightsPage *containers = window.page(MainWindow::ContainersTab);
        const int restarts = containers->model()->section(InsightsModel::Column::Restarts);
        syntheticBurst(feed, cluster, rate, seconds, "sorted by name");
        containers->view()->sortByColumn(restarts, Qt::DescendingOrder);
        QCoreApplication::processEvents();
        syntheticBurst(feed, cluster, rate, seconds, "sorted by restarts");
        return 0;
    }

#ifndef KLARSICHT_DEMO_CLUSTER
    std::fprintf(stderr, "built without the demo cluster\n");
    return 2;
#else
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QProcess demo;
    if (!bench::startLargeDemoCluster(demo, QStringLiteral(KLARSICHT_DEMO_CLUSTER),
                                      parser.value(nodesOpt), parser.value(podsOpt), kubeconfig))
        return 1;
    const auto connection = bench::demoConnection(kubeconfig);
    if (!connection)
        return 1;

    ClusterStore feed;
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
    const double settledMs = double(wall.elapsed());
    std::printf("%-44s %9.0f ms\n", "connect → all informers settled, models filled", settledMs);
    // What holding the cluster costs: informer caches, the store, the three tab models.
    QFile statm(QStringLiteral("/proc/self/statm"));
    const double rssMb = statm.open(QIODevice::ReadOnly)
                             ? double(statm.readAll().split(' ').value(1).toLongLong())
                                   * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0)
                             : -1.0;
    std::printf("%-44s %9.0f MB\n", "resident memory after load", rssMb);

    measureContainersTab(window);
    if (parser.isSet(containersOnlyOpt)) {
        std::printf("result: settled_ms=%.0f rss_mb=%.0f\n", settledMs, rssMb);
        session.stop();
        demo.terminate();
        demo.waitForFinished(10000);
        return 0;
    }
    measureNodeExpand(window);

    // The burst: the server updates pods at a fixed rate; every pod watch gets MODIFIED events.
    window.tabs()->setCurrentIndex(MainWindow::ContainersTab);
    QCoreApplication::processEvents();
    int podEvents = 0;
    // The floor: the same burst with the models deaf to pod changes leaves the watch, decoding
    // and feed work only (and what the machine's other load takes from this thread).
    if (parser.isSet(feedOnlyOpt))
        QObject::disconnect(&feed, &ClusterStore::podChanged, nullptr, nullptr);
    QObject::connect(&feed, &ClusterStore::podChanged, &app, [&podEvents] { ++podEvents; });
    kube::ApiRequest churn;
    churn.path = QStringLiteral("/demo/faults");
    churn.method = "POST";
    churn.body = QStringLiteral("churn=%1,churnseconds=%2").arg(rate).arg(seconds).toUtf8();
    churn.contentType = "text/plain";
    churn.verb = QStringLiteral("post");
    std::unique_ptr<kube::ApiReply> reply(session.client()->send(churn));
    waitUntil([&] { return reply->isFinished(); }, 30000);
    if (!reply->error().isOk()) {
        std::fprintf(stderr, "cannot start the burst: %s\n",
                     qPrintable(reply->error().toLogString()));
        return 1;
    }
    Stalls stalls;
    const int eventsBefore = podEvents;
    stalls.start();
    waitUntil([] { return false; }, (seconds + 3) * 1000);
    std::printf("burst: %d events/s for %d s requested; %d pod changes reached the feed\n", rate,
                seconds, podEvents - eventsBefore);
    stalls.print("burst");
    std::printf("result: settled_ms=%.0f rss_mb=%.0f burst_p99_ms=%.1f\n", settledMs, rssMb,
                percentile(stalls.samples, 99));

    session.stop();
    demo.terminate();
    demo.waitForFinished(10000);
    return 0;
#endif
}
