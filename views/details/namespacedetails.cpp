#include "views/details/namespacedetails.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/namespaces/accessreviewer.h"
#include "models/namespaces/accesssummary.h"
#include "models/namespaces/namespacefigures.h"
#include "models/namespaces/networkpolicysummary.h"
#include "models/namespaces/quotausage.h"
#include "views/delegates/trenddelegate.h"
#include "views/details/detailsform.h"

#include <QLocale>

#include <algorithm>

namespace {
QString listText(const kube::ResourceList &list)
{
    return DetailsForm::orMissing(NamespaceFigures::resourceList(list));
}
} // namespace

bool NamespaceDetails::exists(const ClusterStore &store, const DetailsSubject &subject) const
{
    return NamespaceFigures::known(store, subject.key);
}

std::pair<QString, QString> NamespaceDetails::render(const ClusterStore &store,
                                                     const DetailsSubject &subject,
                                                     DetailsForm *form) const
{
    const QString &ns = subject.key;
    const kube::Namespace *object = store.namespaceObject(ns);
    form->addRow(tr("Status:"), object ? NamespaceFigures::status(object)
                                       : tr("Not readable with these credentials"));
    if (object)
        form->addRow(tr("Created:"), DetailsForm::timestamp(object->metadata.creationTimestamp));
    int containers = 0;
    for (const QString &uid : store.podsInNamespace(ns)) {
        if (const kube::Pod *pod = store.pod(uid))
            containers += int(pod->containers.size());
    }
    form->addRow(tr("Pods:"),
                 DetailsForm::orMissing(
                     NamespaceFigures::podsByPhase(store, ns, nullptr).join(QStringLiteral(", "))));
    form->addRow(tr("Containers:"), QLocale().toString(containers));
    QStringList workloads;
    QList<QString> keys = store.controllerKeys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        const ControllerInfo *c = store.controller(key);
        if (c && c->ref.namespaceName == ns)
            workloads << c->ref.kindAndName();
    }
    form->addRow(tr("Workloads:"), DetailsForm::orMissing(workloads.join(QStringLiteral(", "))));
    if (object)
        form->addLabels(tr("Labels:"), object->metadata.labels);

    renderQuotas(store, ns, form);
    renderLimitRanges(store, ns, form);
    renderPolicies(store, ns, form);
    renderAccess(ns, form);
    return {ns, tr("Namespace")};
}

void NamespaceDetails::renderQuotas(const ClusterStore &store, const QString &ns,
                                    DetailsForm *form) const
{
    form->addHeading(tr("Resource quotas"));
    const QList<const kube::ResourceQuota *> quotas = store.quotasIn(ns);
    if (quotas.isEmpty()) {
        form->addRow(QString(), tr("No ResourceQuota: the namespace may use what the nodes have"));
        return;
    }
    const Thresholds thresholds;
    for (const kube::ResourceQuota *quota : quotas) {
        QStringList scopes = quota->scopes;
        for (const kube::ScopeSelectorRequirement &r : quota->scopeSelector)
            scopes << QStringLiteral("%1 %2 %3")
                          .arg(r.scopeName, r.op, r.values.join(QStringLiteral(",")));
        form->addRow(tr("%1:").arg(quota->metadata.name),
                     scopes.isEmpty() ? tr("applies to every pod")
                                      : tr("scopes: %1").arg(scopes.join(QStringLiteral(", "))));
        // Resources in the order kubectl describe quota lists them: by name.
        QList<QuotaUsage> usage = QuotaUsage::of({quota}, thresholds);
        std::sort(usage.begin(), usage.end(),
                  [](const QuotaUsage &a, const QuotaUsage &b) { return a.resource < b.resource; });
        for (const QuotaUsage &u : std::as_const(usage)) {
            const QString text = tr("%1 of %2 · %3")
                                     .arg(u.used.isEmpty() ? QStringLiteral("?") : u.used, u.hard,
                                          Formatter::percent(u.percent));
            form->addMeter(u.resource, u.percent, text, TrendDelegate::colorFor(u.health));
        }
    }
}

