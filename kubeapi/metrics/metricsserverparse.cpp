#include "kubeapi/metrics/metricsserverparse.h"

#include "kubeapi/objects/decoders.h"

namespace kube {

namespace {

qint64 stampOf(const Timestamp &timestamp, qint64 fallbackMs)
{
    return timestamp.isValid() ? timestamp.msecsSinceEpoch : fallbackMs;
}

// CPU and memory of a PodMetrics container or a NodeMetrics entry; a missing figure stays NaN.
template<typename Sample, typename Usage>
void setUsage(Sample *sample, const Usage &usage)
{
    if (!usage.cpu.isNull())
        sample->cpuCores = usage.cpu.toDouble();
    if (!usage.memory.isNull())
        sample->workingSetBytes = usage.memory.toDouble();
}

} // namespace

ParsedMetricsList parsePodMetricsList(QByteArrayView body, qint64 fallbackMs)
{
    ParsedMetricsList out;
    const DecodedList<PodMetrics> list = decodeList<PodMetrics>(body);
    out.error = list.error;
    for (const PodMetrics &pod : list.items) {
        for (const ContainerMetrics &container : pod.containers) {
            ContainerMetricsSample sample;
            sample.namespaceName = pod.namespaceName;
            sample.pod = pod.name;
            sample.container = container.name;
            sample.timestampMs = stampOf(pod.timestamp, fallbackMs);
            setUsage(&sample, container);
            out.containers.append(sample);
        }
    }
    return out;
}

ParsedMetricsList parseNodeMetricsList(QByteArrayView body, qint64 fallbackMs)
{
    ParsedMetricsList out;
    const DecodedList<NodeMetrics> list = decodeList<NodeMetrics>(body);
    out.error = list.error;
    for (const NodeMetrics &node : list.items) {
        NodeMetricsSample sample;
        sample.node = node.name;
        sample.timestampMs = stampOf(node.timestamp, fallbackMs);
        setUsage(&sample, node);
        out.nodes.append(sample);
    }
    return out;
}

} // namespace kube
