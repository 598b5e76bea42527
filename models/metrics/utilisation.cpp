#include "models/metrics/utilisation.h"

#include <QCoreApplication>

namespace {

bool usable(std::optional<double> d)
{
    return d && std::isfinite(*d) && *d > 0;
}

Utilisation make(double value, Denominator kind, double denominator)
{
    Utilisation u;
    u.kind = kind;
    u.denominator = denominator;
    u.percent = std::isfinite(value) ? value / denominator * 100.0
                                     : std::numeric_limits<double>::quiet_NaN();
    return u;
}

std::optional<double> sumIfAll(const QList<std::optional<double>> &parts)
{
    if (parts.isEmpty())
        return std::nullopt;
    double sum = 0;
    for (const auto &p : parts) {
        if (!usable(p))
            return std::nullopt;
        sum += *p;
    }
    return sum;
}

} // namespace

Utilisation Utilisation::ofLimit(double value, std::optional<double> limit,
                                 std::optional<double> nodeAllocatable)
{
    if (usable(limit))
        return make(value, Denominator::Limit, *limit);
    return ofAllocatable(value, nodeAllocatable);
}

Utilisation Utilisation::ofLimits(double value, const QList<std::optional<double>> &containerLimits,
                                  std::optional<double> nodeAllocatable)
{
    return ofLimit(value, sumIfAll(containerLimits), nodeAllocatable);
}

Utilisation Utilisation::ofRequest(double value, std::optional<double> request)
{
    if (usable(request))
        return make(value, Denominator::Request, *request);
    return {};
}

Utilisation Utilisation::ofRequests(double value,
                                    const QList<std::optional<double>> &containerRequests)
{
    return ofRequest(value, sumIfAll(containerRequests));
}

Utilisation Utilisation::ofAllocatable(double value, std::optional<double> allocatable)
{
    if (usable(allocatable))
        return make(value, Denominator::NodeAllocatable, *allocatable);
    return {};
}

QString Utilisation::denominatorName(Denominator kind)
{
    switch (kind) {
    case Denominator::None:
        return QCoreApplication::translate("Utilisation", "no reference");
    case Denominator::Limit:
        return QCoreApplication::translate("Utilisation", "of limit");
    case Denominator::Request:
        return QCoreApplication::translate("Utilisation", "of request");
    case Denominator::NodeAllocatable:
        return QCoreApplication::translate("Utilisation", "of node allocatable");
    }
    return {};
}
