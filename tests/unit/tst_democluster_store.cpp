// The demo cluster's object store: the server-owned metadata a real API server writes, one
// global resourceVersion, the errors as Status codes, and the watch history with 410 Expired.
#include "democluster/objectstore.h"
#include "democluster/resources.h"

#include <QtTest>

using nlohmann::json;

namespace {

json pod(const std::string &ns, const std::string &name, const std::string &image = "nginx:1.27")
{
    return {{"metadata", {{"name", name}, {"namespace", ns}}},
            {"spec", {{"containers", json::array({{{"name", "app"}, {"image", image}}})}}}};
}

std::uint64_t rv(const json &object)
{
    return std::stoull(object["metadata"]["resourceVersion"].get<std::string>());
}

int errorCode(const std::function<void()> &call, std::string *reason = nullptr)
{
    try {
        call();
    } catch (const demo::ApiError &e) {
        if (reason)
            *reason = e.reason;
        return e.code;
    }
    return 0;
}

} // namespace

class TestDemoClusterStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<demo::ObjectStore> store;

private slots:
    void init()
    {
        store = std::make_unique<demo::ObjectStore>(100);
        demo::registerBuiltinTypes(*store);
    }

    void createFillsServerFields()
    {
        const json created = store->create("pods", pod("team-a", "web-1"));
        QCOMPARE(created["kind"].get<std::string>(), std::string("Pod"));
        QCOMPARE(created["apiVersion"].get<std::string>(), std::string("v1"));
        const json &meta = created["metadata"];
        QVERIFY(
            QRegularExpression(
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                .match(QString::fromStdString(meta["uid"].get<std::string>()))
                .hasMatch());
        QVERIFY(
            QDateTime::fromString(
                QString::fromStdString(meta["creationTimestamp"].get<std::string>()), Qt::ISODate)
                .isValid());
        QCOMPARE(meta["generation"].get<int>(), 1);
        QCOMPARE(rv(created), store->resourceVersion());
        const json deployment = store->create(
            "apps/deployments", {{"metadata", {{"name", "web"}, {"namespace", "team-a"}}},
                                 {"spec", {{"replicas", 1}}}});
        QCOMPARE(deployment["apiVersion"].get<std::string>(), std::string("apps/v1"));
        QCOMPARE(rv(deployment), rv(created) + 1); // one counter for every resource
        QVERIFY(deployment["metadata"]["uid"] != meta["uid"]);
    }

    void generateNameAndScope()
    {
        const json generated = store->create(
            "pods", {{"metadata", {{"generateName", "web-"}, {"namespace", "team-a"}}}});
        const std::string name = generated["metadata"]["name"].get<std::string>();
        QVERIFY(name.rfind("web-", 0) == 0 && name.size() == 9);
        // Cluster-scoped objects lose a namespace sent by mistake.
        const json node = store->create(
            "nodes", {{"metadata", {{"name", "node-1"}, {"namespace", "team-a"}}}});
        QVERIFY(!node["metadata"].contains("namespace"));
        QVERIFY(store->get("nodes", "whatever", "node-1"));
    }

    void createErrors()
    {
        store->create("pods", pod("team-a", "web-1"));
        std::string reason;
        QCOMPARE(errorCode([&] { store->create("pods", pod("team-a", "web-1")); }, &reason), 409);
        QCOMPARE(reason, std::string("AlreadyExists"));
        QCOMPARE(errorCode([&] { store->create("pods", pod("team-b", "web-1")); }),
                 0); // other namespace
        QCOMPARE(errorCode(
                     [&] {
                         store->create("pods", {{"metadata", {{"namespace", "team-a"}}}});
                     },
                     &reason),
                 422);
        QCOMPARE(reason, std::string("Invalid"));
        QCOMPARE(errorCode([&] { store->create("pods", pod("", "no-namespace")); }), 400);
        QCOMPARE(errorCode([&] { store->create("pods", json::array()); }), 400);
        QCOMPARE(errorCode([&] { store->create("widgets", pod("team-a", "x")); }, &reason), 404);
    }

    void updateBumpsVersionAndGeneration()
    {
        const json created = store->create("pods", pod("team-a", "web-1"));
        json changed = created;
        changed["metadata"]["labels"] = {{"app", "web"}};
        const json labelled = store->update("pods", changed);
        QVERIFY(rv(labelled) > rv(created));
        QCOMPARE(labelled["metadata"]["generation"].get<int>(), 1); // metadata only
        QCOMPARE(labelled["metadata"]["uid"], created["metadata"]["uid"]);
        QCOMPARE(labelled["metadata"]["creationTimestamp"],
                 created["metadata"]["creationTimestamp"]);
        changed = labelled;
        changed["spec"]["containers"][0]["image"] = "nginx:1.28";
        changed["metadata"]["uid"] = "forged";
        const json respecced = store->update("pods", changed);
        QCOMPARE(respecced["metadata"]["generation"].get<int>(), 2);
        QCOMPARE(respecced["metadata"]["uid"], created["metadata"]["uid"]); // server-owned
    }

    void optimisticConcurrency()
    {
        const json created = store->create("pods", pod("team-a", "web-1"));
        json first = created;
        first["metadata"]["labels"] = {{"v", "1"}};
        store->update("pods", first, true);
        json stale = created; // still carries the old resourceVersion
        stale["metadata"]["labels"] = {{"v", "2"}};
        std::string reason;
        QCOMPARE(errorCode([&] { store->update("pods", stale, true); }, &reason), 409);
        QCOMPARE(reason, std::string("Conflict"));
        QCOMPARE(errorCode([&] { store->update("pods", stale, false); }),
                 0); // PUT without the check
        QCOMPARE(
            errorCode([&] { store->update("pods", pod("team-a", "missing"), false); }, &reason),
            404);
        QCOMPARE(reason, std::string("NotFound"));
    }

    void modifyAndRemove()
    {
        store->create("pods", pod("team-a", "web-1"));
        const std::uint64_t before = store->resourceVersion();
        const auto unchanged = store->modify("pods", "team-a", "web-1",
                                             [](json &) { return false; });
        QVERIFY(unchanged);
        QCOMPARE(store->resourceVersion(), before); // no write, no new version
        QVERIFY(!store->modify("pods", "team-a", "missing", [](json &) { return true; }));
        const auto modified = store->modify("pods", "team-a", "web-1", [](json &p) {
            p["status"]["phase"] = "Running";
            return true;
        });
        QCOMPARE(rv(*modified), before + 1);
        const auto gone = store->remove("pods", "team-a", "web-1");
        QCOMPARE(rv(*gone), before + 2); // the deletion has its own version
        QVERIFY(!store->get("pods", "team-a", "web-1"));
        QCOMPARE(errorCode([&] { store->remove("pods", "team-a", "web-1"); }), 404);
    }

    void listIsSortedAndScoped()
    {
        for (const auto &[ns, name] : std::vector<std::pair<std::string, std::string>>{
                 {"team-b", "b"}, {"team-a", "z"}, {"team-a", "a"}, {"team-c", "a"}})
            store->create("pods", pod(ns, name));
        const auto all = store->list("pods");
        QCOMPARE(all.resourceVersion, store->resourceVersion());
        QStringList names;
        for (const auto &p : all.items)
            names << QString::fromStdString((*p)["metadata"]["namespace"].get<std::string>() + "/"
                                            + (*p)["metadata"]["name"].get<std::string>());
        QCOMPARE(names, QStringList({QStringLiteral("team-a/a"), QStringLiteral("team-a/z"),
                                     QStringLiteral("team-b/b"), QStringLiteral("team-c/a")}));
        QCOMPARE(store->list("pods", "team-a").items.size(), std::size_t(2));
        QCOMPARE(store->list("pods", "team-d").items.size(), std::size_t(0));
        QCOMPARE(store->count("pods"), std::size_t(4));
    }

    void watchHistory()
    {
        const std::uint64_t start = store->resourceVersion();
        store->create("pods", pod("team-a", "web-1"));
        store->create("services", {{"metadata", {{"name", "web"}, {"namespace", "team-a"}}}});
        store->modify("pods", "team-a", "web-1", [](json &p) {
            p["status"]["phase"] = "Running";
            return true;
        });
        store->remove("pods", "team-a", "web-1");
        const auto events = store->eventsSince("pods", start, 0);
        QCOMPARE(events.size(), std::size_t(3));
        QCOMPARE(events[0].type, std::string("ADDED"));
        QCOMPARE(events[1].type, std::string("MODIFIED"));
        QCOMPARE(events[2].type, std::string("DELETED"));
        QVERIFY(events[0].resourceVersion < events[1].resourceVersion
                && events[1].resourceVersion < events[2].resourceVersion);
        QCOMPARE((*events[1].object)["status"]["phase"].get<std::string>(), std::string("Running"));
        // From the middle: only what came after.
        QCOMPARE(store->eventsSince("pods", events[1].resourceVersion, 0).size(), std::size_t(1));
        QCOMPARE(store->eventsSince("", start, 0).size(), std::size_t(4)); // every resource
        // Nothing new: an empty answer after the wait.
        QVERIFY(store->eventsSince("pods", store->resourceVersion(), 10).empty());
    }

    void tooOldIsExpired()
    {
        demo::ObjectStore small(3);
        demo::registerBuiltinTypes(small);
        const std::uint64_t start = small.resourceVersion();
        for (int i = 0; i < 5; ++i)
            small.create("pods", pod("team-a", "p" + std::to_string(i)));
        QVERIFY(small.oldestRetainedVersion() > start);
        std::string reason;
        QCOMPARE(errorCode([&] { small.eventsSince("pods", start, 0); }, &reason), 410);
        QCOMPARE(reason, std::string("Expired"));
        QCOMPARE(small.eventsSince("pods", small.oldestRetainedVersion(), 0).size(),
                 std::size_t(3));
        small.setHistorySize(1);
        QCOMPARE(small.eventsSince("pods", small.oldestRetainedVersion(), 0).size(),
                 std::size_t(1));
    }

    // The owner and node indexes follow every create, write and delete, and list in store order.
    void indexesFollowWrites()
    {
        const auto owned = [](const std::string &ns, const std::string &name,
                              const std::string &owner, const std::string &node) {
            json p = pod(ns, name);
            p["metadata"]["ownerReferences"] = json::array({{{"apiVersion", "apps/v1"},
                                                             {"kind", "ReplicaSet"},
                                                             {"name", "rs"},
                                                             {"uid", owner},
                                                             {"controller", true}}});
            if (!node.empty())
                p["spec"]["nodeName"] = node;
            return p;
        };
        const auto names = [](const std::vector<std::shared_ptr<const json>> &objects) {
            std::vector<std::string> out;
            for (const auto &o : objects)
                out.push_back((*o)["metadata"]["namespace"].get<std::string>() + "/"
                              + (*o)["metadata"]["name"].get<std::string>());
            return out;
        };
        using Names = std::vector<std::string>;
        store->create("pods", owned("team-b", "b1", "uid-1", "node-1"));
        store->create("pods", owned("team-a", "a2", "uid-1", "node-2"));
        store->create("pods", owned("team-a", "a1", "uid-2", ""));
        json plain = pod("team-a", "plain");
        plain["metadata"]["ownerReferences"] = json::array(
            {{{"kind", "ReplicaSet"}, {"name", "rs"}, {"uid", "uid-1"}}}); // not the controller
        store->create("pods", plain);
        QCOMPARE(names(store->ownedBy("pods", "uid-1")), (Names{"team-a/a2", "team-b/b1"}));
        QCOMPARE(names(store->ownedBy("pods", "uid-2")), (Names{"team-a/a1"}));
        QVERIFY(store->ownedBy("pods", "").empty());
        QVERIFY(store->ownedBy("apps/replicasets", "uid-1").empty());
        QCOMPARE(names(store->podsOnNode("node-1")), (Names{"team-b/b1"}));
        QVERIFY(store->podsOnNode("").empty()); // unbound pods are on no node

        // Bound by a write, moved to another owner, deleted: the indexes follow.
        store->modify("pods", "team-a", "a1", [](json &p) {
            p["spec"]["nodeName"] = "node-1";
            return true;
        });
        QCOMPARE(names(store->podsOnNode("node-1")), (Names{"team-a/a1", "team-b/b1"}));
        json moved = *store->getShared("pods", "team-b", "b1");
        moved["metadata"]["ownerReferences"][0]["uid"] = "uid-2";
        store->update("pods", moved);
        QCOMPARE(names(store->ownedBy("pods", "uid-1")), (Names{"team-a/a2"}));
        QCOMPARE(names(store->ownedBy("pods", "uid-2")), (Names{"team-a/a1", "team-b/b1"}));
        store->remove("pods", "team-a", "a1");
        QCOMPARE(names(store->ownedBy("pods", "uid-2")), (Names{"team-b/b1"}));
        QCOMPARE(names(store->podsOnNode("node-1")), (Names{"team-b/b1"}));
        QCOMPARE(store->ownedBy("pods", "uid-1").front().get(),
                 store->getShared("pods", "team-a", "a2").get());
    }

    // What changed since a resourceVersion, for reconcilers; nullopt once the history is too short.
    void changesSinceReadsTheHistory()
    {
        demo::ObjectStore small(3);
        demo::registerBuiltinTypes(small);
        const std::uint64_t start = small.resourceVersion();
        small.create("pods", pod("team-a", "p1"));
        small.create("namespaces", {{"metadata", {{"name", "team-b"}}}});
        small.modify("pods", "team-a", "p1", [](json &p) {
            p["status"]["phase"] = "Running";
            return true;
        });
        const auto changes = small.changesSince("pods", start);
        QVERIFY(changes);
        QCOMPARE(changes->size(), std::size_t(2));
        QCOMPARE((*changes)[0].type, std::string("ADDED"));
        QCOMPARE((*changes)[1].type, std::string("MODIFIED"));
        QVERIFY(small.changesSince("pods", small.resourceVersion())->empty());
        small.remove("pods", "team-a", "p1");
        QVERIFY(!small.changesSince("pods", start)); // trimmed: the caller must look at everything
        const auto last = small.changesSince("pods", small.resourceVersion() - 1);
        QVERIFY(last);
        QCOMPARE(last->size(), std::size_t(1));
        QCOMPARE(last->front().type, std::string("DELETED"));
    }

    void watcherWakesOnChange()
    {
        const std::uint64_t start = store->resourceVersion();
        std::thread writer([this] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            store->create("pods", pod("team-a", "late"));
        });
        // Generous wait: the writer thread may be slow to start on a loaded machine.
        const auto events = store->eventsSince("pods", start, 30000);
        writer.join();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE((*events[0].object)["metadata"]["name"].get<std::string>(), std::string("late"));
    }
};

QTEST_GUILESS_MAIN(TestDemoClusterStore)
#include "tst_democluster_store.moc"
