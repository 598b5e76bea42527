// labelSelector and fieldSelector of the demo API server against the Kubernetes semantics
// (k8s.io/apimachinery labels.Parse and fields.ParseSelector): matches, and 400s for bad input.
#include "democluster/objectstore.h"
#include "democluster/resources.h"
#include "democluster/selectors.h"

#include <QtTest>

using nlohmann::json;

namespace {

json withLabels(const json &labels)
{
    return {{"metadata", {{"name", "x"}, {"labels", labels}}}};
}

const demo::ResourceInfo &resource(const char *plural)
{
    const demo::ResourceInfo *info = demo::findResource("", "v1", plural);
    Q_ASSERT(info);
    return *info;
}

json podAt(const std::string &name, const std::string &node, const std::string &phase)
{
    return {{"metadata", {{"name", name}, {"namespace", "team-a"}}},
            {"spec", {{"nodeName", node}}},
            {"status", {{"phase", phase}}}};
}

} // namespace

Q_DECLARE_METATYPE(json)

class TestDemoClusterSelectors : public QObject
{
    Q_OBJECT

private slots:
    void labelSelector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<json>("labels");
        QTest::addColumn<bool>("matches");
        const json web = {{"app", "web"}, {"tier", "frontend"}, {"env", "prod"}, {"replicas", "3"}};
        const json none = json::object();
        QTest::newRow("empty selects all") << QString() << none << true;
        QTest::newRow("blank selects all") << QStringLiteral("  ") << web << true;
        QTest::newRow("=") << QStringLiteral("app=web") << web << true;
        QTest::newRow("= other value") << QStringLiteral("app=api") << web << false;
        QTest::newRow("= missing key") << QStringLiteral("app=web") << none << false;
        QTest::newRow("==") << QStringLiteral("app==web") << web << true;
        QTest::newRow("spaces around") << QStringLiteral(" app = web ") << web << true;
        QTest::newRow("!=") << QStringLiteral("app!=web") << web << false;
        QTest::newRow("!= other value") << QStringLiteral("app!=api") << web << true;
        QTest::newRow("!= missing key matches") << QStringLiteral("app!=web") << none << true;
        QTest::newRow("in") << QStringLiteral("env in (prod, staging)") << web << true;
        QTest::newRow("in, not listed") << QStringLiteral("env in (dev,staging)") << web << false;
        QTest::newRow("in, missing key") << QStringLiteral("env in (prod)") << none << false;
        QTest::newRow("notin") << QStringLiteral("env notin (prod)") << web << false;
        QTest::newRow("notin, not listed")
            << QStringLiteral("env notin (dev, test)") << web << true;
        QTest::newRow("notin, missing key matches")
            << QStringLiteral("env notin (prod)") << none << true;
        QTest::newRow("exists") << QStringLiteral("tier") << web << true;
        QTest::newRow("exists, missing") << QStringLiteral("owner") << web << false;
        QTest::newRow("!exists") << QStringLiteral("!owner") << web << true;
        QTest::newRow("!exists, present") << QStringLiteral("!tier") << web << false;
        QTest::newRow("all terms must hold")
            << QStringLiteral("app=web,tier=backend") << web << false;
        QTest::newRow("mixed terms")
            << QStringLiteral("app=web,env in (prod),!owner,tier") << web << true;
        QTest::newRow("prefixed key") << QStringLiteral("app.kubernetes.io/name=web")
                                      << json{{"app.kubernetes.io/name", "web"}} << true;
        QTest::newRow("empty value") << QStringLiteral("canary=") << json{{"canary", ""}} << true;
        QTest::newRow("gt") << QStringLiteral("replicas>2") << web << true;
        QTest::newRow("gt, equal") << QStringLiteral("replicas>3") << web << false;
        QTest::newRow("lt") << QStringLiteral("replicas<4") << web << true;
        QTest::newRow("gt, missing") << QStringLiteral("replicas>2") << none << false;
    }

    void labelSelector()
    {
        QFETCH(QString, selector);
        QFETCH(json, labels);
        QFETCH(bool, matches);
        const demo::LabelSelector s(selector.toStdString());
        QCOMPARE(s.matches(withLabels(labels)), matches);
    }

    void labelSelectorWithoutLabels()
    {
        // Objects without metadata.labels (or with a malformed one) have no labels at all.
        const json noLabels = {{"metadata", {{"name", "x"}}}};
        const json badLabels = {{"metadata", {{"name", "x"}, {"labels", "app=web"}}}};
        QVERIFY(demo::LabelSelector("app!=web").matches(noLabels));
        QVERIFY(!demo::LabelSelector("app").matches(badLabels));
        QVERIFY(demo::LabelSelector("").matches(json::object()));
    }

    void badLabelSelector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::newRow("in without parentheses") << QStringLiteral("env in prod");
        QTest::newRow("unknown set operator") << QStringLiteral("env within (prod)");
        QTest::newRow("no key") << QStringLiteral("=web");
        QTest::newRow("empty term") << QStringLiteral("app=web,,tier=x");
        QTest::newRow("trailing comma") << QStringLiteral("app=web,");
        QTest::newRow("gt not an integer") << QStringLiteral("replicas>many");
        QTest::newRow("space in key") << QStringLiteral("my app=web");
        QTest::newRow("bad character") << QStringLiteral("app$=web");
    }

    void badLabelSelector()
    {
        QFETCH(QString, selector);
        try {
            const demo::LabelSelector s(selector.toStdString());
            QFAIL("accepted a malformed selector");
        } catch (const demo::ApiError &e) {
            QCOMPARE(e.code, 400);
            QCOMPARE(QString::fromStdString(e.reason), QStringLiteral("BadRequest"));
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(
                         QLatin1String("unable to parse requirement")),
                     e.what());
        }
    }

    void podFieldSelector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<json>("pod");
        QTest::addColumn<bool>("matches");
        const json running = podAt("web-1", "aks-node-1", "Running");
        QTest::newRow("name") << QStringLiteral("metadata.name=web-1") << running << true;
        QTest::newRow("name ==") << QStringLiteral("metadata.name==web-1") << running << true;
        QTest::newRow("other name") << QStringLiteral("metadata.name=web-2") << running << false;
        QTest::newRow("namespace")
            << QStringLiteral("metadata.namespace=team-a") << running << true;
        QTest::newRow("node") << QStringLiteral("spec.nodeName=aks-node-1") << running << true;
        QTest::newRow("phase") << QStringLiteral("status.phase=Running") << running << true;
        QTest::newRow("phase !=") << QStringLiteral("status.phase!=Running") << running << false;
        QTest::newRow("phase != other")
            << QStringLiteral("status.phase!=Pending") << running << true;
        QTest::newRow("both") << QStringLiteral("status.phase=Running,spec.nodeName=aks-node-2")
                              << running << false;
        // Unscheduled pods have no nodeName: the field is empty, as kubectl's
        // --field-selector spec.nodeName= relies on.
        QTest::newRow("unscheduled, empty node")
            << QStringLiteral("spec.nodeName=") << podAt("p", "", "Pending") << true;
        QTest::newRow("escaped comma")
            << QStringLiteral("metadata.name=a\\,b") << podAt("a,b", "n", "Running") << true;
    }

    void podFieldSelector()
    {
        QFETCH(QString, selector);
        QFETCH(json, pod);
        QFETCH(bool, matches);
        if (pod["spec"]["nodeName"] == "")
            pod["spec"].erase("nodeName");
        const demo::FieldSelector s(selector.toStdString(), resource("pods"));
        QCOMPARE(s.matches(pod), matches);
    }

    void nodeUnschedulableDefaultsToFalse()
    {
        const demo::FieldSelector s("spec.unschedulable=false", resource("nodes"));
        QVERIFY(s.matches(json{{"metadata", {{"name", "n"}}}, {"spec", json::object()}}));
        QVERIFY(
            !s.matches(json{{"metadata", {{"name", "n"}}}, {"spec", {{"unschedulable", true}}}}));
    }

    void requiredName()
    {
        const demo::FieldSelector s("metadata.name=web-1,status.phase!=Failed", resource("pods"));
        QCOMPARE(QString::fromStdString(s.required("metadata.name")), QStringLiteral("web-1"));
        QVERIFY(s.required("status.phase").empty()); // negated terms require nothing
    }

    void badFieldSelector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("message");
        QTest::newRow("unsupported field")
            << QStringLiteral("spec.image=nginx")
            << QStringLiteral("field label not supported: spec.image");
        QTest::newRow("label syntax")
            << QStringLiteral("status.phase in (Running)")
            << QStringLiteral("invalid selector: 'status.phase in (Running)'; can't understand "
                              "'status.phase in (Running)'");
        QTest::newRow("no operator")
            << QStringLiteral("metadata.name")
            << QStringLiteral(
                   "invalid selector: 'metadata.name'; can't understand 'metadata.name'");
    }

    void badFieldSelector()
    {
        QFETCH(QString, selector);
        QFETCH(QString, message);
        try {
            const demo::FieldSelector s(selector.toStdString(), resource("pods"));
            QFAIL("accepted a malformed field selector");
        } catch (const demo::ApiError &e) {
            QCOMPARE(e.code, 400);
            QCOMPARE(QString::fromUtf8(e.what()), message);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterSelectors)
#include "tst_democluster_selectors.moc"
