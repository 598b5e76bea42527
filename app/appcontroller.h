#pragma once

#include "app/appoptions.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class ClusterSession;
class DemoLauncher;
class ClusterStore;
class MainWindow;
class MetricsHistory;
class MetricsSampler;
namespace kube {
class ApiClient;
}

// Wires the app: where the data comes from (a kubeconfig context, the built-in demo cluster or
// a snapshot file) into the ClusterStore and MetricsHistory that the main window shows.
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
    ClusterStore *store() const { return m_store; }
    MetricsHistory *history() const { return m_history.get(); }
    ClusterSession *session() const { return m_session; }
    // Objects have loaded (every informer listed once, or the snapshot was read).
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

private:
    void startDemo();
    void connectTo(const QString &kubeconfigFile, const QString &context);
    bool openSnapshot(const QString &file);
    void fail(const QString &message);
    void markLoaded();
    void showStates();
    // The status bar's metrics line and the indicator's "metrics" entry, from the sampler.
    void showMetricsState();
    void startSampler();
    void setSamplingInterval(int seconds);

    AppOptions m_options;
    ClusterStore *m_store = nullptr;
    std::unique_ptr<MetricsHistory> m_history;
    std::unique_ptr<MainWindow> m_window;
    ClusterSession *m_session = nullptr;
    kube::ApiClient *m_metricsClient = nullptr; // its own connections, off the object lists'
    MetricsSampler *m_sampler = nullptr;
    QString m_kubeconfigFile; // of the current session, for the context switcher
    QStringList m_contextNames; // the switcher's entries, and the one connected
    QString m_contextName;
    DemoLauncher *m_demo = nullptr;
    bool m_loaded = false;
    QHash<QString, QString> m_podByName; // "ns/pod" → UID, for the metrics sampler
    bool m_podIndexDirty = true;
    int m_intervalSeconds = 15; // of the metrics sampler: --interval, else the last menu choice
};