void NamespaceDetails::renderLimitRanges(const ClusterStore &store, const QString &ns,
                                         DetailsForm *form) const
{
    form->addHeading(tr("Limit ranges"));
    const QList<const kube::LimitRange *> ranges = store.limitRangesIn(ns);
    if (ranges.isEmpty()) {
        form->addRow(QString(), tr("No LimitRange: containers get no defaults"));
        return;
    }
    for (const kube::LimitRange *range : ranges) {
        for (const kube::LimitRangeItem &item : range->limits) {
            const QString title = tr("%1, %2:").arg(range->metadata.name, item.type);
            QStringList lines;
            lines << tr("default: %1").arg(listText(item.defaultLimits))
                  << tr("default request: %1").arg(listText(item.defaultRequest))
                  << tr("min: %1").arg(listText(item.min)) << tr("max: %1").arg(listText(item.max));
            if (!item.maxLimitRequestRatio.isEmpty())
                lines << tr("max limit/request ratio: %1").arg(listText(item.maxLimitRequestRatio));
            form->addRow(title, lines.join(u'\n'));
        }
    }
}

void NamespaceDetails::renderPolicies(const ClusterStore &store, const QString &ns,
                                      DetailsForm *form) const
{
    const QList<const kube::NetworkPolicy *> policies = store.networkPoliciesIn(ns);
    form->addHeading(
        tr("Network policies: %1")
            .arg(NetworkPolicySummary::words(NetworkPolicySummary::isolationOf(policies))));
    if (policies.isEmpty()) {
        form->addRow(QString(), tr("No NetworkPolicy: every pod may send and receive traffic"));
        return;
    }
    for (const kube::NetworkPolicy *p : policies) {
        QStringList lines{NetworkPolicySummary::headline(*p)};
        lines << NetworkPolicySummary::describe(*p);
        form->addRow(tr("%1:").arg(p->metadata.name), lines.join(u'\n'));
    }
}

void NamespaceDetails::renderAccess(const QString &ns, DetailsForm *form) const
{
    form->addHeading(tr("Your access here"));
    if (!m_reviewer) {
        form->addRow(QString(), tr("Not known: this is a snapshot"));
        return;
    }
    const AccessReviewer::Result result = m_reviewer->result(ns);
    if (!result.done) {
        form->addRow(QString(), tr("Asking the API server…"));
        return;
    }
    if (!result.error.isEmpty()) {
        form->addRow(QString(), tr("The access review failed: %1").arg(result.error));
        return;
    }
    QStringList may, mayNot;
    for (const AccessSummary::Line &line : AccessSummary::of(result.rules))
        (line.allowed ? may : mayNot) << line.text;
    if (!may.isEmpty())
        form->addRow(tr("Allowed:"), may.join(u'\n'));
    if (!mayNot.isEmpty())
        form->addRow(tr("Denied:"), mayNot.join(u'\n'));
    if (result.rules.incomplete)
        form->addRow(QString(), tr("The server's list is incomplete: a denial here may still be "
                                   "allowed by another authorizer"));
    if (!result.rules.evaluationError.isEmpty())
        form->addRow(QString(), result.rules.evaluationError);
}

UsageSubject NamespaceDetails::usage(const ClusterStore &store, const DetailsSubject &subject) const
{
    UsageSubject out;
    out.kind = SeriesKind::Namespace;
    out.id = subject.key;
    const auto requests = NamespaceFigures::resources(store, subject.key, false);
    const auto limits = NamespaceFigures::resources(store, subject.key, true);
    if (requests.cpuMillicores > 0)
        out.cpuRequest = requests.cpuMillicores;
    if (limits.cpuMillicores > 0)
        out.cpuLimit = limits.cpuMillicores;
    if (requests.memoryBytes > 0)
        out.memoryRequest = requests.memoryBytes;
    if (limits.memoryBytes > 0)
        out.memoryLimit = limits.memoryBytes;
    return out;
}
