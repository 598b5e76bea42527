// Decoders against real recorded Kubernetes JSON (fixtures/real/k8s, see its SOURCES.md), plus
// the edge cases: null/missing fields, wrong types, broken JSON, streaming lists, watch lines.
#include "kubeapi/objects/decoders.h"
#include "kubeapi/objects/stringpool.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kube;

namespace {

QString k8sDir()
{
    return QStringLiteral(KLARSICHT_FIXTURES_DIR "/k8s");
}

QByteArray fixture(const QString &relative)
{
    QFile f(k8sDir() + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

#define REQUIRE_FIXTURES()                                                                        \
    if (!QDir(k8sDir()).exists())                                                                 \
        QSKIP(qPrintable(QStringLiteral("Real Kubernetes fixtures not found at %1 (set "          \
                                        "KLARSICHT_FIXTURES_DIR); decoder fixture tests skipped") \
                             .arg(k8sDir())));

const ContainerStatus *statusOf(const QList<ContainerStatus> &list, const QString &name)
{
    for (const auto &s : list) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

qint64 msecs(const char *rfc3339)
{
    return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

class TestDecoders final : public QObject
{
    Q_OBJECT

private slots:
    void everyK9sObjectDecodes();
    void node();
    void podsWithInitAndSidecar();
    void oomKilledAndCrashLoop();
    void workloads();
    void eventAndNamespace();
    void podListsStreaming();
    void otherLists();
    void watchStream();
    void statusObjects();
    void metrics();
    void toleratesNullAndMissing();
    void wrongTypesAreErrors_data();
    void wrongTypesAreErrors();
    void brokenJson_data();
    void brokenJson();
    void secretValuesNeverDecoded();
    void times_data();
    void times();
    void stringPoolShares();
};

void TestDecoders::everyK9sObjectDecodes()
{
    REQUIRE_FIXTURES();
    const QStringList files =
        QDir(k8sDir() + QStringLiteral("/k9s")).entryList({QStringLiteral("*.json")});
    QVERIFY(files.size() >= 16);
    for (const QString &file : files) {
        const QByteArray bytes = fixture(QStringLiteral("k9s/") + file);
        const QString kind = QJsonDocument::fromJson(bytes).object().value(u"kind").toString();
        QString error;
        QString name;
        auto check = [&](auto decoded) {
            error = decoded.error;
            name = decoded.value.metadata.name;
        };
        if (kind == u"Pod")
            check(decodeObject<Pod>(bytes));
        else if (kind == u"Node")
            check(decodeObject<Node>(bytes));
        else if (kind == u"Deployment")
            check(decodeObject<Deployment>(bytes));
        else if (kind == u"ReplicaSet")
            check(decodeObject<ReplicaSet>(bytes));
        else if (kind == u"StatefulSet")
            check(decodeObject<StatefulSet>(bytes));
        else if (kind == u"DaemonSet")
            check(decodeObject<DaemonSet>(bytes));
        else if (kind == u"Job")
            check(decodeObject<Job>(bytes));
        else if (kind == u"CronJob")
            check(decodeObject<CronJob>(bytes));
        else if (kind == u"Namespace")
            check(decodeObject<Namespace>(bytes));
        else if (kind == u"Event")
            check(decodeObject<Event>(bytes));
        else
            QFAIL(qPrintable(QStringLiteral("%1: unexpected kind %2").arg(file, kind)));
        QVERIFY2(error.isEmpty(), qPrintable(file + QStringLiteral(": ") + error));
        QVERIFY2(!name.isEmpty(), qPrintable(file));
    }
}

void TestDecoders::node()
{
    REQUIRE_FIXTURES();
    const auto d = decodeObject<Node>(fixture(QStringLiteral("k9s/render_no.json")));
    QVERIFY2(d.ok(), qPrintable(d.error));
    const Node &n = d.value;
    QCOMPARE(n.metadata.name, QStringLiteral("minikube"));
    QCOMPARE(n.metadata.uid, QStringLiteral("3a554aa2-fee7-435b-ae1b-e67bdaac069a"));
    QCOMPARE(n.metadata.creationTimestamp.msecsSinceEpoch, msecs("2019-08-26T21:52:09Z"));
    QCOMPARE(n.roles, QStringList{QStringLiteral("master")});
    QCOMPARE(n.capacity.cpu.milliValue(), 4000);
    QCOMPARE(n.capacity.memory.value(), 8165556LL * 1024);
    QCOMPARE(n.allocatable.memory.toString(), QStringLiteral("8063156Ki"));
    QCOMPARE(n.allocatable.ephemeralStorage.value(), 15625027559LL);
    QCOMPARE(n.allocatable.pods.value(), 110);
    QCOMPARE(n.readyStatus(), QStringLiteral("True"));
    QCOMPARE(n.conditions.size(), 4);
    QVERIFY(n.conditions.first().lastHeartbeatTime.isValid());
    QCOMPARE(n.addressOf(u"InternalIP"), QStringLiteral("192.168.64.107"));
    QCOMPARE(n.nodeInfo.kubeletVersion, QStringLiteral("v1.15.2"));
    QVERIFY(!n.nodeInfo.osImage.isEmpty());
    QVERIFY(!n.nodeInfo.containerRuntimeVersion.isEmpty());
    QVERIFY(!n.unschedulable);
    QVERIFY(valueOf(n.metadata.labels, u"kubernetes.io/hostname") == u"minikube");
}

void TestDecoders::podsWithInitAndSidecar()
{
    REQUIRE_FIXTURES();
    const auto init = decodeObject<Pod>(fixture(QStringLiteral("k9s/xray_init.json")));
    QVERIFY2(init.ok(), qPrintable(init.error));
    QCOMPARE(init.value.initContainers.size(), 1);
    QCOMPARE(init.value.initContainers[0].name, QStringLiteral("init-sleep"));
    const ContainerStatus *is = statusOf(init.value.initContainerStatuses,
                                         QStringLiteral("init-sleep"));
    QVERIFY(is);
    QCOMPARE(is->state.kind, ContainerState::Kind::Terminated);
    QCOMPARE(is->state.reason, QStringLiteral("Completed"));
    QCOMPARE(is->state.exitCode, 0);
    QCOMPARE(is->state.finishedAt.msecsSinceEpoch, msecs("2020-01-18T06:31:42Z"));
    QCOMPARE(init.value.qosClass, QStringLiteral("Guaranteed"));
    QCOMPARE(init.value.containers[0].resources.cpuLimit.milliValue(), 100);
    QCOMPARE(init.value.containers[0].resources.memoryRequest.value(), 100LL << 20);

    const auto sidecar = decodeObject<Pod>(fixture(QStringLiteral("k9s/render_po_sidecar.json")));
    QVERIFY2(sidecar.ok(), qPrintable(sidecar.error));
    QCOMPARE(sidecar.value.initContainers.size(), 2);
    QCOMPARE(sidecar.value.initContainers[1].restartPolicy, QStringLiteral("Always"));
    QCOMPARE(sidecar.value.initContainers[1].resources.cpuRequest.toString(),
             QStringLiteral("20m"));
    QCOMPARE(sidecar.value.containers[0].resources.cpuLimit.milliValue(), 230);
    QCOMPARE(statusOf(sidecar.value.initContainerStatuses, QStringLiteral("sidecar"))->state.kind,
             ContainerState::Kind::Running);
    QVERIFY(statusOf(sidecar.value.initContainerStatuses, QStringLiteral("init"))
                ->containerID.startsWith(u"containerd://"));
    QCOMPARE(sidecar.value.nodeName, QStringLiteral("kind-control-plane"));

    const auto p1 = decodeObject<Pod>(fixture(QStringLiteral("k9s/dao_p1.json")));
    QVERIFY2(p1.ok(), qPrintable(p1.error));
    const OwnerReference *owner = p1.value.metadata.controllerRef();
    QVERIFY(owner);
    QCOMPARE(owner->kind, QStringLiteral("ReplicaSet"));
    QCOMPARE(owner->name, QStringLiteral("nginx-7fb78fb6d8"));
    QVERIFY(!owner->uid.isEmpty());
    QCOMPARE(p1.value.phase, QStringLiteral("Running"));
    QVERIFY(p1.value.isReady());
}

void TestDecoders::oomKilledAndCrashLoop()
{
    REQUIRE_FIXTURES();
    const auto d = decodeObject<Pod>(
        fixture(QStringLiteral("pods/datadog_pods_crashed_item1_oomkilled_crashloop.json")));
    QVERIFY2(d.ok(), qPrintable(d.error));
    const Pod &p = d.value;
    QCOMPARE(p.metadata.controllerRef()->kind, QStringLiteral("DaemonSet"));
    const ContainerStatus *fluentd = statusOf(p.containerStatuses, QStringLiteral("fluentd-gcp"));
    QVERIFY(fluentd);
    QCOMPARE(fluentd->restartCount, 1);
    QCOMPARE(fluentd->state.kind, ContainerState::Kind::Running);
    QCOMPARE(fluentd->lastState.kind, ContainerState::Kind::Terminated);
    QCOMPARE(fluentd->lastState.reason, QStringLiteral("OOMKilled"));
    QCOMPARE(fluentd->lastState.exitCode, 2);
    const ContainerStatus *exporter = statusOf(p.containerStatuses,
                                               QStringLiteral("prometheus-to-sd-exporter"));
    QVERIFY(exporter);
    QCOMPARE(exporter->state.kind, ContainerState::Kind::Waiting);
    QCOMPARE(exporter->state.reason, QStringLiteral("CrashLoopBackOff"));
    QVERIFY(exporter->state.message.startsWith(u"Back-off 5m0s"));
    QCOMPARE(p.initContainerStatuses.size(), 1);
    QCOMPARE(p.initContainerStatuses[0].started, OptionalBool::False);
    QCOMPARE(p.restartCount(), 1);
    QCOMPARE(p.hostIP, QStringLiteral("10.132.0.4"));
    // "lastProbeTime": null is tolerated.
    QVERIFY(p.isReady());
}

void TestDecoders::workloads()
{
    REQUIRE_FIXTURES();
    const auto dp = decodeObject<Deployment>(fixture(QStringLiteral("k9s/render_dp.json")));
    QVERIFY2(dp.ok(), qPrintable(dp.error));
    QCOMPARE(dp.value.replicas.desired, 1);
    QCOMPARE(dp.value.replicas.available, 1);
    QCOMPARE(dp.value.strategyType, QStringLiteral("RollingUpdate"));
    QCOMPARE(dp.value.maxSurge, QStringLiteral("25%"));
    QCOMPARE(valueOf(dp.value.selector.matchLabels, u"app"), QStringLiteral("icx-db"));
    QCOMPARE(dp.value.conditions.size(), 2);
    QVERIFY(!dp.value.podTemplate.containers.isEmpty());

    const auto rs = decodeObject<ReplicaSet>(fixture(QStringLiteral("k9s/render_rs.json")));
    QVERIFY2(rs.ok(), qPrintable(rs.error));
    QCOMPARE(rs.value.metadata.controllerRef()->kind, QStringLiteral("Deployment"));
    QCOMPARE(rs.value.replicas.ready, 1);
    QCOMPARE(rs.value.fullyLabeledReplicas, 1);

    const auto sts = decodeObject<StatefulSet>(fixture(QStringLiteral("k9s/render_sts.json")));
    QVERIFY2(sts.ok(), qPrintable(sts.error));
    QCOMPARE(sts.value.replicas.desired, 4);
    QCOMPARE(sts.value.replicas.ready, 4);
    QCOMPARE(sts.value.serviceName, QStringLiteral("nginx-sts"));
    QCOMPARE(sts.value.updateRevision, QStringLiteral("nginx-sts-5b89ffb894"));

    const auto ds = decodeObject<DaemonSet>(fixture(QStringLiteral("k9s/render_ds.json")));
    QVERIFY2(ds.ok(), qPrintable(ds.error));
    QCOMPARE(ds.value.replicas.desired, 2);
    QCOMPARE(ds.value.replicas.ready, 2);
    QCOMPARE(ds.value.selector.matchLabels.size(), 3);
    QCOMPARE(ds.value.updateStrategyType, QStringLiteral("RollingUpdate"));

    const auto job = decodeObject<Job>(fixture(QStringLiteral("k9s/render_job.json")));
    QVERIFY2(job.ok(), qPrintable(job.error));
    QCOMPARE(job.value.metadata.controllerRef()->kind, QStringLiteral("CronJob"));
    QCOMPARE(job.value.succeeded, 1);
    QCOMPARE(job.value.completions, 1);
    QCOMPARE(job.value.completionTime.msecsSinceEpoch, msecs("2019-08-30T15:33:10Z"));
    QCOMPARE(findCondition(job.value.conditions, u"Complete")->status, QStringLiteral("True"));

    const auto cj = decodeObject<CronJob>(fixture(QStringLiteral("k9s/render_cj.json")));
    QVERIFY2(cj.ok(), qPrintable(cj.error));
    QCOMPARE(cj.value.schedule, QStringLiteral("*/1 * * * *"));
    QCOMPARE(cj.value.lastScheduleTime.msecsSinceEpoch, msecs("2019-08-30T17:01:00Z"));
    QVERIFY(!cj.value.podTemplate.containers.isEmpty());
}

void TestDecoders::eventAndNamespace()
{
    REQUIRE_FIXTURES();
    const auto ev = decodeObject<Event>(fixture(QStringLiteral("k9s/render_ev.json")));
    QVERIFY2(ev.ok(), qPrintable(ev.error));
    QCOMPARE(ev.value.involvedObject.kind, QStringLiteral("Pod"));
    QCOMPARE(ev.value.involvedObject.name, QStringLiteral("hello-1567197780-mn4mv"));
    QCOMPARE(ev.value.involvedObject.fieldPath, QStringLiteral("spec.containers{c1}"));
    QCOMPARE(ev.value.reason, QStringLiteral("Pulled"));
    QCOMPARE(ev.value.type, QStringLiteral("Normal"));
    QCOMPARE(ev.value.count, 1);
    QCOMPARE(ev.value.sourceComponent, QStringLiteral("kubelet"));
    QCOMPARE(ev.value.lastTimestamp.msecsSinceEpoch, msecs("2019-08-30T20:43:05Z"));

    const auto ns = decodeObject<Namespace>(fixture(QStringLiteral("k9s/render_ns.json")));
    QVERIFY2(ns.ok(), qPrintable(ns.error));
    QCOMPARE(ns.value.phase, QStringLiteral("Active"));
}

void TestDecoders::podListsStreaming()
{
    REQUIRE_FIXTURES();
    StringPool pool;
    const auto l33 = decodeList<Pod>(
        fixture(QStringLiteral("lists/nri_k8s_1_33_kubelet_pods_podlist.json")), &pool);
    QVERIFY2(l33.ok(), qPrintable(l33.error));
    QCOMPARE(l33.items.size(), 23);
    bool crashLoop = false, storageRestart = false;
    int failedJobs = 0;
    for (const Pod &p : l33.items) {
        for (const ContainerStatus &s : p.containerStatuses) {
            if (p.metadata.name == u"e2e-container-creating") {
                QCOMPARE(s.state.reason, QStringLiteral("CrashLoopBackOff"));
                QCOMPARE(s.restartCount, 2);
                QCOMPARE(s.lastState.reason, QStringLiteral("Completed"));
                crashLoop = true;
            }
            if (p.metadata.name == u"storage-provisioner") {
                QCOMPARE(s.restartCount, 1);
                QCOMPARE(s.lastState.reason, QStringLiteral("Error"));
                QCOMPARE(s.lastState.exitCode, 1);
                storageRestart = true;
            }
            if (s.state.kind == ContainerState::Kind::Terminated && s.state.exitCode == 42)
                ++failedJobs;
        }
    }
    QVERIFY(crashLoop);
    QVERIFY(storageRestart);
    QCOMPARE(failedJobs, 4);

    // The streaming form hands out the same items one by one.
    int n = 0;
    ListMeta meta;
    const QString err = decodeListStreaming<Pod>(
        fixture(QStringLiteral("lists/nri_k8s_1_35_kubelet_pods_podlist.json")), &meta,
        [&n](Pod &&p) {
            QVERIFY(!p.metadata.uid.isEmpty());
            ++n;
        });
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(n, 24);

    const auto old = decodeList<Pod>(fixture(QStringLiteral("lists/ddagent_pods_list_1.2.json")));
    QVERIFY2(old.ok(), qPrintable(old.error));
    QCOMPARE(old.items.size(), 4);
    QCOMPARE(old.metadata.resourceVersion, QStringLiteral("495497"));
}

void TestDecoders::otherLists()
{
    REQUIRE_FIXTURES();
    const auto events = decodeList<Event>(
        fixture(QStringLiteral("lists/ddagent_events_eventlist.json")));
    QVERIFY2(events.ok(), qPrintable(events.error));
    QCOMPARE(events.items.size(), 19);
    QCOMPARE(events.metadata.resourceVersion, QStringLiteral("4002"));
    QCOMPARE(events.items[0].reason, QStringLiteral("Scheduled"));
    QCOMPARE(events.items[0].involvedObject.name, QStringLiteral("hello-node-47289321-91tfd"));
    QCOMPARE(events.items[0].firstTimestamp.msecsSinceEpoch, msecs("2016-05-27T16:37:13Z"));

    const auto namespaces = decodeList<Namespace>(
        fixture(QStringLiteral("lists/ddagent_namespaces_namespacelist.json")));
    QVERIFY2(namespaces.ok(), qPrintable(namespaces.error));
    QCOMPARE(namespaces.items.size(), 4);
    QCOMPARE(namespaces.metadata.resourceVersion, QStringLiteral("2841873"));
}

void TestDecoders::watchStream()
{
    REQUIRE_FIXTURES();
    const QList<QByteArray> lines =
        fixture(QStringLiteral("watch/kuryr_pods_watch_stream.jsonl")).split('\n');
    QList<WatchEvent<Pod>> events;
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            events.append(decodeWatchEvent<Pod>(line));
    }
    QCOMPARE(events.size(), 4);
    for (const auto &e : events)
        QVERIFY2(e.ok(), qPrintable(e.error));
    QCOMPARE(events[0].type, WatchEventType::Added);
    QCOMPARE(events[0].object.metadata.resourceVersion, QStringLiteral("228082"));
    QCOMPARE(events[3].type, WatchEventType::Modified);
    QCOMPARE(events[2].object.containerStatuses[0].state.reason,
             QStringLiteral("ContainerCreating"));
    QCOMPARE(events[3].object.phase, QStringLiteral("Running"));
    QCOMPARE(events[3].object.containerStatuses[0].state.kind, ContainerState::Kind::Running);

    const auto gone = decodeWatchEvent<Pod>(
        fixture(QStringLiteral("status/k8s_python_client_watch_error_410_gone.json")));
    QVERIFY2(gone.ok(), qPrintable(gone.error));
    QCOMPARE(gone.type, WatchEventType::Error);
    QCOMPARE(gone.status.code, 410);
    QCOMPARE(gone.status.reason, QStringLiteral("Gone"));

    const auto bookmark = decodeWatchEvent<Pod>(
        R"({"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12746","annotations":{"k8s.io/initial-events-end":"true"}}}})");
    QVERIFY2(bookmark.ok(), qPrintable(bookmark.error));
    QCOMPARE(bookmark.type, WatchEventType::Bookmark);
    QCOMPARE(bookmark.object.metadata.resourceVersion, QStringLiteral("12746"));

    QVERIFY(!decodeWatchEvent<Pod>(R"({"type":"EXPLODED","object":{}})").ok());
    QVERIFY(!decodeWatchEvent<Pod>(R"({"type":"ADDED"})").ok());
    QVERIFY(!decodeWatchEvent<Pod>(R"({"type":"ADDED","object":{"metadata":{"name":"x")").ok());
}

void TestDecoders::statusObjects()
{
    REQUIRE_FIXTURES();
    const QByteArray body = fixture(
        QStringLiteral("status/k8s_community_status_404_notfound.json"));
    QVERIFY(looksLikeStatus(body));
    const auto s = decodeObject<Status>(body);
    QVERIFY2(s.ok(), qPrintable(s.error));
    QCOMPARE(s.value.code, 404);
    QCOMPARE(s.value.reason, QStringLiteral("NotFound"));
    QCOMPARE(s.value.status, QStringLiteral("Failure"));
    QCOMPARE(s.value.message, QStringLiteral("pods \"grafana\" not found"));
    QCOMPARE(s.value.detailsName, QStringLiteral("grafana"));
    QCOMPARE(s.value.detailsKind, QStringLiteral("pods"));

    const auto tooMany = decodeObject<Status>(
        R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"slow down","reason":"TooManyRequests","details":{"causes":[{"reason":"FieldValueInvalid","message":"bad","field":"spec.replicas"}],"retryAfterSeconds":3},"code":429})");
    QVERIFY2(tooMany.ok(), qPrintable(tooMany.error));
    QCOMPARE(tooMany.value.retryAfterSeconds, 3);
    QCOMPARE(tooMany.value.causes.size(), 1);
    QCOMPARE(tooMany.value.causes[0].field, QStringLiteral("spec.replicas"));
    QVERIFY(!looksLikeStatus(fixture(QStringLiteral("k9s/render_ns.json"))));
    QVERIFY(!looksLikeStatus("Too many requests, please try again later."));
}

void TestDecoders::metrics()
{
    REQUIRE_FIXTURES();
    const auto nm = decodeObject<NodeMetrics>(
        fixture(QStringLiteral("metrics/k8s_website_nodemetrics_minikube.json")));
    QVERIFY2(nm.ok(), qPrintable(nm.error));
    QCOMPARE(nm.value.name, QStringLiteral("minikube"));
    QCOMPARE(nm.value.cpu.nanoValue(), 487558164);
    QCOMPARE(nm.value.memory.value(), 732212LL * 1024);
    QCOMPARE(nm.value.windowMs, 30000);
    QCOMPARE(nm.value.timestamp.msecsSinceEpoch, msecs("2022-01-27T18:48:33Z"));

    const auto pm = decodeObject<PodMetrics>(
        fixture(QStringLiteral("metrics/k8s_website_podmetrics_kube-scheduler-minikube.json")));
    QVERIFY2(pm.ok(), qPrintable(pm.error));
    QCOMPARE(pm.value.namespaceName, QStringLiteral("kube-system"));
    QCOMPARE(pm.value.containers.size(), 1);
    QCOMPARE(pm.value.containers[0].name, QStringLiteral("kube-scheduler"));
    QCOMPARE(pm.value.containers[0].cpu.milliValue(), 10);
    QCOMPARE(pm.value.containers[0].memory.value(), 22244LL * 1024);

    const auto list = decodeList<NodeMetrics>(
        R"({"kind":"NodeMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},"items":[{"metadata":{"name":"node-1"},"timestamp":"2025-01-01T00:00:00Z","window":"10.5s","usage":{"cpu":"250345000n","memory":"1918288Ki"}}]})");
    QVERIFY2(list.ok(), qPrintable(list.error));
    QCOMPARE(list.items.size(), 1);
    QCOMPARE(list.items[0].windowMs, 10500);
    QCOMPARE(list.items[0].cpu.toString(), QStringLiteral("250345u"));
}

void TestDecoders::toleratesNullAndMissing()
{
    const auto p = decodeObject<Pod>(
        R"({"metadata":{"name":"p","labels":null,"ownerReferences":null,"deletionTimestamp":null},
            "spec":{"containers":[{"name":"c","resources":{"limits":null,"requests":{"cpu":0.5,"memory":1024}}},null],
                    "initContainers":null},
            "status":null,"unknownField":{"deep":[1,2,{"x":true}]}})");
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.metadata.name, QStringLiteral("p"));
    QCOMPARE(p.value.containers.size(), 1);
    QCOMPARE(p.value.containers[0].resources.cpuRequest.toString(), QStringLiteral("500m"));
    QCOMPARE(p.value.containers[0].resources.memoryRequest.value(), 1024);
    QVERIFY(p.value.containers[0].resources.cpuLimit.isNull());
    QVERIFY(!p.value.metadata.deletionTimestamp.isValid());
    QVERIFY(p.value.phase.isEmpty());

    const auto empty = decodeList<Pod>(
        R"({"kind":"PodList","metadata":{"resourceVersion":"7","continue":"abc","remainingItemCount":12},"items":null})");
    QVERIFY2(empty.ok(), qPrintable(empty.error));
    QCOMPARE(empty.items.size(), 0);
    QCOMPARE(empty.metadata.continueToken, QStringLiteral("abc"));
    QCOMPARE(empty.metadata.remainingItemCount, 12);
    QCOMPARE(empty.metadata.resourceVersion, QStringLiteral("7"));
}

