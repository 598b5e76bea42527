#pragma once

// One resource of a ResourceQuota as the Namespaces tab shows it: used of hard, as a fraction
// and classified by the OK/Warning/Critical thresholds.
#include "kubeapi/objects/namespacepolicy.h"
#include "models/insights/thresholds.h"

#include <QList>
#include <QMetaType>
#include <QString>

struct QuotaUsage final
{
    QString quota;    // the ResourceQuota's name
    QString resource; // "pods", "requests.cpu", "count/deployments.apps", …
    QString used;     // canonical quantities, as kubectl describe quota prints them
    QString hard;
    double percent = 0; // used / hard × 100; NaN when hard is 0 and nothing is used
    HealthStatus health = HealthStatus::NoData;

    // Every resource of every quota, the fullest first (ties by quota, then resource name).
    static QList<QuotaUsage> of(const QList<const kube::ResourceQuota *> &quotas,
                                const Thresholds &thresholds);
    // "pods 5/6"
    QString figure() const;
};

Q_DECLARE_METATYPE(QuotaUsage)
Q_DECLARE_METATYPE(QList<QuotaUsage>)
