// Ingest benchmark: starts the demo cluster with the large preset (or uses a given kubeconfig),
// lists and watches all pods and nodes with Klarsicht's informers until both are synced, and
// prints wall time, CPU time and peak RSS; then measures `kubectl get pods -A -o name` against
// the same server in the same run. Prints figures; it does not pass or fail on them.
// --skip-kubectl and --runs N are for quick iterations; reported figures include kubectl.
#include "bench_support.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/informers/informer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdio>

namespace {

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peakRssKb(int who)
{
    rusage u{};
    getrusage(who, &u);
    return u.ru_maxrss;
}

// CPU seconds (user + system) of another process, from /proc/<pid>/stat; -1 if unknown.
double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

long currentRssKb()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.value(1).toLong() * (sysconf(_SC_PAGESIZE) / 1024);
}

void print(const char *who, double wallS, double cpuS, long peakKb, const QString &extra)
{
    std::printf("%-34s wall %7.2f s   cpu %7.2f s   peak RSS %7.1f MB   %s\n", who, wallS, cpuS,
                double(peakKb) / 1024.0, qPrintable(extra));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Klarsicht ingest benchmark"));
    parser.addHelpOption();
    const QCommandLineOption kubeconfigOpt(
        QStringLiteral("kubeconfig"),
        QStringLiteral("use this cluster instead of starting the demo cluster"),
        QStringLiteral("file"));
    const QCommandLineOption contextOpt(QStringLiteral("context"),
                                        QStringLiteral("context (default: current)"),
                                        QStringLiteral("name"));
    const QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("demo cluster nodes"),
                                      QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("demo cluster pods"),
                                     QStringLiteral("n"), QStringLiteral("150000"));
    const QCommandLineOption skipKubectlOpt(
        QStringLiteral("skip-kubectl"),
        QStringLiteral("quick iterations: measure Klarsicht only (no peer figures)"));
    const QCommandLineOption runsOpt(
        QStringLiteral("runs"),
        QStringLiteral("measure Klarsicht this many times against the same server"),
        QStringLiteral("n"), QStringLiteral("1"));
    parser.addOptions({kubeconfigOpt, contextOpt, nodesOpt, podsOpt, skipKubectlOpt, runsOpt});
    parser.process(app);

    QTemporaryDir dir;
    QProcess demo;
    QString kubeconfig = parser.value(kubeconfigOpt);
    if (kubeconfig.isEmpty()) {
#ifdef KLARSICHT_DEMO_CLUSTER
        kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
        if (!bench::startLargeDemoCluster(demo, QStringLiteral(KLARSICHT_DEMO_CLUSTER),
                                          parser.value(nodesOpt), parser.value(podsOpt),
                                          kubeconfig))
            return 1;
#else
        std::fprintf(stderr, "built without the demo cluster: pass --kubeconfig\n");
        return 2;
#endif
    }

    QString error;
    const auto config = kube::Kubeconfig::loadFiles({kubeconfig}, true, &error);
    const auto connection = config ? config->resolve(parser.value(contextOpt), &error)
                                   : std::nullopt;
    if (!connection) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    // Klarsicht: from nothing to both informers synced.
    const qint64 serverPid = demo.processId();
    double serverCpu = processCpuSeconds(serverPid);
    const auto printServer = [&] {
        // Both clients share the machine with the server; its CPU time explains the wall time.
        const double now = processCpuSeconds(serverPid);
        if (serverCpu >= 0 && now >= 0)
            std::printf("%-34s cpu %7.2f s (the demo cluster serving the lists above)\n",
                        "  server", now - serverCpu);
        std::fflush(stdout);
        serverCpu = now;
    };
    const int runs = qMax(1, parser.value(runsOpt).toInt());
    for (int run = 1; run <= runs; ++run) {
        const double cpuBefore = cpuSeconds(RUSAGE_SELF);
        QElapsedTimer wall;
        wall.start();
        auto *client = new kube::ApiClient(*connection, &app);
        auto *pods = new kube::Informer<kube::Pod>(client, &app);
        auto *nodes = new kube::Informer<kube::Node>(client, &app);
        const auto check = [&] {
            const bool failed = pods->state() == kube::InformerBase::State::Error
                                || nodes->state() == kube::InformerBase::State::Error;
            if (failed) {
                std::fprintf(stderr, "informer error: %s %s\n",
                             qPrintable(pods->lastError().toLogString()),
                             qPrintable(nodes->lastError().toLogString()));
                app.exit(1);
            } else if (pods->hasSynced() && nodes->hasSynced()) {
                app.exit(0);
            }
        };
        QObject::connect(pods, &kube::InformerBase::synced, &app, check);
        QObject::connect(nodes, &kube::InformerBase::synced, &app, check);
        QObject::connect(pods, &kube::InformerBase::stateChanged, &app, check);
        QObject::connect(nodes, &kube::InformerBase::stateChanged, &app, check);
        pods->start();
        nodes->start();
        if (app.exec() != 0)
            return 1;
        const double ourWall = double(wall.nsecsElapsed()) / 1e9;
        const double ourCpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
        // Peak RSS is the process's: from the second run on it includes the runs before.
        print(run == 1 ? "klarsicht informers (pods+nodes)" : "  again (peak RSS: all runs so far)",
              ourWall, ourCpu, peakRssKb(RUSAGE_SELF),
              QStringLiteral("%1 pods, %2 nodes, RSS now %3 MB, %4 list requests")
                  .arg(pods->size())
                  .arg(nodes->size())
                  .arg(double(currentRssKb()) / 1024.0, 0, 'f', 1)
                  .arg(pods->listRequestCount() + nodes->listRequestCount()));
        printServer();
        delete pods;
        delete nodes;
        delete client;
    }
    if (parser.isSet(skipKubectlOpt)) {
        if (demo.state() != QProcess::NotRunning) {
            demo.terminate();
            demo.waitForFinished(10000);
        }
        return 0;
    }

    // The referee on the same server, in the same run.
    QProcess kubectl;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    env.insert(QStringLiteral("KUBECACHEDIR"), dir.filePath(QStringLiteral("kubecache")));
    kubectl.setProcessEnvironment(env);
    QStringList args{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                     QStringLiteral("-o"), QStringLiteral("name")};
    if (parser.isSet(contextOpt))
        args << QStringLiteral("--context") << parser.value(contextOpt);
    const double childCpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QElapsedTimer wall;
    wall.start();
    kubectl.start(QStringLiteral("/usr/bin/kubectl"), args);
    kubectl.waitForFinished(-1);
    const qint64 lines = kubectl.readAllStandardOutput().count('\n');
    const double kWall = double(wall.nsecsElapsed()) / 1e9;
    // RUSAGE_CHILDREN covers reaped children only: the demo cluster is still running, so these
    // figures are kubectl's alone.
    print("kubectl get pods -A -o name", kWall, cpuSeconds(RUSAGE_CHILDREN) - childCpuBefore,
          peakRssKb(RUSAGE_CHILDREN),
          QStringLiteral("%1 pods, exit code %2").arg(lines).arg(kubectl.exitCode()));
    printServer();

    if (demo.state() != QProcess::NotRunning) {
        demo.terminate();
        demo.waitForFinished(10000);
    }
    return 0;
}
