// ResourceQuota, LimitRange and NetworkPolicy in the demo cluster, with the real kubectl (and
// python3-kubernetes) as the referee: the workshop's quotas show what the pods request, a pod
// past team-a's quota is refused with kube-apiserver's message, a ReplicaSet scaled past it gets
// a FailedCreate event and the ReplicaFailure condition until it is scaled back, object counts
// are admitted too, team-c's LimitRange fills in defaults and enforces its maximum, and the
// seeded NetworkPolicies list and describe.
#include "../skip_or_fail.h"
#include "tst_democluster_support.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QtTest>

#include <map>

using demotest::Result;
using demotest::waitUntil;

namespace {

// A quantity in thousandths of its unit ("100m" 100, "64Mi" 67108864000); the few suffixes
// the workshop's objects use. -1 for anything else.
qint64 milli(const QString &text)
{
    static const std::map<QString, double> factors = {{QString(), 1000},
                                                      {QStringLiteral("m"), 1},
                                                      {QStringLiteral("k"), 1e6},
                                                      {QStringLiteral("M"), 1e9},
                                                      {QStringLiteral("G"), 1e12},
                                                      {QStringLiteral("Ki"), 1024.0 * 1000},
                                                      {QStringLiteral("Mi"), 1048576.0 * 1000},
                                                      {QStringLiteral("Gi"), 1073741824.0 * 1000}};
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^([0-9.]+)([a-zA-Z]*)$")).match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const auto f = factors.find(m.captured(2));
    return f == factors.end() ? -1 : qRound64(m.captured(1).toDouble() * f->second);
}

using Usage = std::map<QString, qint64>; // resource name -> thousandths

QString describe(const Usage &u)
{
    QStringList parts;
    for (const auto &[name, value] : u)
        parts << QStringLiteral("%1=%2").arg(name).arg(value);
    return parts.join(u' ');
}

// What the pods of a `kubectl get pods -o json` list request, as the quota counts it: pods
// that are not terminal, requests and limits summed over their containers.
Usage podUsage(const QByteArray &podList)
{
    Usage u{{QStringLiteral("pods"), 0},
            {QStringLiteral("requests.cpu"), 0},
            {QStringLiteral("requests.memory"), 0},
            {QStringLiteral("limits.cpu"), 0},
            {QStringLiteral("limits.memory"), 0}};
    for (const QJsonValue &item : QJsonDocument::fromJson(podList)[u"items"].toArray()) {
        const QString phase = item[u"status"][u"phase"].toString();
        if (phase == u"Succeeded" || phase == u"Failed")
            continue;
        u[QStringLiteral("pods")] += 1000;
        for (const QJsonValue &c : item[u"spec"][u"containers"].toArray())
            for (const char *which : {"requests", "limits"})
                for (const char *r : {"cpu", "memory"})
                    u[QStringLiteral("%1.%2").arg(QLatin1String(which), QLatin1String(r))] += milli(
                        c[u"resources"][QLatin1String(which)][QLatin1String(r)].toString(
                            QStringLiteral("0")));
    }
    return u;
}

// The Used column of `kubectl describe quota`.
Usage describedUsage(const QString &text)
{
    Usage u;
    for (const QString &line : text.split(u'\n')) {
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^(pods|requests\\.\\S+|limits\\.\\S+)\\s+(\\S+)\\s+"
                                              "(\\S+)\\s*$"))
                .match(line);
        if (m.hasMatch())
            u[m.captured(1)] = milli(m.captured(2));
    }
    return u;
}

} // namespace

class TestDemoClusterQuota final : public QObject
{
    Q_OBJECT

private:
    demotest::DemoClusterProcess m_cluster;

