#include "models/namespaces/networkpolicysummary.h"

#include <QLocale>

using kube::NetworkPolicy;
using kube::NetworkPolicyPeer;
using kube::NetworkPolicyPort;
using kube::NetworkPolicyRule;

NetworkPolicySummary::NamespaceIsolation NetworkPolicySummary::isolationOf(
    const QList<const NetworkPolicy *> &policies)
{
    NamespaceIsolation result;
    result.policies = int(policies.size());
    auto widen = [](Isolation &now, const NetworkPolicy &p) {
        const Isolation here = p.podSelector.isEmpty() ? Isolation::AllPods : Isolation::SomePods;
        if (int(here) > int(now))
            now = here;
    };
    for (const NetworkPolicy *p : policies) {
        if (p->isolatesIngress)
            widen(result.ingress, *p);
        if (p->isolatesEgress)
            widen(result.egress, *p);
    }
    return result;
}

QString NetworkPolicySummary::words(const NamespaceIsolation &isolation)
{
    const Isolation in = isolation.ingress;
    const Isolation out = isolation.egress;
    if (in == Isolation::Open && out == Isolation::Open)
        return tr("open");
    if (in == out)
        return in == Isolation::AllPods ? tr("ingress and egress isolated")
                                        : tr("ingress and egress isolated (some pods)");
    QStringList parts;
    if (in != Isolation::Open)
        parts << (in == Isolation::AllPods ? tr("ingress isolated")
                                           : tr("ingress isolated (some pods)"));
    if (out != Isolation::Open)
        parts << (out == Isolation::AllPods ? tr("egress isolated")
                                            : tr("egress isolated (some pods)"));
    return parts.join(QStringLiteral(", "));
}

QString NetworkPolicySummary::selectorText(const kube::LabelSelector &selector)
{
    QStringList parts;
    for (const auto &[key, value] : selector.matchLabels)
        parts << key + u'=' + value;
    for (const auto &e : selector.matchExpressions) {
        if (e.op == u"In")
            parts << tr("%1 in (%2)").arg(e.key, e.values.join(QStringLiteral(", ")));
        else if (e.op == u"NotIn")
            parts << tr("%1 not in (%2)").arg(e.key, e.values.join(QStringLiteral(", ")));
        else if (e.op == u"Exists")
            parts << e.key;
        else if (e.op == u"DoesNotExist")
            parts << u'!' + e.key;
        else
            parts << e.key + u' ' + e.op;
    }
    return parts.join(QStringLiteral(", "));
}

QString NetworkPolicySummary::peerText(const NetworkPolicyPeer &peer)
{
    if (!peer.ipBlockCidr.isEmpty()) {
        if (peer.ipBlockExcept.isEmpty())
            return peer.ipBlockCidr;
        return tr("%1 except %2")
            .arg(peer.ipBlockCidr, peer.ipBlockExcept.join(QStringLiteral(", ")));
    }
    const QString pods = selectorText(peer.podSelector);
    if (!peer.hasNamespaceSelector) {
        // A pod selector alone picks pods of the policy's own namespace.
        return pods.isEmpty() ? tr("every pod in this namespace")
                              : tr("pods with %1 in this namespace").arg(pods);
    }
    const QString namespaces = selectorText(peer.namespaceSelector);
    if (namespaces.isEmpty())
        return pods.isEmpty() ? tr("every pod in every namespace")
                              : tr("pods with %1 in every namespace").arg(pods);
    return pods.isEmpty() ? tr("every pod in namespaces with %1").arg(namespaces)
                          : tr("pods with %1 in namespaces with %2").arg(pods, namespaces);
}

QString NetworkPolicySummary::portsText(const QList<NetworkPolicyPort> &ports)
{
    if (ports.isEmpty())
        return tr("every port");
    QStringList parts;
    for (const NetworkPolicyPort &p : ports) {
        const QString protocol = p.protocol.isEmpty() ? QStringLiteral("TCP") : p.protocol;
        if (p.port.isEmpty())
            parts << tr("every %1 port").arg(protocol);
        else if (p.endPort > 0)
            parts << QStringLiteral("%1 %2–%3").arg(protocol, p.port).arg(p.endPort);
        else
            parts << protocol + u' ' + p.port;
    }
    return parts.join(QStringLiteral(", "));
}

QString NetworkPolicySummary::peersText(const QList<NetworkPolicyPeer> &peers)
{
    if (peers.isEmpty())
        return tr("anywhere");
    QStringList parts;
    for (const NetworkPolicyPeer &p : peers)
        parts << peerText(p);
    return QLocale().createSeparatedList(parts);
}

bool NetworkPolicySummary::onlyOwnNamespace(const QList<NetworkPolicyRule> &rules)
{
    if (rules.isEmpty())
        return false;
    for (const NetworkPolicyRule &r : rules) {
        if (r.peers.isEmpty())
            return false; // from anywhere
        for (const NetworkPolicyPeer &p : r.peers) {
            if (p.hasNamespaceSelector || !p.ipBlockCidr.isEmpty())
                return false;
        }
    }
    return true;
}

QString NetworkPolicySummary::headline(const NetworkPolicy &policy)
{
    QStringList parts;
    if (policy.isolatesIngress) {
        if (policy.ingress.isEmpty())
            parts << tr("Denies all incoming traffic");
        else if (onlyOwnNamespace(policy.ingress))
            parts << tr("Denies traffic from other namespaces");
        else
            parts << tr("Limits incoming traffic");
    }
    if (policy.isolatesEgress) {
        if (policy.egress.isEmpty())
            parts << tr("Denies all outgoing traffic");
        else
            parts << tr("Limits outgoing traffic");
    }
    if (parts.isEmpty())
        return tr("Isolates nothing");
    return parts.join(QStringLiteral("; "));
}

QStringList NetworkPolicySummary::describe(const NetworkPolicy &policy)
{
    QStringList lines;
    const QString pods = selectorText(policy.podSelector);
    lines << (pods.isEmpty() ? tr("Applies to every pod in the namespace")
                             : tr("Applies to pods with %1").arg(pods));
    if (policy.isolatesIngress) {
        if (policy.ingress.isEmpty())
            lines << tr("Nothing may come in");
        for (const NetworkPolicyRule &r : policy.ingress)
            lines << tr("In from %1 on %2").arg(peersText(r.peers), portsText(r.ports));
    }
    if (policy.isolatesEgress) {
        if (policy.egress.isEmpty())
            lines << tr("Nothing may go out");
        for (const NetworkPolicyRule &r : policy.egress)
            lines << tr("Out to %1 on %2").arg(peersText(r.peers), portsText(r.ports));
    }
    if (!policy.isolatesIngress && !policy.isolatesEgress)
        lines << tr("Neither ingress nor egress is in its policy types");
    return lines;
}
