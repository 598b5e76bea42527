#pragma once

// The Klarsicht main window: the filter bar, the insight tabs (Cluster, Nodes, Controllers,
// Containers), the menus and the connection state. It re-translates itself on LanguageChange.
#include "models/metrics/metricshistory.h"

#include <QMainWindow>

class Cluster;
class ClusterPage;
class FilterBar;
class ClusterStore;
class CredentialPromptDialog;
class InsightsFilter;
class InsightsPage;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { ClusterTab, NamespacesTab, NodesTab, ControllersTab, ContainersTab };

    explicit MainWindow(QWidget *parent = nullptr);

    // The cluster the screens show (null: none). The window does not own it; call again with
    // the new one before the old one goes.
    void setCluster(const Cluster *cluster);
    // The same from a store and a history of one's own (tests and benchmarks build those).
    void setSources(ClusterStore *feed, const MetricsHistory *history);
    // The history received samples: metric cells and charts refresh in place.
    void metricsUpdated();
    // The kubeconfig contexts for the switcher; choosing one emits contextRequested.
    void setContexts(const QStringList &contexts, const QString &current);
    // Shown in the status bar and the empty pages: what the window is connected to.
    void setConnectionText(const QString &text);
    // How a resource reaches the window: live, limited by RBAC to some namespaces (or none),
    // or not live (loading, stale, failing).
    enum class ResourceHealth { Live, Limited, Down };
    // Per-resource state for the connection indicator, e.g. ("pods", tr("live")); the
    // indicator shows the worst and lists all in its tool tip.
    void setResourceState(const QString &resource, const QString &stateText, ResourceHealth health);
    // The status bar's metrics line: which source delivers, how often, since when data is
    // missing (`healthy` false shows it in red); `details` is its tool tip.
    void setMetricsState(const QString &text, const QString &details, bool healthy);
    // A passing piece of news in the status bar (e.g. access to a kind returned); it stays
    // some seconds and is also kept in the indicator's tool tip until the next one.
    void showNotice(const QString &text);
    // A line from a context's credential plugin (a device-code login prompt): shown at once in
    // a dialog that does not block the window; closeCredentialPrompt() when it is done.
    void showCredentialPrompt(const QString &context, const QString &line);
    void closeCredentialPrompt();
    CredentialPromptDialog *credentialPrompt() const { return m_credentialPrompt; }
    // Ticks the sampling interval in View ▸ Sampling interval (5, 15, 30 or 60 s).
    void setSamplingInterval(int seconds);

    QTabWidget *tabs() const { return m_tabs; }
    InsightsFilter *filter() const { return m_filter; }
    FilterBar *filterBar() const { return m_filterBar; }
    ClusterPage *clusterPage() const { return m_clusterPage; }
    InsightsPage *page(Tab tab) const;
    // Drill-down: "node:<name>", "controller:<id>", "pod:<uid>" → that tab, filtered to it.
    void drillDown(const QString &target);

Q_SIGNALS:
    void contextRequested(const QString &context);
    // The user chose a sampling interval in the View menu.
    void samplingIntervalRequested(int seconds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void retranslate();
    void updateIndicator();

    InsightsFilter *m_filter = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    ClusterPage *m_clusterPage = nullptr;
    InsightsPage *m_pages[4] = {}; // by Tab - 1
    ClusterStore *m_store = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QMenu *m_intervalMenu = nullptr;
    QActionGroup *m_intervalGroup = nullptr;
    QLabel *m_metricsLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_indicator = nullptr;
    QString m_connectionText;
    QString m_notice;
    CredentialPromptDialog *m_credentialPrompt = nullptr;
    QList<std::tuple<QString, QString, ResourceHealth>> m_resourceStates;
};
