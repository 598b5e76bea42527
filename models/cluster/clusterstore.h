#pragma once

// The objects of one cluster the screens show (namespaces and their quotas, limit ranges and
// network policies, nodes, pods, workloads, services),
// one copy of each: the store holds the informers' shared objects (or a snapshot's), never
// copies of them. Named indexes (namespace, node, owner, top-level controller, label) are kept
// up to date on every change; pods resolve to their top-level controller. The models read only
// this; changes reach them as fine-grained signals.
#include "kubeapi/objects/namespacepolicy.h"
#include "kubeapi/objects/objects.h"
#include "models/cluster/controllerref.h"
#include "models/cluster/keyindex.h"
#include "models/cluster/namespacedobjects.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

// A top-level workload (Deployment, StatefulSet, DaemonSet, CronJob, or a ReplicaSet/Job that
// nothing owns) in one shape, so the Controllers tab treats every kind alike. It points into
// the workload object the store holds; it copies nothing of it but the replica counts.
struct ControllerInfo final
{
    ControllerRef ref;
    std::shared_ptr<const void> object; // the workload, as its informer or snapshot holds it
    const kube::ObjectMeta *meta = nullptr;
    const kube::LabelSelector *selectorOf = nullptr;      // null for CronJobs
    const QList<kube::Condition> *conditionsOf = nullptr; // Deployments, ReplicaSets, Jobs
    kube::ReplicaCounts replicas;
    QString strategy; // Deployment strategy, StatefulSet/DaemonSet update strategy, CronJob schedule
    bool hasReplicas = true; // Jobs/CronJobs have no replica counts

    const kube::ObjectMeta &metadata() const { return *meta; }
    const QString &kind() const { return ref.kind; }
    const kube::LabelSelector &selector() const;
};

class ClusterStore final : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Ptr = std::shared_ptr<const T>;

    explicit ClusterStore(QObject *parent = nullptr);

    // Live changes (list pages and watch events): upserting an unknown object adds it.
    void upsert(Ptr<kube::Namespace> ns);
    void upsert(Ptr<kube::Node> node);
    void upsert(Ptr<kube::Pod> pod);
    void upsert(Ptr<kube::Service> service);
    void upsert(Ptr<kube::ReplicaSet> rs);
    void upsert(Ptr<kube::Job> job);
    void upsert(Ptr<kube::Deployment> d);
    void upsert(Ptr<kube::StatefulSet> s);
    void upsert(Ptr<kube::DaemonSet> d);
    void upsert(Ptr<kube::CronJob> c);
    void upsert(Ptr<kube::ResourceQuota> quota);
    void upsert(Ptr<kube::LimitRange> limits);
    void upsert(Ptr<kube::NetworkPolicy> policy);
    // A value made shared here (tests, decoded snapshots): the store holds the only copy.
    template<typename T>
    void upsert(T object)
    {
        upsert(std::make_shared<const T>(std::move(object)));
    }

    void removeNamespace(const QString &name);
    void removeNode(const QString &name);
    void removePod(const QString &uid);
    void removeService(const QString &uid);
    // Any workload kind, by UID.
    void removeWorkload(const QString &uid);
    // The removal that fits the object's kind (for informers' `removed` callbacks).
    void remove(const Ptr<kube::Namespace> &ns) { removeNamespace(ns->metadata.name); }
    void remove(const Ptr<kube::Node> &node) { removeNode(node->metadata.name); }
    void remove(const Ptr<kube::Pod> &pod) { removePod(pod->metadata.uid); }
    void remove(const Ptr<kube::Service> &service) { removeService(service->metadata.uid); }
    void remove(const Ptr<kube::ResourceQuota> &quota);
    void remove(const Ptr<kube::LimitRange> &limits);
    void remove(const Ptr<kube::NetworkPolicy> &policy);
    template<typename Workload>
    void remove(const Ptr<Workload> &workload)
    {
        removeWorkload(workload->metadata.uid);
    }

    // A context switch: everything is forgotten and the models reset once.
    void clear();

    // The Namespace object (null when it is not listed, e.g. for a namespace-limited user).
    const kube::Namespace *namespaceObject(const QString &name) const;
    // A namespace's quotas, limit ranges and network policies, in name order.
    QList<const kube::ResourceQuota *> quotasIn(const QString &ns) const { return m_quotas.in(ns); }
    QList<const kube::LimitRange *> limitRangesIn(const QString &ns) const
    {
        return m_limitRanges.in(ns);
    }
    QList<const kube::NetworkPolicy *> networkPoliciesIn(const QString &ns) const
    {
        return m_networkPolicies.in(ns);
    }
    const kube::Node *node(const QString &name) const;
    const kube::Pod *pod(const QString &uid) const;
    // A top-level controller by its key (ControllerRef::key()).
    const ControllerInfo *controller(const QString &key) const;
    const kube::Service *service(const QString &uid) const;
    QList<QString> nodeNames() const { return m_nodes.keys(); }
    QList<QString> podUids() const { return m_pods.keys(); }
    qsizetype podCount() const { return m_pods.size(); }
    // The keys of the top-level controllers the store holds.
    QList<QString> controllerKeys() const { return m_controllers.keys(); }
    QList<const kube::Service *> services() const;
    // Namespaces seen in Namespace objects, pods and workloads since the last clear(), sorted.
    QStringList namespaces() const;
    // Node pool of a node from its labels (AKS, EKS, GKE conventions), or "".
    static QString nodePoolOf(const kube::Node &node);
    QStringList nodePools() const;

    // The top-level controller of a pod (null for a pod without controller). Pod → ReplicaSet
    // → Deployment and Pod → Job → CronJob are followed as far as the owners are known; an
    // unknown owner is the top level.
    ControllerRef controllerOf(const QString &podUid) const;
    // The controller a key names, also one that only pods point to (its object not listed).
    ControllerRef controllerRef(const QString &key) const;
    // The pod a namespace and name name ("" if none): metrics sources report pods so.
    QString podUidByName(const QString &ns, const QString &name) const;

    // Named indexes (pod UIDs, or workload UIDs for workloadsInNamespace).
    QSet<QString> podsOfController(const QString &key) const
    {
        return m_podsByController.value(key);
    }
    QSet<QString> podsOnNode(const QString &node) const { return m_podsByNode.value(node); }
    QSet<QString> podsInNamespace(const QString &ns) const { return m_podsByNamespace.value(ns); }
    QSet<QString> podsOwnedBy(const QString &ownerUid) const
    {
        return m_podsByOwner.value(ownerUid);
    }
    // Pods whose label `key` has `value`.
    QSet<QString> podsWithLabel(const QString &key, const QString &value) const
    {
        return m_podsByLabel.value(labelKey(key, value));
    }
    QSet<QString> workloadsInNamespace(const QString &ns) const
    {
        return m_workloadsByNamespace.value(ns);
    }
    // Workloads (UIDs) whose controller owner is `ownerUid` (a Deployment's ReplicaSets).
    QSet<QString> workloadsOwnedBy(const QString &ownerUid) const
    {
        return m_workloadsByOwner.value(ownerUid);
    }
    // Any workload by UID, top-level or not.
    const ControllerInfo *workload(const QString &uid) const;

