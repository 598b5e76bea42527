#include "models/namespaces/quotausage.h"

#include <algorithm>
#include <cmath>
#include <limits>

QList<QuotaUsage> QuotaUsage::of(const QList<const kube::ResourceQuota *> &quotas,
                                 const Thresholds &thresholds)
{
    QList<QuotaUsage> out;
    for (const kube::ResourceQuota *quota : quotas) {
        for (const auto &[resource, hard] : quota->hard()) {
            QuotaUsage u;
            u.quota = quota->metadata.name;
            u.resource = resource;
            u.hard = hard.toString();
            const kube::Quantity *used = kube::findQuantity(quota->used, resource);
            // Not yet counted by the quota controller: unknown, not zero.
            u.used = used ? used->toString() : QString();
            if (!used) {
                u.percent = std::numeric_limits<double>::quiet_NaN();
            } else if (hard.isZero()) {
                u.percent = used->isZero() ? std::numeric_limits<double>::quiet_NaN() : 100.0;
                if (used->isZero())
                    u.health = HealthStatus::Critical; // nothing may be created at all
            } else {
                u.percent = used->toDouble() / hard.toDouble() * 100.0;
            }
            if (!std::isnan(u.percent))
                u.health = thresholds.classify(u.percent);
            out.append(std::move(u));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const QuotaUsage &a, const QuotaUsage &b) {
        const double pa = std::isnan(a.percent) ? -1 : a.percent;
        const double pb = std::isnan(b.percent) ? -1 : b.percent;
        if (pa != pb)
            return pa > pb;
        if (a.quota != b.quota)
            return a.quota < b.quota;
        return a.resource < b.resource;
    });
    return out;
}

QString QuotaUsage::figure() const
{
    return resource + QLatin1Char(' ') + (used.isEmpty() ? QStringLiteral("?") : used)
           + QLatin1Char('/') + hard;
}
