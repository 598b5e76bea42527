#pragma once

// The status column of the insight grids: one severity (for colour and sorting) and a short
// translated text with the Kubernetes reason, for nodes, pods, containers and controllers.
#include "kubeapi/objects/objects.h"

#include <QString>

struct RowStatus final
{
    // Ordered from best to worst: sorting on the severity puts trouble last (or first).
    enum class Severity { Ok, Done, Pending, Warning, Failed, Unknown };
    Severity severity = Severity::Unknown;
    QString text; // translated when computed

    // Running and ready / waiting with its reason / terminated with its reason / unknown.
    static RowStatus ofContainer(const kube::Pod &pod, const QString &containerName);
    static RowStatus ofPod(const kube::Pod &pod);
    static RowStatus ofNode(const kube::Node *node);
    // "2 ⚠ 1 ✖": how many pods are in the two worst states; "✔ 3" when all are fine.
    static RowStatus ofPods(const QList<RowStatus> &pods);
    // Reasons that mean the container cannot run as it is (shown as failed, not waiting).
    static bool isFailureReason(const QString &reason);
    static QString symbol(Severity severity);
};
