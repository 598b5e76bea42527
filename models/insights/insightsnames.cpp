#include "models/insights/insightsnames.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(InsightsNames)
};
} // namespace

QString InsightsNames::metric(Metric metric)
{
    switch (metric) {
    case Metric::Cpu:
        return Tr::tr("CPU usage");
    case Metric::WorkingSet:
        return Tr::tr("Memory working set");
    case Metric::Rss:
        return Tr::tr("Memory RSS");
    }
    return {};
}

QString InsightsNames::statistic(Statistic statistic)
{
    switch (statistic) {
    case Statistic::Min:
        return Tr::tr("Min");
    case Statistic::Avg:
        return Tr::tr("Avg");
    case Statistic::P50:
        return Tr::tr("50th");
    case Statistic::P90:
        return Tr::tr("90th");
    case Statistic::P95:
        return Tr::tr("95th");
    case Statistic::Max:
        return Tr::tr("Max");
    }
    return {};
}
