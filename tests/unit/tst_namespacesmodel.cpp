// The Namespaces tab's model: one row per namespace (also one known only from its pods), its
// cells (status, pods by phase, requests and limits, quota, limit range, isolation, labels),
// live updates of quotas and policies, and its proxy ignoring the namespace filter it sets —
// all under QAbstractItemModelTester.
#include "insightstestdata.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsproxy.h"
#include "models/namespaces/namespacesmodel.h"
#include "models/namespaces/quotausage.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace insightstest;
using Column = InsightsModel::Column;

namespace {

kube::Namespace namespaceObject(const QString &name,
                                const QString &phase = QStringLiteral("Active"))
{
    kube::Namespace ns;
    ns.metadata.name = name;
    ns.metadata.uid = QStringLiteral("ns-") + name;
    ns.metadata.creationTimestamp = kube::Timestamp::fromMSecs(1'699'000'000'000);
    ns.metadata.labels << std::pair(QStringLiteral("kubernetes.io/metadata.name"), name)
                       << std::pair(QStringLiteral("team"), name);
    ns.phase = phase;
    return ns;
}

kube::ResourceQuota quota(const QString &ns, int usedPods, int hardPods)
{
    kube::ResourceQuota q;
    q.metadata.name = QStringLiteral("compute");
    q.metadata.namespaceName = ns;
    q.metadata.uid = QStringLiteral("quota-") + ns;
    q.specHard = {{QStringLiteral("pods"), kube::Quantity::fromInt(hardPods)},
                  {QStringLiteral("requests.cpu"), insightstest::q("2")}};
    q.statusHard = q.specHard;
    q.used = {{QStringLiteral("pods"), kube::Quantity::fromInt(usedPods)},
              {QStringLiteral("requests.cpu"), insightstest::q("500m")}};
    return q;
}

kube::NetworkPolicy denyAll(const QString &ns)
{
    kube::NetworkPolicy p;
    p.metadata.name = QStringLiteral("deny-all");
    p.metadata.namespaceName = ns;
    p.metadata.uid = QStringLiteral("np-") + ns;
    p.isolatesIngress = true;
    return p;
}

QVariant cell(const InsightsModel &model, const QString &ns, Column column,
              int role = Qt::DisplayRole)
{
    return model.indexOfGroup(ns, model.section(column)).data(role);
}

} // namespace

class TestNamespacesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAndCells();
    void liveQuotaAndPolicies();
    void namespaceKnownOnlyFromPods();
    void proxyShowsEveryNamespace();
};

void TestNamespacesModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestNamespacesModel::rowsAndCells()
{
    ClusterStore store;
    store.upsert(node(QStringLiteral("n1")));
    store.upsert(namespaceObject(QStringLiteral("team-a")));
    store.upsert(namespaceObject(QStringLiteral("team-b"), QStringLiteral("Terminating")));
    store.upsert(pod(QStringLiteral("team-a"), QStringLiteral("web-1"), QStringLiteral("n1"),
                     {QStringLiteral("app"), QStringLiteral("proxy")}));
    store.upsert(pod(QStringLiteral("team-a"), QStringLiteral("web-2"), QString()));
    kube::Pod done = pod(QStringLiteral("team-a"), QStringLiteral("job-1"), QStringLiteral("n1"));
    done.phase = QStringLiteral("Succeeded");
    store.upsert(done);
    store.upsert(quota(QStringLiteral("team-a"), 3, 4));

    NamespacesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex a = model.indexOfGroup(QStringLiteral("team-a"));
    QCOMPARE(a.data(InsightsModel::KindRole).toInt(), int(InsightsModel::ItemKind::Namespace));
    QCOMPARE(a.data(InsightsModel::NamespaceRole).toString(), QStringLiteral("team-a"));
    QCOMPARE(model.rowCount(a), 3); // its pods

    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Status).toString(),
             QStringLiteral("Active"));
    QCOMPARE(cell(model, QStringLiteral("team-b"), Column::Status).toString(),
             QStringLiteral("Terminating"));
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Pods).toString(),
             QStringLiteral("1 Running · 1 Pending · 1 Succeeded"));
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Pods, InsightsModel::RawRole).toInt(),
             3);
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Containers).toString(),
             QStringLiteral("4"));
    // Requests of the pods that are not finished: 3 containers × 250m, 0 memory requests.
    QCOMPARE(
        cell(model, QStringLiteral("team-a"), Column::Requests, InsightsModel::RawRole).toDouble(),
        750.0);
    QCOMPARE(
        cell(model, QStringLiteral("team-a"), Column::Limits, InsightsModel::RawRole).toDouble(),
        1500.0);
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Quota).toString(),
             QStringLiteral("pods 3/4 (+1)"));
    QCOMPARE(
        cell(model, QStringLiteral("team-a"), Column::Quota, InsightsModel::RawRole).toDouble(),
        75.0);
    const auto usage = cell(model, QStringLiteral("team-a"), Column::Quota,
                            InsightsModel::QuotaRole)
                           .value<QList<QuotaUsage>>();
    QCOMPARE(usage.size(), 2);
    QCOMPARE(usage[1].figure(), QStringLiteral("requests.cpu 500m/2"));
    QVERIFY(cell(model, QStringLiteral("team-b"), Column::Quota, InsightsModel::QuotaRole)
                .value<QList<QuotaUsage>>()
                .isEmpty());
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Network).toString(),
             QStringLiteral("open"));
    // The automatic kubernetes.io/metadata.name label says nothing new: not a chip.
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Labels, InsightsModel::LabelsRole)
                 .toStringList(),
             QStringList{QStringLiteral("team=team-a")});
    QCOMPARE(
        cell(model, QStringLiteral("team-a"), Column::Age, InsightsModel::RawRole).toLongLong(),
        model.now() - 1'699'000'000'000);
    // Pod rows keep the other tabs' cells.
    const QModelIndex webPod = model.indexOfPod(QStringLiteral("uid-team-a-web-1"),
                                                model.section(Column::Containers));
    QCOMPARE(webPod.data().toString(), QStringLiteral("2"));
    QVERIFY(!model.indexOfPod(QStringLiteral("uid-team-a-web-1"), model.section(Column::Quota))
                 .data()
                 .isValid());
}

