// Benchmark (issue 12): on the large preset, the window's Cluster (informers, store, sampler with
// the kubelet source every 15 s) records two metrics rounds; then every running container must
// have its series in MetricsHistory (working set and CPU). Prints the round times, the series
// and the history's memory, and beside them `kubectl top pods -A --containers` on the same
// server (metrics.k8s.io, the peer's way of getting the same figures). Ends with one
// `result: key=value …` line.
// Usage: bench_metrics_large [--nodes N] [--pods M] [--rounds R]
#include "bench_support.h"
#include "models/cluster/cluster.h"
#include "models/cluster/clusterstore.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/metricssampler.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

double residentMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    return double(statm.readAll().split(' ').value(1).toLongLong()) * double(sysconf(_SC_PAGESIZE))
           / (1024.0 * 1024.0);
}

void waitUntil(const std::function<bool()> &condition, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("nodes"),
                                      QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("pods"),
                                     QStringLiteral("M"), QStringLiteral("150000"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("rounds"),
                                       QStringLiteral("R"), QStringLiteral("2"));
    parser.addOptions({nodesOpt, podsOpt, roundsOpt});
    parser.addHelpOption();
    parser.process(app);

    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QProcess demo;
    if (!bench::startLargeDemoCluster(demo, QStringLiteral(KLARSICHT_DEMO_CLUSTER),
                                      parser.value(nodesOpt), parser.value(podsOpt), kubeconfig))
        return 1;
    const auto connection = bench::demoConnection(kubeconfig);
    if (!connection)
        return 1;

    Cluster cluster;
    QList<qint64> roundMs;
    QElapsedTimer sinceRound;
    QObject::connect(cluster.sampler(), &MetricsSampler::roundRecorded, [&](qint64, int c, int n) {
        roundMs << sinceRound.elapsed();
        std::printf("  round %lld: %d containers, %d nodes recorded (%lld ms since the last)\n",
                    qlonglong(roundMs.size()), c, n, qlonglong(roundMs.last()));
        std::fflush(stdout);
        sinceRound.restart();
    });
    QElapsedTimer wall;
    wall.start();
    sinceRound.start();
    cluster.connectTo(QStringLiteral("demo"), *connection, {}, QUrl(), 15);
    waitUntil([&] { return cluster.isLoaded(); }, 300000);
    std::printf("%-44s %9.0f ms\n", "connect → all informers settled", double(wall.elapsed()));
    const int rounds = parser.value(roundsOpt).toInt();
    // Quick start-up rounds come first (CPU rates from counters); then regular rounds.
    waitUntil([&] { return roundMs.size() >= rounds + 3; }, 300000);
    const double afterRoundsMs = double(wall.elapsed());

    const ClusterStore &store = *cluster.store();
    const MetricsHistory &history = *cluster.history();
    qint64 running = 0, withWorkingSet = 0, withCpu = 0;
    for (const QString &uid : store.podUids()) {
        const kube::Pod *pod = store.pod(uid);
        if (!pod || pod->phase != u"Running")
            continue;
        for (const kube::ContainerStatus &s : pod->containerStatuses) {
            if (s.state.kind != kube::ContainerState::Kind::Running)
                continue;
            ++running;
            const QString id = MetricsHistory::containerId(pod->metadata.namespaceName,
                                                           pod->metadata.name, s.name);
            withWorkingSet += history.contains({SeriesKind::Container, Metric::WorkingSet, id});
            withCpu += history.contains({SeriesKind::Container, Metric::Cpu, id});
        }
    }
    const double rss = residentMb();
    std::printf("%-44s %9lld\n", "running containers in the store", qlonglong(running));
    std::printf("%-44s %9lld\n", "  with a working-set series", qlonglong(withWorkingSet));
    std::printf("%-44s %9lld\n", "  with a CPU series", qlonglong(withCpu));
    std::printf("%-44s %9lld (%lld refused, thinning %.3f)\n", "series in the history",
                qlonglong(history.seriesCount()), qlonglong(history.refusedSeries()),
                history.thinning());
    std::printf("%-44s %9.0f MB (limit %lld MB)\n", "history estimate",
                double(history.estimatedBytes()) / 1e6,
                qlonglong(history.config().maxBytes / 1000000));
    std::printf("%-44s %9.0f MB\n", "resident memory", rss);
    qint64 slowest = 0;
    for (qint64 ms : roundMs.mid(3))
        slowest = std::max(slowest, ms);

    // The peer: kubectl top, on the same server, at the same moment.
    QProcess kubectl;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    kubectl.setProcessEnvironment(env);
    QElapsedTimer peer;
    peer.start();
    kubectl.start(QStringLiteral("kubectl"),
                  {QStringLiteral("top"), QStringLiteral("pods"), QStringLiteral("-A"),
                   QStringLiteral("--containers"), QStringLiteral("--no-headers")});
    kubectl.waitForFinished(600000);
    const qint64 topLines = kubectl.readAllStandardOutput().count('\n');
    std::printf("%-44s %9.0f ms, %lld container lines, exit %d\n",
                "kubectl top pods -A --containers", double(peer.elapsed()), qlonglong(topLines),
                kubectl.exitCode());
    std::printf("result: running=%lld with_series=%lld with_cpu=%lld series=%lld refused=%lld "
                "history_mb=%.0f rss_mb=%.0f slowest_round_ms=%lld settled_plus_rounds_ms=%.0f "
                "kubectl_top_ms=%lld\n",
                qlonglong(running), qlonglong(withWorkingSet), qlonglong(withCpu),
                qlonglong(history.seriesCount()), qlonglong(history.refusedSeries()),
                double(history.estimatedBytes()) / 1e6, rss, qlonglong(slowest), afterRoundsMs,
                qlonglong(peer.elapsed()));
    demo.terminate();
    demo.waitForFinished(10000);
    return withWorkingSet == running && withCpu == running ? 0 : 2;
}
