// The Namespaces tab against the workshop demo with kubectl as the referee (issue 13): each
// namespace's quota figures equal `kubectl describe quota`, pods by phase equal `kubectl get
// pods`; scaled past the quota, kubectl shows the API server's "exceeded quota" error, the tab
// shows the quota full and the Deployment's details the ReplicaSet's FailedCreate. As
// demo-viewer the tab holds team-a only, says what it cannot see, and the access lines come
// from the rules review.
#include "../skip_or_fail.h"
#include "models/cluster/cluster.h"
#include "models/cluster/clustersession.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/namespaces/quotausage.h"
#include "tst_client_support.h"
#include "views/details/detailspane.h"
#include "views/mainwindow.h"
#include "views/pages/insightspage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

#include <algorithm>
#include <map>

namespace {
constexpr int kDeadlineMs = 120000; // generous: ASan CI on a loaded 2-core machine
const QStringList kTeams{QStringLiteral("team-a"), QStringLiteral("team-b"),
                         QStringLiteral("team-c")};
using Column = InsightsModel::Column;
} // namespace

class TestNamespacesDemoCluster final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void quotasEqualKubectlDescribe();
    void podsByPhaseEqualKubectl();
    void scalingPastTheQuota();
    void viewerSeesTeamAOnly();
    void cleanupTestCase();

private:
    // "quota/resource" → "used/hard" from `kubectl describe quota -n ns`.
    std::map<QString, QString> describedQuotas(const QString &ns) const;
    // The same from the store, as the tab shows it.
    std::map<QString, QString> shownQuotas(const QString &ns) const;
    QString podsByPhase(const QString &ns) const;
    QVariant cell(const QString &ns, Column column, int role = Qt::DisplayRole) const;
    int webReplicas() const;

    clienttest::DemoCluster m_cluster;
    std::unique_ptr<Cluster> m_admin;
    std::unique_ptr<MainWindow> m_window;
};

void TestNamespacesDemoCluster::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        SKIP_OR_FAIL("kubectl is not installed; it is the referee here");
    QString error;
    if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
        QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
    m_admin = std::make_unique<Cluster>();
    m_admin->connectTo(QStringLiteral("demo"), m_cluster.connection(QStringLiteral("demo")), {},
                       QUrl(), 15);
    m_window = std::make_unique<MainWindow>();
    m_window->setCluster(m_admin.get());
    m_window->show();
    m_window->tabs()->setCurrentIndex(MainWindow::NamespacesTab);
    QTRY_VERIFY_WITH_TIMEOUT(m_admin->session()->allSettled(), kDeadlineMs);
}

std::map<QString, QString> TestNamespacesDemoCluster::describedQuotas(const QString &ns) const
{
    bool ok = false;
    const QString text = QString::fromUtf8(m_cluster.kubectl(
        {QStringLiteral("describe"), QStringLiteral("quota"), QStringLiteral("-n"), ns}, &ok));
    std::map<QString, QString> out;
    if (!ok)
        return out;
    QString quota;
    bool inTable = false;
    for (const QString &line : text.split(u'\n')) {
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (line.startsWith(QLatin1String("Name:"))) {
            quota = words.value(1);
            inTable = false;
        } else if (line.startsWith(QLatin1String("--------"))) {
            inTable = true;
        } else if (inTable && words.size() == 3) {
            out[quota + u'/' + words[0]] = words[1] + u'/' + words[2];
        } else if (words.isEmpty()) {
            inTable = false;
        }
    }
    return out;
}

std::map<QString, QString> TestNamespacesDemoCluster::shownQuotas(const QString &ns) const
{
    std::map<QString, QString> out;
    const auto usage = cell(ns, Column::Quota, InsightsModel::QuotaRole).value<QList<QuotaUsage>>();
    for (const QuotaUsage &u : usage)
        out[u.quota + u'/' + u.resource] = u.used + u'/' + u.hard;
    return out;
}

QVariant TestNamespacesDemoCluster::cell(const QString &ns, Column column, int role) const
{
    InsightsModel *model = m_window->page(MainWindow::NamespacesTab)->model();
    model->flush();
    return model->indexOfGroup(ns, model->section(column)).data(role);
}