void TestDecoders::wrongTypesAreErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pathInError");
    QTest::newRow("name number") << QByteArray(R"({"items":[{"metadata":{"name":5}}]})")
                                 << QStringLiteral("items[0].metadata.name");
    QTest::newRow("containers string")
        << QByteArray(R"({"items":[{},{"spec":{"containers":"x"}}]})")
        << QStringLiteral("items[1].spec.containers");
    QTest::newRow("restartCount string")
        << QByteArray(R"({"items":[{"status":{"containerStatuses":[{"restartCount":"3"}]}}]})")
        << QStringLiteral("items[0].status.containerStatuses[0].restartCount");
    QTest::newRow("bad quantity") << QByteArray(
        R"({"items":[{"spec":{"containers":[{"resources":{"limits":{"cpu":"lots"}}}]}}]})")
                                  << QStringLiteral(
                                         "items[0].spec.containers[0].resources.limits.cpu");
    QTest::newRow("bad time") << QByteArray(
        R"({"items":[{"metadata":{"creationTimestamp":"yesterday"}}]})")
                              << QStringLiteral("items[0].metadata.creationTimestamp");
    QTest::newRow("labels array") << QByteArray(R"({"items":[{"metadata":{"labels":["a"]}}]})")
                                  << QStringLiteral("items[0].metadata.labels");
    QTest::newRow("item not object")
        << QByteArray(R"({"items":[1]})") << QStringLiteral("items[0]");
    QTest::newRow("items object") << QByteArray(R"({"items":{}})") << QStringLiteral("items");
    QTest::newRow("list meta") << QByteArray(R"({"metadata":{"resourceVersion":1},"items":[]})")
                               << QStringLiteral("metadata.resourceVersion");
}

