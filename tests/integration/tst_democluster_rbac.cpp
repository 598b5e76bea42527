// The demo cluster authorizes from its RBAC objects, with the real kubectl as the referee: the
// viewer reads team-a through RoleBinding team-a/viewer-view, a ClusterRoleBinding widens that
// to the cluster and deleting it narrows it again, resourceNames limit a Role to one object,
// `kubectl auth can-i` (access and rules reviews) agrees with what requests may do, and the
// RBAC kinds are served like every other kind (discovery, tables, watch, validation).
#include "../skip_or_fail.h"
#include "tst_democluster_support.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QtTest>

using demotest::Result;
using demotest::waitUntil;

namespace {

QString forbidden(const QString &resource, const QString &name, const QString &verb,
                  const QString &scope)
{
    return QStringLiteral("Error from server (Forbidden): %1%2 is forbidden: User \"viewer\" "
                          "cannot %3 resource \"%1\" in API group \"\" %4")
        .arg(resource, name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(name), verb,
             scope);
}

QString inNamespace(const QString &ns)
{
    return QStringLiteral("in the namespace \"%1\"").arg(ns);
}

const QString kClusterScope = QStringLiteral("at the cluster scope");

} // namespace

class TestDemoClusterRbac final : public QObject
{
    Q_OBJECT

private:
    demotest::DemoClusterProcess m_cluster;

