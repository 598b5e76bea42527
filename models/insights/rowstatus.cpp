#include "models/insights/rowstatus.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RowStatus)
};

RowStatus make(RowStatus::Severity severity, const QString &text)
{
    return RowStatus{severity, text};
}
} // namespace

bool RowStatus::isFailureReason(const QString &reason)
{
    static const QStringList failures = {
        QStringLiteral("CrashLoopBackOff"),
        QStringLiteral("ImagePullBackOff"),
        QStringLiteral("ErrImagePull"),
        QStringLiteral("InvalidImageName"),
        QStringLiteral("CreateContainerConfigError"),
        QStringLiteral("CreateContainerError"),
        QStringLiteral("RunContainerError"),
        QStringLiteral("OOMKilled"),
        QStringLiteral("Error"),
        QStringLiteral("ContainerCannotRun"),
        QStringLiteral("Evicted"),
    };
    return failures.contains(reason);
}

QString RowStatus::symbol(Severity severity)
{
    switch (severity) {
    case Severity::Ok:
        return QStringLiteral("✔");
    case Severity::Done:
        return QStringLiteral("✓");
    case Severity::Pending:
        return QStringLiteral("◷");
    case Severity::Warning:
        return QStringLiteral("⚠");
    case Severity::Failed:
        return QStringLiteral("✖");
    case Severity::Unknown:
        return QStringLiteral("?");
    }
    return {};
}

RowStatus RowStatus::ofContainer(const kube::Pod &pod, const QString &containerName)
{
    const kube::ContainerStatus *status = nullptr;
    for (const auto &s : pod.containerStatuses) {
        if (s.name == containerName)
            status = &s;
    }
    if (!status) {
        if (pod.phase == u"Pending")
            return make(Severity::Pending, Tr::tr("Pending"));
        return make(Severity::Unknown, Tr::tr("Unknown"));
    }
    // A pod that is not Ready while its container claims to run may sit on a lost node.
    if (pod.phase == u"Unknown")
        return make(Severity::Unknown, Tr::tr("Unknown"));
    using Kind = kube::ContainerState::Kind;
    switch (status->state.kind) {
    case Kind::Running:
        return status->ready ? make(Severity::Ok, Tr::tr("Running"))
                             : make(Severity::Warning, Tr::tr("Running, not ready"));
    case Kind::Waiting: {
        const QString reason = status->state.reason.isEmpty() ? Tr::tr("Waiting")
                                                              : status->state.reason;
        return make(isFailureReason(status->state.reason) ? Severity::Failed : Severity::Pending,
                    reason);
    }
    case Kind::Terminated: {
        const bool ok = status->state.exitCode == 0;
        QString reason = status->state.reason;
        // A clean finish says just that, in the user's language ("Terminated: Completed" came
        // out as "Beendet: Completed" in German, too wide for the column and half English).
        if (ok && (reason.isEmpty() || reason == u"Completed"))
            return make(Severity::Done, Tr::tr("Completed"));
        if (reason.isEmpty())
            reason = ok ? Tr::tr("Completed") : Tr::tr("Error");
        return make(ok ? Severity::Done : Severity::Failed, Tr::tr("Terminated: %1").arg(reason));
    }
    case Kind::None:
        break;
    }
    return make(Severity::Unknown, Tr::tr("Unknown"));
}

RowStatus RowStatus::ofPod(const kube::Pod &pod)
{
    if (pod.metadata.deletionTimestamp.isValid())
        return make(Severity::Pending, Tr::tr("Terminating"));
    if (pod.phase == u"Succeeded")
        return make(Severity::Done, Tr::tr("Completed"));
    if (pod.phase == u"Failed")
        return make(Severity::Failed, pod.reason.isEmpty() ? Tr::tr("Failed") : pod.reason);
    if (pod.phase == u"Unknown" || pod.phase.isEmpty())
        return make(Severity::Unknown, Tr::tr("Unknown"));
    // The worst container decides; its reason (CrashLoopBackOff, …) is what the operator needs.
    RowStatus worst = make(Severity::Ok, Tr::tr("Running"));
    for (const auto &c : pod.containers) {
        const RowStatus s = ofContainer(pod, c.name);
        if (s.severity > worst.severity && s.severity != Severity::Done)
            worst = s;
    }
    if (pod.phase == u"Pending") {
        if (worst.severity == Severity::Ok || worst.severity == Severity::Unknown)
            return make(Severity::Pending, pod.reason.isEmpty() ? Tr::tr("Pending") : pod.reason);
        return worst;
    }
    if (worst.severity == Severity::Ok && !pod.isReady())
        return make(Severity::Warning, Tr::tr("Running, not ready"));
    return worst;
}

RowStatus RowStatus::ofNode(const kube::Node *node)
{
    if (!node)
        return make(Severity::Unknown, Tr::tr("Unknown"));
    const QString ready = node->readyStatus();
    RowStatus s;
    if (ready == u"True")
        s = make(Severity::Ok, Tr::tr("Ready"));
    else if (ready == u"False")
        s = make(Severity::Failed, Tr::tr("Not ready"));
    else
        s = make(Severity::Unknown, Tr::tr("Unknown"));
    if (node->unschedulable)
        s.text = Tr::tr("%1, scheduling disabled").arg(s.text);
    return s;
}

RowStatus RowStatus::ofPods(const QList<RowStatus> &pods)
{
    int counts[6] = {};
    for (const auto &p : pods)
        ++counts[int(p.severity)];
    // Unknown and failed both mean "look at this"; pending and warning mean "not yet / degraded".
    const int bad = counts[int(Severity::Failed)] + counts[int(Severity::Unknown)];
    const int warn = counts[int(Severity::Warning)] + counts[int(Severity::Pending)];
    if (bad == 0 && warn == 0) {
        const int fine = counts[int(Severity::Ok)] + counts[int(Severity::Done)];
        return make(fine == 0 ? Severity::Unknown : Severity::Ok,
                    fine == 0 ? QStringLiteral("–") : QStringLiteral("✔ %1").arg(fine));
    }
    QStringList parts;
    if (warn > 0)
        parts << QStringLiteral("%1 ⚠").arg(warn);
    if (bad > 0)
        parts << QStringLiteral("%1 ✖").arg(bad);
    return make(bad > 0 ? Severity::Failed : Severity::Warning, parts.join(QLatin1Char(' ')));
}
