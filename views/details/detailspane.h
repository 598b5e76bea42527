#pragma once

// The right-hand details of the selected node, controller, pod or container: the fields an
// operator or supporter needs, labels as clickable chips (they add to the label filter), and
// small live CPU/memory charts with request and limit lines.
#include <QWidget>

class ClusterStore;
class InsightsFilter;
class MetricsHistory;
class QChartView;
class QFormLayout;
class QLabel;
class QVBoxLayout;

class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(InsightsFilter *filter, QWidget *parent = nullptr);

    void setSources(ClusterStore *feed, const MetricsHistory *history);
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
    enum class Kind { None, Node, Controller, Pod, Container };
    void render();
    void renderNode();
    void renderController();
    void renderPod();
    void renderContainer();
    void resetForm(const QString &title, const QString &subtitle);
    void addRow(const QString &label, const QString &value);
    void addLabels(const QString &label, const QList<std::pair<QString, QString>> &labels);
    void updateCharts();

    InsightsFilter *m_filter;
    ClusterStore *m_store = nullptr;
    const MetricsHistory *m_history = nullptr;
    Kind m_kind = Kind::None;
    QString m_key;
    QString m_container;
    QLabel *m_title;
    QLabel *m_subtitle;
    QWidget *m_formHost;
    QFormLayout *m_form;
    QChartView *m_cpuChart;
    QChartView *m_memoryChart;
    QLabel *m_empty;
};
