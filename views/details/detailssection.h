#pragma once

// What the details pane shows for one kind of row (node, controller, pod, container): one
// subclass per kind, chosen by DetailsPane. A section reads the store and fills the form; it
// keeps nothing between renders.
#include "models/metrics/metricshistory.h"

#include <QString>

#include <optional>

class ClusterStore;
class DetailsForm;

// The row the pane shows: a node name, a controller key or a pod UID, and for a container
// its name.
struct DetailsSubject
{
    QString key;
    QString container;
};

// The series the usage charts draw and the levels drawn across them.
struct UsageSubject
{
    SeriesKind kind = SeriesKind::Node;
    QString id;
    std::optional<double> cpuRequest, cpuLimit;       // millicores
    std::optional<double> memoryRequest, memoryLimit; // bytes
    bool limitIsAllocatable = false;                  // a node's "limit" is what it can allocate
};

class DetailsSection
{
public:
    virtual ~DetailsSection() = default;

    // Whether the store still holds the subject's object.
    virtual bool exists(const ClusterStore &store, const DetailsSubject &subject) const = 0;
    // The pane's title and subtitle, and the form's rows. Called only when exists().
    virtual std::pair<QString, QString> render(const ClusterStore &store,
                                               const DetailsSubject &subject,
                                               DetailsForm *form) const = 0;
    virtual UsageSubject usage(const ClusterStore &store, const DetailsSubject &subject) const = 0;
};