    Result kubectl(const QStringList &args) const
    {
        return m_cluster.kubectl(QStringList{QStringLiteral("--context"), QStringLiteral("demo")}
                                 + args);
    }
    QJsonObject json(const QStringList &args) const
    {
        const Result r = kubectl(args + QStringList{QStringLiteral("-o"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    QJsonObject quota(const QString &ns, const QString &name) const
    {
        return json({QStringLiteral("get"), QStringLiteral("resourcequota"), name,
                     QStringLiteral("-n"), ns});
    }
    int used(const QString &ns, const QString &name, const QString &resource) const
    {
        return quota(ns, name)[u"status"][u"used"][resource].toString(QStringLiteral("-1")).toInt();
    }
    int hard(const QString &ns, const QString &name, const QString &resource) const
    {
        return quota(ns, name)[u"status"][u"hard"][resource].toString(QStringLiteral("-1")).toInt();
    }
    // The pods kubectl lists as not terminal, with the field selector a trainer would use.
    int runningPods(const QString &ns) const
    {
        const Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
             QStringLiteral("--field-selector=status.phase!=Succeeded,"
                            "status.phase!=Failed"),
             QStringLiteral("--no-headers"), QStringLiteral("-o"), QStringLiteral("name")});
        return r.exitCode == 0 ? int(r.out.split(u'\n', Qt::SkipEmptyParts).size()) : -1;
    }
    QString webReplicaSet() const
    {
        const Result r = kubectl({QStringLiteral("get"), QStringLiteral("rs"), QStringLiteral("-n"),
                                  QStringLiteral("team-a"), QStringLiteral("-l"),
                                  QStringLiteral("app=web"), QStringLiteral("-o"),
                                  QStringLiteral("jsonpath={.items[0].metadata.name}")});
        return r.out.trimmed();
    }
    QJsonObject condition(const QJsonObject &object, const QString &type) const
    {
        for (const QJsonValue &c : object[u"status"][u"conditions"].toArray())
            if (c[u"type"].toString() == type)
                return c.toObject();
        return {};
    }
    bool scaleWeb(int replicas) const
    {
        return kubectl({QStringLiteral("scale"), QStringLiteral("deployment"),
                        QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("team-a"),
                        QStringLiteral("--replicas=%1").arg(replicas)})
                   .exitCode
               == 0;
    }
    // `kubectl run` of a pod whose container asks for `resources` (JSON), or nothing.
    Result run(const QString &ns, const QString &name, const QString &resources = {}) const
    {
        QStringList args{QStringLiteral("run"), name, QStringLiteral("--image=nginx:1.27.2"),
                         QStringLiteral("-n"),  ns,   QStringLiteral("--restart=Never")};
        if (!resources.isEmpty())
            args << QStringLiteral("--overrides={\"spec\":{\"containers\":[{\"name\":\"%1\","
                                   "\"image\":\"nginx:1.27.2\",\"resources\":%2}]}}")
                        .arg(name, resources);
        return kubectl(args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            SKIP_OR_FAIL("kubectl is not installed; these tests use it as the referee");
        const QString error = m_cluster.start({QStringLiteral("--preset"),
                                               QStringLiteral("workshop"), QStringLiteral("--seed"),
                                               QStringLiteral("5")});
        if (!error.isEmpty())
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
        // team-a's web scales on CPU between 2 and 3 replicas; the HPA would undo the scaling
        // these tests do, so it goes, and web runs its preset's 3: team-a is then one pod short
        // of its quota.
        const Result r = kubectl({QStringLiteral("delete"), QStringLiteral("hpa"),
                                  QStringLiteral("web"), QStringLiteral("-n"),
                                  QStringLiteral("team-a")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(scaleWeb(3));
        QVERIFY2(waitUntil([&] { return runningPods(QStringLiteral("team-a")) == 6; }, 60000),
                 "team-a does not settle at 6 pods");
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void quotasAreSeeded()
    {
        const QJsonObject list = json(
            {QStringLiteral("get"), QStringLiteral("resourcequotas"), QStringLiteral("-A")});
        QStringList names;
        for (const QJsonValue &q : list[u"items"].toArray()) {
            names << q[u"metadata"][u"namespace"].toString() + u'/'
                         + q[u"metadata"][u"name"].toString();
            // The controller mirrors spec.hard and counts every hard resource.
            QCOMPARE(q[u"status"][u"hard"].toObject(), q[u"spec"][u"hard"].toObject());
            QCOMPARE(q[u"status"][u"used"].toObject().keys(),
                     q[u"spec"][u"hard"].toObject().keys());
        }
        QCOMPARE(names, QStringList(
                            {QStringLiteral("team-a/compute"), QStringLiteral("team-b/compute"),
                             QStringLiteral("team-b/objects"), QStringLiteral("team-c/best-effort"),
                             QStringLiteral("team-c/compute")}));
        QCOMPARE(hard(QStringLiteral("team-a"), QStringLiteral("compute"), QStringLiteral("pods")),
                 7);
        const Result r = kubectl({QStringLiteral("get"), QStringLiteral("quota"),
                                  QStringLiteral("-n"), QStringLiteral("team-b")});
        QVERIFY2(QRegularExpression(QStringLiteral("\\nobjects\\s+\\S+\\s+configmaps: 0/5, "
                                                   "count/deployments.apps: 4/6, services: 3/5"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out + r.err));
        // The scope BestEffort counts nothing: team-c's LimitRange gives every pod resources.
        QCOMPARE(
            used(QStringLiteral("team-c"), QStringLiteral("best-effort"), QStringLiteral("pods")),
            0);
    }

    void usedIsWhatThePodsRequest()
    {
        // The controller recounts within a pass of a change: compare until both agree.
        Usage expected, described;
        const bool agree = waitUntil(
            [&] {
                expected = podUsage(kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                             QStringLiteral("-n"), QStringLiteral("team-a"),
                                             QStringLiteral("-o"), QStringLiteral("json")})
                                        .out.toUtf8());
                const Result r = kubectl({QStringLiteral("describe"), QStringLiteral("quota"),
                                          QStringLiteral("-n"), QStringLiteral("team-a")});
                described = describedUsage(r.out);
                return r.out.contains(QLatin1String("Name:")) && expected == described;
            },
            20000);
        QVERIFY2(agree,
                 qPrintable(describe(described) + QStringLiteral(" != ") + describe(expected)));
        QCOMPARE(expected[QStringLiteral("pods")], 6000);

        int listed = -1, counted = -2;
        QVERIFY(waitUntil(
            [&] {
                listed = runningPods(QStringLiteral("team-a"));
                counted = used(QStringLiteral("team-a"), QStringLiteral("compute"),
                               QStringLiteral("pods"));
                return listed == counted;
            },
            20000));
        QCOMPARE(counted, 6);
    }

    void scalingPastTheQuota()
    {
        const QString rs = webReplicaSet();
        QVERIFY(!rs.isEmpty());
        // Two more: one fits, the other is refused.
        QVERIFY(scaleWeb(5));
        const QString refusal = QStringLiteral("is forbidden: exceeded quota: compute, requested: "
                                               "pods=1, used: pods=7, limited: pods=7");
        QString events;
        QVERIFY2(waitUntil(
                     [&] {
                         events = kubectl({QStringLiteral("get"), QStringLiteral("events"),
                                           QStringLiteral("-n"), QStringLiteral("team-a"),
                                           QStringLiteral("--field-selector"),
                                           QStringLiteral("reason=FailedCreate")})
                                      .out;
                         return events.contains(refusal);
                     },
                     30000),
                 qPrintable(events));
        QVERIFY2(QRegularExpression(QStringLiteral("Warning\\s+FailedCreate\\s+replicaset/%1\\s+"
                                                   "Error creating: pods \"%1-\\S+\" %2")
                                        .arg(rs, QRegularExpression::escape(refusal)))
                     .match(events)
                     .hasMatch(),
                 qPrintable(events));
        QCOMPARE(runningPods(QStringLiteral("team-a")), 7);
        QCOMPARE(used(QStringLiteral("team-a"), QStringLiteral("compute"), QStringLiteral("pods")),
                 7);

        QJsonObject failure;
        QVERIFY(waitUntil(
            [&] {
                failure = condition(json({QStringLiteral("get"), QStringLiteral("rs"), rs,
                                          QStringLiteral("-n"), QStringLiteral("team-a")}),
                                    QStringLiteral("ReplicaFailure"));
                return !failure.isEmpty();
            },
            20000));
        QCOMPARE(failure[u"status"].toString(), QStringLiteral("True"));
        QCOMPARE(failure[u"reason"].toString(), QStringLiteral("FailedCreate"));
        QVERIFY2(failure[u"message"].toString().startsWith(QStringLiteral("pods \"%1-").arg(rs))
                     && failure[u"message"].toString().endsWith(refusal),
                 qPrintable(failure[u"message"].toString()));
        // The deployment controller copies the new ReplicaSet's failure.
        QJsonObject copied;
        QVERIFY(waitUntil(
            [&] {
                copied = condition(
                    json({QStringLiteral("get"), QStringLiteral("deployment"),
                          QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("team-a")}),
                    QStringLiteral("ReplicaFailure"));
                return !copied.isEmpty();
            },
            20000));
        QCOMPARE(copied[u"message"].toString(), failure[u"message"].toString());

        // The namespace is full: a pod of its own is refused the same way.
        const Result r = run(QStringLiteral("team-a"), QStringLiteral("one-more"),
                             QStringLiteral("{\"requests\":{\"cpu\":\"10m\",\"memory\":\"16Mi\"},"
                                            "\"limits\":{\"cpu\":\"10m\",\"memory\":\"16Mi\"}}"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Forbidden): pods \"one-more\" ")
                                + refusal),
                 qPrintable(r.err));

        // Scaled back, the terminated pods free the quota and the failure clears.
        QVERIFY(scaleWeb(3));
        QVERIFY2(waitUntil(
                     [&] {
                         return used(QStringLiteral("team-a"), QStringLiteral("compute"),
                                     QStringLiteral("pods"))
                                == 6;
                     },
                     90000),
                 "used pods do not drop back to 6");
        QVERIFY(waitUntil(
            [&] {
                return condition(json({QStringLiteral("get"), QStringLiteral("rs"), rs,
                                       QStringLiteral("-n"), QStringLiteral("team-a")}),
                                 QStringLiteral("ReplicaFailure"))
                    .isEmpty();
            },
            20000));
        QVERIFY(waitUntil([&] { return runningPods(QStringLiteral("team-a")) == 6; }, 90000));
    }

    void podWithoutResourcesIsRefused()
    {
        const Result r = run(QStringLiteral("team-a"), QStringLiteral("bare"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String(
                     "Error from server (Forbidden): pods \"bare\" is forbidden: failed quota: "
                     "compute: must specify limits.cpu for: bare; limits.memory for: bare; "
                     "requests.cpu for: bare; requests.memory for: bare")),
                 qPrintable(r.err));
    }

    void objectCountsAreAdmitted()
    {
        // team-b runs 4 deployments of 6 its quota "objects" allows.
        for (const char *name : {"extra-1", "extra-2"}) {
            const Result r = kubectl({QStringLiteral("create"), QStringLiteral("deployment"),
                                      QLatin1String(name), QStringLiteral("--image=nginx:1.27.2"),
                                      QStringLiteral("-n"), QStringLiteral("team-b")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        Result r = kubectl({QStringLiteral("create"), QStringLiteral("deployment"),
                            QStringLiteral("extra-3"), QStringLiteral("--image=nginx:1.27.2"),
                            QStringLiteral("-n"), QStringLiteral("team-b")});
        QVERIFY(r.exitCode != 0);
        // kubectl create deployment words its error itself ("error: failed to create
        // deployment: ..."); the server's message is the same as for any create.
        QVERIFY2(r.err.contains(QLatin1String(
                     "deployments.apps \"extra-3\" is forbidden: "
                     "exceeded quota: objects, requested: count/deployments.apps=1, used: "
                     "count/deployments.apps=6, limited: count/deployments.apps=6")),
                 qPrintable(r.err));
        r = kubectl({QStringLiteral("delete"), QStringLiteral("deployment"),
                     QStringLiteral("extra-1"), QStringLiteral("extra-2"), QStringLiteral("-n"),
                     QStringLiteral("team-b")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(waitUntil(
            [&] {
                return used(QStringLiteral("team-b"), QStringLiteral("objects"),
                            QStringLiteral("count/deployments.apps"))
                       == 4;
            },
            20000));
    }

    void limitRangeDefaultsAndMaximum()
    {
        Result r = run(QStringLiteral("team-c"), QStringLiteral("defaulted"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("defaulted"),
                     QStringLiteral("-n"), QStringLiteral("team-c"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.spec.containers[0].resources.requests.cpu} "
                                    "{.spec.containers[0].resources.requests.memory} "
                                    "{.spec.containers[0].resources.limits.cpu} "
                                    "{.spec.containers[0].resources.limits.memory} "
                                    "{.status.qosClass}")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("100m 128Mi 500m 512Mi Burstable"));
        r = kubectl({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("defaulted"),
                     QStringLiteral("-n"), QStringLiteral("team-c"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.metadata.annotations.kubernetes\\.io/"
                                    "limit-ranger}")});
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("LimitRanger plugin set: cpu, memory request for container "
                                "defaulted; cpu, memory limit for container defaulted"));

        r = run(QStringLiteral("team-c"), QStringLiteral("too-big"),
                QStringLiteral("{\"limits\":{\"cpu\":\"17\",\"memory\":\"1Gi\"}}"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String(
                     "Error from server (Forbidden): pods \"too-big\" is forbidden: [maximum cpu "
                     "usage per Container is 16, but limit is 17, maximum cpu usage per Pod is "
                     "16, but limit is 17]")),
                 qPrintable(r.err));

        r = kubectl({QStringLiteral("describe"), QStringLiteral("limitrange"),
                     QStringLiteral("defaults"), QStringLiteral("-n"), QStringLiteral("team-c")});
        QVERIFY2(QRegularExpression(QStringLiteral("\\nContainer\\s+cpu\\s+10m\\s+16\\s+100m\\s+"
                                                   "500m\\s"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out + r.err));
    }

    void networkPoliciesListAndDescribe()
    {
        Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("networkpolicies"), QStringLiteral("-A")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *row : {"team-a\\s+allow-from-monitoring\\s+app=web\\s",
                                "team-a\\s+deny-from-other-namespaces\\s+<none>\\s",
                                "team-b\\s+payments-egress\\s+app=payments\\s",
                                "team-c\\s+default-deny-ingress\\s+<none>\\s"})
            QVERIFY2(QRegularExpression(QLatin1String("\\n") + QLatin1String(row))
                         .match(r.out)
                         .hasMatch(),
                     qPrintable(r.out));
        r = kubectl({QStringLiteral("describe"), QStringLiteral("networkpolicy"),
                     QStringLiteral("payments-egress"), QStringLiteral("-n"),
                     QStringLiteral("team-b")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *text : {"PodSelector:     app=payments", "To Port: 5432/TCP",
                                 "PodSelector: app=db", "To Port: 443/TCP", "CIDR: 10.0.0.0/8",
                                 "Except: 10.0.99.0/24", "Policy Types: Egress"})
            QVERIFY2(r.out.contains(QLatin1String(text)), qPrintable(r.out));
        r = kubectl({QStringLiteral("describe"), QStringLiteral("networkpolicy"),
                     QStringLiteral("allow-from-monitoring"), QStringLiteral("-n"),
                     QStringLiteral("team-a")});
        QVERIFY2(r.out.contains(QLatin1String("NamespaceSelector: "
                                              "kubernetes.io/metadata.name=kube-system"))
                     && r.out.contains(QLatin1String("To Port: 80/TCP")),
                 qPrintable(r.out + r.err));
        // The namespace selector works because namespaces carry their name as a label.
        r = kubectl({QStringLiteral("get"), QStringLiteral("namespace"),
                     QStringLiteral("kube-system"), QStringLiteral("--show-labels")});
        QVERIFY2(r.out.contains(QLatin1String("kubernetes.io/metadata.name=kube-system")),
                 qPrintable(r.out));
    }

    void pythonClientAgrees()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python))
            SKIP_OR_FAIL("/usr/bin/python3 is not installed");
        const QString script = QStringLiteral(
            "import sys\n"
            "from kubernetes import client, config\n"
            "config.load_kube_config(config_file=sys.argv[1], context='demo')\n"
            "q = client.CoreV1Api().read_namespaced_resource_quota('compute', 'team-a')\n"
            "print(q.status.used['pods'], q.status.hard['pods'], q.status.used['requests.cpu'])\n");
        QProcess p;
        p.setProcessEnvironment(m_cluster.clientEnvironment());
        p.start(python, {QStringLiteral("-c"), script, m_cluster.kubeconfig()});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (err.contains(QLatin1String("No module named 'kubernetes'")))
            SKIP_OR_FAIL("python3-kubernetes is not installed");
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        const QJsonObject q = quota(QStringLiteral("team-a"), QStringLiteral("compute"));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
                 QStringLiteral("%1 %2 %3")
                     .arg(q[u"status"][u"used"][u"pods"].toString(),
                          q[u"status"][u"hard"][u"pods"].toString(),
                          q[u"status"][u"used"][u"requests.cpu"].toString()));
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterQuota)
#include "tst_democluster_quota.moc"
