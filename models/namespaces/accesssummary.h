#pragma once

// What the current user may do in a namespace, as a short list a person reads at a glance
// ("may list pods", "may scale deployments", "may not read secrets"), from the rules of a
// SelfSubjectRulesReview.
#include "kubeapi/access/rulesreview.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class AccessSummary final
{
    Q_DECLARE_TR_FUNCTIONS(AccessSummary)
public:
    struct Line
    {
        bool allowed = false;
        QString text; // "may list pods" / "may not read secrets"
    };
    // The questions support staff and trainers ask, in a fixed order, answered from `rules`.
    static QList<Line> of(const kube::SubjectRules &rules);
};
