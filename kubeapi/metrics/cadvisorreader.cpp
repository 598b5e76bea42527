#include "kubeapi/metrics/cadvisorreader.h"

#include "kubeapi/promtext/promparser.h"

#include <QHash>

namespace kube {

namespace {

enum class Family : quint8 { Other, Cpu, WorkingSet, Rss };

Family familyOf(std::string_view name)
{
    if (name == "container_cpu_usage_seconds_total")
        return Family::Cpu;
    if (name == "container_memory_working_set_bytes")
        return Family::WorkingSet;
    if (name == "container_memory_rss")
        return Family::Rss;
    return Family::Other;
}

class Collector final : public PromVisitor
{
public:
    explicit Collector(qint64 fallbackMs)
        : m_fallbackMs(fallbackMs)
    {}

    void onSample(const PromFamilyView &family, const PromSampleView &sample) override
    {
        Q_UNUSED(family)
        const Family which = familyOf(sample.name);
        if (which == Family::Other)
            return;
        std::string_view container, image, ns, pod, id, cpu;
        bool hasCpu = false;
        for (const PromLabel &label : sample.labels) {
            if (label.name == "container")
                container = label.value;
            else if (label.name == "image")
                image = label.value;
            else if (label.name == "namespace")
                ns = label.value;
            else if (label.name == "pod")
                pod = label.value;
            else if (label.name == "id")
                id = label.value;
            else if (label.name == "cpu") {
                cpu = label.value;
                hasCpu = true;
            }
        }
        // Per-CPU rows appear only when cadvisor has per-CPU stats; the total is what counts.
        if (which == Family::Cpu && hasCpu && cpu != "total")
            return;
        const qint64 ms = sample.hasTimestamp ? qint64(sample.timestampMs) : m_fallbackMs;
        CadvisorReader::Row *row = nullptr;
        if (!container.empty() && !image.empty()) {
            const QString key = QString::fromUtf8(ns.data(), qsizetype(ns.size()))
                                + QLatin1Char('/')
                                + QString::fromUtf8(pod.data(), qsizetype(pod.size()))
                                + QLatin1Char('/')
                                + QString::fromUtf8(container.data(), qsizetype(container.size()));
            auto it = m_index.constFind(key);
            if (it == m_index.constEnd()) {
                CadvisorReader::Row fresh;
                fresh.namespaceName = QString::fromUtf8(ns.data(), qsizetype(ns.size()));
                fresh.pod = QString::fromUtf8(pod.data(), qsizetype(pod.size()));
                fresh.container = QString::fromUtf8(container.data(), qsizetype(container.size()));
                result.containers.append(fresh);
                it = m_index.insert(key, result.containers.size() - 1);
            }
            row = &result.containers[*it];
        } else if (id == "/") {
            result.hasNode = true;
            row = &result.node;
        } else {
            return;
        }
        switch (which) {
        case Family::Cpu:
            take(&row->cpuSecondsTotal, &row->cpuMs, sample.value, ms);
            break;
        case Family::WorkingSet:
            take(&row->workingSetBytes, &row->workingSetMs, sample.value, ms);
            break;
        case Family::Rss:
            take(&row->rssBytes, &row->rssMs, sample.value, ms);
            break;
        case Family::Other:
            break;
        }
    }

    CadvisorReader::Result result;

private:
    static void take(double *value, qint64 *valueMs, double sample, qint64 ms)
    {
        if (*valueMs != 0 && ms < *valueMs)
            return; // an older duplicate (a restarted container's lingering cgroup)
        *value = sample;
        *valueMs = ms;
    }

    qint64 m_fallbackMs;
    QHash<QString, qsizetype> m_index;
};

} // namespace

CadvisorReader::Result CadvisorReader::read(std::string_view body, qint64 fallbackMs)
{
    Collector collector(fallbackMs);
    PromParser::Options options;
    options.format = PromFormat::Text004;
    // Prometheus' scraper accepts a body without its final newline; so do we.
    options.requireFinalNewline = false;
    PromParser parser(collector, options);
    bool ok = parser.feed(body);
    ok = ok && parser.finish();
    Result result = std::move(collector.result);
    result.ok = ok;
    if (!ok)
        result.error = parser.error();
    return result;
}

} // namespace kube
