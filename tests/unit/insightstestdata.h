#pragma once

// Small builders for the kube:: value types used by the insight model and view tests.
#include "kubeapi/objects/objects.h"

#include <QDateTime>

namespace insightstest {

inline kube::Quantity q(const char *text)
{
    return *kube::Quantity::parse(QString::fromLatin1(text));
}

inline kube::Node node(const QString &name, bool ready = true, const QString &pool = {})
{
    kube::Node n;
    n.metadata.name = name;
    n.metadata.uid = QStringLiteral("node-") + name;
    n.metadata.creationTimestamp = kube::Timestamp::fromMSecs(1'700'000'000'000);
    if (!pool.isEmpty())
        n.metadata.labels << std::pair(QStringLiteral("agentpool"), pool);
    n.allocatable.cpu = q("4");
    n.allocatable.memory = q("16Gi");
    n.capacity = n.allocatable;
    kube::Condition c;
    c.type = QStringLiteral("Ready");
    c.status = ready ? QStringLiteral("True") : QStringLiteral("False");
    c.lastTransitionTime = kube::Timestamp::fromMSecs(1'700'000'000'000);
    n.conditions << c;
    n.nodeInfo.kubeletVersion = QStringLiteral("v1.32.0");
    return n;
}

// A running, ready pod with the given containers (each 500m CPU limit, 256Mi memory limit).
inline kube::Pod pod(const QString &ns, const QString &name, const QString &nodeName,
                     const QStringList &containers = {QStringLiteral("app")},
                     const QString &ownerKind = {}, const QString &ownerName = {},
                     const QString &ownerUid = {})
{
    kube::Pod p;
    p.metadata.namespaceName = ns;
    p.metadata.name = name;
    p.metadata.uid = QStringLiteral("uid-") + ns + QLatin1Char('-') + name;
    p.metadata.labels << std::pair(QStringLiteral("app"), name.section(QLatin1Char('-'), 0, 0));
    p.metadata.creationTimestamp = kube::Timestamp::fromMSecs(1'700'000'000'000);
    if (!ownerKind.isEmpty())
        p.metadata.ownerReferences << kube::OwnerReference{QStringLiteral("apps/v1"), ownerKind,
                                                           ownerName, ownerUid, true};
    p.nodeName = nodeName;
    p.phase = nodeName.isEmpty() ? QStringLiteral("Pending") : QStringLiteral("Running");
    p.startTime = kube::Timestamp::fromMSecs(1'700'000'000'000);
    kube::Condition ready;
    ready.type = QStringLiteral("Ready");
    ready.status = nodeName.isEmpty() ? QStringLiteral("False") : QStringLiteral("True");
    p.conditions << ready;
    for (const QString &c : containers) {
        kube::Container spec;
        spec.name = c;
        spec.image = QStringLiteral("registry.example/") + c + QStringLiteral(":1.0");
        spec.resources.cpuLimit = q("500m");
        spec.resources.cpuRequest = q("250m");
        spec.resources.memoryLimit = q("256Mi");
        p.containers << spec;
        if (!nodeName.isEmpty()) {
            kube::ContainerStatus s;
            s.name = c;
            s.ready = true;
            s.state.kind = kube::ContainerState::Kind::Running;
            s.state.startedAt = kube::Timestamp::fromMSecs(1'700'000'000'000);
            p.containerStatuses << s;
        }
    }
    return p;
}

inline kube::ReplicaSet replicaSet(const QString &ns, const QString &name,
                                   const QString &deployment, const QString &deploymentUid)
{
    kube::ReplicaSet rs;
    rs.metadata.namespaceName = ns;
    rs.metadata.name = name;
    rs.metadata.uid = QStringLiteral("uid-rs-") + name;
    rs.metadata.ownerReferences << kube::OwnerReference{
        QStringLiteral("apps/v1"), QStringLiteral("Deployment"), deployment, deploymentUid, true};
    return rs;
}

inline kube::Deployment deployment(const QString &ns, const QString &name)
{
    kube::Deployment d;
    d.metadata.namespaceName = ns;
    d.metadata.name = name;
    d.metadata.uid = QStringLiteral("uid-deploy-") + name;
    d.metadata.creationTimestamp = kube::Timestamp::fromMSecs(1'700'000'000'000);
    d.replicas.desired = 2;
    d.strategyType = QStringLiteral("RollingUpdate");
    d.selector.matchLabels << std::pair(QStringLiteral("app"), name);
    return d;
}

} // namespace insightstest
