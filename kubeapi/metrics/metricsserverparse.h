#pragma once

// Reading metrics.k8s.io answers (PodMetricsList, NodeMetricsList) into samples: used by the
// live metrics.k8s.io source and by snapshots, which keep those answers as they came.
#include "kubeapi/metrics/metricssource.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace kube {

struct ParsedMetricsList
{
    QList<ContainerMetricsSample> containers;
    QList<NodeMetricsSample> nodes;
    QString error; // the decoder's, when the body is not a valid list (what decoded is kept)
};

// One sample per container of a PodMetricsList; `fallbackMs` stamps entries without a timestamp.
ParsedMetricsList parsePodMetricsList(QByteArrayView body, qint64 fallbackMs);
// One sample per node of a NodeMetricsList.
ParsedMetricsList parseNodeMetricsList(QByteArrayView body, qint64 fallbackMs);

} // namespace kube