void TestDecoders::wrongTypesAreErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pathInError);
    const auto l = decodeList<Pod>(json);
    QVERIFY(!l.ok());
    QVERIFY2(l.error.startsWith(pathInError), qPrintable(l.error));
}

void TestDecoders::brokenJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"items":[{"metadata":{"name":"a"}},{"meta)");
    QTest::newRow("garbage") << QByteArray("<html>502 Bad Gateway</html>");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("trailing") << QByteArray(R"({"items":[]} x)");
    QTest::newRow("nul bytes") << QByteArray("{\"items\":[\0]}", 13);
}

void TestDecoders::brokenJson()
{
    QFETCH(QByteArray, json);
    QVERIFY(!decodeList<Pod>(json).ok());
    QVERIFY(!decodeObject<Pod>(json).ok() || json == "42"); // a scalar is no object either
    QVERIFY(!decodeObject<Node>(json).ok());
    QVERIFY(!decodeWatchEvent<Pod>(json).ok());
}

void TestDecoders::secretValuesNeverDecoded()
{
    const auto p = decodeObject<Pod>(
        R"({"spec":{"containers":[{"name":"c","env":[
            {"name":"PLAIN","value":"hello"},
            {"name":"PW","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}},"value":"leaked"},
            {"name":"CFG","valueFrom":{"configMapKeyRef":{"name":"cm","key":"k","optional":true}}},
            {"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName"}}},
            {"name":"LIM","valueFrom":{"resourceFieldRef":{"containerName":"c","resource":"limits.cpu"}}}],
          "envFrom":[{"secretRef":{"name":"all"}},{"configMapRef":{"name":"cfg"},"prefix":"X_"}]}]}})");
    QVERIFY2(p.ok(), qPrintable(p.error));
    const auto &env = p.value.containers[0].env;
    QCOMPARE(env.size(), 5);
    QCOMPARE(env[0].value, QStringLiteral("hello"));
    QCOMPARE(env[1].source, EnvVar::Source::SecretKeyRef);
    QVERIFY(env[1].value.isEmpty());
    QCOMPARE(env[1].sourceName, QStringLiteral("db"));
    QCOMPARE(env[1].sourceKey, QStringLiteral("password"));
    QCOMPARE(env[2].source, EnvVar::Source::ConfigMapKeyRef);
    QVERIFY(env[2].optional);
    QCOMPARE(env[3].sourceKey, QStringLiteral("spec.nodeName"));
    QCOMPARE(env[4].source, EnvVar::Source::ResourceFieldRef);
    QCOMPARE(p.value.containers[0].envFrom.size(), 2);
    QCOMPARE(p.value.containers[0].envFrom[0].kind, EnvFromSource::Kind::Secret);
    QCOMPARE(p.value.containers[0].envFrom[1].prefix, QStringLiteral("X_"));
}

