#pragma once

// SelfSubjectRulesReview (authorization.k8s.io/v1): what the current user may do in one
// namespace, as the API server's authorizer lists it, and the matching of a request against
// those rules the way RBAC matches them.
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace kube {

class ApiClient;
class ApiReply;

struct ResourceRule
{
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources; // "pods", "pods/log", "*", "*/scale"
    QStringList resourceNames;
};

struct SubjectRules
{
    QList<ResourceRule> resourceRules;
    // The list may be incomplete (an authorizer that cannot enumerate rules, e.g. a webhook):
    // a missing rule is then no proof of a denial.
    bool incomplete = false;
    QString evaluationError;

    // Whether some rule grants `verb` on `resource` ("deployments/scale") of `group` for every
    // object name (rules limited to resourceNames do not count).
    bool allows(const QString &verb, const QString &group, const QString &resource) const;
};

// POSTs a SelfSubjectRulesReview for `ns`; the caller owns the reply and reads it with
// parseRulesReview() when it has finished.
ApiReply *requestRulesReview(ApiClient *client, const QString &ns);

// The status of a SelfSubjectRulesReview answer. False and a translated *error on malformed
// input.
bool parseRulesReview(QByteArrayView json, SubjectRules *out, QString *error);

} // namespace kube