    Result admin(const QStringList &args) const
    {
        return m_cluster.kubectl(QStringList{QStringLiteral("--context"), QStringLiteral("demo")}
                                 + args);
    }
    Result viewer(const QStringList &args) const
    {
        return m_cluster.kubectl(
            QStringList{QStringLiteral("--context"), QStringLiteral("demo-viewer")} + args);
    }
    // "yes" or "no" as `kubectl auth can-i` prints it (exit code 0 or 1).
    QString viewerCanI(const QStringList &args) const
    {
        const Result r = viewer(QStringList{QStringLiteral("auth"), QStringLiteral("can-i")}
                                + args);
        const QString answer = r.out.trimmed().section(QLatin1Char(' '), 0, 0);
        if ((answer == u"yes" && r.exitCode == 0) || (answer == u"no" && r.exitCode == 1))
            return answer;
        return QStringLiteral("exit %1: %2 %3").arg(r.exitCode).arg(r.out, r.err);
    }
    static QStringList podNames(const Result &r)
    {
        QStringList names = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        names.sort();
        return names;
    }
    static QStringList podNameArgs()
    {
        return {QStringLiteral("get"),
                QStringLiteral("pods"),
                QStringLiteral("-A"),
                QStringLiteral("--no-headers"),
                QStringLiteral("-o"),
                QStringLiteral("custom-columns=NS:.metadata.namespace,NAME:.metadata.name")};
    }
    QString writeFile(const QString &name, const QByteArray &text) const
    {
        const QString path = m_cluster.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(text);
        return path;
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
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void rbacKindsAreServed()
    {
        const Result resources = admin({QStringLiteral("api-resources"),
                                        QStringLiteral("--api-group=rbac.authorization.k8s.io"),
                                        QStringLiteral("--no-headers")});
        QVERIFY2(resources.exitCode == 0, qPrintable(resources.err));
        for (const char *line :
             {"clusterrolebindings\\s+rbac.authorization.k8s.io/v1\\s+false\\s+ClusterRoleBinding",
              "clusterroles\\s+rbac.authorization.k8s.io/v1\\s+false\\s+ClusterRole",
              "rolebindings\\s+rbac.authorization.k8s.io/v1\\s+true\\s+RoleBinding",
              "roles\\s+rbac.authorization.k8s.io/v1\\s+true\\s+Role"})
            QVERIFY2(QRegularExpression(QLatin1String("(^|\\n)") + QLatin1String(line))
                         .match(resources.out)
                         .hasMatch(),
                     qPrintable(resources.out));

        const Result roles = admin({QStringLiteral("get"), QStringLiteral("clusterroles")});
        QVERIFY2(roles.exitCode == 0, qPrintable(roles.err));
        QVERIFY2(roles.out.startsWith(QLatin1String("NAME")) && roles.out.contains(u"CREATED AT"),
                 qPrintable(roles.out));
        for (const char *name : {"cluster-admin", "admin", "edit", "view", "system:discovery",
                                 "system:basic-user", "system:public-info-viewer"})
            QVERIFY2(QRegularExpression(QStringLiteral("\\n%1\\s").arg(QLatin1String(name)))
                         .match(roles.out)
                         .hasMatch(),
                     name);

        const Result binding = admin({QStringLiteral("get"), QStringLiteral("rolebinding"),
                                      QStringLiteral("viewer-view"), QStringLiteral("-n"),
                                      QStringLiteral("team-a"), QStringLiteral("-o"),
                                      QStringLiteral("wide")});
        QVERIFY2(binding.exitCode == 0, qPrintable(binding.err));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^NAME\\s+ROLE\\s+AGE\\s+USERS\\s+GROUPS\\s+SERVICEACCOUNTS\\n"
                                    "viewer-view\\s+ClusterRole/view\\s+\\S+\\s+viewer\\s*\\n"))
                     .match(binding.out)
                     .hasMatch(),
                 qPrintable(binding.out));
    }

    void viewerReadsTeamAOnly()
    {
        Result r = viewer({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                           QStringLiteral("team-a")});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith(QLatin1String("NAME")),
                 qPrintable(r.out + r.err));
        r = viewer({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(
                     forbidden(QStringLiteral("pods"), {}, QStringLiteral("list"), kClusterScope)),
                 qPrintable(r.err));
        r = viewer({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                    QStringLiteral("team-b")});
        QVERIFY2(r.err.contains(forbidden(QStringLiteral("pods"), {}, QStringLiteral("list"),
                                          inNamespace(QStringLiteral("team-b")))),
                 qPrintable(r.err));
        // A namespace object lies in itself: the RoleBinding in team-a lets the viewer read it.
        r = viewer({QStringLiteral("get"), QStringLiteral("namespace"), QStringLiteral("team-a")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = viewer({QStringLiteral("get"), QStringLiteral("namespace"), QStringLiteral("team-b")});
        QVERIFY2(
            r.err.contains(forbidden(QStringLiteral("namespaces"), QStringLiteral("team-b"),
                                     QStringLiteral("get"), inNamespace(QStringLiteral("team-b")))),
            qPrintable(r.err));

        QCOMPARE(viewerCanI({QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("-n"),
                             QStringLiteral("team-a")}),
                 QStringLiteral("yes"));
        QCOMPARE(viewerCanI({QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("-A")}),
                 QStringLiteral("no"));
        QCOMPARE(viewerCanI({QStringLiteral("delete"), QStringLiteral("pods"), QStringLiteral("-n"),
                             QStringLiteral("team-a")}),
                 QStringLiteral("no"));
        QCOMPARE(viewerCanI({QStringLiteral("get"), QStringLiteral("pods"),
                             QStringLiteral("--subresource=log"), QStringLiteral("-n"),
                             QStringLiteral("team-a")}),
                 QStringLiteral("yes"));
    }

    void rulesReviewListsTheViewRole()
    {
        // kubectl auth can-i --list sends a SelfSubjectRulesReview and prints its rules.
        Result r = viewer({QStringLiteral("auth"), QStringLiteral("can-i"),
                           QStringLiteral("--list"), QStringLiteral("-n"),
                           QStringLiteral("team-a")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(QRegularExpression(QStringLiteral("\\npods\\s+\\[\\]\\s+\\[\\]\\s+\\[get list "
                                                   "watch\\]"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("\\nselfsubjectaccessreviews.authorization.k8s.io\\s+\\[\\]"
                                    "\\s+\\[\\]\\s+\\[create\\]"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY2(QRegularExpression(QStringLiteral("\\n\\s+\\[/api/\\*\\]\\s+\\[\\]\\s+\\[get\\]"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        r = viewer({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("--list"),
                    QStringLiteral("-n"), QStringLiteral("team-b")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!QRegularExpression(QStringLiteral("\\npods\\s")).match(r.out).hasMatch(),
                 qPrintable(r.out));
    }

    void clusterRoleBindingWidensAndNarrows()
    {
        // A watch of the bindings sees the new one arrive (the kinds watch like any other).
        QProcess watch;
        m_cluster.startKubectl(watch, {QStringLiteral("get"), QStringLiteral("clusterrolebindings"),
                                       QStringLiteral("--watch-only"), QStringLiteral("-o"),
                                       QStringLiteral("name")});
        QVERIFY(watch.waitForStarted());
        QTest::qWait(1500); // let the watch start before the binding is created
        Result r = admin({QStringLiteral("create"), QStringLiteral("clusterrolebinding"),
                          QStringLiteral("viewer-all"), QStringLiteral("--clusterrole=view"),
                          QStringLiteral("--user=viewer")});
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("clusterrolebinding.rbac.authorization.k8s.io/viewer-all created"));
        QByteArray seen;
        QVERIFY2(waitUntil(
                     [&] {
                         return (seen += watch.readAllStandardOutput())
                             .contains("clusterrolebinding.rbac.authorization.k8s.io/viewer-all");
                     },
                     20000),
                 seen.constData());
        watch.kill();
        watch.waitForFinished();

        // The viewer now sees every pod the admin sees (compared while the cluster holds still).
        bool same = false;
        QStringList seenByAdmin, seenByViewer;
        for (int attempt = 0; attempt < 5 && !same; ++attempt) {
            seenByAdmin = podNames(admin(podNameArgs()));
            seenByViewer = podNames(viewer(podNameArgs()));
            same = !seenByAdmin.isEmpty() && seenByAdmin == seenByViewer
                   && podNames(admin(podNameArgs())) == seenByAdmin;
        }
        QVERIFY2(same, qPrintable(seenByAdmin.join(u' ') + QStringLiteral(" | ")
                                  + seenByViewer.join(u' ')));
        QVERIFY(seenByViewer.join(u'\n').contains(QLatin1String("kube-system ")));
        QCOMPARE(viewerCanI({QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("-A")}),
                 QStringLiteral("yes"));
        // view never grants secrets, nodes or writes.
        QCOMPARE(
            viewerCanI({QStringLiteral("get"), QStringLiteral("secrets"), QStringLiteral("-A")}),
            QStringLiteral("no"));
        QCOMPARE(
            viewerCanI({QStringLiteral("delete"), QStringLiteral("pods"), QStringLiteral("-A")}),
            QStringLiteral("no"));
        r = viewer({QStringLiteral("get"), QStringLiteral("nodes")});
        QVERIFY2(r.err.contains(
                     forbidden(QStringLiteral("nodes"), {}, QStringLiteral("list"), kClusterScope)),
                 qPrintable(r.err));

        r = admin({QStringLiteral("delete"), QStringLiteral("clusterrolebinding"),
                   QStringLiteral("viewer-all")});
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("clusterrolebinding.rbac.authorization.k8s.io \"viewer-all\" "
                                "deleted"));
        r = viewer({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QVERIFY2(r.exitCode != 0
                     && r.err.contains(forbidden(QStringLiteral("pods"), {}, QStringLiteral("list"),
                                                 kClusterScope)),
                 qPrintable(r.err));
        QCOMPARE(viewerCanI({QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("-A")}),
                 QStringLiteral("no"));
    }

    void resourceNamesLimitARoleToOneObject()
    {
        const QString ns = QStringLiteral("team-b");
        for (const char *name : {"rbac-one", "rbac-two"}) {
            const Result r = admin({QStringLiteral("create"), QStringLiteral("configmap"),
                                    QLatin1String(name), QStringLiteral("-n"), ns,
                                    QStringLiteral("--from-literal=k=v")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        Result r = admin(
            {QStringLiteral("create"), QStringLiteral("role"), QStringLiteral("one-configmap"),
             QStringLiteral("-n"), ns, QStringLiteral("--verb=get,list"),
             QStringLiteral("--resource=configmaps"), QStringLiteral("--resource-name=rbac-one")});
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("role.rbac.authorization.k8s.io/one-configmap created"));
        r = admin({QStringLiteral("create"), QStringLiteral("rolebinding"),
                   QStringLiteral("one-configmap"), QStringLiteral("-n"), ns,
                   QStringLiteral("--role=one-configmap"), QStringLiteral("--user=viewer")});
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("rolebinding.rbac.authorization.k8s.io/one-configmap created"));

        r = viewer({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("rbac-one"),
                    QStringLiteral("-n"), ns, QStringLiteral("-o"), QStringLiteral("name")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/rbac-one"));
        r = viewer({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("rbac-two"),
                    QStringLiteral("-n"), ns});
        QVERIFY2(r.err.contains(forbidden(QStringLiteral("configmaps"), QStringLiteral("rbac-two"),
                                          QStringLiteral("get"), inNamespace(ns))),
                 qPrintable(r.err));
        // A list names no object, so resourceNames never cover it...
        r = viewer({QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), ns});
        QVERIFY2(r.err.contains(forbidden(QStringLiteral("configmaps"), {}, QStringLiteral("list"),
                                          inNamespace(ns))),
                 qPrintable(r.err));
        // ...unless it selects the one name, as kube-apiserver's RequestInfo reads it.
        r = viewer({QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), ns,
                    QStringLiteral("--field-selector=metadata.name=rbac-one"), QStringLiteral("-o"),
                    QStringLiteral("name")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/rbac-one"));
        QCOMPARE(viewerCanI({QStringLiteral("get"), QStringLiteral("configmap/rbac-one"),
                             QStringLiteral("-n"), ns}),
                 QStringLiteral("yes"));
        QCOMPARE(viewerCanI({QStringLiteral("get"), QStringLiteral("configmap/rbac-two"),
                             QStringLiteral("-n"), ns}),
                 QStringLiteral("no"));
    }

    void missingRoleIsTheReason()
    {
        const Result created = admin(
            {QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("ghost"),
             QStringLiteral("-n"), QStringLiteral("team-c"),
             QStringLiteral("--clusterrole=does-not-exist"), QStringLiteral("--user=viewer")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const Result r = viewer({QStringLiteral("get"), QStringLiteral("pods"),
                                 QStringLiteral("-n"), QStringLiteral("team-c")});
        QVERIFY2(r.err.contains(forbidden(QStringLiteral("pods"), {}, QStringLiteral("list"),
                                          inNamespace(QStringLiteral("team-c")))
                                + QStringLiteral(": RBAC: clusterrole.rbac.authorization.k8s.io "
                                                 "\"does-not-exist\" not found")),
                 qPrintable(r.err));
    }

    void invalidObjectsAreRefused()
    {
        const QString file = writeFile(
            QStringLiteral("bad-binding.yaml"),
            "apiVersion: rbac.authorization.k8s.io/v1\n"
            "kind: ClusterRoleBinding\n"
            "metadata:\n  name: bad\n"
            "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: view\n"
            "subjects:\n- kind: User\n  apiGroup: rbac.authorization.k8s.io\n  name: viewer\n");
        QVERIFY(!file.isEmpty());
        Result r = admin({QStringLiteral("create"), QStringLiteral("-f"), file});
        // kubectl words the 422 its own way; the field error is the server's.
        QVERIFY2(r.exitCode != 0 && r.err.contains(u"\"bad\" is invalid")
                     && r.err.contains(QLatin1String("roleRef.kind: Unsupported value: \"Role\": "
                                                     "supported values: \"ClusterRole\"")),
                 qPrintable(r.err));
        r = admin({QStringLiteral("patch"), QStringLiteral("rolebinding"),
                   QStringLiteral("viewer-view"), QStringLiteral("-n"), QStringLiteral("team-a"),
                   QStringLiteral("--type=merge"), QStringLiteral("-p"),
                   QStringLiteral("{\"roleRef\":{\"name\":\"edit\"}}")});
        QVERIFY2(r.err.contains(QLatin1String("roleRef: Invalid value: "))
                     && r.err.contains(QLatin1String(": cannot change roleRef")),
                 qPrintable(r.err));
    }

    // Runs last: it takes the viewer's access away, then gives it back.
    void deletingTheRoleBindingRemovesAccess()
    {
        Result r = admin({QStringLiteral("delete"), QStringLiteral("rolebinding"),
                          QStringLiteral("viewer-view"), QStringLiteral("-n"),
                          QStringLiteral("team-a")});
        QVERIFY2(r.out.startsWith(QLatin1String(
                     "rolebinding.rbac.authorization.k8s.io \"viewer-view\" deleted")),
                 qPrintable(r.out + r.err));
        r = viewer({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                    QStringLiteral("team-a")});
        QVERIFY2(r.exitCode != 0
                     && r.err.contains(forbidden(QStringLiteral("pods"), {}, QStringLiteral("list"),
                                                 inNamespace(QStringLiteral("team-a")))),
                 qPrintable(r.err));
        QCOMPARE(viewerCanI({QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("-n"),
                             QStringLiteral("team-a")}),
                 QStringLiteral("no"));
        // Discovery and the self reviews stay open: they come from the bootstrap bindings.
        QCOMPARE(viewerCanI({QStringLiteral("get"), QStringLiteral("/apis")}),
                 QStringLiteral("yes"));

        r = admin({QStringLiteral("create"), QStringLiteral("rolebinding"),
                   QStringLiteral("viewer-view"), QStringLiteral("-n"), QStringLiteral("team-a"),
                   QStringLiteral("--clusterrole=view"), QStringLiteral("--user=viewer")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = viewer({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                    QStringLiteral("team-a")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterRbac)
#include "tst_democluster_rbac.moc"
