#pragma once

// What the Namespaces tab and a namespace's details both say of a namespace, computed in one
// place: its status, its pods by phase, the requests and limits of its running pods, and how
// a resource list reads.
#include "kubeapi/objects/namespacepolicy.h"

#include <QCoreApplication>
#include <QString>

class ClusterStore;

class NamespaceFigures final
{
    Q_DECLARE_TR_FUNCTIONS(NamespaceFigures)
public:
    // Requests or limits summed as the quota controller counts them: the containers of every
    // pod that has not finished.
    struct Resources
    {
        double cpuMillicores = 0;
        double memoryBytes = 0;
        int pods = 0;
        int containers = 0;
        int withoutCpu = 0; // containers that set no CPU figure
        int withoutMemory = 0;
        bool anyCpu() const { return withoutCpu < containers; }
        bool anyMemory() const { return withoutMemory < containers; }
    };
    static Resources resources(const ClusterStore &store, const QString &ns, bool limits);

    // Whether the store knows the namespace: its object, or anything in it.
    static bool known(const ClusterStore &store, const QString &ns);
    // "Active", "Terminating", or "" for a Namespace object these credentials cannot read.
    static QString status(const kube::Namespace *object);
    static bool isTerminating(const kube::Namespace &object);
    // Pods by phase in the order kubectl users read them (Running, Pending, Succeeded,
    // Failed, Unknown), as "5 Running", "1 Pending"…; *total gets the pod count.
    static QStringList podsByPhase(const ClusterStore &store, const QString &ns, int *total);
    // "cpu=500m, memory=256Mi"; "" for an empty list.
    static QString resourceList(const kube::ResourceList &list);
};
