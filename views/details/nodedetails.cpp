#include "views/details/nodedetails.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/rowstatus.h"
#include "views/details/detailsform.h"

#include <QLocale>

bool NodeDetails::exists(const ClusterStore &store, const DetailsSubject &subject) const
{
    return store.node(subject.key) != nullptr;
}

std::pair<QString, QString> NodeDetails::render(const ClusterStore &store,
                                                const DetailsSubject &subject,
                                                DetailsForm *form) const
{
    const kube::Node &n = *store.node(subject.key);
    form->addRow(tr("Status:"), RowStatus::ofNode(&n).text);
    QStringList conditions;
    for (const auto &c : n.conditions)
        conditions << c.type + QStringLiteral(": ") + c.status
                          + (c.reason.isEmpty()
                                 ? QString()
                                 : QString(QStringLiteral(" (") + c.reason + QLatin1Char(')')));
    form->addRow(tr("Conditions:"), DetailsForm::orMissing(conditions.join(QLatin1Char('\n'))));
    form->addRow(tr("Roles:"), DetailsForm::orMissing(n.roles.join(QStringLiteral(", "))));
    form->addRow(tr("Node pool:"), DetailsForm::orMissing(ClusterStore::nodePoolOf(n)));
    form->addRow(tr("Kubelet version:"), DetailsForm::orMissing(n.nodeInfo.kubeletVersion));
    form->addRow(tr("Kube-proxy version:"), DetailsForm::orMissing(n.nodeInfo.kubeProxyVersion));
    form->addRow(tr("Container runtime:"),
                 DetailsForm::orMissing(n.nodeInfo.containerRuntimeVersion));
    form->addRow(tr("OS image:"), DetailsForm::orMissing(n.nodeInfo.osImage));
    form->addRow(tr("Kernel:"), DetailsForm::orMissing(n.nodeInfo.kernelVersion));
    form->addRow(tr("Architecture:"), DetailsForm::orMissing(n.nodeInfo.architecture));
    form->addRow(tr("Internal IP:"), DetailsForm::orMissing(n.addressOf(u"InternalIP")));
    form->addRow(tr("Capacity:"),
                 tr("CPU %1, memory %2, pods %3, disk %4")
                     .arg(DetailsForm::quantity(n.capacity.cpu, true),
                          DetailsForm::quantity(n.capacity.memory, false),
                          DetailsForm::orMissing(n.capacity.pods.toString()),
                          DetailsForm::quantity(n.capacity.ephemeralStorage, false)));
    form->addRow(tr("Allocatable:"),
                 tr("CPU %1, memory %2, pods %3, disk %4")
                     .arg(DetailsForm::quantity(n.allocatable.cpu, true),
                          DetailsForm::quantity(n.allocatable.memory, false),
                          DetailsForm::orMissing(n.allocatable.pods.toString()),
                          DetailsForm::quantity(n.allocatable.ephemeralStorage, false)));
    QStringList taints;
    for (const auto &t : n.taints)
        taints << t.key + (t.value.isEmpty() ? QString() : QString(QLatin1Char('=') + t.value))
                      + QLatin1Char(':') + t.effect;
    form->addRow(tr("Taints:"), DetailsForm::orMissing(taints.join(QLatin1Char('\n'))));
    form->addRow(tr("Pods:"), QLocale().toString(store.podsOnNode(n.metadata.name).size()));
    form->addRow(tr("Created:"), DetailsForm::timestamp(n.metadata.creationTimestamp));
    form->addLabels(tr("Labels:"), n.metadata.labels);
    QStringList annotations;
    for (const auto &[k, v] : n.metadata.annotations)
        annotations << k + QLatin1Char('=') + v;
    form->addRow(tr("Annotations:"), DetailsForm::orMissing(annotations.join(QLatin1Char('\n'))));
    return {n.metadata.name, tr("Node")};
}

UsageSubject NodeDetails::usage(const ClusterStore &store, const DetailsSubject &subject) const
{
    UsageSubject out;
    out.kind = SeriesKind::Node;
    out.id = subject.key;
    out.limitIsAllocatable = true;
    const kube::Node *n = store.node(subject.key);
    if (!n->allocatable.cpu.isNull())
        out.cpuLimit = double(n->allocatable.cpu.milliValue());
    if (!n->allocatable.memory.isNull())
        out.memoryLimit = n->allocatable.memory.toDouble();
    return out;
}
