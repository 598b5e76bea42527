// The insight pages in a real MainWindow (offscreen): filters, drill-down, details pane and the
// language switch, checked on the text the user sees. With KLARSICHT_CAPTURE_DIR set, each tab
// is also saved as PNG (English and German) for looking at.
#include "../unit/insightstestdata.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsproxy.h"
#include "views/details/detailspane.h"
#include "views/filterbar.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/pages/insightspage.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

using namespace insightstest;

namespace {
QStringList visibleNames(QAbstractItemModel *m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m->rowCount(parent); ++r)
        out << m->index(r, 0, parent).data().toString();
    return out;
}

void fill(ClusterStore &feed, MetricsHistory &history)
{
    feed.upsert(node(QStringLiteral("aks-system-0"), true, QStringLiteral("system")));
    feed.upsert(node(QStringLiteral("aks-user-0"), true, QStringLiteral("user")));
    feed.upsert(node(QStringLiteral("aks-user-1"), false, QStringLiteral("user")));
    const kube::Deployment web = deployment(QStringLiteral("shop"), QStringLiteral("web"));
    feed.upsert(web);
    feed.upsert(replicaSet(QStringLiteral("shop"), QStringLiteral("web-5d8"), QStringLiteral("web"),
                           web.metadata.uid));
    const QString rsUid = QStringLiteral("uid-rs-web-5d8");
    feed.upsert(pod(QStringLiteral("shop"), QStringLiteral("web-5d8-x1"),
                    QStringLiteral("aks-user-0"),
                    {QStringLiteral("nginx"), QStringLiteral("envoy")},
                    QStringLiteral("ReplicaSet"), QStringLiteral("web-5d8"), rsUid));
    kube::Pod crashing = pod(QStringLiteral("shop"), QStringLiteral("web-5d8-x2"),
                             QStringLiteral("aks-user-1"), {QStringLiteral("nginx")},
                             QStringLiteral("ReplicaSet"), QStringLiteral("web-5d8"), rsUid);
    crashing.containerStatuses[0].state.kind = kube::ContainerState::Kind::Waiting;
    crashing.containerStatuses[0].state.reason = QStringLiteral("CrashLoopBackOff");
    crashing.containerStatuses[0].ready = false;
    crashing.containerStatuses[0].restartCount = 7;
    feed.upsert(crashing);
    kube::Pod frontend = pod(QStringLiteral("shop"), QStringLiteral("web-frontend-1"),
                             QStringLiteral("aks-user-0"));
    frontend.metadata.labels = {{QStringLiteral("app"), QStringLiteral("web-frontend")}};
    feed.upsert(frontend);
    feed.upsert(pod(QStringLiteral("kube-system"), QStringLiteral("coredns-1"),
                    QStringLiteral("aks-system-0")));
    feed.upsert(pod(QStringLiteral("batch"), QStringLiteral("report-1"), QString()));
    kube::Service svc;
    svc.metadata.namespaceName = QStringLiteral("shop");
    svc.metadata.name = QStringLiteral("web");
    svc.metadata.uid = QStringLiteral("svc-web");
    svc.selector = {{QStringLiteral("app"), QStringLiteral("web")}};
    feed.upsert(svc);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 t = now - 3 * 3600 * 1000; t <= now; t += 60000) {
        const double wave = 0.5 + 0.5 * std::sin(double(t) / 1.2e6);
        QList<ContainerUsage> containers;
        auto add = [&](const char *ns, const char *p, const char *c, const char *n, double cpu,
                       double mem) {
            ContainerUsage u;
            u.namespaceName = QString::fromLatin1(ns);
            u.pod = QString::fromLatin1(p);
            u.container = QString::fromLatin1(c);
            u.node = QString::fromLatin1(n);
            u.cpuMillicores = cpu;
            u.workingSetBytes = mem;
            u.rssBytes = mem * 0.8;
            containers << u;
        };
        add("shop", "web-5d8-x1", "nginx", "aks-user-0", 120 + 300 * wave, 90e6);
        add("shop", "web-5d8-x1", "envoy", "aks-user-0", 40, 60e6);
        add("shop", "web-frontend-1", "app", "aks-user-0", 480, 250e6 * wave);
        add("kube-system", "coredns-1", "app", "aks-system-0", 15, 30e6);
        QList<NodeUsage> nodes;
        for (const char *n : {"aks-user-0", "aks-system-0"}) {
            NodeUsage u;
            u.node = QString::fromLatin1(n);
            u.cpuMillicores = 900 + 1500 * wave;
            u.workingSetBytes = 6e9 + 4e9 * wave;
            u.rssBytes = 5e9;
            nodes << u;
        }
        history.addRound(t, containers, nodes);
    }
}
} // namespace

