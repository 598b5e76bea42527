#include "democluster/resources.h"

namespace demo {

namespace {

const std::vector<std::string> allVerbs = {"create", "delete", "deletecollection", "get",
                                           "list",   "patch",  "update",           "watch"};
const std::vector<std::string> readVerbs = {"get", "list"};

ResourceInfo make(std::string group, std::string version, std::string resource, std::string kind,
                  bool namespaced, std::string singular, std::vector<std::string> shortNames,
                  std::vector<std::string> categories = {})
{
    ResourceInfo info;
    info.type = ResourceType{std::move(group),     std::move(version), std::move(resource),
                             std::move(kind),      namespaced,         std::move(singular),
                             std::move(shortNames)};
    info.verbs = allVerbs;
    info.categories = std::move(categories);
    return info;
}

Subresource status(const ResourceInfo &parent)
{
    return {"status",
            parent.type.group,
            parent.type.version,
            parent.type.kind,
            {"get", "patch", "update"}};
}

Subresource scale()
{
    return {"scale", "autoscaling", "v1", "Scale", {"get", "patch", "update"}};
}

std::vector<ResourceInfo> build()
{
    std::vector<ResourceInfo> all;
    auto add = [&all](ResourceInfo info, std::vector<Subresource> subs) -> ResourceInfo & {
        for (Subresource &s : subs)
            info.subresources.push_back(std::move(s));
        all.push_back(std::move(info));
        return all.back();
    };

    // core/v1
    {
        auto ns = make("", "v1", "namespaces", "Namespace", false, "namespace", {"ns"});
        ns.verbs = {"create", "delete", "get", "list", "patch", "update", "watch"};
        ns.fields = {{"status.phase", "/status/phase"}};
        add(ns, {{"finalize", "", "v1", "Namespace", {"update"}}, status(ns)});

        auto nodes = make("", "v1", "nodes", "Node", false, "node", {"no"});
        nodes.fields = {{"spec.unschedulable", "/spec/unschedulable"}};
        add(nodes,
            {{"proxy", "", "v1", "NodeProxyOptions", {"create", "delete", "get", "patch", "update"}},
             status(nodes)});

        auto pods = make("", "v1", "pods", "Pod", true, "pod", {"po"}, {"all"});
        pods.fields = {{"spec.nodeName", "/spec/nodeName"},
                       {"spec.host", "/spec/nodeName"},
                       {"spec.restartPolicy", "/spec/restartPolicy"},
                       {"spec.schedulerName", "/spec/schedulerName"},
                       {"spec.serviceAccountName", "/spec/serviceAccountName"},
                       {"spec.hostNetwork", "/spec/hostNetwork"},
                       {"status.phase", "/status/phase"},
                       {"status.podIP", "/status/podIP"},
                       {"status.nominatedNodeName", "/status/nominatedNodeName"}};
        add(pods, {{"log", "", "v1", "Pod", {"get"}}, status(pods)});

        auto services = make("", "v1", "services", "Service", true, "service", {"svc"}, {"all"});
        add(services, {{"proxy",
                        "",
                        "v1",
                        "ServiceProxyOptions",
                        {"create", "delete", "get", "patch", "update"}},
                       status(services)});

        auto events = make("", "v1", "events", "Event", true, "event", {"ev"});
        events.fields = {{"involvedObject.kind", "/involvedObject/kind"},
                         {"involvedObject.namespace", "/involvedObject/namespace"},
                         {"involvedObject.name", "/involvedObject/name"},
                         {"involvedObject.uid", "/involvedObject/uid"},
                         {"involvedObject.apiVersion", "/involvedObject/apiVersion"},
                         {"involvedObject.resourceVersion", "/involvedObject/resourceVersion"},
                         {"involvedObject.fieldPath", "/involvedObject/fieldPath"},
                         {"reason", "/reason"},
                         {"reportingComponent", "/reportingComponent"},
                         {"source", "/source/component"},
                         {"type", "/type"}};
        add(events, {});

        auto quotas = make("", "v1", "resourcequotas", "ResourceQuota", true, "resourcequota",
                           {"quota"});
        add(quotas, {status(quotas)});
        add(make("", "v1", "limitranges", "LimitRange", true, "limitrange", {"limits"}), {});
        add(make("", "v1", "configmaps", "ConfigMap", true, "configmap", {"cm"}), {});
        add(make("", "v1", "serviceaccounts", "ServiceAccount", true, "serviceaccount", {"sa"}),
            {});
    }
    // apps/v1
    {
        auto deploy = make("apps", "v1", "deployments", "Deployment", true, "deployment",
                           {"deploy"}, {"all"});
        add(deploy, {scale(), status(deploy)});
        auto rs = make("apps", "v1", "replicasets", "ReplicaSet", true, "replicaset", {"rs"},
                       {"all"});
        add(rs, {scale(), status(rs)});
        auto sts = make("apps", "v1", "statefulsets", "StatefulSet", true, "statefulset", {"sts"},
                        {"all"});
        add(sts, {scale(), status(sts)});
        auto ds = make("apps", "v1", "daemonsets", "DaemonSet", true, "daemonset", {"ds"}, {"all"});
        add(ds, {status(ds)});
    }
    // batch/v1
    {
        auto jobs = make("batch", "v1", "jobs", "Job", true, "job", {}, {"all"});
        jobs.fields = {{"status.successful", "/status/succeeded"}};
        add(jobs, {status(jobs)});
        auto cj = make("batch", "v1", "cronjobs", "CronJob", true, "cronjob", {"cj"}, {"all"});
        add(cj, {status(cj)});
    }
    // autoscaling/v2
    {
        auto hpa = make("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler",
                        true, "horizontalpodautoscaler", {"hpa"}, {"all"});
        add(hpa, {status(hpa)});
    }
    // networking.k8s.io/v1
    add(make("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, "networkpolicy",
             {"netpol"}),
        {});
    // rbac.authorization.k8s.io/v1: what Authorizer evaluates (no short names, no categories)
    {
        const std::string rbac = "rbac.authorization.k8s.io";
        add(make(rbac, "v1", "clusterrolebindings", "ClusterRoleBinding", false,
                 "clusterrolebinding", {}),
            {});
        add(make(rbac, "v1", "clusterroles", "ClusterRole", false, "clusterrole", {}), {});
        add(make(rbac, "v1", "rolebindings", "RoleBinding", true, "rolebinding", {}), {});
        add(make(rbac, "v1", "roles", "Role", true, "role", {}), {});
    }
    // metrics.k8s.io/v1beta1: computed by the simulation on every request
    {
        auto nodes = make("metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", false, "", {});
        nodes.verbs = readVerbs;
        nodes.stored = false;
        add(nodes, {});
        auto pods = make("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true, "", {});
        pods.verbs = readVerbs;
        pods.stored = false;
        add(pods, {});
    }
    // authorization.k8s.io/v1
    {
        auto ssar = make("authorization.k8s.io", "v1", "selfsubjectaccessreviews",
                         "SelfSubjectAccessReview", false, "selfsubjectaccessreview", {});
        ssar.verbs = {"create"};
        ssar.stored = false;
        add(ssar, {});
        auto ssrr = make("authorization.k8s.io", "v1", "selfsubjectrulesreviews",
                         "SelfSubjectRulesReview", false, "selfsubjectrulesreview", {});
        ssrr.verbs = {"create"};
        ssrr.stored = false;
        add(ssrr, {});
    }
    return all;
}

} // namespace

const std::vector<ResourceInfo> &builtinResources()
{
    static const std::vector<ResourceInfo> all = build();
    return all;
}

const std::vector<GroupVersion> &builtinGroupVersions()
{
    static const std::vector<GroupVersion> all = [] {
        std::vector<GroupVersion> gvs;
        for (const ResourceInfo &info : builtinResources()) {
            bool seen = false;
            for (const GroupVersion &gv : gvs)
                seen = seen || (gv.group == info.type.group && gv.version == info.type.version);
            if (!seen)
                gvs.push_back({info.type.group, info.type.version});
        }
        return gvs;
    }();
    return all;
}

const ResourceInfo *findResource(const std::string &group, const std::string &version,
                                 const std::string &resource)
{
    for (const ResourceInfo &info : builtinResources())
        if (info.type.group == group && info.type.version == version
            && info.type.resource == resource)
            return &info;
    return nullptr;
}

void registerBuiltinTypes(ObjectStore &store)
{
    for (const ResourceInfo &info : builtinResources())
        if (info.stored)
            store.registerType(info.type);
}

} // namespace demo
