// NamespacesModel: the cells of a namespace row that only the Namespaces tab has.
#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/rowstatus.h"
#include "models/namespaces/namespacefigures.h"
#include "models/namespaces/namespacesmodel.h"
#include "models/namespaces/networkpolicysummary.h"
#include "models/namespaces/quotausage.h"

#include <limits>

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool isDisplayRole(int role)
{
    return role == Qt::DisplayRole || role == InsightsModel::RawRole || role == Qt::ToolTipRole;
}
} // namespace

QVariant NamespacesModel::statusCell(const QString &ns, int role) const
{
    const kube::Namespace *object = store()->namespaceObject(ns);
    if (role == RawRole || role == SeverityRole)
        return int(!object                                    ? RowStatus::Severity::Unknown
                   : NamespaceFigures::isTerminating(*object) ? RowStatus::Severity::Warning
                                                              : RowStatus::Severity::Ok);
    if (role == Qt::DisplayRole)
        return object ? NamespaceFigures::status(object) : tr("Not readable");
    return {};
}

QVariant NamespacesModel::podsCell(const QString &ns, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    if (!isDisplayRole(role))
        return {};
    int total = 0;
    const QStringList parts = NamespaceFigures::podsByPhase(*store(), ns, &total);
    if (role == RawRole)
        return total;
    if (role == Qt::ToolTipRole)
        return tr("%n pod(s) by phase: %1", nullptr, total)
            .arg(parts.isEmpty() ? Formatter::missing() : parts.join(QStringLiteral(", ")));
    return parts.isEmpty() ? QLocale().toString(0) : parts.join(QStringLiteral(" · "));
}

QVariant NamespacesModel::resourcesCell(const QString &ns, bool limits, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (!isDisplayRole(role))
        return {};
    const NamespaceFigures::Resources r = NamespaceFigures::resources(*store(), ns, limits);
    if (role == RawRole)
        return metric() == Metric::Cpu ? r.cpuMillicores : r.memoryBytes;
    // A figure nothing sets reads as missing, not as zero.
    const QString cpu = r.anyCpu() ? Formatter::cpu(r.cpuMillicores) : Formatter::missing();
    const QString memory = r.anyMemory() ? Formatter::bytes(r.memoryBytes) : Formatter::missing();
    if (role == Qt::DisplayRole)
        return r.pods == 0 ? Formatter::missing() : QStringLiteral("%1 · %2").arg(cpu, memory);
    QString tip = limits ? tr("Limits of %n running pod(s): CPU %1, memory %2", nullptr, r.pods)
                         : tr("Requests of %n running pod(s): CPU %1, memory %2", nullptr, r.pods);
    tip = tip.arg(cpu, memory);
    if (r.withoutCpu > 0 || r.withoutMemory > 0)
        tip += u'\n'
               + (limits ? tr("Containers without a limit: %1 for CPU, %2 for memory")
                         : tr("Containers without a request: %1 for CPU, %2 for memory"))
                     .arg(r.withoutCpu)
                     .arg(r.withoutMemory);
    return tip;
}

QVariant NamespacesModel::quotaCell(const QString &ns, int role) const
{
    if (role != QuotaRole && role != HealthRole && !isDisplayRole(role))
        return {};
    const QList<QuotaUsage> usage = QuotaUsage::of(store()->quotasIn(ns), thresholds());
    if (role == QuotaRole)
        return QVariant::fromValue(usage);
    if (usage.isEmpty()) {
        if (role == RawRole)
            return kNaN;
        return role == Qt::ToolTipRole ? QVariant(tr("No ResourceQuota in this namespace"))
                                       : QVariant();
    }
    const QuotaUsage &fullest = usage.front();
    if (role == HealthRole)
        return int(fullest.health);
    if (role == RawRole)
        return fullest.percent;
    if (role == Qt::DisplayRole) {
        const QString text = fullest.figure();
        return usage.size() > 1 ? tr("%1 (+%2)").arg(text).arg(usage.size() - 1) : text;
    }
    QStringList lines;
    for (const QuotaUsage &u : usage)
        lines << tr("%1: %2 (%3)").arg(u.quota, u.figure(), Formatter::percent(u.percent));
    return lines.join(u'\n');
}

QVariant NamespacesModel::limitRangeCell(const QString &ns, int role) const
{
    if (!isDisplayRole(role))
        return {};
    const QList<const kube::LimitRange *> ranges = store()->limitRangesIn(ns);
    if (role == RawRole)
        return int(ranges.size());
    if (ranges.isEmpty())
        return role == Qt::DisplayRole ? QVariant(Formatter::missing())
                                       : QVariant(tr("No LimitRange in this namespace"));
    QStringList names, lines;
    for (const kube::LimitRange *r : ranges) {
        names << r->metadata.name;
        for (const kube::LimitRangeItem &item : r->limits) {
            QStringList parts;
            if (!item.defaultLimits.isEmpty())
                parts << tr("default %1").arg(NamespaceFigures::resourceList(item.defaultLimits));
            if (!item.defaultRequest.isEmpty())
                parts << tr("default request %1")
                             .arg(NamespaceFigures::resourceList(item.defaultRequest));
            if (!item.min.isEmpty())
                parts << tr("min %1").arg(NamespaceFigures::resourceList(item.min));
            if (!item.max.isEmpty())
                parts << tr("max %1").arg(NamespaceFigures::resourceList(item.max));
            lines << tr("%1, %2: %3")
                         .arg(r->metadata.name, item.type,
                              parts.isEmpty() ? Formatter::missing()
                                              : parts.join(QStringLiteral("; ")));
        }
    }
    return role == Qt::DisplayRole ? names.join(QStringLiteral(", ")) : lines.join(u'\n');
}

QVariant NamespacesModel::networkCell(const QString &ns, int role) const
{
    if (!isDisplayRole(role))
        return {};
    const QList<const kube::NetworkPolicy *> policies = store()->networkPoliciesIn(ns);
    const auto isolation = NetworkPolicySummary::isolationOf(policies);
    if (role == RawRole)
        return int(isolation.ingress) * 3 + int(isolation.egress);
    if (role == Qt::DisplayRole) {
        const QString words = NetworkPolicySummary::words(isolation);
        return policies.isEmpty()
                   ? words
                   : tr("%1 · %n policy(ies)", nullptr, int(policies.size())).arg(words);
    }
    if (policies.isEmpty())
        return tr("No NetworkPolicy: every pod may send and receive traffic");
    QStringList lines;
    for (const kube::NetworkPolicy *p : policies)
        lines << tr("%1: %2").arg(p->metadata.name, NetworkPolicySummary::headline(*p));
    return lines.join(u'\n');
}

QVariant NamespacesModel::labelsCell(const QString &ns, int role) const
{
    if (role != LabelsRole && !isDisplayRole(role))
        return {};
    const kube::Namespace *object = store()->namespaceObject(ns);
    QStringList labels;
    if (object) {
        for (const auto &[key, value] : object->metadata.labels) {
            // Every namespace carries its own name as this label; it says nothing here.
            if (key != u"kubernetes.io/metadata.name")
                labels << key + u'=' + value;
        }
    }
    if (role == LabelsRole)
        return labels;
    if (role == Qt::ToolTipRole && !object)
        return tr("The Namespace object is not readable with these credentials");
    return labels.join(QStringLiteral(", "));
}
