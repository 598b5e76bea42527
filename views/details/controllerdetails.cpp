#include "views/details/controllerdetails.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/formatter.h"
#include "models/insights/rowstatus.h"
#include "views/details/detailsform.h"

#include <QLocale>

bool ControllerDetails::exists(const ClusterStore &store, const DetailsSubject &subject) const
{
    return store.controller(subject.key) != nullptr;
}

std::pair<QString, QString> ControllerDetails::render(const ClusterStore &store,
                                                      const DetailsSubject &subject,
                                                      DetailsForm *form) const
{
    const ControllerInfo &c = *store.controller(subject.key);
    form->addRow(tr("Kind:"), c.kind());
    form->addRow(tr("Namespace:"), c.metadata().namespaceName);
    if (c.hasReplicas)
        form->addRow(tr("Replicas:"), tr("%1 desired, %2 ready, %3 updated, %4 available")
                                          .arg(c.replicas.desired)
                                          .arg(c.replicas.ready)
                                          .arg(c.replicas.updated)
                                          .arg(c.replicas.available));
    QStringList selector;
    for (const auto &[k, v] : c.selector().matchLabels)
        selector << k + QLatin1Char('=') + v;
    for (const auto &e : c.selector().matchExpressions)
        selector << e.key + QLatin1Char(' ') + e.op + QStringLiteral(" (")
                        + e.values.join(QLatin1Char(',')) + QLatin1Char(')');
    form->addRow(tr("Selector:"), DetailsForm::orMissing(selector.join(QStringLiteral(", "))));
    form->addRow(c.kind() == u"CronJob" ? tr("Schedule:") : tr("Strategy:"),
                 DetailsForm::orMissing(c.strategy));
    const QSet<QString> pods = store.podsOfController(subject.key);
    int containers = 0;
    for (const QString &uid : pods) {
        if (const kube::Pod *p = store.pod(uid))
            containers += int(p->containers.size());
    }
    form->addRow(tr("Pods:"), QLocale().toString(pods.size()));
    form->addRow(tr("Containers:"), QLocale().toString(containers));
    QStringList services;
    for (const kube::Service *s : store.services()) {
        if (s->metadata.namespaceName != c.metadata().namespaceName || s->selector.isEmpty())
            continue;
        bool all = true;
        for (const auto &[k, v] : s->selector)
            all = all && kube::valueOf(c.selector().matchLabels, k) == v;
        if (all)
            services << s->metadata.name;
    }
    form->addRow(tr("Services:"), DetailsForm::orMissing(services.join(QStringLiteral(", "))));
    // What keeps it from its replicas: its own conditions and, for a Deployment, a failing
    // ReplicaSet's (FailedCreate: a full quota, a LimitRange, admission).
    QStringList conditions;
    auto addConditions = [&conditions](const ControllerInfo &w, const QString &prefix) {
        if (!w.conditionsOf)
            return;
        for (const kube::Condition &cond : *w.conditionsOf) {
            QString line = prefix + cond.type + QStringLiteral(": ") + cond.status;
            if (!cond.reason.isEmpty())
                line += QStringLiteral(" (") + cond.reason + u')';
            if (!cond.message.isEmpty() && cond.type == u"ReplicaFailure")
                line += QStringLiteral(" — ") + cond.message;
            conditions << line;
        }
    };
    addConditions(c, QString());
    for (const QString &uid : store.workloadsOwnedBy(c.metadata().uid)) {
        const ControllerInfo *rs = store.workload(uid);
        if (rs && rs->conditionsOf && !rs->conditionsOf->isEmpty())
            addConditions(*rs, rs->ref.name + QStringLiteral(": "));
    }
    form->addRow(tr("Conditions:"), DetailsForm::orMissing(conditions.join(u'\n')));
    form->addRow(tr("Created:"), DetailsForm::timestamp(c.metadata().creationTimestamp));
    form->addLabels(tr("Labels:"), c.metadata().labels);
    return {c.metadata().name, c.kind()};
}

UsageSubject ControllerDetails::usage(const ClusterStore &, const DetailsSubject &subject) const
{
    UsageSubject out;
    out.kind = SeriesKind::Controller;
    out.id = subject.key;
    return out;
}
