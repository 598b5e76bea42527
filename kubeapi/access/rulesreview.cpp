#include "kubeapi/access/rulesreview.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace kube {

namespace {

bool matches(const QStringList &allowed, const QString &wanted)
{
    return allowed.contains(QStringLiteral("*")) || allowed.contains(wanted);
}

// RBAC's resource matching: "*", the resource itself, or "*/sub" for any resource's
// subresource `sub`.
bool resourceMatches(const QStringList &allowed, const QString &resource)
{
    if (matches(allowed, resource))
        return true;
    const qsizetype slash = resource.indexOf(u'/');
    return slash > 0 && allowed.contains(QStringLiteral("*") + resource.mid(slash));
}

QStringList strings(const nlohmann::json &rule, const char *key)
{
    QStringList out;
    const auto it = rule.find(key);
    if (it == rule.end() || !it->is_array())
        return out;
    for (const auto &v : *it) {
        if (v.is_string())
            out << QString::fromStdString(v.get<std::string>());
    }
    return out;
}

} // namespace

bool SubjectRules::allows(const QString &verb, const QString &group, const QString &resource) const
{
    for (const ResourceRule &r : resourceRules) {
        if (r.resourceNames.isEmpty() && matches(r.verbs, verb) && matches(r.apiGroups, group)
            && resourceMatches(r.resources, resource))
            return true;
    }
    return false;
}

ApiReply *requestRulesReview(ApiClient *client, const QString &ns)
{
    const nlohmann::json body = {{"apiVersion", "authorization.k8s.io/v1"},
                                 {"kind", "SelfSubjectRulesReview"},
                                 {"spec", {{"namespace", ns.toStdString()}}}};
    ApiRequest request;
    request.path = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews");
    request.method = QByteArrayLiteral("POST");
    request.body = QByteArray::fromStdString(body.dump());
    request.contentType = QByteArrayLiteral("application/json");
    request.verb = QStringLiteral("create");
    request.resource = QStringLiteral("selfsubjectrulesreviews");
    request.group = QStringLiteral("authorization.k8s.io");
    request.maxBodyBytes = qint64(16) << 20;
    return client->send(std::move(request));
}

bool parseRulesReview(QByteArrayView json, SubjectRules *out, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail(QCoreApplication::translate("RulesReview",
                                                "The access review answer is not a JSON object"));
    const auto status = doc.find("status");
    if (status == doc.end() || !status->is_object())
        return fail(
            QCoreApplication::translate("RulesReview", "The access review answer has no status"));
    *out = SubjectRules{};
    if (const auto rules = status->find("resourceRules");
        rules != status->end() && rules->is_array()) {
        for (const auto &r : *rules) {
            if (!r.is_object())
                continue;
            out->resourceRules.append({strings(r, "verbs"), strings(r, "apiGroups"),
                                       strings(r, "resources"), strings(r, "resourceNames")});
        }
    }
    if (const auto i = status->find("incomplete"); i != status->end() && i->is_boolean())
        out->incomplete = i->get<bool>();
    if (const auto e = status->find("evaluationError"); e != status->end() && e->is_string())
        out->evaluationError = QString::fromStdString(e->get<std::string>());
    return true;
}

} // namespace kube
