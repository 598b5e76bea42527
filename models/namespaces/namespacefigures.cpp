#include "models/namespaces/namespacefigures.h"

#include "models/cluster/clusterstore.h"

#include <QLocale>

#include <iterator>

namespace {
const QLatin1String kPhases[] = {QLatin1String("Running"), QLatin1String("Pending"),
                                 QLatin1String("Succeeded"), QLatin1String("Failed"),
                                 QLatin1String("Unknown")};

bool isTerminal(const kube::Pod &pod)
{
    return pod.phase == u"Succeeded" || pod.phase == u"Failed";
}
} // namespace

NamespaceFigures::Resources NamespaceFigures::resources(const ClusterStore &store,
                                                        const QString &ns, bool limits)
{
    Resources r;
    for (const QString &uid : store.podsInNamespace(ns)) {
        const kube::Pod *pod = store.pod(uid);
        if (!pod || isTerminal(*pod))
            continue;
        ++r.pods;
        for (const kube::Container &c : pod->containers) {
            ++r.containers;
            const kube::Quantity &cpu = limits ? c.resources.cpuLimit : c.resources.cpuRequest;
            const kube::Quantity &memory = limits ? c.resources.memoryLimit
                                                  : c.resources.memoryRequest;
            if (cpu.isNull())
                ++r.withoutCpu;
            else
                r.cpuMillicores += double(cpu.milliValue());
            if (memory.isNull())
                ++r.withoutMemory;
            else
                r.memoryBytes += memory.toDouble();
        }
    }
    return r;
}

bool NamespaceFigures::known(const ClusterStore &store, const QString &ns)
{
    return store.namespaceObject(ns) || !store.podsInNamespace(ns).isEmpty()
           || !store.workloadsInNamespace(ns).isEmpty() || !store.quotasIn(ns).isEmpty()
           || !store.limitRangesIn(ns).isEmpty() || !store.networkPoliciesIn(ns).isEmpty();
}

bool NamespaceFigures::isTerminating(const kube::Namespace &object)
{
    return object.phase == u"Terminating" || object.metadata.deletionTimestamp.isValid();
}

QString NamespaceFigures::status(const kube::Namespace *object)
{
    if (!object)
        return {};
    return isTerminating(*object) ? tr("Terminating") : tr("Active");
}

QStringList NamespaceFigures::podsByPhase(const ClusterStore &store, const QString &ns, int *total)
{
    int counts[std::size(kPhases)] = {};
    int n = 0;
    for (const QString &uid : store.podsInNamespace(ns)) {
        const kube::Pod *pod = store.pod(uid);
        if (!pod)
            continue;
        ++n;
        size_t i = 0;
        while (i + 1 < std::size(kPhases) && pod->phase != kPhases[i])
            ++i;
        ++counts[i];
    }
    if (total)
        *total = n;
    QStringList parts;
    for (size_t i = 0; i < std::size(kPhases); ++i) {
        if (counts[i] > 0)
            parts << QStringLiteral("%1 %2").arg(QLocale().toString(counts[i]), kPhases[i]);
    }
    return parts;
}

QString NamespaceFigures::resourceList(const kube::ResourceList &list)
{
    QStringList parts;
    for (const auto &[name, q] : list)
        parts << name + u'=' + q.toString();
    return parts.join(QStringLiteral(", "));
}
