#pragma once

// The objects of one cluster the screens show (nodes, pods, workloads, services), fed by the
// informers' add/update/remove calls (ClusterSession) or a snapshot, with pod → top-level
// controller resolution and indexes by node, owner and controller; the models read only this.
#include "kubeapi/objects/objects.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

// A top-level workload (Deployment, StatefulSet, DaemonSet, CronJob, or a ReplicaSet/Job that
// nothing owns) in one shape, so the Controllers tab treats every kind alike.
struct ControllerInfo final
{
    QString kind;
    kube::ObjectMeta metadata;
    kube::LabelSelector selector;
    kube::ReplicaCounts replicas;
    QString strategy; // Deployment strategy, StatefulSet/DaemonSet update strategy, CronJob schedule
    bool hasReplicas = true; // Jobs/CronJobs have no replica counts
};

class ClusterStore final : public QObject
{
    Q_OBJECT
public:
    explicit ClusterStore(QObject *parent = nullptr);

    // Live changes (watch events). Upserting an unknown object adds it.
    void upsertNode(const kube::Node &node);
    void removeNode(const QString &name);
    void upsertPod(const kube::Pod &pod);
    void removePod(const QString &uid);
    void upsertNamespace(const kube::Namespace &ns);
    void removeNamespace(const QString &name);
    void upsertService(const kube::Service &service);
    void removeService(const QString &uid);
    void upsertReplicaSet(const kube::ReplicaSet &rs);
    void upsertJob(const kube::Job &job);
    void upsertDeployment(const kube::Deployment &d);
    void upsertStatefulSet(const kube::StatefulSet &s);
    void upsertDaemonSet(const kube::DaemonSet &d);
    void upsertCronJob(const kube::CronJob &c);
    // Any workload kind, by UID.
    void removeWorkload(const QString &uid);

    // A relist: the new complete list replaces the old one by merging (removed objects are
    // removed, the others upserted), so the models see adds/updates/removes, never a reset.
    void mergeNodes(const QList<kube::Node> &nodes);
    void mergePods(const QList<kube::Pod> &pods);

    // A context switch: everything is forgotten and the models reset once.
    void clear();

    const kube::Node *node(const QString &name) const;
    const kube::Pod *pod(const QString &uid) const;
    const ControllerInfo *controller(const QString &id) const;
    const kube::Service *service(const QString &uid) const;
    QList<QString> nodeNames() const { return m_nodes.keys(); }
    QList<QString> podUids() const { return m_pods.keys(); }
    QList<QString> controllerIds() const { return m_controllers.keys(); }
    QList<const kube::Service *> services() const;
    // Namespaces seen in Namespace objects, pods and workloads since the last clear(), sorted.
    QStringList namespaces() const;
    // Node pool of a node from its labels (AKS, EKS, GKE conventions), or "".
    static QString nodePoolOf(const kube::Node &node);
    QStringList nodePools() const;

    // The top-level controller of a pod, as MetricsHistory::controllerId ("ns/Kind/name"), or
    // "" for a pod without controller. Pod → ReplicaSet → Deployment and Pod → Job → CronJob
    // are followed as far as the owners are known; an unknown owner is the top level.
    QString controllerIdOf(const QString &podUid) const;
    static QString controllerKind(const QString &controllerId);
    static QString controllerName(const QString &controllerId);
    QSet<QString> podsOfController(const QString &controllerId) const
    {
        return m_podsByController.value(controllerId);
    }
    QSet<QString> podsOnNode(const QString &node) const { return m_podsByNode.value(node); }

Q_SIGNALS:
    void nodeChanged(const QString &name); // added, updated or removed
    void podChanged(const QString &uid);   // added, updated, removed, or its controller changed
    void controllerChanged(const QString &id);
    void servicesChanged();
    void namespacesChanged();
    void cleared();

private:
    void upsertWorkload(ControllerInfo info);
    QString resolveController(const kube::Pod &pod) const;
    QString topLevelOf(const QString &ns, const kube::OwnerReference &ref, int depth) const;
    void reindexPod(const QString &uid);
    // Moves workload `uid` under `ownerUid` ("" = owned by nothing) in the owner index.
    void indexWorkloadOwner(const QString &uid, const QString &ownerUid);
    void reresolveOwnedBy(const QString &ownerUid);

    struct Owned
    {
        QString kind;
        kube::ObjectMeta metadata;
    };
    QHash<QString, kube::Node> m_nodes; // by name
    QHash<QString, kube::Pod> m_pods;   // by UID
    QHash<QString, kube::Namespace> m_namespaces;
    QHash<QString, kube::Service> m_services; // by UID
    QHash<QString, Owned> m_workloads;        // every workload by UID, for owner resolution
    QHash<QString, QString> m_controllerIdByUid;
    QHash<QString, QString> m_workloadOwner;                // workload UID → controller owner UID
    QHash<QString, QSet<QString>> m_workloadsByOwner;       // owner UID → workloads it controls
    QHash<QString, ControllerInfo> m_controllers; // top-level ones by controller id
    QHash<QString, QString> m_podController;      // pod UID → controller id ("" = none)
    QHash<QString, QSet<QString>> m_podsByController;
    QHash<QString, QSet<QString>> m_podsByNode;
    QHash<QString, QString> m_podNode;
    QHash<QString, QSet<QString>> m_podsByOwner; // direct owner UID → pods
    QHash<QString, QString> m_podOwner;
    QSet<QString> m_knownNamespaces; // from Namespace objects, pods and workloads
};
