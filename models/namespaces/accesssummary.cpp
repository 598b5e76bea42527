#include "models/namespaces/accesssummary.h"

namespace {
struct Question
{
    const char *verb;
    const char *group;
    const char *resource;
    const char *may; // translated in AccessSummary's context
    const char *mayNot;
};

// Each question names the request kubectl would make for it.
const Question kQuestions[] = {
    {"list", "", "pods", QT_TRANSLATE_NOOP("AccessSummary", "may list pods"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not list pods")},
    {"get", "", "pods/log", QT_TRANSLATE_NOOP("AccessSummary", "may read logs"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not read logs")},
    {"list", "", "events", QT_TRANSLATE_NOOP("AccessSummary", "may list events"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not list events")},
    {"create", "", "pods/exec", QT_TRANSLATE_NOOP("AccessSummary", "may exec into containers"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not exec into containers")},
    {"delete", "", "pods", QT_TRANSLATE_NOOP("AccessSummary", "may delete pods"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not delete pods")},
    {"update", "apps", "deployments/scale",
     QT_TRANSLATE_NOOP("AccessSummary", "may scale deployments"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not scale deployments")},
    {"create", "apps", "deployments", QT_TRANSLATE_NOOP("AccessSummary", "may create deployments"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not create deployments")},
    {"get", "", "secrets", QT_TRANSLATE_NOOP("AccessSummary", "may read secrets"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not read secrets")},
    {"update", "", "resourcequotas",
     QT_TRANSLATE_NOOP("AccessSummary", "may change resource quotas"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not change resource quotas")},
    {"create", "rbac.authorization.k8s.io", "rolebindings",
     QT_TRANSLATE_NOOP("AccessSummary", "may grant roles"),
     QT_TRANSLATE_NOOP("AccessSummary", "may not grant roles")},
};
} // namespace

QList<AccessSummary::Line> AccessSummary::of(const kube::SubjectRules &rules)
{
    QList<Line> lines;
    for (const Question &q : kQuestions) {
        const bool allowed = rules.allows(QLatin1String(q.verb), QLatin1String(q.group),
                                          QLatin1String(q.resource));
        lines.append({allowed, tr(allowed ? q.may : q.mayNot)});
    }
    return lines;
}
