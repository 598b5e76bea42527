#pragma once

// Reads a kubelet /metrics/cadvisor body with our PromParser and keeps only what the dashboard
// needs: CPU counter, working set and RSS of each app container and of the node's root cgroup.
#include "kubeapi/promtext/promtypes.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <limits>
#include <string_view>

namespace kube {

class CadvisorReader final
{
public:
    // One cgroup's figures; each metric keeps the timestamp it was written with (the kubelet
    // stamps per cgroup) or the fallback time for unstamped lines.
    struct Row
    {
        QString namespaceName; // "" for the node root
        QString pod;
        QString container;
        double cpuSecondsTotal = std::numeric_limits<double>::quiet_NaN();
        qint64 cpuMs = 0;
        double workingSetBytes = std::numeric_limits<double>::quiet_NaN();
        qint64 workingSetMs = 0;
        double rssBytes = std::numeric_limits<double>::quiet_NaN();
        qint64 rssMs = 0;
    };

    struct Result
    {
        // App containers only (container!="" and image!="", as kube-prometheus selects them):
        // pod cgroups, pause sandboxes and aggregate cgroups would be counted twice otherwise.
        QList<Row> containers;
        Row node; // id="/"
        bool hasNode = false;
        bool ok = false;
        PromError error; // when !ok
    };

    // `fallbackMs` stamps lines without a timestamp (the time the scrape was asked for).
    // When a container appears twice (cadvisor keeps a restarted container's old cgroup for a
    // while), the row with the newer timestamp wins per metric.
    static Result read(std::string_view body, qint64 fallbackMs);
};

} // namespace kube
