#pragma once

// Translated names of the selectable metrics and statistics, for selectors and column titles
// ("CPU usage", "95th"); figures themselves are formatted by Formatter.
#include "models/metrics/metricshistory.h"
#include "models/metrics/percentiles.h"

#include <QString>

class InsightsNames final
{
public:
    // "CPU usage", "Memory working set", "Memory RSS".
    static QString metric(Metric metric);
    // "Min", "Avg", "50th", "90th", "95th", "Max".
    static QString statistic(Statistic statistic);
};
