#pragma once

// A container: state and last termination, image, resources, ports, environment (Secret
// values never fetched), mounts, probes and security context.

#include "views/details/detailssection.h"

#include <QCoreApplication>

class ContainerDetails final : public DetailsSection
{
    Q_DECLARE_TR_FUNCTIONS(ContainerDetails)
public:
    bool exists(const ClusterStore &store, const DetailsSubject &subject) const override;
    std::pair<QString, QString> render(const ClusterStore &store, const DetailsSubject &subject,
                                       DetailsForm *form) const override;
    UsageSubject usage(const ClusterStore &store, const DetailsSubject &subject) const override;
};
