#pragma once

// Reading a support hand-over snapshot (docs/snapshot.md) into a ClusterStore, through the
// decoders that read the API server's answers, and its metrics.k8s.io samples into rounds for
// the metrics path the live app uses. The file is walked once: each list is handed to its
// decoder as the text it is in the file, never as a JSON tree built and dumped again.
#include "kubeapi/metrics/metricssource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

class ClusterStore;

inline constexpr int kSnapshotFormatVersion = 1;

struct SnapshotHeader
{
    QString context;
    QString server;
    QDateTime capturedAt;
};

class SnapshotReader final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotReader)
public:
    using RoundSink = std::function<void(const kube::MetricsRound &round)>;

    // Loads `path` into `store` (which should be empty) and hands each metrics sample to
    // `onRound`, oldest first. On bad input: nullopt and a translated *error naming the file;
    // the store then holds nothing of it.
    static std::optional<SnapshotHeader> read(const QString &path, ClusterStore *store,
                                              const RoundSink &onRound, QString *error);
};