void TestNamespacesModel::liveQuotaAndPolicies()
{
    ClusterStore store;
    store.upsert(namespaceObject(QStringLiteral("team-a")));
    NamespacesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    model.flush();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    store.upsert(quota(QStringLiteral("team-a"), 4, 4));
    store.upsert(denyAll(QStringLiteral("team-a")));
    model.flush();
    QVERIFY(!changed.isEmpty());
    QCOMPARE(
        cell(model, QStringLiteral("team-a"), Column::Quota, InsightsModel::HealthRole).toInt(),
        int(HealthStatus::Critical));
    // (The count's plural form comes from the translation, which this test does not load.)
    QVERIFY(cell(model, QStringLiteral("team-a"), Column::Network)
                .toString()
                .startsWith(QStringLiteral("ingress isolated · 1 ")));
    store.remove(std::make_shared<const kube::NetworkPolicy>(denyAll(QStringLiteral("team-a"))));
    model.flush();
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Network).toString(),
             QStringLiteral("open"));
    // The namespace goes away: its row too.
    store.removeNamespace(QStringLiteral("team-a"));
    store.remove(
        std::make_shared<const kube::ResourceQuota>(quota(QStringLiteral("team-a"), 0, 4)));
    model.flush();
    QCOMPARE(model.rowCount(), 0);
}

void TestNamespacesModel::namespaceKnownOnlyFromPods()
{
    // A namespace-limited user lists no Namespace objects: the row comes from its pods.
    ClusterStore store;
    store.upsert(pod(QStringLiteral("team-a"), QStringLiteral("web-1"), QStringLiteral("n1")));
    NamespacesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Status).toString(),
             QStringLiteral("Not readable"));
    QCOMPARE(cell(model, QStringLiteral("team-a"), Column::Labels, Qt::ToolTipRole).toString(),
             QStringLiteral("The Namespace object is not readable with these credentials"));
}

void TestNamespacesModel::proxyShowsEveryNamespace()
{
    ClusterStore store;
    for (const char *ns : {"team-a", "team-b"}) {
        store.upsert(namespaceObject(QLatin1String(ns)));
        store.upsert(pod(QLatin1String(ns), QStringLiteral("web-1"), QStringLiteral("n1")));
    }
    NamespacesModel model;
    model.setStore(&store);
    model.flush();
    InsightsFilter filter;
    InsightsProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setStore(&store);
    proxy.setFilter(&filter);
    // The tab is the namespace filter: choosing one must not hide the others.
    filter.setNamespaces({QStringLiteral("team-a")});
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.rowCount(proxy.index(1, 0)), 1);
    // Other filters still apply, through the pods.
    filter.setNameSearch(QStringLiteral("team-b"));
    QCOMPARE(proxy.rowCount(), 1);
    filter.setNameSearch(QString());
    QVERIFY(filter.setLabelSelector(QStringLiteral("app=none")));
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestNamespacesModel)
#include "tst_namespacesmodel.moc"
