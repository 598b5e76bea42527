#pragma once

// The Containers tab: one row per container of the cluster, flat (300,000 rows on a large
// cluster; InsightsFlatProxy sorts and filters them).
#include "models/insights/insightsmodel.h"

class ContainersModel final : public InsightsModel
{
    Q_OBJECT
public:
    explicit ContainersModel(QObject *parent = nullptr);
};
