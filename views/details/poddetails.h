#pragma once

// A pod: phase and reason, placement, IPs, QoS, controller, resources per container.

#include "views/details/detailssection.h"

#include <QCoreApplication>

namespace kube {
struct Pod;
}

class PodDetails final : public DetailsSection
{
    Q_DECLARE_TR_FUNCTIONS(PodDetails)
public:
    bool exists(const ClusterStore &store, const DetailsSubject &subject) const override;
    std::pair<QString, QString> render(const ClusterStore &store, const DetailsSubject &subject,
                                       DetailsForm *form) const override;
    UsageSubject usage(const ClusterStore &store, const DetailsSubject &subject) const override;

    // Requests and limits summed over the pod's containers (or the one named): a sum only
    // where every container has one.
    static UsageSubject requestsAndLimits(const kube::Pod &pod, const QString &onlyContainer);
};
