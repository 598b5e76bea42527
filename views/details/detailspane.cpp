#include "views/details/detailspane.h"

#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/metrics/metricshistory.h"
#include "models/namespaces/accessreviewer.h"
#include "views/charts/timechart.h"
#include "views/details/containerdetails.h"
#include "views/details/controllerdetails.h"
#include "views/details/detailsform.h"
#include "views/details/namespacedetails.h"
#include "views/details/nodedetails.h"
#include "views/details/poddetails.h"

#include <QChart>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace {

TimeChart *makeChart(QWidget *parent)
{
    auto *view = new TimeChart(parent);
    view->chart()->setMargins(QMargins(2, 2, 2, 2));
    view->chart()->setBackgroundRoundness(0);
    view->setMinimumHeight(170);
    // As wide as the pane, never wider: the pane scrolls vertically only.
    view->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return view;
}

} // namespace

DetailsPane::DetailsPane(InsightsFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
{
    m_sections[int(Kind::Node)] = std::make_unique<NodeDetails>();
    m_sections[int(Kind::Controller)] = std::make_unique<ControllerDetails>();
    m_sections[int(Kind::Pod)] = std::make_unique<PodDetails>();
    m_sections[int(Kind::Container)] = std::make_unique<ContainerDetails>();
    auto namespaceDetails = std::make_unique<NamespaceDetails>();
    m_namespaceDetails = namespaceDetails.get();
    m_sections[int(Kind::Namespace)] = std::move(namespaceDetails);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Long unbreakable values (container IDs, image digests) must not widen the pane into a
    // horizontal scroll: they are cut at the edge instead, whole in their tooltip and on copy.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    m_title = new QLabel(content);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_subtitle = new QLabel(content);
    m_subtitle->setWordWrap(true);
    m_subtitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_empty = new QLabel(content);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_form = new DetailsForm(content);
    connect(m_form, &DetailsForm::labelActivated, this,
            [this](const QString &key, const QString &value) {
                if (m_filter)
                    m_filter->addLabel(key, value);
            });
    m_cpuChart = makeChart(content);
    m_memoryChart = makeChart(content);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_empty);
    layout->addWidget(m_cpuChart);
    layout->addWidget(m_memoryChart);
    layout->addWidget(m_form);
    layout->addStretch(1);
    scroll->setWidget(content);
    setMinimumWidth(260);
    clear();
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::setSources(ClusterStore *feed, const MetricsHistory *history)
{
    m_store = feed;
    m_history = history;
    clear();
}

void DetailsPane::setAccessReviewer(AccessReviewer *reviewer)
{
    disconnect(m_reviewerConnection);
    m_reviewer = reviewer;
    if (reviewer)
        m_reviewerConnection = connect(reviewer, &AccessReviewer::reviewed, this,
                                       [this](const QString &ns) {
                                           if (m_kind == Kind::Namespace && m_key == ns)
                                               render();
                                       });
    if (m_kind == Kind::Namespace)
        showNamespace(m_key);
}

void DetailsPane::showNamespace(const QString &name)
{
    m_kind = Kind::Namespace;
    m_key = name;
    if (m_reviewer)
        m_reviewer->review(name);
    render();
}

void DetailsPane::showNode(const QString &name)
{
    m_kind = Kind::Node;
    m_key = name;
    render();
}

void DetailsPane::showController(const QString &id)
{
    m_kind = Kind::Controller;
    m_key = id;
    render();
}

void DetailsPane::showPod(const QString &uid)
{
    m_kind = Kind::Pod;
    m_key = uid;
    render();
}

void DetailsPane::showContainer(const QString &podUid, const QString &container)
{
    m_kind = Kind::Container;
    m_key = podUid;
    m_container = container;
    render();
}

void DetailsPane::clear()
{
    m_kind = Kind::None;
    m_key.clear();
    render();
}

void DetailsPane::refresh()
{
    render();
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

QString DetailsPane::title() const
{
    return m_title->text();
}

QString DetailsPane::text() const
{
    return (QStringList{m_title->text(), m_subtitle->text()} + m_form->lines())
        .join(QLatin1Char('\n'));
}

void DetailsPane::render()
{
    // The reviewer goes with its cluster: the section reads it only through the pane's guard.
    m_namespaceDetails->setAccessReviewer(m_reviewer.data());
    const DetailsSection *section = m_kind == Kind::None ? nullptr : m_sections[int(m_kind)].get();
    const DetailsSubject subject{m_key, m_container};
    const bool valid = m_store && section && section->exists(*m_store, subject);
    m_empty->setVisible(!valid);
    m_form->setVisible(valid);
    m_cpuChart->setVisible(valid);
    m_memoryChart->setVisible(valid);
    m_form->clear();
    if (!valid) {
        m_title->clear();
        m_subtitle->clear();
        m_title->setVisible(false);
        m_subtitle->setVisible(false);
        m_empty->setText(m_kind == Kind::None ? tr("Select a row to see its details.")
                                              : tr("This object no longer exists."));
        return;
    }
    m_title->setVisible(true);
    m_subtitle->setVisible(true);
    const auto [title, subtitle] = section->render(*m_store, subject, m_form);
    m_title->setText(title);
    m_subtitle->setText(subtitle);
    updateCharts(section->usage(*m_store, subject));
}

void DetailsPane::updateCharts(const UsageSubject &subject)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const TimeWindow window = TimeRanges::window(TimeRange::Last30Minutes, now);
    const QString limitName = subject.limitIsAllocatable ? tr("Allocatable") : tr("Limit");
    auto fill = [&](TimeChart *view, Metric metric, const QString &title,
                    const std::optional<double> &request, const std::optional<double> &limit) {
        view->reset(QString(), window, 4);
        const bool cpu = metric == Metric::Cpu;
        QList<QPointF> points;
        double rawMax = 0;
        if (m_history) {
            const RangeSummary r = m_history->summarize(SeriesKey{subject.kind, metric, subject.id},
                                                        window);
            for (const auto &bar : r.bars) {
                const double v = bar.summary.value(Statistic::Avg);
                if (!std::isnan(v)) {
                    points << QPointF(double(bar.startMs), v);
                    rawMax = std::max(rawMax, v);
                }
            }
        }
        rawMax = std::max({rawMax, request.value_or(0), limit.value_or(0)});
        // Axis numbers in a unit that keeps them short: millicores below two cores, else
        // cores; MiB below 2 GiB, else GiB.
        double scale = 1.0;
        QString unit = tr("mc");
        if (cpu && rawMax >= 2000) {
            scale = 1.0 / 1000.0;
            unit = tr("cores");
        } else if (!cpu) {
            const bool gib = rawMax >= 2048.0 * 1024 * 1024;
            scale = 1.0 / (gib ? 1024.0 * 1024 * 1024 : 1024.0 * 1024);
            unit = gib ? QStringLiteral("GiB") : QStringLiteral("MiB");
        }
        QList<QPointF> scaled;
        for (const QPointF &p : std::as_const(points))
            scaled << QPointF(p.x(), p.y() * scale);
        QLineSeries *usage = view->addLine(tr("Usage"), scaled);
        // A single bar has no line to draw: show the points.
        usage->setPointsVisible(points.size() < 3);
        const double maxY = std::max(rawMax * scale, scale >= 1.0 ? 1.0 : 0.1);
        if (request)
            view->addLevel(tr("Request"), *request * scale, Qt::DashLine);
        if (limit)
            view->addLevel(limitName, *limit * scale, Qt::DotLine);
        // Three ticks (the chart is small) at 0, half and a round top: 1, 2, 4, 5 or 10 × 10^k.
        const double magnitude = std::pow(10.0, std::floor(std::log10(maxY * 1.1)));
        double top = magnitude;
        for (const double step : {1.0, 2.0, 4.0, 5.0, 10.0}) {
            top = step * magnitude;
            if (top >= maxY * 1.1)
                break;
        }
        view->setValueAxis(top, 3,
                           top / 2 < 1 || std::fmod(top / 2, 1.0) != 0 ? QStringLiteral("%.1f")
                                                                       : QStringLiteral("%.0f"));
        view->finish();
        view->chart()->setTitle(usage->count() == 0
                                    ? title.arg(unit) + QStringLiteral(" — ") + tr("no metrics yet")
                                    : title.arg(unit));
    };
    // The last 30 minutes: the time axis says so, the title names the unit.
    fill(m_cpuChart, Metric::Cpu, tr("CPU (%1)"), subject.cpuRequest, subject.cpuLimit);
    fill(m_memoryChart, Metric::WorkingSet, tr("Memory working set (%1)"), subject.memoryRequest,
         subject.memoryLimit);
}
