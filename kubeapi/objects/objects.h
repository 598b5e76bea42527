#pragma once

// Compact value types for the Kubernetes objects the dashboard shows, filled by decoders.h.
// They hold only displayed fields: 150,000 pods plus nodes must fit in far under 500 MB.
#include "kubeapi/objects/quantity.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QtGlobal>

#include <limits>
#include <utility>

namespace kube {

// A point in time (metav1.Time / MicroTime) as milliseconds since the epoch, UTC.
// 8 bytes instead of a QDateTime's heap-allocated private data.
struct Timestamp
{
    static constexpr qint64 kUnset = std::numeric_limits<qint64>::min();
    qint64 msecsSinceEpoch = kUnset;

    bool isValid() const { return msecsSinceEpoch != kUnset; }
    QDateTime toDateTime() const
    {
        return isValid() ? QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC) : QDateTime();
    }
    static Timestamp fromMSecs(qint64 msecs) { return Timestamp{msecs}; }
    friend bool operator==(Timestamp a, Timestamp b)
    {
        return a.msecsSinceEpoch == b.msecsSinceEpoch;
    }
    friend bool operator!=(Timestamp a, Timestamp b) { return !(a == b); }
};

// Labels, annotations, selectors: a flat list of pairs in the JSON's order (far smaller than a
// QHash for the handful of entries an object has).
using StringPairs = QList<std::pair<QString, QString>>;

inline const QString *findValue(const StringPairs &pairs, QStringView key)
{
    for (const auto &p : pairs) {
        if (p.first == key)
            return &p.second;
    }
    return nullptr;
}
inline QString valueOf(const StringPairs &pairs, QStringView key, const QString &fallback = {})
{
    const QString *v = findValue(pairs, key);
    return v ? *v : fallback;
}

// Tri-state for optional booleans (securityContext fields, containerStatus.started).
enum class OptionalBool : quint8 { Unset, False, True };

struct OwnerReference
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
};

struct ObjectMeta
{
    QString uid;
    QString name;
    QString namespaceName; // "" for cluster-scoped objects
    QString resourceVersion;
    qint64 generation = 0;
    StringPairs labels;
    // All annotations except kubectl.kubernetes.io/last-applied-configuration and values
    // longer than 4 KiB (they hold whole manifests and would dominate memory).
    StringPairs annotations;
    QList<OwnerReference> ownerReferences;
    Timestamp creationTimestamp;
    Timestamp deletionTimestamp;

    // The owner with controller: true, or nullptr.
    const OwnerReference *controllerRef() const
    {
        for (const auto &o : ownerReferences) {
            if (o.controller)
                return &o;
        }
        return nullptr;
    }
};

// Node, pod and workload conditions share this shape.
struct Condition
{
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    Timestamp lastTransitionTime;
    Timestamp lastHeartbeatTime; // nodes only (lastHeartbeatTime); lastProbeTime for pods
};

