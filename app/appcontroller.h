#pragma once

#include "app/appoptions.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <vector>

class Cluster;
class ClusterSession;
class ClusterStore;
class DemoLauncher;
class MainWindow;
class MetricsHistory;

// Wires the app: where the data comes from (a kubeconfig context, the built-in demo cluster or
// a snapshot file) becomes a Cluster, which the main window shows.
class AppController final : public QObject
{
    Q_OBJECT
public:
    explicit AppController(AppOptions options, QObject *parent = nullptr);
    ~AppController() override;

    void showWindow();
    // Connects as the options say: --open, --demo, a context, or (no kubeconfig) the demo.
    void start();

    MainWindow *window() const { return m_window.get(); }
    // The cluster on screen (an empty one before the first connection).
    Cluster *current() const;
    ClusterStore *store() const;
    MetricsHistory *history() const;
    ClusterSession *session() const; // null unless connected live
    // Objects have loaded (every informer listed once, or the snapshot was read).
    bool isLoaded() const;

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

private:
    void startDemo();
    void connectTo(const QString &kubeconfigFile, const QString &context);
    bool openSnapshot(const QString &file);
    void fail(const QString &message);
    void show(std::unique_ptr<Cluster> cluster);
    void showStates();
    // The status bar's metrics line and the indicator's "metrics" entry, from the sampler.
    void showMetricsState();
    void setSamplingInterval(int seconds);

    AppOptions m_options;
    std::unique_ptr<MainWindow> m_window;
    // The clusters this window knows; the first is the one shown. One for now: connecting,
    // switching context and opening a snapshot each replace it.
    std::vector<std::unique_ptr<Cluster>> m_clusters;
    QString m_kubeconfigFile;   // of the current session, for the context switcher
    QStringList m_contextNames; // the switcher's entries, and the one connected
    QString m_contextName;
    DemoLauncher *m_demo = nullptr;
    int m_intervalSeconds = 15; // of the metrics sampler: --interval, else the last menu choice
};