QString TestNamespacesDemoCluster::podsByPhase(const QString &ns) const
{
    bool ok = false;
    const QByteArray json = m_cluster.kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                               QStringLiteral("-n"), ns, QStringLiteral("-o"),
                                               QStringLiteral("json")},
                                              &ok);
    if (!ok)
        return QStringLiteral("kubectl failed");
    std::map<QString, int> phases;
    for (const QJsonValue &item : QJsonDocument::fromJson(json).object()[u"items"].toArray())
        ++phases[item[u"status"][u"phase"].toString()];
    QStringList parts;
    for (const char *phase : {"Running", "Pending", "Succeeded", "Failed", "Unknown"}) {
        if (const int n = phases[QLatin1String(phase)]; n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(QLatin1String(phase));
    }
    return parts.join(QStringLiteral(" · "));
}

int TestNamespacesDemoCluster::webReplicas() const
{
    bool ok = false;
    const QByteArray out = m_cluster.kubectl({QStringLiteral("get"), QStringLiteral("deployment"),
                                              QStringLiteral("web"), QStringLiteral("-n"),
                                              QStringLiteral("team-a"), QStringLiteral("-o"),
                                              QStringLiteral("jsonpath={.spec.replicas}")},
                                             &ok);
    return ok ? out.toInt() : -1;
}

void TestNamespacesDemoCluster::quotasEqualKubectlDescribe()
{
    for (const QString &ns : kTeams) {
        std::map<QString, QString> expected;
        QVERIFY2(clienttest::waitFor(
                     [&] {
                         expected = describedQuotas(ns);
                         return !expected.empty() && shownQuotas(ns) == expected;
                     },
                     30000),
                 qPrintable(ns));
        qInfo("%s: %zu quota resources agree with kubectl describe quota", qPrintable(ns),
              expected.size());
    }
}

void TestNamespacesDemoCluster::podsByPhaseEqualKubectl()
{
    for (const QString &ns : kTeams) {
        QString expected;
        QVERIFY2(clienttest::waitFor(
                     [&] {
                         expected = podsByPhase(ns);
                         return cell(ns, Column::Pods).toString() == expected;
                     },
                     30000),
                 qPrintable(ns + QStringLiteral(": kubectl ") + expected + QStringLiteral(", tab ")
                            + cell(ns, Column::Pods).toString()));
    }
}

void TestNamespacesDemoCluster::scalingPastTheQuota()
{
    const QString ns = QStringLiteral("team-a");
    // team-a/web's HPA would undo the scale (it moves web between 2 and 3 replicas).
    bool ok = false;
    m_cluster.kubectl({QStringLiteral("delete"), QStringLiteral("hpa"), QStringLiteral("web"),
                       QStringLiteral("-n"), ns},
                      &ok);
    QVERIFY(ok);
    std::map<QString, QString> quotas = describedQuotas(ns);
    const QStringList pods = quotas[QStringLiteral("compute/pods")].split(u'/');
    QCOMPARE(pods.size(), 2);
    const int used = pods[0].toInt();
    const int hard = pods[1].toInt();
    const int before = webReplicas();
    QVERIFY(before > 0);
    const int wanted = before + std::max(0, hard - used) + 1; // one past the quota
    m_cluster.kubectl({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("web"),
                       QStringLiteral("-n"), ns, QStringLiteral("--replicas=%1").arg(wanted)},
                      &ok);
    QVERIFY(ok);

    // The quota fills up; one more pod from kubectl gets the API server's refusal.
    QVERIFY(clienttest::waitFor(
        [&] {
            return describedQuotas(ns)[QStringLiteral("compute/pods")]
                   == QStringLiteral("%1/%1").arg(hard);
        },
        60000));
    const QString manifest = m_cluster.dir() + QStringLiteral("/extra-pod.json");
    QFile file(manifest);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"extra","namespace":"team-a"},
        "spec":{"containers":[{"name":"app","image":"nginx:1.27",
        "resources":{"requests":{"cpu":"10m","memory":"16Mi"},
                     "limits":{"cpu":"10m","memory":"16Mi"}}}]}})");
    file.close();
    QByteArray errors;
    m_cluster.kubectl({QStringLiteral("create"), QStringLiteral("-f"), manifest}, &ok, &errors);
    QVERIFY(!ok);
    const QString expected = QStringLiteral("exceeded quota: compute, requested: pods=1, used: "
                                            "pods=%1, limited: pods=%1")
                                 .arg(hard);
    QVERIFY2(QString::fromUtf8(errors).contains(expected), errors.constData());
    QVERIFY2(errors.contains("pods \"extra\" is forbidden"), errors.constData());

    // The tab: the quota full, in Critical.
    QVERIFY(clienttest::waitFor(
        [&] {
            return cell(ns, Column::Quota)
                       .toString()
                       .startsWith(QStringLiteral("pods %1/%1").arg(hard))
                   && cell(ns, Column::Quota, InsightsModel::HealthRole).toInt()
                          == int(HealthStatus::Critical);
        },
        30000));
    QCOMPARE(shownQuotas(ns), describedQuotas(ns));

    // The Deployment's details: its ReplicaSet cannot create the pod, and says why.
    m_window->tabs()->setCurrentIndex(MainWindow::ControllersTab);
    InsightsPage *controllers = m_window->page(MainWindow::ControllersTab);
    QVERIFY(controllers->select(QStringLiteral("controller:team-a/Deployment/web")));
    QVERIFY2(clienttest::waitFor(
                 [&] {
                     controllers->details()->refresh();
                     return controllers->details()->text().contains(
                         QStringLiteral("ReplicaFailure: True (FailedCreate)"));
                 },
                 60000),
             qPrintable(controllers->details()->text()));
    QVERIFY(controllers->details()->text().contains(expected));
    m_window->filter()->clear();

    // Back down: the quota frees up again.
    m_cluster.kubectl({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("web"),
                       QStringLiteral("-n"), ns, QStringLiteral("--replicas=%1").arg(before)},
                      &ok);
    QVERIFY(ok);
    QVERIFY(clienttest::waitFor(
        [&] {
            const auto now = describedQuotas(ns);
            return now.at(QStringLiteral("compute/pods"))
                       == quotas.at(QStringLiteral("compute/pods"))
                   && shownQuotas(ns) == now;
        },
        60000));
}