Q_SIGNALS:
    void nodeChanged(const QString &name); // added, updated or removed
    void podChanged(const QString &uid);   // added, updated, removed, or its controller changed
    void controllerChanged(const QString &key);
    void servicesChanged();
    void namespacesChanged();
    // A namespace's object, quotas, limit ranges or network policies changed, or it was seen
    // for the first time.
    void namespaceChanged(const QString &name);
    // A container's restart count changed between two versions of its pod (not on the first
    // sight of a pod): what "restarts within the time range" is counted from.
    void containerRestartsChanged(const QString &ns, const QString &pod, const QString &container,
                                  int before, int now);
    void cleared();

private:
    struct Workload
    {
        ControllerInfo info;
        QString ownerUid; // its controller owner's UID ("" = top level)
    };

    void upsertWorkload(ControllerInfo info);
    ControllerRef resolveController(const kube::Pod &pod) const;
    ControllerRef topLevelOf(const QString &ns, const kube::OwnerReference &ref, int depth) const;
    // Files pod `uid` in the indexes: out of those of `before`, into those of `now` (either may
    // be null). Returns whether its top-level controller changed.
    bool indexPod(const QString &uid, const kube::Pod *before, const kube::Pod *now);
    void noteNamespace(const QString &ns);
    void noteRestarts(const kube::Pod &before, const kube::Pod &now);
    void reresolveOwnedBy(const QString &ownerUid);
    void reresolvePods(const QSet<QString> &uids);
    static QString labelKey(const QString &key, const QString &value) { return key + u'=' + value; }

    QHash<QString, Ptr<kube::Namespace>> m_namespaces; // by name
    QHash<QString, Ptr<kube::Node>> m_nodes;           // by name
    QHash<QString, Ptr<kube::Pod>> m_pods;             // by UID
    QHash<QString, Ptr<kube::Service>> m_services;     // by UID
    QHash<QString, Workload> m_workloads;              // every workload by UID
    QHash<QString, QString> m_controllers;             // top-level: key → workload UID
    QHash<QString, ControllerRef> m_podController;     // pod UID → its top-level controller
    QHash<QString, QString> m_podByName;               // "ns/name" → pod UID

    KeyIndex m_podsByController; // controller key → pods
    KeyIndex m_podsByNode;
    KeyIndex m_podsByNamespace;
    KeyIndex m_podsByOwner; // direct controller owner UID → pods
    KeyIndex m_podsByLabel; // "key=value" → pods
    KeyIndex m_workloadsByOwner;
    KeyIndex m_workloadsByNamespace;
    QSet<QString> m_knownNamespaces; // from Namespace objects, pods and workloads
    NamespacedObjects<kube::ResourceQuota> m_quotas;
    NamespacedObjects<kube::LimitRange> m_limitRanges;
    NamespacedObjects<kube::NetworkPolicy> m_networkPolicies;
};
