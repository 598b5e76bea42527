#pragma once

// Shared by the benchmarks that need a cluster: starts the demo cluster with the large preset
// and waits until it serves and has written its kubeconfig.
#include "kubeapi/config/kubeconfig.h"

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <cstdio>
#include <optional>

namespace bench {

// Starts `program --preset large --nodes N --pods M --port 0 --kubeconfig-out FILE`; false (with
// a message on stderr) when it exits before it serves.
inline bool startLargeDemoCluster(QProcess &demo, const QString &program, const QString &nodes,
                                  const QString &pods, const QString &kubeconfig)
{
    demo.setProgram(program);
    demo.setArguments({QStringLiteral("--preset"), QStringLiteral("large"),
                       QStringLiteral("--nodes"), nodes, QStringLiteral("--pods"), pods,
                       QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--kubeconfig-out"), kubeconfig});
    demo.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    std::printf("starting the demo cluster (%s nodes, %s pods)…\n", qPrintable(nodes),
                qPrintable(pods));
    std::fflush(stdout);
    demo.start();
    QByteArray out;
    while (!out.contains("export KUBECONFIG=") && demo.state() != QProcess::NotRunning) {
        demo.waitForReadyRead(1000);
        out += demo.readAllStandardOutput();
    }
    if (!out.contains("export KUBECONFIG=")) {
        std::fprintf(stderr, "the demo cluster did not start\n");
        return false;
    }
    return true;
}

// The admin context ("demo") of the kubeconfig the demo cluster wrote; nullopt (with a message
// on stderr) when it cannot be read.
inline std::optional<kube::ClusterConnection> demoConnection(const QString &kubeconfig)
{
    QString error;
    const auto config = kube::Kubeconfig::loadFiles({kubeconfig}, true, &error);
    auto connection = config ? config->resolve(QStringLiteral("demo"), &error) : std::nullopt;
    if (!connection)
        std::fprintf(stderr, "the demo cluster's kubeconfig: %s\n", qPrintable(error));
    return connection;
}

} // namespace bench
