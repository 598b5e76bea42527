#pragma once

// A node: conditions, versions, capacity and allocatable, taints, pods, labels, annotations.

#include "views/details/detailssection.h"

#include <QCoreApplication>

class NodeDetails final : public DetailsSection
{
    Q_DECLARE_TR_FUNCTIONS(NodeDetails)
public:
    bool exists(const ClusterStore &store, const DetailsSubject &subject) const override;
    std::pair<QString, QString> render(const ClusterStore &store, const DetailsSubject &subject,
                                       DetailsForm *form) const override;
    UsageSubject usage(const ClusterStore &store, const DetailsSubject &subject) const override;
};
