#pragma once

// OK / Warning / Critical on a percentage (default 80 % and 90 %, configurable), plus the two
// states without a current figure: no data at all, and stale (last sample too old).
#include <QString>

#include <optional>

enum class HealthStatus { NoData, Stale, Ok, Warning, Critical };

class Thresholds final
{
public:
    // Defaults as the Azure health monitors use them for node and container CPU/memory.
    static constexpr double kDefaultWarning = 80.0;
    static constexpr double kDefaultCritical = 90.0;

    Thresholds() = default;
    // nullopt and a translated *error unless 0 < warning <= critical (percentages; above 100
    // is allowed, e.g. to warn only when a request is exceeded by far).
    static std::optional<Thresholds> create(double warningPercent, double criticalPercent,
                                            QString *error = nullptr);

    double warning() const { return m_warning; }
    double critical() const { return m_critical; }

    // Critical at or above `critical`, Warning at or above `warning`, else Ok; NaN → NoData.
    HealthStatus classify(double percent) const;
    // As above, but Stale when the figure is stale (a stale figure is never shown as current).
    HealthStatus classify(double percent, bool stale) const;

    // "OK", "Warning", "Critical", "No data", "Stale" — translated.
    static QString statusName(HealthStatus status);

    bool operator==(const Thresholds &) const = default;

private:
    double m_warning = kDefaultWarning;
    double m_critical = kDefaultCritical;
};
