// The Containers tab's InsightsFlatProxy through live sequences (adds, restarts that move rows,
// filter changes, a search that grows, deletes, a context switch), watched by
// QAbstractItemModelTester, with InsightsProxy (QSortFilterProxyModel) on the same model as the
// referee for order and filter.
#include "insightstestdata.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/containersmodel.h"
#include "models/insights/controllersmodel.h"
#include "models/insights/insightsfilter.h"
#include "models/insights/insightsflatproxy.h"
#include "models/insights/insightsmodel.h"
#include "models/insights/insightsproxy.h"
#include "models/insights/nodesmodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QtTest>

using namespace insightstest;
using Column = InsightsModel::Column;

namespace {
// Every visible row as "namespace/pod/container".
QStringList rows(const QAbstractItemModel &proxy, const InsightsModel &model)
{
    QStringList out;
    const int ns = model.section(Column::Namespace);
    const int pod = model.section(Column::Pod);
    for (int r = 0; r < proxy.rowCount(); ++r)
        out << proxy.index(r, ns).data().toString() + QLatin1Char('/')
                   + proxy.index(r, pod).data().toString() + QLatin1Char('/')
                   + proxy.index(r, 0).data().toString();
    return out;
}

kube::Pod restarted(kube::Pod p, int restarts)
{
    for (auto &s : p.containerStatuses)
        s.restartCount = restarts;
    return p;
}
} // namespace

