#include "models/insights/thresholds.h"

#include <QCoreApplication>

#include <cmath>

std::optional<Thresholds> Thresholds::create(double warningPercent, double criticalPercent,
                                             QString *error)
{
    if (!(warningPercent > 0) || !(criticalPercent >= warningPercent)
        || !std::isfinite(criticalPercent)) {
        if (error)
            *error = QCoreApplication::translate(
                         "Thresholds",
                         "The warning threshold (%1%) must be above 0 and not above the critical "
                         "threshold (%2%).")
                         .arg(warningPercent)
                         .arg(criticalPercent);
        return std::nullopt;
    }
    Thresholds t;
    t.m_warning = warningPercent;
    t.m_critical = criticalPercent;
    return t;
}

HealthStatus Thresholds::classify(double percent) const
{
    if (std::isnan(percent))
        return HealthStatus::NoData;
    if (percent >= m_critical)
        return HealthStatus::Critical;
    if (percent >= m_warning)
        return HealthStatus::Warning;
    return HealthStatus::Ok;
}

HealthStatus Thresholds::classify(double percent, bool stale) const
{
    return stale ? HealthStatus::Stale : classify(percent);
}

QString Thresholds::statusName(HealthStatus status)
{
    switch (status) {
    case HealthStatus::NoData:
        return QCoreApplication::translate("Thresholds", "No data");
    case HealthStatus::Stale:
        return QCoreApplication::translate("Thresholds", "Stale");
    case HealthStatus::Ok:
        return QCoreApplication::translate("Thresholds", "OK");
    case HealthStatus::Warning:
        return QCoreApplication::translate("Thresholds", "Warning");
    case HealthStatus::Critical:
        return QCoreApplication::translate("Thresholds", "Critical");
    }
    return {};
}
