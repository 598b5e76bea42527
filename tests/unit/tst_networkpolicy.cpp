// NetworkPolicies, ResourceQuotas and LimitRanges from JSON as the API server sends them, and
// the words the Namespaces tab says about them: the workshop's topics (deny all ingress, deny
// from other namespaces, allow from a labelled namespace, egress to an ipBlock, allow on one
// port) and the NetworkPolicy example of the Kubernetes documentation
// (concepts/services-networking/network-policies, "test-network-policy").
#include "kubeapi/objects/decoders.h"
#include "models/namespaces/networkpolicysummary.h"
#include "models/namespaces/quotausage.h"

#include <QtTest>

namespace {

kube::NetworkPolicy policy(const char *spec)
{
    const QByteArray json =
        QByteArrayLiteral(R"({"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",)"
                          R"("metadata":{"name":"p","namespace":"team-a","uid":"u1"},"spec":)")
        + QByteArray(spec) + '}';
    const auto decoded = kube::decodeObject<kube::NetworkPolicy>(json);
    if (!decoded.ok())
        qFatal("%s", qPrintable(decoded.error));
    return decoded.value;
}

QString wordsOf(const QList<kube::NetworkPolicy> &policies)
{
    QList<const kube::NetworkPolicy *> pointers;
    for (const auto &p : policies)
        pointers << &p;
    return NetworkPolicySummary::words(NetworkPolicySummary::isolationOf(pointers));
}

} // namespace

class TestNetworkPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void denyAllIngress();
    void denyFromOtherNamespaces();
    void allowFromLabelledNamespace();
    void egressToIpBlock();
    void allowOnOnePort();
    void documentationExample();
    void selectorsWithExpressions();
    void wrongTypesAreErrors();
    void quotaUsage();
    void limitRange();
};

void TestNetworkPolicy::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestNetworkPolicy::denyAllIngress()
{
    const auto p = policy(R"({"podSelector":{},"policyTypes":["Ingress"]})");
    QVERIFY(p.isolatesIngress);
    QVERIFY(!p.isolatesEgress);
    QVERIFY(p.podSelector.isEmpty());
    QCOMPARE(NetworkPolicySummary::headline(p), QStringLiteral("Denies all incoming traffic"));
    QCOMPARE(NetworkPolicySummary::describe(p),
             QStringList({QStringLiteral("Applies to every pod in the namespace"),
                          QStringLiteral("Nothing may come in")}));
    QCOMPARE(wordsOf({p}), QStringLiteral("ingress isolated"));
    // policyTypes left out: the API server's default is Ingress alone.
    const auto defaulted = policy(R"({"podSelector":{}})");
    QVERIFY(defaulted.isolatesIngress);
    QVERIFY(!defaulted.isolatesEgress);
}

void TestNetworkPolicy::denyFromOtherNamespaces()
{
    const auto p = policy(
        R"({"podSelector":{},"policyTypes":["Ingress"],"ingress":[{"from":[{"podSelector":{}}]}]})");
    QCOMPARE(NetworkPolicySummary::headline(p),
             QStringLiteral("Denies traffic from other namespaces"));
    QCOMPARE(NetworkPolicySummary::describe(p).value(1),
             QStringLiteral("In from every pod in this namespace on every port"));
}

void TestNetworkPolicy::allowFromLabelledNamespace()
{
    const auto p = policy(
        R"({"podSelector":{"matchLabels":{"app":"web"}},"ingress":[{"from":[)"
        R"({"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"monitoring"}}}]}]})");
    QCOMPARE(NetworkPolicySummary::headline(p), QStringLiteral("Limits incoming traffic"));
    QCOMPARE(NetworkPolicySummary::describe(p),
             QStringList({QStringLiteral("Applies to pods with app=web"),
                          QStringLiteral("In from every pod in namespaces with "
                                         "kubernetes.io/metadata.name=monitoring on every "
                                         "port")}));
    // Only some pods are selected.
    QCOMPARE(wordsOf({p}), QStringLiteral("ingress isolated (some pods)"));
}

