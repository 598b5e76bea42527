#pragma once

// A namespace: its status and pods, every ResourceQuota with used of hard per resource (and its
// scopes), every LimitRange item, every NetworkPolicy in plain words, the workloads it holds,
// and what the current user may do there (from a SelfSubjectRulesReview).
#include "views/details/detailssection.h"

#include <QCoreApplication>

class AccessReviewer;

class NamespaceDetails final : public DetailsSection
{
    Q_DECLARE_TR_FUNCTIONS(NamespaceDetails)
public:
    // Where access answers come from (null: a snapshot, none are asked).
    void setAccessReviewer(const AccessReviewer *reviewer) { m_reviewer = reviewer; }

    bool exists(const ClusterStore &store, const DetailsSubject &subject) const override;
    std::pair<QString, QString> render(const ClusterStore &store, const DetailsSubject &subject,
                                       DetailsForm *form) const override;
    UsageSubject usage(const ClusterStore &store, const DetailsSubject &subject) const override;

private:
    void renderQuotas(const ClusterStore &store, const QString &ns, DetailsForm *form) const;
    void renderLimitRanges(const ClusterStore &store, const QString &ns, DetailsForm *form) const;
    void renderPolicies(const ClusterStore &store, const QString &ns, DetailsForm *form) const;
    void renderAccess(const QString &ns, DetailsForm *form) const;

    const AccessReviewer *m_reviewer = nullptr;
};