class TestInsightsFlatProxy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithTheTreeProxyThroughALiveSequence()
    {
        ClusterStore feed;
        InsightsFilter filter;
        ContainersModel model;
        model.setStore(&feed);
        InsightsFlatProxy flat;
        QAbstractItemModelTester tester(&flat,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        flat.setSourceModel(&model);
        flat.setFilter(&filter);
        flat.setStore(&feed);
        InsightsProxy referee;
        referee.setSourceModel(&model);
        referee.setFilter(&filter);
        referee.setStore(&feed);
        int step = 0;
        const auto check = [&] {
            model.flush();
            // The referee sorts and filters afresh: QSortFilterProxyModel places the rows of
            // several dataChanged signals one by one against rows not re-placed yet.
            referee.invalidate();
            ++step;
            const QStringList got = rows(flat, model), want = rows(referee, model);
            QVERIFY2(got == want, qPrintable(QStringLiteral("step %1:\n%2\n%3")
                                                 .arg(step)
                                                 .arg(got.join(u' '), want.join(u' '))));
        };

        feed.upsert(node(QStringLiteral("n1")));
        feed.upsert(node(QStringLiteral("n2")));
        QList<kube::Pod> pods;
        for (int i = 0; i < 40; ++i) {
            const QString ns = i % 3 ? QStringLiteral("shop") : QStringLiteral("staging");
            const QString app = QStringLiteral("svc%1").arg(i % 7);
            kube::Pod p = pod(ns, app + QStringLiteral("-x%1").arg(i),
                              i % 2 ? QStringLiteral("n1") : QStringLiteral("n2"),
                              i % 4 ? QStringList{app + QStringLiteral("c%1").arg(i)}
                                    : QStringList{app + QStringLiteral("c%1").arg(i),
                                                  QStringLiteral("envoy%1").arg(i)});
            pods << p;
        }
        // Container names are unique: rows never tie, so both proxies have one right order.
        // A first batch (one insertion), then a few rows at a time (row by row).
        for (int i = 0; i < 30; ++i)
            feed.upsert(pods[i]);
        flat.sort(0, Qt::AscendingOrder);
        referee.sort(0, Qt::AscendingOrder);
        check();
        for (int i = 30; i < 40; ++i) {
            feed.upsert(pods[i]);
            if (i % 3 == 0)
                check();
        }
        check();
        QCOMPARE(flat.rowCount(), 50);

        // Sorted by restarts, highest first: restarts move single rows, the current row too.
        const int restartsColumn = model.section(Column::Restarts);
        flat.sort(restartsColumn, Qt::DescendingOrder);
        referee.sort(restartsColumn, Qt::DescendingOrder);
        check();
        const QPersistentModelIndex current = flat.index(20, 0);
        const QString currentRow = rows(flat, model).at(20);
        for (int i : {5, 17, 33, 5, 2}) {
            pods[i] = restarted(pods[i], pods[i].containerStatuses.first().restartCount + 1);
            feed.upsert(pods[i]);
            check();
        }
        QVERIFY(current.isValid());
        QCOMPARE(rows(flat, model).at(current.row()), currentRow);
        // Many at once (one layout change).
        for (int i = 0; i < 40; i += 2) {
            pods[i] = restarted(pods[i], i % 5);
            feed.upsert(pods[i]);
        }
        check();
        QVERIFY(current.isValid());
        QCOMPARE(rows(flat, model).at(current.row()), currentRow);

        // Sorted by a text column full of ties (two nodes, 50 rows): the full sort ranks the
        // strings first; the order must stay the referee's, name and namespace breaking ties.
        for (const Column column : {Column::Node, Column::Namespace, Column::Pod}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                flat.sort(model.section(column), order);
                referee.sort(model.section(column), order);
                check();
            }
        }
        flat.sort(restartsColumn, Qt::DescendingOrder);
        referee.sort(restartsColumn, Qt::DescendingOrder);
        check();

        // Filters: namespace, label selector, a search typed letter by letter, then cleared.
        filter.setNamespaces({QStringLiteral("staging")});
        check();
        filter.setNamespaces({});
        QVERIFY(filter.setLabelSelector(QStringLiteral("app in (svc1,svc3)")));
        check();
        QVERIFY(filter.setLabelSelector(QString()));
        check();
        for (const QString &text : {QStringLiteral("s"), QStringLiteral("sv"),
                                    QStringLiteral("svc"), QStringLiteral("svc4")}) {
            filter.setNameSearch(text);
            check();
        }
        // A filtered row that starts to match after an update, and one that stops.
        filter.setNameSearch(QString());
        filter.setNode(QStringLiteral("n1"));
        check();
        kube::Pod moved = pods[4];
        moved.nodeName = QStringLiteral("n1");
        feed.upsert(moved);
        check();
        moved.nodeName = QStringLiteral("n2");
        feed.upsert(moved);
        check();
        filter.clear();
        check();

        // Deletes, one and many.
        feed.removePod(pods[3].metadata.uid);
        check();
        for (int i = 10; i < 35; ++i)
            feed.removePod(pods[i].metadata.uid);
        check();
        QCOMPARE(flat.rowCount(), model.rowCount());

        // A context switch resets once and shows the new content.
        feed.clear();
        check();
        QCOMPARE(flat.rowCount(), 0);
        feed.upsert(pods[0]);
        check();
        QCOMPARE(flat.rowCount(), 2);
        QCOMPARE(flat.headerData(0, Qt::Horizontal).toString(),
                 model.headerData(0, Qt::Horizontal).toString());
    }

    void hiddenProxyAppliesTheFilterWhenAsked()
    {
        ClusterStore feed;
        InsightsFilter filter;
        ContainersModel model;
        model.setStore(&feed);
        InsightsFlatProxy flat;
        flat.setSourceModel(&model);
        flat.setFilter(&filter);
        flat.setStore(&feed);
        feed.upsert(node(QStringLiteral("n1")));
        feed.upsert(pod(QStringLiteral("shop"), QStringLiteral("web-1"), QStringLiteral("n1")));
        feed.upsert(pod(QStringLiteral("shop"), QStringLiteral("db-1"), QStringLiteral("n1")));
        model.flush();
        QCOMPARE(flat.rowCount(), 2);
        flat.setFilterDeferred(true);
        QVERIFY(filter.setLabelSelector(QStringLiteral("app=web")));
        QCOMPARE(flat.rowCount(), 2); // noted only
        flat.applyPendingFilter();
        QCOMPARE(flat.rowCount(), 1);
        flat.setFilterDeferred(false);
        filter.clear();
        QCOMPARE(flat.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestInsightsFlatProxy)
#include "tst_insightsflatproxy.moc"
