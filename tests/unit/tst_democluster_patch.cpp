// PATCH as the demo API server applies it: JSON merge patch (the examples of RFC 7386),
// strategic merge patch as kubectl sends it (lists merged by key, directives), JSON patch
// (RFC 6902), and the Status codes for bad patches.
#include "democluster/objectstore.h"
#include "democluster/patch.h"

#include <QtTest>

using nlohmann::json;

namespace {

const std::string kMerge = "application/merge-patch+json";
const std::string kStrategic = "application/strategic-merge-patch+json";
const std::string kJsonPatch = "application/json-patch+json";

json deployment()
{
    return json::parse(R"({
      "metadata": {"name": "web", "labels": {"app": "web", "tier": "frontend"}},
      "spec": {"replicas": 3, "template": {"spec": {
        "containers": [
          {"name": "nginx", "image": "nginx:1.27", "args": ["-g", "daemon off;"],
           "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
           "ports": [{"containerPort": 80, "protocol": "TCP"}]},
          {"name": "sidecar", "image": "busybox:1.36"}],
        "finalizers": ["x", "y", "z"]}}}
    })");
}

} // namespace

Q_DECLARE_METATYPE(json)

class TestDemoClusterPatch : public QObject
{
    Q_OBJECT

private slots:
    // RFC 7386, appendix A: target, patch, result.
    void mergePatchRfcExamples_data()
    {
        QTest::addColumn<json>("target");
        QTest::addColumn<json>("patch");
        QTest::addColumn<json>("result");
        const auto row = [](const char *name, const char *t, const char *p, const char *r) {
            QTest::newRow(name) << json::parse(t) << json::parse(p) << json::parse(r);
        };
        row("replace", R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})");
        row("add", R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})");
        row("remove", R"({"a":"b"})", R"({"a":null})", R"({})");
        row("remove one", R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})");
        row("array replaces", R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})");
        row("value to array", R"({"a":"c"})", R"({"a":["b"]})", R"({"a":["b"]})");
        row("nested", R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})", R"({"a":{"b":"d"}})");
        row("arrays are atomic", R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})");
        row("array target", R"(["a","b"])", R"(["c","d"])", R"(["c","d"])");
        row("object replaces array", R"({"a":"b"})", R"(["c"])", R"(["c"])");
        row("null patch", R"({"a":"foo"})", R"(null)", R"(null)");
        row("string patch", R"({"a":"foo"})", R"("bar")", R"("bar")");
        row("null inside", R"({"e":null})", R"({"a":1})", R"({"e":null,"a":1})");
        row("array to object", R"([1,2])", R"({"a":"b","c":null})", R"({"a":"b"})");
        row("deep null", R"({})", R"({"a":{"bb":{"ccc":null}}})", R"({"a":{"bb":{}}})");
    }

    void mergePatchRfcExamples()
    {
        QFETCH(json, target);
        QFETCH(json, patch);
        QFETCH(json, result);
        QCOMPARE(QString::fromStdString(demo::applyPatch(target, kMerge, patch.dump()).dump()),
                 QString::fromStdString(result.dump()));
    }

    void strategicMerge_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<json>("expected");
        // What `kubectl set image deployment/web nginx=nginx:1.28` sends.
        QTest::newRow("set image keeps the other container")
            << QStringLiteral(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}})")
            << QStringLiteral("/spec/template/spec/containers")
            << json::parse(R"([{"name":"nginx","image":"nginx:1.28","args":["-g","daemon off;"],
                               "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                               "ports":[{"containerPort":80,"protocol":"TCP"}]},
                              {"name":"sidecar","image":"busybox:1.36"}])");
        // `kubectl set env deployment/web B=3 C=4`: env merges by name.
        QTest::newRow("env merges by name")
            << QStringLiteral(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}})")
            << QStringLiteral("/spec/template/spec/containers/0/env")
            << json::parse(
                   R"([{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}])");
        QTest::newRow("$patch delete removes by key") << QStringLiteral(
            R"({"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}})")
                                                      << QStringLiteral(
                                                             "/spec/template/spec/containers/1")
                                                      << json();
        QTest::newRow("new key is appended") << QStringLiteral(
            R"({"spec":{"template":{"spec":{"containers":[{"name":"log","image":"fluent-bit:3"}]}}}})")
                                             << QStringLiteral(
                                                    "/spec/template/spec/containers/2/name")
                                             << json("log");
        QTest::newRow("lists without merge key are replaced") << QStringLiteral(
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["-c","/etc/nginx.conf"]}]}}}})")
                                                              << QStringLiteral(
                                                                     "/spec/template/spec/"
                                                                     "containers/0/args")
                                                              << json::parse(
                                                                     R"(["-c","/etc/nginx.conf"])");
        QTest::newRow("ports merge by containerPort")
            << QStringLiteral(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443}]}]}}}})")
            << QStringLiteral("/spec/template/spec/containers/0/ports")
            << json::parse(R"([{"containerPort":80,"protocol":"TCP"},{"containerPort":443}])");
        QTest::newRow("$setElementOrder") << QStringLiteral(
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}],
                                 "containers":[{"name":"nginx","image":"nginx:1.28"}]}}}})")
                                          << QStringLiteral("/spec/template/spec/containers/0/name")
                                          << json("sidecar");
        QTest::newRow("$deleteFromPrimitiveList") << QStringLiteral(
            R"({"spec":{"template":{"spec":{"$deleteFromPrimitiveList/finalizers":["y"]}}}})")
                                                  << QStringLiteral(
                                                         "/spec/template/spec/finalizers")
                                                  << json::parse(R"(["x","z"])");
        QTest::newRow("$patch replace")
            << QStringLiteral(R"({"metadata":{"labels":{"$patch":"replace","app":"api"}}})")
            << QStringLiteral("/metadata/labels") << json::parse(R"({"app":"api"})");
        QTest::newRow("null deletes a field")
            << QStringLiteral(R"({"metadata":{"labels":{"tier":null}}})")
            << QStringLiteral("/metadata/labels") << json::parse(R"({"app":"web"})");
        // `kubectl scale` without the scale subresource and `kubectl label` send plain maps.
        QTest::newRow("scalar") << QStringLiteral(R"({"spec":{"replicas":6}})")
                                << QStringLiteral("/spec/replicas") << json(6);
    }

    void strategicMerge()
    {
        QFETCH(QString, patch);
        QFETCH(QString, pointer);
        QFETCH(json, expected);
        const json result = demo::applyPatch(deployment(), kStrategic + "; charset=utf-8",
                                             patch.toStdString());
        const json::json_pointer at(pointer.toStdString());
        if (expected.is_null()) {
            QVERIFY2(!result.contains(at), result.dump().c_str());
            QCOMPARE(result["spec"]["template"]["spec"]["containers"].size(), std::size_t(1));
            return;
        }
        QVERIFY2(result.contains(at), result.dump().c_str());
        QCOMPARE(QString::fromStdString(result.at(at).dump()),
                 QString::fromStdString(expected.dump()));
        // Everything the patch did not name is untouched.
        QCOMPARE(result["metadata"]["name"].get<std::string>(), std::string("web"));
    }

    void jsonPatch()
    {
        const json result = demo::applyPatch(deployment(), kJsonPatch, R"([
            {"op":"replace","path":"/spec/replicas","value":5},
            {"op":"add","path":"/metadata/labels/env","value":"prod"},
            {"op":"remove","path":"/spec/template/spec/containers/1"},
            {"op":"test","path":"/metadata/name","value":"web"}])");
        QCOMPARE(result["spec"]["replicas"].get<int>(), 5);
        QCOMPARE(result["metadata"]["labels"]["env"].get<std::string>(), std::string("prod"));
        QCOMPARE(result["spec"]["template"]["spec"]["containers"].size(), std::size_t(1));
    }

    void badPatches_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("not JSON") << QString::fromStdString(kMerge) << QStringLiteral("{spec:")
                                  << 400;
        QTest::newRow("strategic, not an object")
            << QString::fromStdString(kStrategic) << QStringLiteral("[1]") << 400;
        QTest::newRow("json patch, not an array")
            << QString::fromStdString(kJsonPatch) << QStringLiteral("{}") << 400;
        QTest::newRow("json patch, failing test")
            << QString::fromStdString(kJsonPatch)
            << QStringLiteral(R"([{"op":"test","path":"/metadata/name","value":"api"}])") << 422;
        QTest::newRow("json patch, missing path")
            << QString::fromStdString(kJsonPatch)
            << QStringLiteral(R"([{"op":"remove","path":"/spec/nothing"}])") << 422;
        QTest::newRow("unknown type")
            << QStringLiteral("text/plain") << QStringLiteral("{}") << 415;
    }

    void badPatches()
    {
        QFETCH(QString, contentType);
        QFETCH(QString, body);
        QFETCH(int, code);
        try {
            demo::applyPatch(deployment(), contentType.toStdString(), body.toStdString());
            QFAIL("a bad patch was applied");
        } catch (const demo::ApiError &e) {
            QCOMPARE(e.code, code);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterPatch)
#include "tst_democluster_patch.moc"