void TestDecoders::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1 = invalid
    QTest::newRow("Z") << QStringLiteral("2025-01-01T00:00:00Z") << qint64(1735689600000);
    QTest::newRow("fraction") << QStringLiteral("2025-01-01T00:00:00.123456Z")
                              << qint64(1735689600123);
    QTest::newRow("nano") << QStringLiteral("2025-01-01T00:00:00.999999999Z")
                          << qint64(1735689600999);
    QTest::newRow("offset+") << QStringLiteral("2025-01-01T02:00:00+02:00")
                             << qint64(1735689600000);
    QTest::newRow("offset-") << QStringLiteral("2024-12-31T19:30:00-04:30")
                             << qint64(1735689600000);
    QTest::newRow("lower") << QStringLiteral("2025-01-01t00:00:00z") << qint64(1735689600000);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00Z") << qint64(1709208000000);
    QTest::newRow("no zone") << QStringLiteral("2025-01-01T00:00:00") << qint64(-1);
    QTest::newRow("bad month") << QStringLiteral("2025-13-01T00:00:00Z") << qint64(-1);
    QTest::newRow("bad day") << QStringLiteral("2023-02-29T00:00:00Z") << qint64(-1);
    QTest::newRow("bad hour") << QStringLiteral("2025-01-01T24:00:00Z") << qint64(-1);
    QTest::newRow("space") << QStringLiteral("2025-01-01 00:00:00Z") << qint64(-1);
    QTest::newRow("empty fraction") << QStringLiteral("2025-01-01T00:00:00.Z") << qint64(-1);
    QTest::newRow("trailing") << QStringLiteral("2025-01-01T00:00:00Zx") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestDecoders::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const Timestamp t = parseRfc3339(QStringView(text));
    if (expected < 0) {
        QVERIFY(!t.isValid());
    } else {
        QVERIFY(t.isValid());
        QCOMPARE(t.msecsSinceEpoch, expected);
    }
    QCOMPARE(parseGoDurationMs("1m0s"), 60000);
    QCOMPARE(parseGoDurationMs("1h2m3.5s"), 3723500);
    QCOMPARE(parseGoDurationMs("500ms"), 500);
    QCOMPARE(parseGoDurationMs("0"), 0);
    QCOMPARE(parseGoDurationMs("10"), -1);
    QCOMPARE(parseGoDurationMs("s"), -1);
    QCOMPARE(parseGoDurationMs("1.2.3s"), -1);
}

void TestDecoders::stringPoolShares()
{
    StringPool pool;
    const auto l = decodeList<Pod>(
        R"({"items":[{"metadata":{"namespace":"team-a","name":"a"},"spec":{"nodeName":"n1"}},
                     {"metadata":{"namespace":"team-a","name":"b"},"spec":{"nodeName":"n1"}}]})",
        &pool);
    QVERIFY2(l.ok(), qPrintable(l.error));
    // Shared, not merely equal: both point at the same characters.
    QCOMPARE(l.items[0].metadata.namespaceName.constData(),
             l.items[1].metadata.namespaceName.constData());
    QCOMPARE(l.items[0].nodeName.constData(), l.items[1].nodeName.constData());
    QVERIFY(l.items[0].metadata.name.constData() != l.items[1].metadata.name.constData());
}

QTEST_GUILESS_MAIN(TestDecoders)
#include "tst_decoders.moc"
