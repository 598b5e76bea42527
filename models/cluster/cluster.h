#pragma once

// One cluster on screen: its objects (a ClusterStore), its metrics history and the sampler
// that fills it, and where both come from — a live connection (one informer per followed
// kind, metrics on a client of their own) or a snapshot file (the same store, decoders and
// metrics path, fed once). Headless: the window shows a Cluster, the CLI and tests drive one.
#include "kubeapi/config/clusterconnection.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class AccessReviewer;
class ClusterSession;
class ClusterStore;
class MetricsHistory;
class MetricsSampler;
namespace kube {
class ApiClient;
}

class Cluster final : public QObject
{
    Q_OBJECT
public:
    enum class Source { None, Live, Snapshot };

    explicit Cluster(QObject *parent = nullptr);
    ~Cluster() override;

    // Live: lists and watches every followed kind, samples metrics every `intervalSeconds`
    // (from Prometheus at `prometheusUrl` if given, else the best source the cluster offers).
    void connectTo(const QString &contextName, const kube::ClusterConnection &connection,
                   const QStringList &fallbackNamespaces, const QUrl &prometheusUrl,
                   int intervalSeconds);
    // A snapshot file: its objects and metrics samples. False and a translated *error on bad
    // input; the cluster then holds nothing.
    bool openSnapshot(const QString &path, QString *error);

    Source source() const { return m_source; }
    QString contextName() const { return m_contextName; }
    // The API server, safe to show; for a snapshot the one it was taken from.
    QString server() const { return m_server; }
    bool insecure() const { return m_insecure; }
    QDateTime capturedAt() const { return m_capturedAt; } // snapshots only

    ClusterStore *store() const { return m_store; }
    MetricsHistory *history() const { return m_history.get(); }
    MetricsSampler *sampler() const { return m_sampler; }
    ClusterSession *session() const { return m_session; } // null for a snapshot
    // What the user may do per namespace (rules reviews); null for a snapshot.
    AccessReviewer *accessReviewer() const { return m_accessReviewer; }
    // Every informer listed once (or gave up), or the snapshot was read.
    bool isLoaded() const { return m_loaded; }
    void setSamplingInterval(int seconds);

Q_SIGNALS:
    void loaded();
    // An informer's or the metrics sampler's state changed.
    void stateChanged();
    // New figures in the history (a round, or history read from a source).
    void metricsUpdated();

private:
    void markLoaded();

    Source m_source = Source::None;
    QString m_contextName;
    QString m_server;
    bool m_insecure = false;
    QDateTime m_capturedAt;
    ClusterStore *m_store = nullptr;
    std::unique_ptr<MetricsHistory> m_history;
    MetricsSampler *m_sampler = nullptr;
    ClusterSession *m_session = nullptr;
    AccessReviewer *m_accessReviewer = nullptr;
    kube::ApiClient *m_metricsClient = nullptr; // its own connections, off the object lists'
    bool m_loaded = false;
};
