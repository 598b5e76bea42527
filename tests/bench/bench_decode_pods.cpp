// Benchmark (not a test): decodes a PodList of N realistic pods with the streaming decoder and
// prints wall/CPU time, throughput and the heap held per decoded pod, next to the same figures
// for parsing the body into one nlohmann::json DOM (what a naive client keeps).
// Usage: bench_decode_pods [N=20000]
#include "kubeapi/objects/decoders.h"
#include "kubeapi/objects/stringpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <string>

namespace {

using json = nlohmann::json;

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

size_t heapInUse()
{
    malloc_trim(0);
    return mallinfo2().uordblks;
}

// A pod as a typical Deployment creates it on a real cluster: app + sidecar, requests and
// limits, env (literal, secret, fieldRef), probes, mounts, four conditions, statuses.
json realisticPod(int i)
{
    const std::string ns = "team-" + std::to_string(i % 50);
    const std::string rs = "web-" + std::to_string(i % 3000) + "-7d4b578979";
    const std::string name = rs + "-" + std::to_string(100000 + i);
    const std::string uid = "5f0c" + std::to_string(10000000 + i) + "-1b2c-4d5e-8f90-a1b2c3d4e5f6";
    const std::string node = "node-" + std::to_string(i % 5000);
    const std::string t = "2025-01-01T10:00:00Z";
    auto container = [&](const std::string &cname, const std::string &image, bool withProbes) {
        json c = {
            {"name", cname},
            {"image", image},
            {"imagePullPolicy", "IfNotPresent"},
            {"ports",
             json::array({{{"name", "http"}, {"containerPort", 8080}, {"protocol", "TCP"}}})},
            {"env",
             json::array(
                 {{{"name", "LOG_LEVEL"}, {"value", "info"}},
                  {{"name", "DB_PASSWORD"},
                   {"valueFrom", {{"secretKeyRef", {{"name", "db"}, {"key", "password"}}}}}},
                  {{"name", "POD_IP"},
                   {"valueFrom",
                    {{"fieldRef", {{"apiVersion", "v1"}, {"fieldPath", "status.podIP"}}}}}}})},
            {"resources",
             {{"requests", {{"cpu", "100m"}, {"memory", "128Mi"}}},
              {"limits", {{"cpu", "500m"}, {"memory", "512Mi"}}}}},
            {"volumeMounts",
             json::array({{{"name", "config"}, {"mountPath", "/etc/app"}, {"readOnly", true}},
                          {{"name", "kube-api-access-x7k2p"},
                           {"mountPath", "/var/run/secrets/kubernetes.io/serviceaccount"},
                           {"readOnly", true}}})},
            {"terminationMessagePath", "/dev/termination-log"},
            {"terminationMessagePolicy", "File"},
            {"securityContext",
             {{"runAsNonRoot", true},
              {"allowPrivilegeEscalation", false},
              {"capabilities", {{"drop", json::array({"ALL"})}}}}}};
        if (withProbes) {
            c["livenessProbe"] = {
                {"httpGet", {{"path", "/healthz"}, {"port", 8080}, {"scheme", "HTTP"}}},
                {"periodSeconds", 10},
                {"timeoutSeconds", 1},
                {"successThreshold", 1},
                {"failureThreshold", 3}};
            c["readinessProbe"] = {
                {"httpGet", {{"path", "/ready"}, {"port", 8080}, {"scheme", "HTTP"}}},
                {"periodSeconds", 5},
                {"timeoutSeconds", 1},
                {"successThreshold", 1},
                {"failureThreshold", 3}};
        }
        return c;
    };
    auto status = [&](const std::string &cname, const std::string &image) {
        return json{
            {"name", cname},
            {"ready", true},
            {"started", true},
            {"restartCount", i % 7 == 0 ? 3 : 0},
            {"image", image},
            {"imageID",
             image + "@sha256:4c0a1a3b9a8e5b0d2f3c4e5f60718293a4b5c6d7e8f90123456789abcdef0123"},
            {"containerID", "containerd://9a1b" + std::to_string(1000000 + i)
                                + "c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9"},
            {"state", {{"running", {{"startedAt", t}}}}},
            {"lastState", i % 7 == 0 ? json{{"terminated",
                                             {{"exitCode", 137},
                                              {"reason", "OOMKilled"},
                                              {"startedAt", t},
                                              {"finishedAt", t},
                                              {"containerID", "containerd://abc"}}}}
                                     : json::object()}};
    };
    json conditions = json::array();
    for (const char *type : {"Initialized", "Ready", "ContainersReady", "PodScheduled"})
        conditions.push_back({{"type", type},
                              {"status", "True"},
                              {"lastProbeTime", nullptr},
                              {"lastTransitionTime", t}});
    return {
        {"metadata",
         {{"name", name},
          {"generateName", rs + "-"},
          {"namespace", ns},
          {"uid", uid},
          {"resourceVersion", std::to_string(5000000 + i)},
          {"creationTimestamp", t},
          {"labels",
           {{"app", "web-" + std::to_string(i % 3000)},
            {"pod-template-hash", "7d4b578979"},
            {"tier", "frontend"},
            {"app.kubernetes.io/part-of", "shop"}}},
          {"annotations",
           {{"kubectl.kubernetes.io/restartedAt", t}, {"prometheus.io/scrape", "true"}}},
          {"ownerReferences", json::array({{{"apiVersion", "apps/v1"},
                                            {"kind", "ReplicaSet"},
                                            {"name", rs},
                                            {"uid", "0a1b2c3d-" + std::to_string(i % 3000)},
                                            {"controller", true},
                                            {"blockOwnerDeletion", true}}})},
          {"managedFields",
           json::array(
               {{{"manager", "kube-controller-manager"},
                 {"operation", "Update"},
                 {"apiVersion", "v1"},
                 {"time", t},
                 {"fieldsType", "FieldsV1"},
                 {"fieldsV1", {{"f:metadata", {{"f:labels", {{".", json::object()}}}}}}}}})}}},
        {"spec",
         {{"nodeName", node},
          {"serviceAccountName", "web"},
          {"restartPolicy", "Always"},
          {"dnsPolicy", "ClusterFirst"},
          {"schedulerName", "default-scheduler"},
          {"containers", json::array({container("app", "registry.example.com/shop/web:1.42.0", true),
                                      container("proxy", "envoyproxy/envoy:v1.30.1", false)})},
          {"volumes", json::array({{{"name", "config"}, {"configMap", {{"name", "web-config"}}}}})},
          {"tolerations", json::array({{{"key", "node.kubernetes.io/not-ready"},
                                        {"operator", "Exists"},
                                        {"effect", "NoExecute"},
                                        {"tolerationSeconds", 300}}})}}},
        {"status",
         {{"phase", "Running"},
          {"conditions", conditions},
          {"hostIP", "10.0." + std::to_string(i % 5000 / 250) + "." + std::to_string(i % 250)},
          {"podIP", "10.244." + std::to_string(i / 250 % 250) + "." + std::to_string(i % 250)},
          {"podIPs", json::array({{{"ip", "10.244.1.1"}}})},
          {"startTime", t},
          {"qosClass", "Burstable"},
          {"containerStatuses", json::array({status("app", "registry.example.com/shop/web:1.42.0"),
                                             status("proxy", "envoyproxy/envoy:v1.30.1")})}}}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 20000;

    std::string body =
        R"({"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9000000"},"items":[)";
    for (int i = 0; i < n; ++i) {
        if (i)
            body += ',';
        body += realisticPod(i).dump();
    }
    body += "]}";
    const double mb = double(body.size()) / 1e6;
    std::printf("PodList: %d pods, %.1f MB JSON (%.0f bytes/pod)\n", n, mb,
                double(body.size()) / n);

    // Ours: streaming decode into compact values with a shared string pool.
    size_t before = heapInUse();
    double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    kube::StringPool pool;
    auto list = kube::decodeList<kube::Pod>(QByteArrayView(body.data(), qsizetype(body.size())),
                                            &pool);
    const double oursWall = double(wall.nsecsElapsed()) / 1e9;
    const double oursCpu = cpuSeconds() - cpu0;
    size_t after = heapInUse();
    if (!list.ok() || list.items.size() != n) {
        std::fprintf(stderr, "decode failed: %s\n", qPrintable(list.error));
        return 1;
    }
    pool.clear();
    const size_t objectsOnly = heapInUse();
    std::printf(
        "  of which the pool (strings, shared lists): %.1f MB; objects alone %.0f bytes/pod\n",
        double(after - objectsOnly) / 1e6, double(objectsOnly - before) / n);
    const double perPod = double(after - before) / n;
    std::printf("klarsicht decodeList<Pod>:   wall %.3f s  cpu %.3f s  %.0f MB/s  heap %.1f MB = "
                "%.0f bytes/pod  "
                "(→ %.0f MB for 150,000 pods; pool %zu strings)\n",
                oursWall, oursCpu, mb / oursWall, double(after - before) / 1e6, perPod,
                perPod * 150000 / 1e6, pool.size());

    // Without the string pool, for comparison.
    list = {};
    before = heapInUse();
    auto unpooled = kube::decodeList<kube::Pod>(
        QByteArrayView(body.data(), qsizetype(body.size())));
    after = heapInUse();
    std::printf("klarsicht without StringPool: heap %.0f bytes/pod\n", double(after - before) / n);
    unpooled = {};

    // Peer: the whole body as one nlohmann::json DOM.
    before = heapInUse();
    cpu0 = cpuSeconds();
    wall.restart();
    json dom = json::parse(body);
    const double domWall = double(wall.nsecsElapsed()) / 1e9;
    const double domCpu = cpuSeconds() - cpu0;
    after = heapInUse();
    std::printf("nlohmann::json DOM of list:  wall %.3f s  cpu %.3f s  %.0f MB/s  heap %.1f MB = "
                "%.0f bytes/pod  "
                "(→ %.0f MB for 150,000 pods)\n",
                domWall, domCpu, mb / domWall, double(after - before) / 1e6,
                double(after - before) / n, double(after - before) / n * 150000 / 1e6);
    std::printf("sizeof: Pod %zu, Container %zu, ContainerStatus %zu, Quantity %zu, ObjectMeta "
                "%zu, Node %zu\n",
                sizeof(kube::Pod), sizeof(kube::Container), sizeof(kube::ContainerStatus),
                sizeof(kube::Quantity), sizeof(kube::ObjectMeta), sizeof(kube::Node));
    return dom.is_object() ? 0 : 1;
}
