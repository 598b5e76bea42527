#pragma once

// The right-hand details of the selected namespace, node, controller, pod or container: the fields an
// operator or supporter needs, labels as clickable chips (they add to the label filter), and
// small live CPU/memory charts with request and limit lines. What each kind shows is its
// DetailsSection (nodedetails.h, controllerdetails.h, poddetails.h, containerdetails.h); the
// pane chooses the section, lays out and draws the charts.
#include <QPointer>
#include <QWidget>

#include <memory>

class AccessReviewer;
class ClusterStore;
class DetailsForm;
class DetailsSection;
class InsightsFilter;
class MetricsHistory;
class QLabel;
class TimeChart;
struct UsageSubject;

class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(InsightsFilter *filter, QWidget *parent = nullptr);
    ~DetailsPane() override;

    void setSources(ClusterStore *feed, const MetricsHistory *history);
    // Answers "what may I do here" for namespaces (null for a snapshot).
    void setAccessReviewer(AccessReviewer *reviewer);
    void showNamespace(const QString &name);
    void showNode(const QString &name);
    void showController(const QString &id);
    void showPod(const QString &uid);
    void showContainer(const QString &podUid, const QString &container);
    void clear();
    // Re-reads the shown object (it changed, or the language did).
    void refresh();

    QString title() const;
    // Every field as "Label: value" lines, for tests and the capture.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Kind { None, Node, Controller, Pod, Container, Namespace };
    void render();
    void updateCharts(const UsageSubject &subject);

    InsightsFilter *m_filter;
    ClusterStore *m_store = nullptr;
    const MetricsHistory *m_history = nullptr;
    Kind m_kind = Kind::None;
    QString m_key;
    QString m_container;
    QLabel *m_title;
    QLabel *m_subtitle;
    DetailsForm *m_form;
    TimeChart *m_cpuChart;
    TimeChart *m_memoryChart;
    std::unique_ptr<DetailsSection> m_sections[6];        // by Kind (None has none)
    class NamespaceDetails *m_namespaceDetails = nullptr; // in m_sections
    QPointer<AccessReviewer> m_reviewer;
    QMetaObject::Connection m_reviewerConnection;
    QLabel *m_empty;
};
