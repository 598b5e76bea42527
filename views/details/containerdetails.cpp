#include "views/details/containerdetails.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/rowstatus.h"
#include "views/details/detailsform.h"
#include "views/details/poddetails.h"

#include <QLocale>

bool ContainerDetails::exists(const ClusterStore &store, const DetailsSubject &subject) const
{
    return store.pod(subject.key) != nullptr;
}

std::pair<QString, QString> ContainerDetails::render(const ClusterStore &store,
                                                     const DetailsSubject &subject,
                                                     DetailsForm *form) const
{
    const kube::Pod &p = *store.pod(subject.key);
    const kube::Container *spec = nullptr;
    for (const auto &c : p.containers) {
        if (c.name == subject.container)
            spec = &c;
    }
    const kube::ContainerStatus *st = nullptr;
    for (const auto &s : p.containerStatuses) {
        if (s.name == subject.container)
            st = &s;
    }
    const std::pair<QString, QString> heading{
        subject.container,
        tr("Container of pod %1 in namespace %2").arg(p.metadata.name, p.metadata.namespaceName)};
    form->addRow(tr("Status:"), RowStatus::ofContainer(p, subject.container).text);
    if (st) {
        form->addRow(tr("Container ID:"), DetailsForm::orMissing(st->containerID));
        if (!st->state.message.isEmpty())
            form->addRow(tr("Message:"), st->state.message);
        if (st->state.kind == kube::ContainerState::Kind::Terminated)
            form->addRow(tr("Exit code:"), QString::number(st->state.exitCode));
        form->addRow(tr("Started:"), DetailsForm::timestamp(st->state.startedAt));
        if (st->state.finishedAt.isValid())
            form->addRow(tr("Finished:"), DetailsForm::timestamp(st->state.finishedAt));
        form->addRow(tr("Restarts:"), QLocale().toString(st->restartCount));
        if (st->lastState.kind == kube::ContainerState::Kind::Terminated)
            form->addRow(tr("Last termination:"),
                         tr("%1 (exit code %2) at %3")
                             .arg(DetailsForm::orMissing(st->lastState.reason))
                             .arg(st->lastState.exitCode)
                             .arg(DetailsForm::timestamp(st->lastState.finishedAt)));
        form->addRow(tr("Image ID:"), DetailsForm::orMissing(st->imageID));
    }
    form->addRow(tr("Namespace:"), p.metadata.namespaceName);
    form->addRow(tr("Pod created:"), DetailsForm::timestamp(p.metadata.creationTimestamp));
    if (!spec)
        return heading;
    const int colon = spec->image.lastIndexOf(QLatin1Char(':'));
    const bool hasTag = colon > spec->image.lastIndexOf(QLatin1Char('/'));
    form->addRow(tr("Image:"), spec->image);
    form->addRow(tr("Image tag:"), hasTag ? spec->image.mid(colon + 1) : tr("latest (implicit)"));
    form->addRow(tr("CPU request / limit:"),
                 DetailsForm::quantity(spec->resources.cpuRequest, true) + QStringLiteral(" / ")
                     + DetailsForm::quantity(spec->resources.cpuLimit, true));
    form->addRow(tr("Memory request / limit:"),
                 DetailsForm::quantity(spec->resources.memoryRequest, false) + QStringLiteral(" / ")
                     + DetailsForm::quantity(spec->resources.memoryLimit, false));
    QStringList ports;
    for (const auto &port : spec->ports)
        ports << QString::number(port.containerPort) + QLatin1Char('/')
                     + (port.protocol.isEmpty() ? QStringLiteral("TCP") : port.protocol)
                     + (port.name.isEmpty()
                            ? QString()
                            : QString(QStringLiteral(" (") + port.name + QLatin1Char(')')));
    form->addRow(tr("Ports:"), DetailsForm::orMissing(ports.join(QStringLiteral(", "))));
    // Values from Secrets are never fetched; they show where they come from.
    QStringList env;
    for (const auto &e : spec->env) {
        using S = kube::EnvVar::Source;
        QString value;
        switch (e.source) {
        case S::Value:
            value = e.value;
            break;
        case S::SecretKeyRef:
            value = tr("from Secret %1, key %2").arg(e.sourceName, e.sourceKey);
            break;
        case S::ConfigMapKeyRef:
            value = tr("from ConfigMap %1, key %2").arg(e.sourceName, e.sourceKey);
            break;
        case S::FieldRef:
            value = tr("from field %1").arg(e.sourceKey);
            break;
        case S::ResourceFieldRef:
            value = tr("from resource %1").arg(e.sourceKey);
            break;
        case S::Unknown:
            value = tr("from an unknown source");
            break;
        }
        env << e.name + QLatin1Char('=') + value;
    }
    for (const auto &f : spec->envFrom)
        env << (f.kind == kube::EnvFromSource::Kind::Secret
                    ? tr("all keys of Secret %1").arg(f.name)
                    : tr("all keys of ConfigMap %1").arg(f.name));
    form->addRow(tr("Environment:"), DetailsForm::orMissing(env.join(QLatin1Char('\n'))));
    QStringList mounts;
    for (const auto &m : spec->volumeMounts)
        mounts << m.mountPath + QStringLiteral(" ← ") + m.name
                      + (m.readOnly ? tr(" (read-only)") : QString());
    form->addRow(tr("Mounts:"), DetailsForm::orMissing(mounts.join(QLatin1Char('\n'))));
    auto probe = [](const kube::ProbeSummary &p) {
        return p.isSet() ? tr("%1 delay=%2s timeout=%3s period=%4s")
                               .arg(p.handler)
                               .arg(p.initialDelaySeconds)
                               .arg(p.timeoutSeconds)
                               .arg(p.periodSeconds)
                         : Formatter::missing();
    };
    form->addRow(tr("Liveness probe:"), probe(spec->livenessProbe));
    form->addRow(tr("Readiness probe:"), probe(spec->readinessProbe));
    form->addRow(tr("Startup probe:"), probe(spec->startupProbe));
    const auto &sc = spec->securityContext;
    QStringList security;
    auto flag = [&security](const QString &name, kube::OptionalBool b) {
        if (b != kube::OptionalBool::Unset)
            security << name + QLatin1Char('=')
                            + (b == kube::OptionalBool::True ? QStringLiteral("true")
                                                             : QStringLiteral("false"));
    };
    if (sc.runAsUser >= 0)
        security << QStringLiteral("runAsUser=") + QString::number(sc.runAsUser);
    flag(QStringLiteral("runAsNonRoot"), sc.runAsNonRoot);
    flag(QStringLiteral("privileged"), sc.privileged);
    flag(QStringLiteral("readOnlyRootFilesystem"), sc.readOnlyRootFilesystem);
    flag(QStringLiteral("allowPrivilegeEscalation"), sc.allowPrivilegeEscalation);
    if (!sc.capabilitiesDrop.isEmpty())
        security << QStringLiteral("drop=") + sc.capabilitiesDrop.join(QLatin1Char(','));
    if (!sc.capabilitiesAdd.isEmpty())
        security << QStringLiteral("add=") + sc.capabilitiesAdd.join(QLatin1Char(','));
    form->addRow(tr("Security context:"),
                 DetailsForm::orMissing(security.join(QStringLiteral(", "))));
    return heading;
}

UsageSubject ContainerDetails::usage(const ClusterStore &store, const DetailsSubject &subject) const
{
    const kube::Pod &p = *store.pod(subject.key);
    UsageSubject out = PodDetails::requestsAndLimits(p, subject.container);
    out.kind = SeriesKind::Container;
    out.id = MetricsHistory::containerId(p.metadata.namespaceName, p.metadata.name,
                                         subject.container);
    return out;
}
