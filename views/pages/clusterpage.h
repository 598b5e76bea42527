#pragma once

// The Cluster tab: node CPU % and node memory % over the time range (one toggleable series
// per statistic across nodes), node count (total/ready/not ready) and active pod count by phase,
// the counts as sampled since the app connected.
#include "models/metrics/timerange.h"

#include <QList>
#include <QWidget>

class ClusterStore;
class MetricsHistory;
class TimeChart;

class ClusterPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPage(QWidget *parent = nullptr);

    void setSources(ClusterStore *feed, const MetricsHistory *history);
    void setTimeRange(TimeRange range);
    // Samples the counts now and redraws (called when metrics arrive and on a timer).
    void refresh();
    QList<TimeChart *> charts() const { return m_charts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct CountSample
    {
        qint64 ms = 0;
        int values[9] =
            {}; // nodes total, ready, not ready; pods total, pending, running, unknown, succeeded, failed
        bool nodesKnown = true; // false: no node is visible (RBAC), so the node counts are unknown
    };
    void sample();
    void draw();

    ClusterStore *m_store = nullptr;
    const MetricsHistory *m_history = nullptr;
    TimeRange m_range = TimeRanges::defaultRange();
    QList<CountSample> m_samples;
    QList<TimeChart *> m_charts;
};
