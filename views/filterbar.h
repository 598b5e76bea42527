#pragma once

// The toolbar of the insight screens: context, namespaces, metric, statistic, time range, name
// search, label selector (with its error), "+ filter" (node, node pool, service), and below it
// the active filters as removable chips. Everything edits the one shared InsightsFilter.
#include "models/metrics/metricshistory.h"
#include "models/metrics/percentiles.h"
#include "models/metrics/timerange.h"

#include <QWidget>

class ClusterStore;
class InsightsFilter;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;

class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(InsightsFilter *filter, QWidget *parent = nullptr);

    void setStore(ClusterStore *feed) { m_store = feed; }
    // The kubeconfig contexts to offer and the one shown; choosing another emits contextRequested.
    void setContexts(const QStringList &contexts, const QString &current);

    Metric metric() const;
    Statistic statistic() const;
    TimeRange timeRange() const;
    QComboBox *contextBox() const { return m_context; }
    QLineEdit *searchEdit() const { return m_search; }
    QLineEdit *labelEdit() const { return m_labels; }
    // The chip texts shown, e.g. "Namespace: shop", for tests.
    QStringList chipTexts() const;

Q_SIGNALS:
    void contextRequested(const QString &context);
    void metricChanged(Metric metric);
    void statisticChanged(Statistic statistic);
    void timeRangeChanged(TimeRange range);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void rebuildChips();
    void fillNamespaceMenu();
    void fillAddFilterMenu();
    void applyLabels();

    InsightsFilter *m_filter;
    ClusterStore *m_store = nullptr;
    QLabel *m_contextLabel;
    QComboBox *m_context;
    QString m_currentContext; // the one connected; choosing it again does not reconnect
    QToolButton *m_namespaces;
    QComboBox *m_metric;
    QComboBox *m_statistic;
    QComboBox *m_range;
    QLineEdit *m_search;
    QLineEdit *m_labels;
    QToolButton *m_addFilter;
    QWidget *m_chipRow;
    QHBoxLayout *m_chipLayout;
    QStringList m_chipTexts;
};
