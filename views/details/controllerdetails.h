#pragma once

// A top-level controller: replicas, selector, strategy or schedule, its pods and Services.

#include "views/details/detailssection.h"

#include <QCoreApplication>

class ControllerDetails final : public DetailsSection
{
    Q_DECLARE_TR_FUNCTIONS(ControllerDetails)
public:
    bool exists(const ClusterStore &store, const DetailsSubject &subject) const override;
    std::pair<QString, QString> render(const ClusterStore &store, const DetailsSubject &subject,
                                       DetailsForm *form) const override;
    UsageSubject usage(const ClusterStore &store, const DetailsSubject &subject) const override;
};