inline const Condition *findCondition(const QList<Condition> &conditions, QStringView type)
{
    for (const auto &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

struct ListMeta
{
    QString resourceVersion;
    QString continueToken;
    qint64 remainingItemCount = -1; // -1 = not given
};

// ---- RawObject -------------------------------------------------------------------------------

// Any kind as the server sent it: its metadata decoded (for the informer's cache) and its JSON
// text kept whole, for writers that hand objects on unchanged (the snapshot command).
struct RawObject
{
    ObjectMeta metadata;
    QByteArray json;
};

// ---- Namespace -------------------------------------------------------------------------------

struct Namespace
{
    ObjectMeta metadata;
    QString phase; // Active, Terminating
};

// ---- Node ------------------------------------------------------------------------------------

struct NodeAddress
{
    QString type; // InternalIP, ExternalIP, Hostname, ...
    QString address;
};

struct Taint
{
    QString key;
    QString value;
    QString effect; // NoSchedule, PreferNoSchedule, NoExecute
};

struct NodeSystemInfo
{
    QString kubeletVersion;
    QString kubeProxyVersion;
    QString osImage;
    QString kernelVersion;
    QString operatingSystem;
    QString architecture;
    QString containerRuntimeVersion;
};

struct NodeResources
{
    Quantity cpu;
    Quantity memory;
    Quantity pods;
    Quantity ephemeralStorage;
};

struct Node
{
    ObjectMeta metadata;
    QList<Condition> conditions;
    NodeResources capacity;
    NodeResources allocatable;
    NodeSystemInfo nodeInfo;
    QList<NodeAddress> addresses;
    QList<Taint> taints;
    // From labels node-role.kubernetes.io/<role> and kubernetes.io/role=<role>, sorted.
    QStringList roles;
    QString providerID;
    bool unschedulable = false;

    // Ready condition status: "True", "False", "Unknown" or "" when absent.
    QString readyStatus() const
    {
        const Condition *c = findCondition(conditions, u"Ready");
        return c ? c->status : QString();
    }
    QString addressOf(QStringView type) const
    {
        for (const auto &a : addresses) {
            if (a.type == type)
                return a.address;
        }
        return {};
    }
};

// ---- Pod -------------------------------------------------------------------------------------

struct ResourceRequirements
{
    Quantity cpuRequest;
    Quantity cpuLimit;
    Quantity memoryRequest;
    Quantity memoryLimit;
};

struct ContainerPort
{
    QString name;
    QString protocol; // TCP (default), UDP, SCTP
    qint32 containerPort = 0;
    qint32 hostPort = 0;
};

// An environment variable shows its value only when it is a literal; otherwise where it comes
// from. Secret values are never fetched.
struct EnvVar
{
    enum class Source : quint8 {
        Value,
        SecretKeyRef,
        ConfigMapKeyRef,
        FieldRef,
        ResourceFieldRef,
        Unknown
    };
    QString name;
    Source source = Source::Value;
    QString value;      // Source::Value only
    QString sourceName; // Secret/ConfigMap name; container name for resourceFieldRef
    QString sourceKey;  // key; fieldPath for fieldRef; resource for resourceFieldRef
    bool optional = false;
};

struct EnvFromSource
{
    enum class Kind : quint8 { ConfigMap, Secret };
    Kind kind = Kind::ConfigMap;
    QString name;
    QString prefix;
};

struct VolumeMount
{
    QString name;
    QString mountPath;
    QString subPath;
    bool readOnly = false;
};

// A probe as one line, like `kubectl describe`: handler = "http-get http://:8080/healthz",
// "tcp-socket :5432", "exec [cat /tmp/ok]", "grpc <port> <service>".
struct ProbeSummary
{
    QString handler; // "" = no probe configured
    qint32 initialDelaySeconds = 0;
    qint32 timeoutSeconds = 1;
    qint32 periodSeconds = 10;
    qint32 successThreshold = 1;
    qint32 failureThreshold = 3;

    bool isSet() const { return !handler.isEmpty(); }
};

struct SecurityContextSummary
{
    qint64 runAsUser = -1; // -1 = not set
    qint64 runAsGroup = -1;
    OptionalBool runAsNonRoot = OptionalBool::Unset;
    OptionalBool privileged = OptionalBool::Unset;
    OptionalBool readOnlyRootFilesystem = OptionalBool::Unset;
    OptionalBool allowPrivilegeEscalation = OptionalBool::Unset;
    QStringList capabilitiesAdd;
    QStringList capabilitiesDrop;
};

struct Container
{
    QString name;
    QString image;
    QString imagePullPolicy;
    QStringList command;
    QStringList args;
    QString restartPolicy; // init containers: "Always" marks a sidecar
    ResourceRequirements resources;
    QList<ContainerPort> ports;
    QList<EnvVar> env;
    QList<EnvFromSource> envFrom;
    QList<VolumeMount> volumeMounts;
    ProbeSummary livenessProbe;
    ProbeSummary readinessProbe;
    ProbeSummary startupProbe;
    SecurityContextSummary securityContext;
};

struct ContainerState
{
    enum class Kind : quint8 { None, Waiting, Running, Terminated };
    Kind kind = Kind::None;
    QString reason; // waiting/terminated reason (CrashLoopBackOff, OOMKilled, Completed, ...)
    QString message;
    qint32 exitCode = 0;  // terminated only
    qint32 signal = 0;    // terminated only
    Timestamp startedAt;  // running and terminated
    Timestamp finishedAt; // terminated
};

struct ContainerStatus
{
    QString name;
    ContainerState state;
    ContainerState lastState;
    qint32 restartCount = 0;
    bool ready = false;
    OptionalBool started = OptionalBool::Unset;
    QString image;
    QString imageID;
    QString containerID; // "containerd://…"
};

struct Pod
{
    ObjectMeta metadata;
    // spec
    QString nodeName;
    QString serviceAccountName;
    QString restartPolicy;
    QString priorityClassName;
    QList<Container> initContainers;
    QList<Container> containers;
    // status
    QString phase;  // Pending, Running, Succeeded, Failed, Unknown
    QString reason; // e.g. Evicted
    QString message;
    QString podIP;
    QStringList podIPs; // only when the pod has more than one IP (dual-stack); else empty
    QString hostIP;
    QString qosClass;
    Timestamp startTime;
    // Ready, plus every condition that is not True (e.g. PodScheduled=False with its reason);
    // True conditions other than Ready are dropped to keep 150,000 pods small.
    QList<Condition> conditions;
    QList<ContainerStatus> initContainerStatuses;
    QList<ContainerStatus> containerStatuses;

    bool isReady() const
    {
        const Condition *c = findCondition(conditions, u"Ready");
        return c && c->status == u"True";
    }
    qint32 restartCount() const
    {
        qint32 n = 0;
        for (const auto &s : containerStatuses)
            n += s.restartCount;
        return n;
    }
};

// ---- Workloads -------------------------------------------------------------------------------

struct LabelSelectorRequirement
{
    QString key;
    QString op; // In, NotIn, Exists, DoesNotExist
    QStringList values;
};

struct LabelSelector
{
    StringPairs matchLabels;
    QList<LabelSelectorRequirement> matchExpressions;
    bool isEmpty() const { return matchLabels.isEmpty() && matchExpressions.isEmpty(); }
};

struct PodTemplateSummary
{
    StringPairs labels;
    QList<Container> initContainers;
    QList<Container> containers;
};

// Uniform replica counts so the Controllers view treats every workload kind alike.
// DaemonSet: desired = desiredNumberScheduled, current = currentNumberScheduled,
// ready = numberReady, updated = updatedNumberScheduled, available = numberAvailable.
struct ReplicaCounts
{
    qint32 desired = 0;
    qint32 current = 0;
    qint32 ready = 0;
    qint32 updated = 0;
    qint32 available = 0;
};

struct ReplicaSet
{
    ObjectMeta metadata;
    LabelSelector selector;
    PodTemplateSummary podTemplate;
    ReplicaCounts replicas; // desired = spec.replicas (default 1)
    qint32 fullyLabeledReplicas = 0;
    qint64 observedGeneration = 0;
    QList<Condition> conditions; // ReplicaFailure (FailedCreate: quota, admission)
};

struct Deployment
{
    ObjectMeta metadata;
    LabelSelector selector;
    PodTemplateSummary podTemplate;
    QString strategyType; // RollingUpdate, Recreate
    QString maxSurge;     // int or percentage, as written
    QString maxUnavailable;
    bool paused = false;
    ReplicaCounts replicas; // desired = spec.replicas (default 1)
    qint32 unavailableReplicas = 0;
    qint64 observedGeneration = 0;
    QList<Condition> conditions;
};

struct StatefulSet
{
    ObjectMeta metadata;
    LabelSelector selector;
    PodTemplateSummary podTemplate;
    QString serviceName;
    QString updateStrategyType; // RollingUpdate, OnDelete
    QString podManagementPolicy;
    ReplicaCounts replicas;
    QString currentRevision;
    QString updateRevision;
    qint64 observedGeneration = 0;
};

struct DaemonSet
{
    ObjectMeta metadata;
    LabelSelector selector;
    PodTemplateSummary podTemplate;
    QString updateStrategyType;
    ReplicaCounts replicas;
    qint32 numberUnavailable = 0;
    qint32 numberMisscheduled = 0;
    qint64 observedGeneration = 0;
};

struct Job
{
    ObjectMeta metadata;
    LabelSelector selector;
    PodTemplateSummary podTemplate;
    qint32 parallelism = -1; // -1 = not given
    qint32 completions = -1;
    qint32 backoffLimit = -1;
    bool suspend = false;
    qint32 active = 0;
    qint32 succeeded = 0;
    qint32 failed = 0;
    qint32 ready = -1;
    Timestamp startTime;
    Timestamp completionTime;
    QList<Condition> conditions; // Complete, Failed, Suspended, ...
};

struct ObjectReference
{
    QString kind;
    QString namespaceName;
    QString name;
    QString uid;
    QString apiVersion;
    QString fieldPath;
};

struct CronJob
{
    ObjectMeta metadata;
    QString schedule;
    QString timeZone;
    QString concurrencyPolicy;
    bool suspend = false;
    PodTemplateSummary podTemplate; // spec.jobTemplate.spec.template
    QList<ObjectReference> active;
    Timestamp lastScheduleTime;
    Timestamp lastSuccessfulTime;
};

// ---- Events, autoscaling, services -----------------------------------------------------------

struct Event
{
    ObjectMeta metadata;
    ObjectReference involvedObject;
    QString reason;
    QString message;
    QString type;     // Normal, Warning
    qint32 count = 0; // count, or series.count for new-style events
    Timestamp firstTimestamp;
    Timestamp lastTimestamp; // lastTimestamp, else series.lastObservedTime, else eventTime
    Timestamp eventTime;
    QString sourceComponent; // source.component, else reportingComponent
    QString sourceHost;
};

struct HorizontalPodAutoscaler
{
    ObjectMeta metadata;
    QString targetKind;
    QString targetName;
    QString targetApiVersion;
    qint32 minReplicas = 1;
    qint32 maxReplicas = 0;
    qint32 currentReplicas = 0;
    qint32 desiredReplicas = 0;
    qint32 targetCpuUtilizationPercent = -1;  // -1 = no CPU utilisation target
    qint32 currentCpuUtilizationPercent = -1; // -1 = not reported
    Timestamp lastScaleTime;
    QList<Condition> conditions;
};

struct ServicePort
{
    QString name;
    QString protocol;
    qint32 port = 0;
    QString targetPort; // number or named port, as written
    qint32 nodePort = 0;
};

struct Service
{
    ObjectMeta metadata;
    QString type; // ClusterIP (default), NodePort, LoadBalancer, ExternalName
    QString clusterIP;
    QStringList externalIPs;
    QStringList loadBalancerIngress; // ip or hostname
    QString externalName;
    StringPairs selector;
    QList<ServicePort> ports;
};

// ---- Status and metrics ----------------------------------------------------------------------

// A Kubernetes Status object (error responses, watch ERROR events).
struct Status
{
    struct Cause
    {
        QString reason;
        QString message;
        QString field;
    };
    QString status; // Success, Failure
    QString reason; // NotFound, Expired, Gone, Forbidden, TooManyRequests, ...
    QString message;
    qint32 code = 0;
    QString detailsName;
    QString detailsGroup;
    QString detailsKind;
    qint32 retryAfterSeconds = 0;
    QList<Cause> causes;
};

struct NodeMetrics
{
    QString name;
    Timestamp timestamp;
    qint64 windowMs = 0;
    Quantity cpu;
    Quantity memory;
};

struct ContainerMetrics
{
    QString name;
    Quantity cpu;
    Quantity memory;
};

struct PodMetrics
{
    QString name;
    QString namespaceName;
    Timestamp timestamp;
    qint64 windowMs = 0;
    QList<ContainerMetrics> containers;
};

} // namespace kube