void TestNetworkPolicy::egressToIpBlock()
{
    const auto p = policy(
        R"({"podSelector":{"matchLabels":{"app":"payments"}},"policyTypes":["Egress"],)"
        R"("egress":[{"to":[{"podSelector":{"matchLabels":{"app":"db"}}}],)"
        R"("ports":[{"protocol":"TCP","port":5432}]},)"
        R"({"to":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.0.99.0/24"]}}],)"
        R"("ports":[{"port":443}]}]})");
    QVERIFY(!p.isolatesIngress);
    QVERIFY(p.isolatesEgress);
    QCOMPARE(p.egress.size(), 2);
    QCOMPARE(NetworkPolicySummary::headline(p), QStringLiteral("Limits outgoing traffic"));
    QCOMPARE(NetworkPolicySummary::describe(p),
             QStringList({QStringLiteral("Applies to pods with app=payments"),
                          QStringLiteral("Out to pods with app=db in this namespace on TCP "
                                         "5432"),
                          QStringLiteral("Out to 10.0.0.0/8 except 10.0.99.0/24 on TCP 443")}));
    QCOMPARE(wordsOf({p}), QStringLiteral("egress isolated (some pods)"));
}

void TestNetworkPolicy::allowOnOnePort()
{
    const auto p = policy(R"({"podSelector":{"matchLabels":{"app":"api"}},"ingress":[{"ports":[)"
                          R"({"protocol":"TCP","port":8080}]}]})");
    QCOMPARE(NetworkPolicySummary::describe(p).value(1),
             QStringLiteral("In from anywhere on TCP 8080"));
    const auto range = policy(
        R"({"podSelector":{},"ingress":[{"ports":[{"protocol":"UDP","port":32000,"endPort":32768},)"
        R"({"port":"http"}]}]})");
    QCOMPARE(NetworkPolicySummary::describe(range).value(1),
             QStringLiteral("In from anywhere on UDP 32000–32768, TCP http"));
}

void TestNetworkPolicy::documentationExample()
{
    // The documentation's test-network-policy, as JSON.
    const auto p = policy(
        R"({"podSelector":{"matchLabels":{"role":"db"}},"policyTypes":["Ingress","Egress"],)"
        R"("ingress":[{"from":[{"ipBlock":{"cidr":"172.17.0.0/16","except":["172.17.1.0/24"]}},)"
        R"({"namespaceSelector":{"matchLabels":{"project":"myproject"}}},)"
        R"({"podSelector":{"matchLabels":{"role":"frontend"}}}],)"
        R"("ports":[{"protocol":"TCP","port":6379}]}],)"
        R"("egress":[{"to":[{"ipBlock":{"cidr":"10.0.0.0/24"}}],)"
        R"("ports":[{"protocol":"TCP","port":5978}]}]})");
    QCOMPARE(NetworkPolicySummary::describe(p),
             QStringList({QStringLiteral("Applies to pods with role=db"),
                          QStringLiteral("In from 172.17.0.0/16 except 172.17.1.0/24, every "
                                         "pod in namespaces with project=myproject, and pods "
                                         "with role=frontend in this namespace on TCP 6379"),
                          QStringLiteral("Out to 10.0.0.0/24 on TCP 5978")}));
    QCOMPARE(wordsOf({p}), QStringLiteral("ingress and egress isolated (some pods)"));
    // A namespace-wide deny next to it isolates every pod's ingress.
    const auto deny = policy(R"({"podSelector":{}})");
    QCOMPARE(wordsOf({p, deny}), QStringLiteral("ingress isolated, egress isolated (some pods)"));
    QCOMPARE(wordsOf({}), QStringLiteral("open"));
}

void TestNetworkPolicy::selectorsWithExpressions()
{
    const auto p = policy(
        R"({"podSelector":{"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]},)"
        R"({"key":"canary","operator":"DoesNotExist"},{"key":"env","operator":"Exists"}]}})");
    QCOMPARE(NetworkPolicySummary::selectorText(p.podSelector),
             QStringLiteral("tier in (a, b), !canary, env"));
}

