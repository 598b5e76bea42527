// NamespacesModel: the cells of a namespace row that only the Namespaces tab has.
#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/rowstatus.h"
#include "models/namespaces/namespacesmodel.h"
#include "models/namespaces/networkpolicysummary.h"
#include "models/namespaces/quotausage.h"

#include <iterator>
#include <limits>

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Phases in the order kubectl users read them; anything else counts as Unknown.
const QLatin1String kPhases[] = {QLatin1String("Running"), QLatin1String("Pending"),
                                 QLatin1String("Succeeded"), QLatin1String("Failed"),
                                 QLatin1String("Unknown")};

bool isTerminal(const kube::Pod &pod)
{
    return pod.phase == u"Succeeded" || pod.phase == u"Failed";
}

QString resourceListText(const kube::ResourceList &list)
{
    QStringList parts;
    for (const auto &[name, q] : list)
        parts << name + u'=' + q.toString();
    return parts.join(QStringLiteral(", "));
}

bool isDisplayRole(int role)
{
    return role == Qt::DisplayRole || role == InsightsModel::RawRole || role == Qt::ToolTipRole;
}
} // namespace

QVariant NamespacesModel::statusCell(const QString &ns, int role) const
{
    const kube::Namespace *object = store()->namespaceObject(ns);
    RowStatus::Severity severity = RowStatus::Severity::Unknown;
    QString text = tr("Not readable");
    if (object) {
        const bool terminating = object->phase == u"Terminating"
                                 || object->metadata.deletionTimestamp.isValid();
        severity = terminating ? RowStatus::Severity::Warning : RowStatus::Severity::Ok;
        text = terminating ? tr("Terminating") : tr("Active");
    }
    if (role == RawRole || role == SeverityRole)
        return int(severity);
    if (role == Qt::DisplayRole)
        return text;
    return {};
}

QVariant NamespacesModel::podsCell(const QString &ns, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    if (!isDisplayRole(role))
        return {};
    int counts[std::size(kPhases)] = {};
    int total = 0;
    for (const QString &uid : store()->podsInNamespace(ns)) {
        const kube::Pod *pod = store()->pod(uid);
        if (!pod)
            continue;
        ++total;
        size_t i = 0;
        while (i + 1 < std::size(kPhases) && pod->phase != kPhases[i])
            ++i;
        ++counts[i];
    }
    if (role == RawRole)
        return total;
    QStringList parts;
    for (size_t i = 0; i < std::size(kPhases); ++i) {
        if (counts[i] > 0)
            parts << QStringLiteral("%1 %2").arg(QLocale().toString(counts[i]), kPhases[i]);
    }
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
    // As the quota controller counts: the containers of every pod that is not finished.
    double cpu = 0, memory = 0;
    int withoutCpu = 0, withoutMemory = 0, pods = 0, containers = 0;
    for (const QString &uid : store()->podsInNamespace(ns)) {
        const kube::Pod *pod = store()->pod(uid);
        if (!pod || isTerminal(*pod))
            continue;
        ++pods;
        for (const kube::Container &c : pod->containers) {
            ++containers;
            const kube::Quantity &q = limits ? c.resources.cpuLimit : c.resources.cpuRequest;
            const kube::Quantity &m = limits ? c.resources.memoryLimit : c.resources.memoryRequest;
            if (q.isNull())
                ++withoutCpu;
            else
                cpu += double(q.milliValue());
            if (m.isNull())
                ++withoutMemory;
            else
                memory += m.toDouble();
        }
    }
    if (role == RawRole)
        return metric() == Metric::Cpu ? cpu : memory;
    // A figure nothing sets reads as missing, not as zero.
    const bool anyCpu = withoutCpu < containers, anyMemory = withoutMemory < containers;
    const QString text = QStringLiteral("%1 · %2").arg(
        anyCpu ? Formatter::cpu(cpu) : Formatter::missing(),
        anyMemory ? Formatter::bytes(memory) : Formatter::missing());
    if (role == Qt::DisplayRole)
        return pods == 0 ? Formatter::missing() : text;
    QString tip = limits ? tr("Limits of %n running pod(s): CPU %1, memory %2", nullptr, pods)
                         : tr("Requests of %n running pod(s): CPU %1, memory %2", nullptr, pods);
    tip = tip.arg(anyCpu ? Formatter::cpu(cpu) : Formatter::missing(),
                  anyMemory ? Formatter::bytes(memory) : Formatter::missing());
    if (withoutCpu > 0 || withoutMemory > 0)
        tip += u'\n'
               + (limits ? tr("Containers without a limit: %1 for CPU, %2 for memory")
                         : tr("Containers without a request: %1 for CPU, %2 for memory"))
                     .arg(withoutCpu)
                     .arg(withoutMemory);
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
                parts << tr("default %1").arg(resourceListText(item.defaultLimits));
            if (!item.defaultRequest.isEmpty())
                parts << tr("default request %1").arg(resourceListText(item.defaultRequest));
            if (!item.min.isEmpty())
                parts << tr("min %1").arg(resourceListText(item.min));
            if (!item.max.isEmpty())
                parts << tr("max %1").arg(resourceListText(item.max));
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
