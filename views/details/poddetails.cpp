#include "views/details/poddetails.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/rowstatus.h"
#include "views/details/detailsform.h"

#include <QLocale>

bool PodDetails::exists(const ClusterStore &store, const DetailsSubject &subject) const
{
    return store.pod(subject.key) != nullptr;
}

std::pair<QString, QString> PodDetails::render(const ClusterStore &store,
                                               const DetailsSubject &subject,
                                               DetailsForm *form) const
{
    const kube::Pod &p = *store.pod(subject.key);
    const RowStatus status = RowStatus::ofPod(p);
    form->addRow(tr("Status:"), status.text);
    form->addRow(tr("Phase:"), DetailsForm::orMissing(p.phase));
    if (!p.reason.isEmpty() || !p.message.isEmpty())
        form->addRow(
            tr("Reason:"),
            p.reason
                + (p.message.isEmpty() ? QString() : QString(QStringLiteral(" — ") + p.message)));
    form->addRow(tr("Node:"), DetailsForm::orMissing(p.nodeName));
    form->addRow(
        tr("Pod IPs:"),
        DetailsForm::orMissing(p.podIPs.isEmpty() ? p.podIP : p.podIPs.join(QStringLiteral(", "))));
    form->addRow(tr("Node IP:"), DetailsForm::orMissing(p.hostIP));
    form->addRow(tr("QoS class:"), DetailsForm::orMissing(p.qosClass));
    const ControllerRef controller = store.controllerOf(subject.key);
    form->addRow(tr("Controller:"),
                 controller.isNull() ? Formatter::missing() : controller.kindAndName());
    form->addRow(tr("Created:"), DetailsForm::timestamp(p.metadata.creationTimestamp));
    form->addRow(tr("Started:"), DetailsForm::timestamp(p.startTime));
    form->addRow(tr("UID:"), p.metadata.uid);
    QStringList resources;
    for (const auto &c : p.containers)
        resources << tr("%1: CPU %2 / %3, memory %4 / %5 (request / limit)")
                         .arg(c.name, DetailsForm::quantity(c.resources.cpuRequest, true),
                              DetailsForm::quantity(c.resources.cpuLimit, true),
                              DetailsForm::quantity(c.resources.memoryRequest, false),
                              DetailsForm::quantity(c.resources.memoryLimit, false));
    form->addRow(tr("Resources:"), resources.join(QLatin1Char('\n')));
    form->addRow(tr("Restarts:"), QLocale().toString(p.restartCount()));
    form->addLabels(tr("Labels:"), p.metadata.labels);
    return {p.metadata.name, tr("Pod in namespace %1").arg(p.metadata.namespaceName)};
}

UsageSubject PodDetails::usage(const ClusterStore &store, const DetailsSubject &subject) const
{
    const kube::Pod &p = *store.pod(subject.key);
    UsageSubject out = requestsAndLimits(p, QString());
    out.kind = SeriesKind::Pod;
    out.id = MetricsHistory::podId(p.metadata.namespaceName, p.metadata.name);
    return out;
}

UsageSubject PodDetails::requestsAndLimits(const kube::Pod &p, const QString &onlyContainer)
{
    UsageSubject out;
    bool cr = true, cl = true, mr = true, ml = true;
    const auto sumInto = [](std::optional<double> &acc, const kube::Quantity &q, bool cpu,
                            bool &complete) {
        if (q.isNull()) {
            complete = false;
            return;
        }
        acc = acc.value_or(0) + (cpu ? double(q.milliValue()) : q.toDouble());
    };
    for (const auto &c : p.containers) {
        if (!onlyContainer.isEmpty() && c.name != onlyContainer)
            continue;
        sumInto(out.cpuRequest, c.resources.cpuRequest, true, cr);
        sumInto(out.cpuLimit, c.resources.cpuLimit, true, cl);
        sumInto(out.memoryRequest, c.resources.memoryRequest, false, mr);
        sumInto(out.memoryLimit, c.resources.memoryLimit, false, ml);
    }
    if (!cr)
        out.cpuRequest.reset();
    if (!cl)
        out.cpuLimit.reset();
    if (!mr)
        out.memoryRequest.reset();
    if (!ml)
        out.memoryLimit.reset();
    return out;
}
