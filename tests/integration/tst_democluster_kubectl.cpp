// Starts the real klarsicht-demo-cluster and drives it with the real kubectl (and the Debian
// python3-kubernetes client): each test checks what the client printed, not only its exit code.
#include "../skip_or_fail.h"
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include "kubectl_compat.h"

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestDemoClusterKubectl final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_cluster;
    QString m_kubectl;
    QString m_kubeconfig;

    QProcessEnvironment clientEnvironment() const
    {
        // A private HOME and cache: kubectl's discovery cache must never leak between runs.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("KUBECACHEDIR"), m_dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("KUBECONFIG"), m_kubeconfig);
        return env;
    }

    Result kubectl(const QStringList &args, int timeoutMs = 30000) const
    {
        QProcess p;
        p.setProcessEnvironment(clientEnvironment());
        p.start(m_kubectl, QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig}
                               + kubectlcompat::adjust(m_kubectl, args));
        Result r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QStringList names(const QStringList &args) const
    {
        const Result r = kubectl(args + QStringList{QStringLiteral("-o"), QStringLiteral("name")});
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    QString firstPod(const QString &ns) const
    {
        const Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
             QStringLiteral("--field-selector=status.phase=Running"), QStringLiteral("-o"),
             QStringLiteral("jsonpath={.items[0].metadata.name}")});
        return r.out.trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (m_kubectl.isEmpty())
            SKIP_OR_FAIL("kubectl is not installed; these tests use it as the referee");
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        m_cluster.setProgram(QStringLiteral(KLARSICHT_DEMO_CLUSTER));
        m_cluster.setArguments({QStringLiteral("--kubeconfig-out"), m_kubeconfig,
                                QStringLiteral("--seed"), QStringLiteral("7")});
        m_cluster.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_cluster.start();
        QVERIFY2(m_cluster.waitForStarted(), qPrintable(m_cluster.errorString()));
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT(
            (banner += m_cluster.readAllStandardOutput()).contains("export KUBECONFIG="), 30000);
        QVERIFY(banner.contains("https://127.0.0.1:"));
        QVERIFY(QFile::exists(m_kubeconfig));
    }

    void kubeconfigIsPrivate()
    {
        // It holds the admin's client key and tokens: -rw------- like ~/.kube/config.
        using P = QFileDevice;
        const QFileDevice::Permissions p = QFileInfo(m_kubeconfig).permissions();
        QVERIFY((p & P::ReadOwner) && (p & P::WriteOwner));
        QVERIFY(!(p
                  & (P::ExeOwner | P::ReadGroup | P::WriteGroup | P::ExeGroup | P::ReadOther
                     | P::WriteOther | P::ExeOther)));
        QVERIFY(!QFileInfo(m_kubeconfig).isSymLink());
    }

    // A symlink planted where the kubeconfig goes is replaced, not followed: the file it points
    // to keeps its content, and the kubeconfig is a private regular file.
    void kubeconfigOutDoesNotFollowASymlink()
    {
        const QString victim = m_dir.filePath(QStringLiteral("victim"));
        QFile v(victim);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("keep me\n");
        v.close();
        QVERIFY(v.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                 | QFileDevice::ReadOther));
        const QString link = m_dir.filePath(QStringLiteral("planted-kubeconfig"));
        QVERIFY(QFile::link(victim, link));
        QProcess demo;
        demo.setProgram(QStringLiteral(KLARSICHT_DEMO_CLUSTER));
        demo.setArguments({QStringLiteral("--kubeconfig-out"), link, QStringLiteral("--port"),
                           QStringLiteral("0")});
        demo.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        demo.start();
        QVERIFY2(demo.waitForStarted(), qPrintable(demo.errorString()));
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += demo.readAllStandardOutput()).contains("export "),
                                 30000);
        demo.terminate();
        if (!demo.waitForFinished(10000))
            demo.kill();
        QFile after(victim);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), QByteArray("keep me\n"));
        const QFileInfo written(link);
        QVERIFY(!written.isSymLink());
        QVERIFY(written.isFile());
        QCOMPARE(written.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile config(link);
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(config.readAll().contains("kind: Config"));
    }

    void cleanupTestCase()
    {
        if (m_cluster.state() == QProcess::Running) {
            m_cluster.terminate();
            if (!m_cluster.waitForFinished(10000))
                m_cluster.kill();
        }
    }

    void version()
    {
        const Result r = kubectl({QStringLiteral("version")});
        QCOMPARE(r.exitCode, 0);
        // kubectl 1.28+ prints "Server Version: v1.32.0"; Debian 12's 1.20 the whole version.Info.
        QVERIFY2(r.out.contains(QLatin1String("Server Version: v1.32.0"))
                     || (r.out.contains(QLatin1String("Server Version: version.Info{"))
                         && r.out.contains(QLatin1String("GitVersion:\"v1.32.0\""))),
                 qPrintable(r.out + r.err));
    }

    void getNamespaces()
    {
        const Result r = kubectl({QStringLiteral("get"), QStringLiteral("ns")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^NAME\\s+STATUS\\s+AGE\\n")).match(r.out).hasMatch(),
            qPrintable(r.out));
        QVERIFY(QRegularExpression(QStringLiteral("\\nkube-system\\s+Active\\s+\\d+"))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(r.out.contains(QLatin1String("\nteam-a ")));
    }

    void getNodesWide()
    {
        const Result r = kubectl({QStringLiteral("get"), QStringLiteral("nodes"),
                                  QStringLiteral("-o"), QStringLiteral("wide")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("^NAME\\s+STATUS\\s+ROLES\\s+AGE\\s+VERSION\\s+INTERNAL-IP\\s+"
                               "EXTERNAL-IP\\s+OS-IMAGE\\s+KERNEL-VERSION\\s+CONTAINER-RUNTIME$"))
                .match(lines.value(0))
                .hasMatch(),
            qPrintable(r.out));
        const QStringList nodes = names({QStringLiteral("get"), QStringLiteral("nodes")});
        QVERIFY(!nodes.isEmpty());
        QCOMPARE(lines.size() - 1, nodes.size());
        QVERIFY(QRegularExpression(QStringLiteral("\\s(Ready|NotReady)\\s"))
                    .match(lines.value(1))
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("\\s\\d+\\.\\d+\\.\\d+\\.\\d+\\s"))
                    .match(lines.value(1))
                    .hasMatch());
    }

    void getPodsAllNamespaces()
    {
        const Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^NAMESPACE\\s+NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\n"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY(QRegularExpression(QStringLiteral("\\nkube-system\\s+\\S+\\s+\\d+/\\d+\\s+\\S+"))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(r.out.contains(QLatin1String("Running")));
    }

    void getWorkloads()
    {
        const Result r = kubectl({QStringLiteral("get"),
                                  QStringLiteral("deploy,rs,sts,ds,jobs,cronjobs,hpa"),
                                  QStringLiteral("-A")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *kind : {"deployment.apps/", "replicaset.apps/", "daemonset.apps/",
                                 "cronjob.batch/", "horizontalpodautoscaler.autoscaling/"})
            QVERIFY2(r.out.contains(QLatin1String(kind)), kind);
        QVERIFY(QRegularExpression(
                    QStringLiteral("NAMESPACE\\s+NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE"))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("NAMESPACE\\s+NAME\\s+SCHEDULE\\s+TIMEZONE\\s+"
                                                  "SUSPEND\\s+ACTIVE\\s+LAST SCHEDULE\\s+AGE"))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("NAMESPACE\\s+NAME\\s+REFERENCE\\s+TARGETS\\s+"
                                                  "MINPODS\\s+MAXPODS\\s+REPLICAS\\s+AGE"))
                    .match(r.out)
                    .hasMatch());
    }

    void getEvents()
    {
        const Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-A")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("^NAMESPACE\\s+LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE\\n"))
                .match(r.out)
                .hasMatch(),
            qPrintable(r.out.left(400)));
        QVERIFY(QRegularExpression(QStringLiteral("\\s(Normal|Warning)\\s+\\w+\\s+pod/"))
                    .match(r.out)
                    .hasMatch());
    }

    void describePod()
    {
        const QString pod = firstPod(QStringLiteral("kube-system"));
        QVERIFY(!pod.isEmpty());
        const Result r = kubectl({QStringLiteral("describe"), QStringLiteral("pod"),
                                  QStringLiteral("-n"), QStringLiteral("kube-system"), pod});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QRegularExpression(QStringLiteral("^Name:\\s+") + QRegularExpression::escape(pod))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("\\nNamespace:\\s+kube-system\\n"))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(r.out.contains(QLatin1String("Containers:")));
        QVERIFY(r.out.contains(QLatin1String("Events:")));
    }

    void logs()
    {
        const QString pod = firstPod(QStringLiteral("kube-system"));
        const Result r = kubectl({QStringLiteral("logs"), QStringLiteral("-n"),
                                  QStringLiteral("kube-system"), pod, QStringLiteral("--tail=5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty() && lines.size() <= 5, qPrintable(r.out));
        const Result bad = kubectl({QStringLiteral("logs"), QStringLiteral("-n"),
                                    QStringLiteral("kube-system"), pod, QStringLiteral("--tail=-5"),
                                    QStringLiteral("--since=-1s")});
        QVERIFY(bad.exitCode != 0);
    }

    void logsFollow()
    {
        const QString pod = firstPod(QStringLiteral("kube-system"));
        QProcess follow;
        follow.setProcessEnvironment(clientEnvironment());
        follow.start(m_kubectl, {QStringLiteral("--kubeconfig"), m_kubeconfig,
                                 QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("-n"),
                                 QStringLiteral("kube-system"), pod, QStringLiteral("--tail=1")});
        QVERIFY(follow.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).count('\n') >= 1, 20000);
        QCOMPARE(follow.state(), QProcess::Running); // still following
        follow.terminate();
        QVERIFY(follow.waitForFinished(10000));
    }

    void top()
    {
        const Result nodes = kubectl({QStringLiteral("top"), QStringLiteral("nodes")});
        QVERIFY2(nodes.exitCode == 0, qPrintable(nodes.err));
        QVERIFY(QRegularExpression(QStringLiteral("^NAME\\s+CPU\\(cores\\)\\s+CPU(%|\\(%\\))\\s+"
                                                  "MEMORY\\(bytes\\)\\s+MEMORY(%|\\(%\\))"))
                    .match(nodes.out)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("\\n\\S+\\s+\\d+m\\s+\\d+%\\s+\\d+Mi\\s+\\d+%"))
                    .match(nodes.out)
                    .hasMatch());
        const Result pods = kubectl(
            {QStringLiteral("top"), QStringLiteral("pods"), QStringLiteral("-A")});
        QVERIFY2(pods.exitCode == 0, qPrintable(pods.err));
        QVERIFY(QRegularExpression(
                    QStringLiteral("^NAMESPACE\\s+NAME\\s+CPU\\(cores\\)\\s+MEMORY\\(bytes\\)"))
                    .match(pods.out)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("\\nkube-system\\s+\\S+\\s+\\d+m\\s+\\d+Mi"))
                    .match(pods.out)
                    .hasMatch());
    }

    void authCanI()
    {
        Result r = kubectl({QStringLiteral("auth"), QStringLiteral("can-i"),
                            QStringLiteral("create"), QStringLiteral("deployments")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        r = kubectl({QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                     QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"),
                     QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("team-a")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        r = kubectl({QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                     QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"),
                     QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("team-a")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.trimmed().startsWith(QLatin1String("no")));
    }

    void viewerForbidden()
    {
        Result r = kubectl({QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                            QStringLiteral("get"), QStringLiteral("nodes")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String(
                     "Error from server (Forbidden): nodes is forbidden: User \"viewer\" cannot "
                     "list resource \"nodes\" in API group \"\" at the cluster scope")),
                 qPrintable(r.err));
        r = kubectl({QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                     QStringLiteral("get"), QStringLiteral("pods")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("NAME")));
        r = kubectl({QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                     QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"),
                     QStringLiteral("team-a"), QStringLiteral("nothing-here")});
        QVERIFY(r.err.contains(
            QLatin1String("pods \"nothing-here\" is forbidden: User \"viewer\" cannot delete "
                          "resource \"pods\" in API group \"\" in the namespace \"team-a\"")));
    }

    void unauthorized()
    {
        QFile config(m_kubeconfig);
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        const QString bad = m_dir.filePath(QStringLiteral("bad-kubeconfig"));
        const int tokenAt = text.indexOf("    token: ");
        QVERIFY(tokenAt > 0);
        text.replace(tokenAt + 11, 8, "00000000");
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        QProcess p;
        p.setProcessEnvironment(clientEnvironment());
        p.start(m_kubectl,
                {QStringLiteral("--kubeconfig"), bad, QStringLiteral("--context"),
                 QStringLiteral("demo-token"), QStringLiteral("get"), QStringLiteral("ns")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY2(p.readAllStandardError().contains("You must be logged in to the server"),
                 "no Unauthorized");
    }

    void createScaleRolloutDelete()
    {
        const QString ns = QStringLiteral("workshop-test");
        Result r = kubectl({QStringLiteral("create"), QStringLiteral("namespace"), ns});
        QCOMPARE(r.out.trimmed(), QStringLiteral("namespace/workshop-test created"));

        // A watch started before the changes must see them.
        QProcess watch;
        watch.setProcessEnvironment(clientEnvironment());
        watch.start(m_kubectl,
                    {QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("get"),
                     QStringLiteral("pods"), QStringLiteral("-n"), ns, QStringLiteral("-w")});
        QVERIFY(watch.waitForStarted());

        r = kubectl({QStringLiteral("create"), QStringLiteral("deployment"), QStringLiteral("web"),
                     QStringLiteral("-n"), ns, QStringLiteral("--image=nginx:1.27"),
                     QStringLiteral("--replicas=3")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web created"));
        r = kubectl({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("web"),
                     QStringLiteral("-n"), ns, QStringLiteral("--replicas=6")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web scaled"));
        QTRY_COMPARE_WITH_TIMEOUT(
            names({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
                   QStringLiteral("--field-selector=status.phase=Running")})
                .size(),
            6, 30000);
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"),
                     QStringLiteral("deployment/web"), QStringLiteral("-n"), ns,
                     QStringLiteral("--timeout=30s")},
                    40000);
        QVERIFY2(r.out.contains(QLatin1String("deployment \"web\" successfully rolled out")),
                 qPrintable(r.out + r.err));

        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).contains("Running"),
                                 20000);
        QVERIFY(seen.startsWith("NAME"));
        QVERIFY(seen.contains("web-"));

        r = kubectl({QStringLiteral("set"), QStringLiteral("image"),
                     QStringLiteral("deployment/web"), QStringLiteral("nginx=nginx:1.28"),
                     QStringLiteral("-n"), ns});
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web image updated"));
        QTRY_COMPARE_WITH_TIMEOUT(
            names({QStringLiteral("get"), QStringLiteral("rs"), QStringLiteral("-n"), ns}).size(),
            2, 30000);
        r = kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web"),
                     QStringLiteral("-n"), ns, QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.spec.template.spec.containers[0].image}")});
        QCOMPARE(r.out, QStringLiteral("nginx:1.28"));

        watch.terminate();
        watch.waitForFinished(5000);

        r = kubectl({QStringLiteral("delete"), QStringLiteral("deployment"), QStringLiteral("web"),
                     QStringLiteral("-n"), ns});
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps \"web\" deleted"));
        r = kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), ns}, 60000);
        QCOMPARE(r.out.trimmed(), QStringLiteral("namespace \"workshop-test\" deleted"));
        r = kubectl({QStringLiteral("get"), QStringLiteral("namespace"), ns});
        QVERIFY(r.err.contains(
            QLatin1String("Error from server (NotFound): namespaces \"workshop-test\" not found")));
    }

    void pythonClient()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python))
            SKIP_OR_FAIL("/usr/bin/python3 is not installed");
        const QString script = QStringLiteral(
            "import sys\n"
            "from kubernetes import client, config, watch\n"
            "config.load_kube_config(config_file=sys.argv[1])\n"
            "v1 = client.CoreV1Api()\n"
            "pods = v1.list_pod_for_all_namespaces()\n"
            "print('pods', len(pods.items), pods.items[0].metadata.namespace)\n"
            "names = set()\n"
            "for event in watch.Watch().stream(v1.list_namespace, timeout_seconds=2):\n"
            "    names.add((event['type'], event['object'].metadata.name))\n"
            "print('watched', sorted(n for t, n in names if t == 'ADDED'))\n");
        QProcess p;
        p.setProcessEnvironment(clientEnvironment());
        p.start(python, {QStringLiteral("-c"), script, m_kubeconfig});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^pods (\\d+) ")).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY(m.captured(1).toInt() > 0);
        QVERIFY2(out.contains(QLatin1String("'kube-system'"))
                     && out.contains(QLatin1String("'team-a'")),
                 qPrintable(out));
    }

    void cadvisorThroughProxy()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            SKIP_OR_FAIL("promtool is not installed");
        const QString node = names({QStringLiteral("get"), QStringLiteral("nodes")})
                                 .value(0)
                                 .section(QLatin1Char('/'), 1);
        const Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("--raw"),
             QStringLiteral("/api/v1/nodes/") + node + QStringLiteral("/proxy/metrics/cadvisor")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("container_memory_working_set_bytes{")));
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(r.out.toUtf8());
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray complaints = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && complaints.trimmed().isEmpty(), complaints.constData());
    }

    // kubectl apply/create -f validate through /openapi/v3 (the PATCH operation's
    // fieldValidation parameter) before they write; a second apply patches.
    void applyManifest()
    {
        const QString manifest = m_dir.filePath(QStringLiteral("hello.yaml"));
        const auto write = [&](int replicas) {
            QFile f(manifest);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(
                QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello\n  "
                               "namespace: default\n"
                               "spec:\n  replicas: %1\n  selector:\n    matchLabels: {app: hello}\n"
                               "  template:\n    metadata:\n      labels: {app: hello}\n"
                               "    spec:\n      containers:\n      - name: hello\n        image: "
                               "nginx:1.27\n")
                    .arg(replicas)
                    .toUtf8());
        };
        write(2);
        Result r = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), manifest});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/hello created"));
        write(3);
        r = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), manifest});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/hello configured"));
        r = kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("hello"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.replicas}")});
        QCOMPARE(r.out, QStringLiteral("3"));
        r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), manifest});
        QVERIFY2(r.err.contains(QLatin1String("Error from server (AlreadyExists)")),
                 qPrintable(r.err));
        r = kubectl({QStringLiteral("delete"), QStringLiteral("-f"), manifest});
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps \"hello\" deleted"));
    }

    // Runs last: it restarts the server.
    void faultsAndRestart()
    {
        const QString spec = m_dir.filePath(QStringLiteral("faults.json"));
        auto writeSpec = [&spec](const QByteArray &json) {
            QFile f(spec);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(json);
        };
        writeSpec("{\"internalErrors\":1}");
        Result r = kubectl({QStringLiteral("--context"), QStringLiteral("demo-viewer"),
                            QStringLiteral("create"), QStringLiteral("--raw"),
                            QStringLiteral("/demo/faults"), QStringLiteral("-f"), spec});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("Forbidden")), qPrintable(r.err));
        r = kubectl({QStringLiteral("create"), QStringLiteral("--raw"),
                     QStringLiteral("/demo/faults"), QStringLiteral("-f"), spec});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("\"internalErrors\":1")),
                 qPrintable(r.out + r.err));
        r = kubectl({QStringLiteral("get"), QStringLiteral("--raw"),
                     QStringLiteral("/api/v1/namespaces/default")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("injected fault")), qPrintable(r.err));
        r = kubectl({QStringLiteral("get"), QStringLiteral("--raw"),
                     QStringLiteral("/api/v1/namespaces/default")});
        QVERIFY2(r.out.contains(QLatin1String("\"name\":\"default\"")), qPrintable(r.err));

        // A restart keeps the cluster's state: the namespace created here survives it.
        r = kubectl({QStringLiteral("create"), QStringLiteral("namespace"),
                     QStringLiteral("survives-restart")});
        QCOMPARE(r.exitCode, 0);
        writeSpec("{\"restart\":true}");
        r = kubectl({QStringLiteral("create"), QStringLiteral("--raw"),
                     QStringLiteral("/demo/faults"), QStringLiteral("-f"), spec});
        QCOMPARE(r.exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(kubectl({QStringLiteral("get"), QStringLiteral("namespace"),
                                          QStringLiteral("survives-restart")})
                                     .out.contains(QLatin1String("survives-restart")),
                                 20000);
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterKubectl)
#include "tst_democluster_kubectl.moc"
