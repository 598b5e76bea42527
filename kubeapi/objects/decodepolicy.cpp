// Decoders for the namespace policy objects: ResourceQuota, LimitRange, NetworkPolicy
// (namespacepolicy.h).
#include "kubeapi/objects/decodecontext.h"

namespace kube {

using json = JsonNode;
using I = DecodeContext::Intern;
using Scope = DecodeContext::Scope;

namespace {

QList<NetworkPolicyRule> decodeRules(DecodeContext &c, const json &spec, std::string_view key,
                                     std::string_view peersKey)
{
    QList<NetworkPolicyRule> rules;
    forEachObject(c, spec, key, [&](const json &r) {
        NetworkPolicyRule rule;
        forEachObject(c, r, "ports", [&](const json &p) {
            rule.ports.append({c.string(p, "protocol", I::Yes), c.intOrString(p, "port"),
                               qint32(c.integer(p, "endPort"))});
        });
        forEachObject(c, r, peersKey, [&](const json &p) {
            NetworkPolicyPeer peer;
            peer.hasPodSelector = decodeLabelSelectorAt(c, p, "podSelector", &peer.podSelector);
            peer.hasNamespaceSelector = decodeLabelSelectorAt(c, p, "namespaceSelector",
                                                              &peer.namespaceSelector);
            if (const json *block = c.object(p, "ipBlock")) {
                Scope bs(c, "ipBlock");
                peer.ipBlockCidr = c.string(*block, "cidr");
                peer.ipBlockExcept = c.stringList(*block, "except");
            }
            rule.peers.append(std::move(peer));
        });
        rules.append(std::move(rule));
    });
    return rules;
}

} // namespace

void decodeInto(DecodeContext &c, const json &j, ResourceQuota *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    if (const json *spec = c.object(j, "spec")) {
        Scope s(c, "spec");
        out->specHard = c.quantityMap(*spec, "hard");
        out->scopes = c.stringList(*spec, "scopes", I::Yes);
        if (const json *selector = c.object(*spec, "scopeSelector")) {
            Scope ss(c, "scopeSelector");
            forEachObject(c, *selector, "matchExpressions", [&](const json &e) {
                out->scopeSelector.append({c.string(e, "scopeName", I::Yes),
                                           c.string(e, "operator", I::Yes),
                                           c.stringList(e, "values", I::Yes)});
            });
        }
    }
    if (const json *status = c.object(j, "status")) {
        Scope s(c, "status");
        out->statusHard = c.quantityMap(*status, "hard");
        out->used = c.quantityMap(*status, "used");
    }
}

void decodeInto(DecodeContext &c, const json &j, LimitRange *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    const json *spec = c.object(j, "spec");
    if (!spec)
        return;
    Scope s(c, "spec");
    forEachObject(c, *spec, "limits", [&](const json &e) {
        LimitRangeItem item;
        item.type = c.string(e, "type", I::Yes);
        item.max = c.quantityMap(e, "max");
        item.min = c.quantityMap(e, "min");
        item.defaultLimits = c.quantityMap(e, "default");
        item.defaultRequest = c.quantityMap(e, "defaultRequest");
        item.maxLimitRequestRatio = c.quantityMap(e, "maxLimitRequestRatio");
        out->limits.append(std::move(item));
    });
}

void decodeInto(DecodeContext &c, const json &j, NetworkPolicy *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    const json *spec = c.object(j, "spec");
    if (!spec) {
        out->isolatesIngress = true; // policyTypes defaults to [Ingress]
        return;
    }
    Scope s(c, "spec");
    decodeLabelSelectorAt(c, *spec, "podSelector", &out->podSelector);
    out->ingress = decodeRules(c, *spec, "ingress", "from");
    out->egress = decodeRules(c, *spec, "egress", "to");
    const QStringList types = c.stringList(*spec, "policyTypes");
    if (types.isEmpty()) {
        out->isolatesIngress = true;
        out->isolatesEgress = !out->egress.isEmpty();
    } else {
        out->isolatesIngress = types.contains(u"Ingress");
        out->isolatesEgress = types.contains(u"Egress");
    }
}

} // namespace kube
