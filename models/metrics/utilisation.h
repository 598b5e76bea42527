#pragma once

// A percentage together with what it is a percentage of — limit, request or node allocatable —
// so every figure on screen can name its denominator (DESIGN.md: always say which one).
#include <QList>
#include <QMetaType>
#include <QString>

#include <cmath>
#include <limits>
#include <optional>

enum class Denominator { None, Limit, Request, NodeAllocatable };

struct Utilisation final
{
    double percent = std::numeric_limits<double>::quiet_NaN();
    Denominator kind = Denominator::None;
    double denominator = std::numeric_limits<double>::quiet_NaN(); // same unit as the value

    bool isValid() const { return kind != Denominator::None && !std::isnan(percent); }

    // value ÷ limit; a container without a limit (absent or 0) is measured against its node's
    // allocatable, as Container insights does, and says so through `kind`.
    static Utilisation ofLimit(double value, std::optional<double> limit,
                               std::optional<double> nodeAllocatable);
    // A pod or controller: the sum of its containers' limits when every container has one;
    // if any container is unlimited the group can use the whole node, so it is measured against
    // `nodeAllocatable` (the allocatable of the node(s) it runs on, summed by the caller).
    static Utilisation ofLimits(double value, const QList<std::optional<double>> &containerLimits,
                                std::optional<double> nodeAllocatable);
    // value ÷ request; no figure (kind None) without a request — there is nothing to compare.
    static Utilisation ofRequest(double value, std::optional<double> request);
    // The sum of the requests, only when every container has one.
    static Utilisation ofRequests(double value,
                                  const QList<std::optional<double>> &containerRequests);
    // value ÷ allocatable, for node rows (like kubectl top, not capacity like the portal).
    static Utilisation ofAllocatable(double value, std::optional<double> allocatable);

    // "of limit", "of request", "of node allocatable" — translated, shown next to the figure.
    static QString denominatorName(Denominator kind);
};

Q_DECLARE_METATYPE(Utilisation)