void TestNamespacesDemoCluster::viewerSeesTeamAOnly()
{
    Cluster viewer;
    viewer.connectTo(QStringLiteral("demo-viewer"),
                     m_cluster.connection(QStringLiteral("demo-viewer")), {}, QUrl(), 15);
    MainWindow window;
    window.setCluster(&viewer);
    window.show();
    window.tabs()->setCurrentIndex(MainWindow::NamespacesTab);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.session()->allSettled(), kDeadlineMs);
    InsightsPage *page = window.page(MainWindow::NamespacesTab);
    QVERIFY(clienttest::waitFor(
        [&] {
            page->model()->flush();
            return page->proxy()->rowCount() == 1;
        },
        30000));
    QCOMPARE(page->proxy()->index(0, 0).data().toString(), QStringLiteral("team-a"));
    // What it cannot see: the Namespace objects, and the other namespaces' pods and quotas.
    QStringList limits;
    QVERIFY2(clienttest::waitFor(
                 [&] {
                     limits = viewer.session()->namespaceLimits();
                     return limits.contains(QStringLiteral("pods: only namespaces team-a"))
                            && limits.contains(
                                QStringLiteral("resourcequotas: only namespaces team-a"));
                 },
                 30000),
             qPrintable(limits.join(u'|')));
    QVERIFY2(limits.contains(QStringLiteral("namespaces: no access")),
             qPrintable(limits.join(u'|')));
    // team-a's quota is readable to the viewer (ClusterRole view).
    QVERIFY(!viewer.store()->quotasIn(QStringLiteral("team-a")).isEmpty());

    // Its details: the access lines come from the rules review.
    page->view()->setCurrentIndex(page->proxy()->index(0, 0));
    QVERIFY2(clienttest::waitFor(
                 [&] { return page->details()->text().contains(QStringLiteral("may list pods")); },
                 30000),
             qPrintable(page->details()->text()));
    const QString text = page->details()->text();
    QVERIFY2(text.contains(QStringLiteral("may not read secrets")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("may not scale deployments")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("may read logs")), qPrintable(text));
    // And kubectl agrees on each.
    for (const auto &[verb, resource, allowed] :
         {std::tuple("list", "pods", "yes"), std::tuple("get", "secrets", "no"),
          std::tuple("update", "deployments.apps/scale", "no")}) {
        const QByteArray answer = m_cluster.kubectl(
            {QStringLiteral("auth"), QStringLiteral("can-i"), QLatin1String(verb),
             QLatin1String(resource), QStringLiteral("-n"), QStringLiteral("team-a"),
             QStringLiteral("--context"), QStringLiteral("demo-viewer")});
        QCOMPARE(answer.trimmed(), QByteArray(allowed));
    }
    // The namespace filter this row set belongs to this window only.
    QCOMPARE(window.filter()->namespaces(), QStringList{QStringLiteral("team-a")});
}

void TestNamespacesDemoCluster::cleanupTestCase()
{
    m_window.reset();
    m_admin.reset();
    m_cluster.stop();
}

QTEST_MAIN(TestNamespacesDemoCluster)
#include "tst_namespaces_democluster.moc"