class TestPages final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { Language::instance().set(QStringLiteral("en")); }
    void cleanup() { Language::instance().set(QStringLiteral("en")); }

    void filtersApplyToEveryTab()
    {
        ClusterStore feed;
        MetricsHistory history;
        fill(feed, history);
        MainWindow window;
        window.setSources(&feed, &history);
        window.show();
        InsightsPage *nodes = window.page(MainWindow::NodesTab);
        InsightsPage *containers = window.page(MainWindow::ContainersTab);
        QCOMPARE(visibleNames(nodes->proxy()),
                 QStringList({QStringLiteral("aks-system-0"), QStringLiteral("aks-user-0"),
                              QStringLiteral("aks-user-1"), QStringLiteral("Unscheduled")}));

        // Exact label matching: app=web does not match app=web-frontend.
        window.filterBar()->labelEdit()->setText(QStringLiteral("app=web"));
        Q_EMIT window.filterBar()->labelEdit()->editingFinished();
        QStringList names = visibleNames(containers->proxy());
        QCOMPARE(names.size(), 3); // nginx, envoy of x1 and nginx of x2
        const QModelIndex user0 = nodes->proxy()->index(0, 0);
        QCOMPARE(user0.data().toString(), QStringLiteral("aks-user-0"));
        QCOMPARE(visibleNames(nodes->proxy(), user0), QStringList({QStringLiteral("web-5d8-x1")}));
        QCOMPARE(window.filterBar()->chipTexts(), QStringList({QStringLiteral("Labels: app=web")}));

        // A syntax error keeps the last valid selector and marks the field.
        window.filterBar()->labelEdit()->setText(QStringLiteral("app in (web"));
        Q_EMIT window.filterBar()->labelEdit()->editingFinished();
        QCOMPARE(window.filter()->labelSelectorText(), QStringLiteral("app=web"));
        QVERIFY(window.filterBar()->labelEdit()->toolTip().startsWith(
            QStringLiteral("Invalid label selector")));

        // Namespace and node pool stack.
        window.filterBar()->labelEdit()->clear();
        QVERIFY(window.filter()->labelSelectorText().isEmpty());
        window.filter()->setNamespaces({QStringLiteral("kube-system")});
        QCOMPARE(visibleNames(containers->proxy()), QStringList({QStringLiteral("app")}));
        window.filter()->setNamespaces({});
        window.filter()->setNodePool(QStringLiteral("user"));
        QCOMPARE(visibleNames(nodes->proxy()),
                 QStringList({QStringLiteral("aks-user-0"), QStringLiteral("aks-user-1")}));
        window.filter()->setNodePool({});
        window.filter()->setService(QStringLiteral("shop/web"));
        QCOMPARE(visibleNames(containers->proxy()).size(), 3);
        window.filter()->clear();
        QCOMPARE(window.filterBar()->chipTexts(), QStringList());
    }

    void drillDownAndDetails()
    {
        ClusterStore feed;
        MetricsHistory history;
        fill(feed, history);
        MainWindow window;
        window.setSources(&feed, &history);
        window.show();
        // The user clicks on the tab they see: a hidden page gets no mouse events.
        window.tabs()->setCurrentIndex(MainWindow::NodesTab);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InsightsPage *nodes = window.page(MainWindow::NodesTab);
        InsightsModel *model = nodes->model();
        const QModelIndex x1 = nodes->proxy()->mapFromSource(
            model->indexOfPod(QStringLiteral("uid-shop-web-5d8-x1"),
                              model->section(InsightsModel::Column::Controller)));
        QVERIFY(x1.isValid());
        QCOMPARE(x1.data().toString(), QStringLiteral("web"));
        nodes->view()->expand(x1.parent().siblingAtColumn(0));
        QTest::mouseClick(nodes->view()->viewport(), Qt::LeftButton, {},
                          nodes->view()->visualRect(x1).center());
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::ControllersTab));
        QCOMPARE(window.filterBar()->chipTexts(),
                 QStringList({QStringLiteral("Controller: Deployment web")}));
        InsightsPage *controllers = window.page(MainWindow::ControllersTab);
        QCOMPARE(visibleNames(controllers->proxy()), QStringList({QStringLiteral("web")}));
        QCOMPARE(controllers->details()->title(), QStringLiteral("web"));
        QVERIFY(controllers->details()->text().contains(QStringLiteral("Kind: Deployment")));
        const QModelIndex status = controllers->proxy()->index(
            0, controllers->model()->section(InsightsModel::Column::Status));
        QCOMPARE(status.data().toString(), QStringLiteral("1 ✖"));

        // Selecting a container shows its details, Secret-sourced env never shows a value.
        window.filter()->clear();
        InsightsPage *containers = window.page(MainWindow::ContainersTab);
        QVERIFY(containers->select(QStringLiteral("pod:uid-shop-web-5d8-x2")));
        QVERIFY(containers->details()->text().contains(QStringLiteral("CrashLoopBackOff")));
    }

    void selectionSurvivesLiveUpdates()
    {
        ClusterStore feed;
        MetricsHistory history;
        fill(feed, history);
        MainWindow window;
        window.setSources(&feed, &history);
        window.show();
        InsightsPage *controllers = window.page(MainWindow::ControllersTab);
        QVERIFY(controllers->select(QStringLiteral("pod:uid-shop-web-5d8-x1")));
        QSignalSpy resets(controllers->model(), &QAbstractItemModel::modelReset);
        // Scale up: a new pod joins the Deployment.
        feed.upsert(pod(QStringLiteral("shop"), QStringLiteral("web-5d8-x3"),
                        QStringLiteral("aks-user-0"), {QStringLiteral("nginx")},
                        QStringLiteral("ReplicaSet"), QStringLiteral("web-5d8"),
                        QStringLiteral("uid-rs-web-5d8")));
        controllers->model()->flush();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(controllers->view()->currentIndex().data().toString(),
                 QStringLiteral("web-5d8-x1"));
        const QModelIndex web = controllers->view()->currentIndex().parent();
        QCOMPARE(controllers->proxy()->rowCount(web), 3);
        QVERIFY(controllers->view()->isExpanded(web));
    }

    void languageSwitchUpdatesHeadersAndTexts()
    {
        ClusterStore feed;
        MetricsHistory history;
        fill(feed, history);
        MainWindow window;
        window.setSources(&feed, &history);
        window.show();
        InsightsPage *nodes = window.page(MainWindow::NodesTab);
        QTreeView *view = nodes->view();
        const int uptime = nodes->model()->section(InsightsModel::Column::Uptime);
        QCOMPARE(view->model()->headerData(uptime, Qt::Horizontal).toString(),
                 QStringLiteral("Uptime"));
        QSignalSpy headers(view->model(), &QAbstractItemModel::headerDataChanged);
        QVERIFY(Language::instance().set(QStringLiteral("de")));
        // QApplication posts LanguageChange to the windows: the view hears of the new titles
        // once the event loop has run, and must then be told (headerDataChanged) to repaint.
        QTRY_VERIFY(headers.count() > 0);
        QCOMPARE(view->model()->headerData(uptime, Qt::Horizontal).toString(),
                 QStringLiteral("Laufzeit"));
        QCOMPARE(window.tabs()->tabText(MainWindow::NodesTab), QStringLiteral("Knoten"));
        QCOMPARE(view->model()->index(3, 0).data().toString(), QStringLiteral("Nicht eingeplant"));
        capture(window, QStringLiteral("de"));
        headers.clear();
        QVERIFY(Language::instance().set(QStringLiteral("en")));
        QTRY_VERIFY(headers.count() > 0);
        QCOMPARE(view->model()->headerData(uptime, Qt::Horizontal).toString(),
                 QStringLiteral("Uptime"));
        capture(window, QStringLiteral("en"));
    }

    void sameNamesInOtherNamespacesReadApart()
    {
        ClusterStore feed;
        MetricsHistory history;
        fill(feed, history);
        // A second "web" Deployment in another namespace, as the demo's team-a/b/c have.
        kube::Deployment staging = deployment(QStringLiteral("staging"), QStringLiteral("web"));
        staging.metadata.uid = QStringLiteral("uid-deploy-staging-web");
        feed.upsert(staging);
        kube::ReplicaSet rs = replicaSet(QStringLiteral("staging"), QStringLiteral("web-77f"),
                                         QStringLiteral("web"), staging.metadata.uid);
        feed.upsert(rs);
        feed.upsert(pod(QStringLiteral("staging"), QStringLiteral("web-77f-a1"),
                        QStringLiteral("aks-user-1"), {QStringLiteral("nginx")},
                        QStringLiteral("ReplicaSet"), QStringLiteral("web-77f"), rs.metadata.uid));
        MainWindow window;
        window.setSources(&feed, &history);
        window.show();
        InsightsPage *controllers = window.page(MainWindow::ControllersTab);
        controllers->model()->flush();
        const int ns = controllers->model()->section(InsightsModel::Column::Namespace);
        QVERIFY(ns > 0);
        QCOMPARE(controllers->proxy()->headerData(ns, Qt::Horizontal).toString(),
                 QStringLiteral("Namespace"));
        // Sorted by name, equal names follow their namespace.
        QStringList rows;
        for (int r = 0; r < controllers->proxy()->rowCount(); ++r) {
            const QModelIndex i = controllers->proxy()->index(r, 0);
            if (i.data().toString() == u"web")
                rows << i.siblingAtColumn(ns).data().toString();
        }
        QCOMPARE(rows, QStringList({QStringLiteral("shop"), QStringLiteral("staging")}));
        InsightsPage *containers = window.page(MainWindow::ContainersTab);
        const int cns = containers->model()->section(InsightsModel::Column::Namespace);
        const QModelIndex a1 = containers->proxy()->mapFromSource(
            containers->model()->indexOfPod(QStringLiteral("uid-staging-web-77f-a1"), cns));
        QCOMPARE(a1.data().toString(), QStringLiteral("staging"));
    }

    void columnsFitBesideTheDetailsPane_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QSize>("size");
        QTest::newRow("en, default size") << QStringLiteral("en") << QSize();
        QTest::newRow("de, default size") << QStringLiteral("de") << QSize();
        QTest::newRow("de, capture size") << QStringLiteral("de") << QSize(1500, 900);
    }

    void columnsFitBesideTheDetailsPane()
    {
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        ClusterStore feed;
        MetricsHistory history;
        fill(feed, history);
        MainWindow window;
        window.setSources(&feed, &history);
        if (size.isValid())
            window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(Language::instance().set(lang));
        for (MainWindow::Tab tab :
             {MainWindow::NodesTab, MainWindow::ControllersTab, MainWindow::ContainersTab}) {
            window.tabs()->setCurrentIndex(tab);
            InsightsPage *page = window.page(tab);
            QHeaderView *header = page->view()->header();
            QVERIFY(page->details()->isVisible());
            // Every title fits its column (after the language switch has been delivered).
            QTRY_VERIFY2(titlesFit(header), qPrintable(titlesFitReport(header)));
            // The Trend column ends inside the viewport: nothing is cut off, no scrolling.
            const int trend = page->model()->section(InsightsModel::Column::Trend);
            QTRY_VERIFY(header->sectionViewportPosition(trend) >= 0);
            QVERIFY2(header->sectionViewportPosition(trend) + header->sectionSize(trend)
                         <= page->view()->viewport()->width(),
                     qPrintable(QStringLiteral("trend ends at %1, viewport %2")
                                    .arg(header->sectionViewportPosition(trend)
                                         + header->sectionSize(trend))
                                    .arg(page->view()->viewport()->width())));
            QVERIFY(!page->view()->horizontalScrollBar()->isVisible());
            QVERIFY(header->sectionSize(trend) >= InsightsPage::kTrendWidth);
        }
    }

private:
    static bool titlesFit(QHeaderView *header) { return titlesFitReport(header).isEmpty(); }
    static QString titlesFitReport(QHeaderView *header)
    {
        QStringList cut;
        for (int c = 0; c < header->count(); ++c) {
            const QString title = header->model()->headerData(c, Qt::Horizontal).toString();
            if (header->fontMetrics().horizontalAdvance(title) + 8 > header->sectionSize(c))
                cut << title + QStringLiteral(" (%1 px)").arg(header->sectionSize(c));
        }
        return cut.join(QStringLiteral(", "));
    }

    static void capture(MainWindow &window, const QString &lang)
    {
        const QString dir = qEnvironmentVariable("KLARSICHT_CAPTURE_DIR");
        if (dir.isEmpty())
            return;
        window.resize(1500, 900);
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            if (InsightsPage *p = window.page(MainWindow::Tab(tab))) {
                p->view()->expandToDepth(0);
                p->view()->setCurrentIndex(p->proxy()->index(1, 0));
            }
            QCoreApplication::processEvents();
            window.grab().save(dir + QStringLiteral("/tab%1-%2.png").arg(tab).arg(lang));
        }
    }
};

QTEST_MAIN(TestPages)
#include "tst_pages.moc"
