// The Nodes, Controllers and Containers models through live sequences (adds, updates, deletes,
// a relist merge, a context switch), each watched by QAbstractItemModelTester, and proving
// with QSignalSpy that only the context switch resets a model.
#include "insightstestdata.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/containersmodel.h"
#include "models/insights/controllersmodel.h"
#include "models/insights/formatter.h"
#include "models/insights/insightsmodel.h"
#include "models/insights/nodesmodel.h"
#include "models/insights/rowstatus.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace insightstest;
using Kind = InsightsModel::ItemKind;

namespace {
constexpr qint64 kNow = 1'764'000'000'000; // a fixed clock for uptimes and the time window

QStringList childNames(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList names;
    for (int r = 0; r < m.rowCount(parent); ++r)
        names << m.index(r, 0, parent).data().toString();
    names.sort();
    return names;
}

QString cellText(const InsightsModel &m, const QModelIndex &row, InsightsModel::Column c)
{
    return row.siblingAtColumn(m.section(c)).data().toString();
}
} // namespace

// A relist as the informer applies it: pods not listed any more go, the listed ones are upserted.
static void replacePods(ClusterStore &feed, const QList<kube::Pod> &pods)
{
    QSet<QString> listed;
    for (const kube::Pod &p : pods)
        listed.insert(p.metadata.uid);
    for (const QString &uid : feed.podUids()) {
        if (!listed.contains(uid))
            feed.removePod(uid);
    }
    for (const kube::Pod &p : pods)
        feed.upsert(p);
}

class TestInsightsModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nodesTreeHasOtherProcessesAndUnscheduled()
    {
        ClusterStore feed;
        feed.upsert(node(QStringLiteral("n1")));
        feed.upsert(pod(QStringLiteral("web"), QStringLiteral("web-1"), QStringLiteral("n1"),
                        {QStringLiteral("app"), QStringLiteral("sidecar")}));
        feed.upsert(pod(QStringLiteral("web"), QStringLiteral("web-2"), QString()));
        NodesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&feed);

        QCOMPARE(childNames(model),
                 QStringList({QStringLiteral("Unscheduled"), QStringLiteral("n1")}));
        const QModelIndex n1 = model.indexOfGroup(QStringLiteral("n1"));
        QCOMPARE(childNames(model, n1),
                 QStringList({QStringLiteral("Other processes"), QStringLiteral("web-1")}));
        QCOMPARE(model.index(0, 0, n1).data(InsightsModel::KindRole).toInt(),
                 int(Kind::OtherProcesses));
        const QModelIndex web1 = model.indexOfPod(QStringLiteral("uid-web-web-1"));
        QCOMPARE(childNames(model, web1),
                 QStringList({QStringLiteral("app"), QStringLiteral("sidecar")}));
        QCOMPARE(cellText(model, n1, InsightsModel::Column::Containers), QStringLiteral("2"));
        QCOMPARE(cellText(model, n1, InsightsModel::Column::Status), QStringLiteral("Ready"));
        const QModelIndex unscheduled = model.indexOfGroup(QString());
        QVERIFY(unscheduled.data(InsightsModel::SortLastRole).toBool());
        QCOMPARE(cellText(model, unscheduled, InsightsModel::Column::Status),
                 QStringLiteral("1 ⚠"));
        // No metrics yet: the metric cells say so instead of inventing numbers.
        QCOMPARE(cellText(model, web1, InsightsModel::Column::Percent), Formatter::missing());
        QCOMPARE(cellText(model, web1, InsightsModel::Column::Value), Formatter::missing());
        QCOMPARE(model.headerData(model.section(InsightsModel::Column::Percent), Qt::Horizontal)
                     .toString(),
                 QStringLiteral("95th %"));
    }

    void nodesLiveSequenceWithoutReset()
    {
        ClusterStore feed;
        NodesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&feed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        feed.upsert(node(QStringLiteral("n1")));
        feed.upsert(node(QStringLiteral("n2")));
        kube::Pod pending = pod(QStringLiteral("shop"), QStringLiteral("cart-1"), QString());
        feed.upsert(pending);
        feed.upsert(pod(QStringLiteral("shop"), QStringLiteral("db-1"), QStringLiteral("n2")));
        model.flush();
        QCOMPARE(childNames(model), QStringList({QStringLiteral("Unscheduled"),
                                                 QStringLiteral("n1"), QStringLiteral("n2")}));

        // Scheduling moves the pod from the pseudo-node to its node; the pseudo-node goes.
        kube::Pod scheduled = pod(QStringLiteral("shop"), QStringLiteral("cart-1"),
                                  QStringLiteral("n1"));
        feed.upsert(scheduled);
        model.flush();
        QCOMPARE(childNames(model), QStringList({QStringLiteral("n1"), QStringLiteral("n2")}));
        QCOMPARE(childNames(model, model.indexOfGroup(QStringLiteral("n1"))),
                 QStringList({QStringLiteral("Other processes"), QStringLiteral("cart-1")}));

        // A status update changes cells in place.
        changes.clear();
        scheduled.containerStatuses[0].state.kind = kube::ContainerState::Kind::Waiting;
        scheduled.containerStatuses[0].state.reason = QStringLiteral("CrashLoopBackOff");
        scheduled.containerStatuses[0].ready = false;
        scheduled.containerStatuses[0].restartCount = 4;
        feed.upsert(scheduled);
        QVERIFY(changes.isEmpty()); // coalesced until the batch runs
        model.flush();
        QVERIFY(!changes.isEmpty());
        const QModelIndex cart = model.indexOfPod(scheduled.metadata.uid);
        QCOMPARE(cellText(model, cart, InsightsModel::Column::Status),
                 QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(cart.siblingAtColumn(model.section(InsightsModel::Column::Status))
                     .data(InsightsModel::SeverityRole)
                     .toInt(),
                 int(RowStatus::Severity::Failed));

        // Node goes away while its pod is still known: the row stays until the pod leaves too.
        feed.removeNode(QStringLiteral("n2"));
        model.flush();
        QVERIFY(model.indexOfGroup(QStringLiteral("n2")).isValid());
        QCOMPARE(cellText(model, model.indexOfGroup(QStringLiteral("n2")),
                          InsightsModel::Column::Status),
                 QStringLiteral("Unknown"));
        feed.removePod(QStringLiteral("uid-shop-db-1"));
        model.flush();
        QVERIFY(!model.indexOfGroup(QStringLiteral("n2")).isValid());

        // Relist merge: one pod gone, one new, one unchanged.
        replacePods(feed, {scheduled, pod(QStringLiteral("shop"), QStringLiteral("api-1"),
                                          QStringLiteral("n1"))});
        model.flush();
        QCOMPARE(childNames(model, model.indexOfGroup(QStringLiteral("n1"))),
                 QStringList({QStringLiteral("Other processes"), QStringLiteral("api-1"),
                              QStringLiteral("cart-1")}));
        QVERIFY(inserts.count() > 0);
        QVERIFY(removes.count() > 0);
        QCOMPARE(resets.count(), 0);

        // Only the context switch resets.
        feed.clear();
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        feed.upsert(node(QStringLiteral("other-cluster")));
        model.flush();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.count(), 1);
    }

    void controllersResolveOwnersAndKeepOrphansApart()
    {
        ClusterStore feed;
        ControllersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&feed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        const kube::Deployment web = deployment(QStringLiteral("shop"), QStringLiteral("web"));
        // Pods first, owned by a ReplicaSet not yet known: the ReplicaSet is their top level.
        kube::Pod a = pod(QStringLiteral("shop"), QStringLiteral("web-7c9-a"), QStringLiteral("n1"),
                          {QStringLiteral("app")}, QStringLiteral("ReplicaSet"),
                          QStringLiteral("web-7c9"), QStringLiteral("uid-rs-web-7c9"));
        kube::Pod b = a;
        b.metadata.name = QStringLiteral("web-7c9-b");
        b.metadata.uid = QStringLiteral("uid-b");
        b.containerStatuses[0].state.kind = kube::ContainerState::Kind::Terminated;
        b.containerStatuses[0].state.reason = QStringLiteral("OOMKilled");
        b.containerStatuses[0].state.exitCode = 137;
        kube::Pod lonely = pod(QStringLiteral("shop"), QStringLiteral("debug"),
                               QStringLiteral("n1"));
        feed.upsert(a);
        feed.upsert(b);
        feed.upsert(lonely);
        model.flush();
        QCOMPARE(childNames(model), QStringList({QStringLiteral("Pods without controller"),
                                                 QStringLiteral("web-7c9")}));

        // The ReplicaSet and its Deployment arrive: the pods move under the Deployment.
        feed.upsert(replicaSet(QStringLiteral("shop"), QStringLiteral("web-7c9"),
                               QStringLiteral("web"), web.metadata.uid));
        feed.upsert(web);
        model.flush();
        QCOMPARE(childNames(model),
                 QStringList({QStringLiteral("Pods without controller"), QStringLiteral("web")}));
        const QModelIndex webRow = model.indexOfGroup(QStringLiteral("shop/Deployment/web"));
        QVERIFY(webRow.isValid());
        QCOMPARE(model.rowCount(webRow), 2);
        QCOMPARE(cellText(model, webRow, InsightsModel::Column::Status), QStringLiteral("1 ✖"));
        QCOMPARE(cellText(model, webRow, InsightsModel::Column::Node), QStringLiteral("n1"));
        QCOMPARE(webRow.siblingAtColumn(model.section(InsightsModel::Column::Node))
                     .data(InsightsModel::DrillRole)
                     .toString(),
                 QStringLiteral("node:n1"));
        const QModelIndex bRow = model.indexOfPod(QStringLiteral("uid-b"));
        QCOMPARE(cellText(model, model.index(0, 0, bRow), InsightsModel::Column::Status),
                 QStringLiteral("Terminated: OOMKilled"));

        // Scale to zero: the Deployment row stays (it exists), its pods go.
        feed.removePod(a.metadata.uid);
        feed.removePod(b.metadata.uid);
        model.flush();
        QCOMPARE(model.rowCount(model.indexOfGroup(QStringLiteral("shop/Deployment/web"))), 0);
        feed.removeWorkload(web.metadata.uid);
        model.flush();
        QVERIFY(!model.indexOfGroup(QStringLiteral("shop/Deployment/web")).isValid());
        QCOMPARE(resets.count(), 0);
    }

    void containersFlatWithMetrics()
    {
        ClusterStore feed;
        MetricsHistory history;
        ContainersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return kNow; });
        model.setHistory(&history);
        model.setStore(&feed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        feed.upsert(node(QStringLiteral("n1")));
        const kube::Pod p = pod(QStringLiteral("shop"), QStringLiteral("web-1"),
                                QStringLiteral("n1"),
                                {QStringLiteral("app"), QStringLiteral("proxy")});
        feed.upsert(p);
        model.flush();
        QCOMPARE(childNames(model), QStringList({QStringLiteral("app"), QStringLiteral("proxy")}));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);

        // 250m of a 500m limit, every 15 s for the last 10 minutes.
        for (qint64 t = kNow - 600'000; t <= kNow; t += 15'000) {
            ContainerUsage u;
            u.namespaceName = QStringLiteral("shop");
            u.pod = QStringLiteral("web-1");
            u.container = QStringLiteral("app");
            u.node = QStringLiteral("n1");
            u.cpuMillicores = 250;
            u.workingSetBytes = 128.0 * 1024 * 1024;
            history.addRound(t, {u});
        }
        model.metricsUpdated();
        const QModelIndex app = model.indexOfPod(p.metadata.uid);
        QCOMPARE(app.data().toString(), QStringLiteral("app"));
        const int pct = model.section(InsightsModel::Column::Percent);
        QCOMPARE(app.siblingAtColumn(pct).data(InsightsModel::RawRole).toDouble(), 50.0);
        QCOMPARE(app.siblingAtColumn(pct).data().toString(), Formatter::percent(50.0));
        QCOMPARE(app.siblingAtColumn(pct).data(Qt::ToolTipRole).toString(),
                 Formatter::utilisation(Utilisation::ofLimit(250, 500, std::nullopt)));
        const auto trend = app.data(InsightsModel::TrendRole).value<TrendData>();
        QCOMPARE(trend.bars.size(), TimeRanges::barCount(TimeRange::Last6Hours));
        QCOMPARE(trend.bars.constLast().height, 0.5);
        QCOMPARE(trend.bars.constLast().status, HealthStatus::Ok);
        QVERIFY(std::isnan(trend.bars.constFirst().height) || trend.bars.constFirst().height == 0);

        // Memory: 128 Mi of a 256 Mi limit.
        model.setMetric(Metric::WorkingSet);
        QCOMPARE(app.siblingAtColumn(pct).data(InsightsModel::RawRole).toDouble(), 50.0);
        // % of request: 250m of 250m (CPU).
        model.setMetric(Metric::Cpu);
        model.setPercentBasis(Denominator::Request);
        QCOMPARE(app.siblingAtColumn(pct).data(InsightsModel::RawRole).toDouble(), 100.0);
        // The other container has no samples: no figure.
        const QModelIndex proxyRow = model.index(1, pct);
        QVERIFY(std::isnan(proxyRow.data(InsightsModel::RawRole).toDouble()));

        // Delete and re-add the pod with another container set (as a relist may show).
        feed.removePod(p.metadata.uid);
        model.flush();
        QCOMPARE(model.rowCount(), 0);
        replacePods(feed,
                    {pod(QStringLiteral("shop"), QStringLiteral("web-2"), QStringLiteral("n1"))});
        model.flush();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.count(), 0);
    }

    void statusTexts()
    {
        kube::Pod p = pod(QStringLiteral("ns"), QStringLiteral("p"), QStringLiteral("n"));
        QCOMPARE(RowStatus::ofPod(p).severity, RowStatus::Severity::Ok);
        p.containerStatuses[0].state.kind = kube::ContainerState::Kind::Waiting;
        p.containerStatuses[0].state.reason = QStringLiteral("ContainerCreating");
        QCOMPARE(RowStatus::ofContainer(p, QStringLiteral("app")).severity,
                 RowStatus::Severity::Pending);
        QCOMPARE(RowStatus::ofContainer(p, QStringLiteral("app")).text,
                 QStringLiteral("ContainerCreating"));
        p.containerStatuses[0].state.kind = kube::ContainerState::Kind::Terminated;
        p.containerStatuses[0].state.reason = QString();
        p.containerStatuses[0].state.exitCode = 0;
        QCOMPARE(RowStatus::ofContainer(p, QStringLiteral("app")).text,
                 QStringLiteral("Completed"));
        QCOMPARE(RowStatus::ofContainer(p, QStringLiteral("app")).severity,
                 RowStatus::Severity::Done);
        p.containerStatuses[0].state.reason = QStringLiteral("Completed");
        QCOMPARE(RowStatus::ofContainer(p, QStringLiteral("app")).text,
                 QStringLiteral("Completed"));
        p.containerStatuses[0].state.reason = QStringLiteral("OOMKilled");
        p.containerStatuses[0].state.exitCode = 137;
        QCOMPARE(RowStatus::ofContainer(p, QStringLiteral("app")).text,
                 QStringLiteral("Terminated: OOMKilled"));
        p.containerStatuses[0].state.reason = QString();
        p.containerStatuses[0].state.exitCode = 0;
        p.phase = QStringLiteral("Succeeded");
        QCOMPARE(RowStatus::ofPod(p).text, QStringLiteral("Completed"));
        const QList<RowStatus> states = {{RowStatus::Severity::Ok, {}},
                                         {RowStatus::Severity::Warning, {}},
                                         {RowStatus::Severity::Pending, {}},
                                         {RowStatus::Severity::Failed, {}}};
        QCOMPARE(RowStatus::ofPods(states).text, QStringLiteral("2 ⚠ 1 ✖"));
        QCOMPARE(RowStatus::ofPods({{RowStatus::Severity::Ok, {}}}).text, QStringLiteral("✔ 1"));
    }
};

QTEST_GUILESS_MAIN(TestInsightsModel)
#include "tst_insightsmodel.moc"