void TestNetworkPolicy::wrongTypesAreErrors()
{
    const auto bad = kube::decodeObject<kube::NetworkPolicy>(
        R"({"metadata":{"name":"x"},"spec":{"ingress":{"from":[]}}})");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(QLatin1String("spec.ingress")), qPrintable(bad.error));
    const auto quota = kube::decodeObject<kube::ResourceQuota>(
        R"({"metadata":{"name":"q"},"spec":{"hard":{"pods":"ten"}}})");
    QVERIFY(!quota.ok());
    QVERIFY2(quota.error.contains(QLatin1String("spec.hard.pods")), qPrintable(quota.error));
}

void TestNetworkPolicy::quotaUsage()
{
    const auto decoded = kube::decodeObject<kube::ResourceQuota>(
        R"({"metadata":{"name":"compute","namespace":"team-a"},)"
        R"("spec":{"hard":{"pods":"6","requests.cpu":"2","requests.memory":"2Gi"},)"
        R"("scopes":["NotBestEffort"]},)"
        R"("status":{"hard":{"pods":"6","requests.cpu":"2","requests.memory":"2Gi"},)"
        R"("used":{"pods":"5","requests.cpu":"750m","requests.memory":"1536Mi"}}})");
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    const kube::ResourceQuota &q = decoded.value;
    QCOMPARE(q.scopes, QStringList{QStringLiteral("NotBestEffort")});
    const QList<QuotaUsage> usage = QuotaUsage::of({&q}, Thresholds());
    QCOMPARE(usage.size(), 3);
    QCOMPARE(usage[0].resource, QStringLiteral("pods"));
    QCOMPARE(usage[0].figure(), QStringLiteral("pods 5/6"));
    QCOMPARE(usage[0].health, HealthStatus::Warning); // 83 %
    QCOMPARE(usage[1].resource, QStringLiteral("requests.memory"));
    QCOMPARE(usage[1].used, QStringLiteral("1536Mi"));
    QCOMPARE(usage[1].health, HealthStatus::Ok); // 75 %
    QCOMPARE(usage[2].figure(), QStringLiteral("requests.cpu 750m/2"));
    // Before the quota controller has counted: spec.hard, and "not known" instead of 0.
    const auto fresh = kube::decodeObject<kube::ResourceQuota>(
        R"({"metadata":{"name":"new"},"spec":{"hard":{"pods":"0"}}})");
    const QList<QuotaUsage> unknown = QuotaUsage::of({&fresh.value}, Thresholds());
    QCOMPARE(unknown.size(), 1);
    QVERIFY(unknown[0].used.isEmpty());
    QCOMPARE(unknown[0].figure(), QStringLiteral("pods ?/0"));
}

void TestNetworkPolicy::limitRange()
{
    const auto decoded = kube::decodeObject<kube::LimitRange>(
        R"({"metadata":{"name":"defaults","namespace":"team-c"},"spec":{"limits":[)"
        R"({"type":"Container","default":{"cpu":"500m","memory":"256Mi"},)"
        R"("defaultRequest":{"cpu":"100m","memory":"128Mi"},"max":{"cpu":"2"},"min":{"cpu":"10m"}},)"
        R"({"type":"Pod","max":{"memory":"4Gi"}}]}})");
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    const auto &items = decoded.value.limits;
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].type, QStringLiteral("Container"));
    QCOMPARE(kube::findQuantity(items[0].defaultLimits, u"memory")->toString(),
             QStringLiteral("256Mi"));
    QCOMPARE(kube::findQuantity(items[0].defaultRequest, u"cpu")->toString(),
             QStringLiteral("100m"));
    QCOMPARE(kube::findQuantity(items[1].max, u"memory")->toString(), QStringLiteral("4Gi"));
}

QTEST_GUILESS_MAIN(TestNetworkPolicy)
#include "tst_networkpolicy.moc"
