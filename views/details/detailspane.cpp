#include "views/details/detailspane.h"

#include "models/insights/formatter.h"
#include "models/cluster/clusterstore.h"
#include "models/insights/insightsfilter.h"
#include "models/metrics/metricshistory.h"
#include "models/insights/rowstatus.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScrollArea>
#include <QUrl>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace {
QString ts(const kube::Timestamp &t)
{
    return t.isValid() ? Formatter::dateTime(t.toDateTime().toLocalTime()) : Formatter::missing();
}

QString orMissing(const QString &s)
{
    return s.isEmpty() ? Formatter::missing() : s;
}

QString quantityText(const kube::Quantity &q, bool cpu)
{
    if (q.isNull())
        return Formatter::missing();
    return cpu ? Formatter::cpu(double(q.milliValue())) : Formatter::bytes(q.toDouble());
}

QChartView *makeChart(QWidget *parent)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
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
    m_formHost = new QWidget(content);
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_cpuChart = makeChart(content);
    m_memoryChart = makeChart(content);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_empty);
    layout->addWidget(m_cpuChart);
    layout->addWidget(m_memoryChart);
    layout->addWidget(m_formHost);
    layout->addStretch(1);
    scroll->setWidget(content);
    setMinimumWidth(260);
    clear();
}

void DetailsPane::setSources(ClusterStore *feed, const MetricsHistory *history)
{
    m_store = feed;
    m_history = history;
    clear();
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
    QStringList lines{m_title->text(), m_subtitle->text()};
    for (int r = 0; r < m_form->rowCount(); ++r) {
        auto *label = m_form->itemAt(r, QFormLayout::LabelRole);
        auto *field = m_form->itemAt(r, QFormLayout::FieldRole);
        const auto *l = label ? qobject_cast<QLabel *>(label->widget()) : nullptr;
        const auto *f = field ? qobject_cast<QLabel *>(field->widget()) : nullptr;
        lines << QString((l ? l->text() : QString()) + QLatin1Char(' ') + (f ? f->text() : QString()));
    }
    return lines.join(QLatin1Char('\n'));
}

void DetailsPane::resetForm(const QString &title, const QString &subtitle)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_title->setText(title);
    m_subtitle->setText(subtitle);
}

void DetailsPane::addRow(const QString &label, const QString &value)
{
    auto *field = new QLabel(value, m_formHost);
    field->setWordWrap(true);
    field->setTextFormat(Qt::PlainText);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    field->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    field->setMinimumWidth(0);
    if (value.size() > 32)
        field->setToolTip(value);
    m_form->addRow(new QLabel(label, m_formHost), field);
}

void DetailsPane::addLabels(const QString &label, const QList<std::pair<QString, QString>> &labels)
{
    if (labels.isEmpty()) {
        addRow(label, Formatter::missing());
        return;
    }
    // Each label is a link chip: activating it adds key=value to the label filter.
    QStringList chips;
    for (const auto &[k, v] : labels) {
        const QString text = QString(k + QLatin1Char('=') + v).toHtmlEscaped();
        chips << QStringLiteral("<a href=\"%1\" style=\"text-decoration:none\">"
                                "<span style=\"background-color:#e3ecf7;\">&nbsp;%2&nbsp;</span></a>")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(QString(k + QLatin1Char('=') + v))), text);
    }
    auto *field = new QLabel(chips.join(QStringLiteral(" ")), m_formHost);
    field->setObjectName(QStringLiteral("labelChips"));
    field->setWordWrap(true);
    field->setTextFormat(Qt::RichText);
    // Like every value: as wide as the pane. A long chip (node.kubernetes.io/instance-type=…)
    // would otherwise set the whole form's minimum width and cut every row at the right edge.
    field->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    field->setMinimumWidth(0);
    field->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    field->setToolTip(tr("Click a label to add it to the label filter"));
    connect(field, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString pair = QUrl::fromPercentEncoding(link.toUtf8());
        const int eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0 && m_filter)
            m_filter->addLabel(pair.left(eq), pair.mid(eq + 1));
    });
    m_form->addRow(new QLabel(label, m_formHost), field);
}

void DetailsPane::render()
{
    const bool valid = m_store
        && ((m_kind == Kind::Node && m_store->node(m_key))
            || (m_kind == Kind::Controller && m_store->controller(m_key))
            || ((m_kind == Kind::Pod || m_kind == Kind::Container) && m_store->pod(m_key)));
    m_empty->setVisible(!valid);
    m_formHost->setVisible(valid);
    m_cpuChart->setVisible(valid);
    m_memoryChart->setVisible(valid);
    if (!valid) {
        resetForm(QString(), QString());
        m_title->setVisible(false);
        m_subtitle->setVisible(false);
        m_empty->setText(m_kind == Kind::None ? tr("Select a row to see its details.")
                                              : tr("This object no longer exists."));
        return;
    }
    m_title->setVisible(true);
    m_subtitle->setVisible(true);
    switch (m_kind) {
    case Kind::Node: renderNode(); break;
    case Kind::Controller: renderController(); break;
    case Kind::Pod: renderPod(); break;
    case Kind::Container: renderContainer(); break;
    case Kind::None: break;
    }
    updateCharts();
}

void DetailsPane::updateCharts()
{
    SeriesKind kind = SeriesKind::Node;
    QString id = m_key;
    std::optional<double> cpuRequest, cpuLimit, memRequest, memLimit;
    auto sumInto = [](std::optional<double> &acc, const kube::Quantity &q, bool cpu, bool &complete) {
        if (q.isNull()) {
            complete = false;
            return;
        }
        acc = acc.value_or(0) + (cpu ? double(q.milliValue()) : q.toDouble());
    };
    if (m_kind == Kind::Node) {
        const kube::Node *n = m_store->node(m_key);
        if (!n->allocatable.cpu.isNull())
            cpuLimit = double(n->allocatable.cpu.milliValue());
        if (!n->allocatable.memory.isNull())
            memLimit = n->allocatable.memory.toDouble();
    } else if (m_kind == Kind::Controller) {
        kind = SeriesKind::Controller;
    } else {
        const kube::Pod *p = m_store->pod(m_key);
        kind = m_kind == Kind::Pod ? SeriesKind::Pod : SeriesKind::Container;
        id = m_kind == Kind::Pod ? MetricsHistory::podId(p->metadata.namespaceName, p->metadata.name)
                                 : MetricsHistory::containerId(p->metadata.namespaceName, p->metadata.name, m_container);
        bool cr = true, cl = true, mr = true, ml = true;
        for (const auto &c : p->containers) {
            if (m_kind == Kind::Container && c.name != m_container)
                continue;
            sumInto(cpuRequest, c.resources.cpuRequest, true, cr);
            sumInto(cpuLimit, c.resources.cpuLimit, true, cl);
            sumInto(memRequest, c.resources.memoryRequest, false, mr);
            sumInto(memLimit, c.resources.memoryLimit, false, ml);
        }
        // A sum over containers is a request/limit only when every container has one.
        if (!cr) cpuRequest.reset();
        if (!cl) cpuLimit.reset();
        if (!mr) memRequest.reset();
        if (!ml) memLimit.reset();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const TimeWindow window = TimeRanges::window(TimeRange::Last30Minutes, now);
    const QString limitName = m_kind == Kind::Node ? tr("Allocatable") : tr("Limit");
    auto fill = [&](QChartView *view, Metric metric, const QString &title,
                    const std::optional<double> &request, const std::optional<double> &limit) {
        QChart *chart = view->chart();
        // "2,5" in German: axis numbers follow the language chosen at runtime.
        chart->setLocalizeNumbers(true);
        chart->setLocale(QLocale());
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        const bool cpu = metric == Metric::Cpu;
        QList<QPointF> points;
        double rawMax = 0;
        if (m_history) {
            const RangeSummary r = m_history->summarize(SeriesKey{kind, metric, id}, window);
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
        chart->setTitle(title.arg(unit));
        auto *usage = new QLineSeries;
        usage->setName(tr("Usage"));
        for (const QPointF &p : std::as_const(points))
            usage->append(p.x(), p.y() * scale);
        // A single bar has no line to draw: show the points.
        usage->setPointsVisible(points.size() < 3);
        const double maxY = std::max(rawMax * scale, scale >= 1.0 ? 1.0 : 0.1);
        chart->addSeries(usage);
        auto addLine = [&](const QString &name, std::optional<double> y, Qt::PenStyle style) {
            if (!y)
                return;
            auto *line = new QLineSeries;
            line->setName(name);
            line->append(double(window.startMs), *y * scale);
            line->append(double(window.endMs()), *y * scale);
            QPen pen = line->pen();
            pen.setStyle(style);
            line->setPen(pen);
            chart->addSeries(line);
        };
        addLine(tr("Request"), request, Qt::DashLine);
        addLine(limitName, limit, Qt::DotLine);
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("HH:mm"));
        x->setRange(QDateTime::fromMSecsSinceEpoch(window.startMs), QDateTime::fromMSecsSinceEpoch(window.endMs()));
        x->setTickCount(4);
        auto *y = new QValueAxis;
        // Three ticks (the chart is small) at 0, half and a round top: 1, 2, 4, 5 or 10 × 10^k.
        const double magnitude = std::pow(10.0, std::floor(std::log10(maxY * 1.1)));
        double top = magnitude;
        for (const double step : {1.0, 2.0, 4.0, 5.0, 10.0}) {
            top = step * magnitude;
            if (top >= maxY * 1.1)
                break;
        }
        y->setRange(0, top);
        y->setTickCount(3);
        y->setLabelFormat(top / 2 < 1 || std::fmod(top / 2, 1.0) != 0 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *s : chart->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        if (usage->count() == 0)
            chart->setTitle(chart->title() + QStringLiteral(" — ") + tr("no metrics yet"));
    };
    // The last 30 minutes: the time axis says so, the title names the unit.
    fill(m_cpuChart, Metric::Cpu, tr("CPU (%1)"), cpuRequest, cpuLimit);
    fill(m_memoryChart, Metric::WorkingSet, tr("Memory working set (%1)"), memRequest, memLimit);
}

void DetailsPane::renderNode()
{
    const kube::Node &n = *m_store->node(m_key);
    resetForm(n.metadata.name, tr("Node"));
    addRow(tr("Status:"), RowStatus::ofNode(&n).text);
    QStringList conditions;
    for (const auto &c : n.conditions)
        conditions << c.type + QStringLiteral(": ") + c.status + (c.reason.isEmpty() ? QString() : QString(QStringLiteral(" (") + c.reason + QLatin1Char(')')));
    addRow(tr("Conditions:"), orMissing(conditions.join(QLatin1Char('\n'))));
    addRow(tr("Roles:"), orMissing(n.roles.join(QStringLiteral(", "))));
    addRow(tr("Node pool:"), orMissing(ClusterStore::nodePoolOf(n)));
    addRow(tr("Kubelet version:"), orMissing(n.nodeInfo.kubeletVersion));
    addRow(tr("Kube-proxy version:"), orMissing(n.nodeInfo.kubeProxyVersion));
    addRow(tr("Container runtime:"), orMissing(n.nodeInfo.containerRuntimeVersion));
    addRow(tr("OS image:"), orMissing(n.nodeInfo.osImage));
    addRow(tr("Kernel:"), orMissing(n.nodeInfo.kernelVersion));
    addRow(tr("Architecture:"), orMissing(n.nodeInfo.architecture));
    addRow(tr("Internal IP:"), orMissing(n.addressOf(u"InternalIP")));
    addRow(tr("Capacity:"), tr("CPU %1, memory %2, pods %3, disk %4")
                                .arg(quantityText(n.capacity.cpu, true), quantityText(n.capacity.memory, false),
                                     orMissing(n.capacity.pods.toString()), quantityText(n.capacity.ephemeralStorage, false)));
    addRow(tr("Allocatable:"), tr("CPU %1, memory %2, pods %3, disk %4")
                                   .arg(quantityText(n.allocatable.cpu, true), quantityText(n.allocatable.memory, false),
                                        orMissing(n.allocatable.pods.toString()), quantityText(n.allocatable.ephemeralStorage, false)));
    QStringList taints;
    for (const auto &t : n.taints)
        taints << t.key + (t.value.isEmpty() ? QString() : QString(QLatin1Char('=') + t.value)) + QLatin1Char(':') + t.effect;
    addRow(tr("Taints:"), orMissing(taints.join(QLatin1Char('\n'))));
    addRow(tr("Pods:"), QLocale().toString(m_store->podsOnNode(n.metadata.name).size()));
    addRow(tr("Created:"), ts(n.metadata.creationTimestamp));
    addLabels(tr("Labels:"), n.metadata.labels);
    QStringList annotations;
    for (const auto &[k, v] : n.metadata.annotations)
        annotations << k + QLatin1Char('=') + v;
    addRow(tr("Annotations:"), orMissing(annotations.join(QLatin1Char('\n'))));
}

void DetailsPane::renderController()
{
    const ControllerInfo &c = *m_store->controller(m_key);
    resetForm(c.metadata.name, c.kind);
    addRow(tr("Kind:"), c.kind);
    addRow(tr("Namespace:"), c.metadata.namespaceName);
    if (c.hasReplicas)
        addRow(tr("Replicas:"), tr("%1 desired, %2 ready, %3 updated, %4 available")
                                    .arg(c.replicas.desired).arg(c.replicas.ready)
                                    .arg(c.replicas.updated).arg(c.replicas.available));
    QStringList selector;
    for (const auto &[k, v] : c.selector.matchLabels)
        selector << k + QLatin1Char('=') + v;
    for (const auto &e : c.selector.matchExpressions)
        selector << e.key + QLatin1Char(' ') + e.op + QStringLiteral(" (") + e.values.join(QLatin1Char(',')) + QLatin1Char(')');
    addRow(tr("Selector:"), orMissing(selector.join(QStringLiteral(", "))));
    addRow(c.kind == u"CronJob" ? tr("Schedule:") : tr("Strategy:"), orMissing(c.strategy));
    const QSet<QString> pods = m_store->podsOfController(m_key);
    int containers = 0;
    for (const QString &uid : pods) {
        if (const kube::Pod *p = m_store->pod(uid))
            containers += int(p->containers.size());
    }
    addRow(tr("Pods:"), QLocale().toString(pods.size()));
    addRow(tr("Containers:"), QLocale().toString(containers));
    QStringList services;
    for (const kube::Service *s : m_store->services()) {
        if (s->metadata.namespaceName != c.metadata.namespaceName || s->selector.isEmpty())
            continue;
        bool all = true;
        for (const auto &[k, v] : s->selector)
            all = all && kube::valueOf(c.selector.matchLabels, k) == v;
        if (all)
            services << s->metadata.name;
    }
    addRow(tr("Services:"), orMissing(services.join(QStringLiteral(", "))));
    addRow(tr("Created:"), ts(c.metadata.creationTimestamp));
    addLabels(tr("Labels:"), c.metadata.labels);
}

void DetailsPane::renderPod()
{
    const kube::Pod &p = *m_store->pod(m_key);
    resetForm(p.metadata.name, tr("Pod in namespace %1").arg(p.metadata.namespaceName));
    const RowStatus status = RowStatus::ofPod(p);
    addRow(tr("Status:"), status.text);
    addRow(tr("Phase:"), orMissing(p.phase));
    if (!p.reason.isEmpty() || !p.message.isEmpty())
        addRow(tr("Reason:"), p.reason + (p.message.isEmpty() ? QString() : QString(QStringLiteral(" — ") + p.message)));
    addRow(tr("Node:"), orMissing(p.nodeName));
    addRow(tr("Pod IPs:"), orMissing(p.podIPs.isEmpty() ? p.podIP : p.podIPs.join(QStringLiteral(", "))));
    addRow(tr("Node IP:"), orMissing(p.hostIP));
    addRow(tr("QoS class:"), orMissing(p.qosClass));
    const QString controller = m_store->controllerIdOf(m_key);
    addRow(tr("Controller:"), controller.isEmpty() ? Formatter::missing()
                                                   : QString(ClusterStore::controllerKind(controller) + QLatin1Char(' ')
                                                             + ClusterStore::controllerName(controller)));
    addRow(tr("Created:"), ts(p.metadata.creationTimestamp));
    addRow(tr("Started:"), ts(p.startTime));
    addRow(tr("UID:"), p.metadata.uid);
    QStringList resources;
    for (const auto &c : p.containers)
        resources << tr("%1: CPU %2 / %3, memory %4 / %5 (request / limit)")
                         .arg(c.name, quantityText(c.resources.cpuRequest, true), quantityText(c.resources.cpuLimit, true),
                              quantityText(c.resources.memoryRequest, false), quantityText(c.resources.memoryLimit, false));
    addRow(tr("Resources:"), resources.join(QLatin1Char('\n')));
    addRow(tr("Restarts:"), QLocale().toString(p.restartCount()));
    addLabels(tr("Labels:"), p.metadata.labels);
}

void DetailsPane::renderContainer()
{
    const kube::Pod &p = *m_store->pod(m_key);
    const kube::Container *spec = nullptr;
    for (const auto &c : p.containers) {
        if (c.name == m_container)
            spec = &c;
    }
    const kube::ContainerStatus *st = nullptr;
    for (const auto &s : p.containerStatuses) {
        if (s.name == m_container)
            st = &s;
    }
    resetForm(m_container, tr("Container of pod %1 in namespace %2").arg(p.metadata.name, p.metadata.namespaceName));
    addRow(tr("Status:"), RowStatus::ofContainer(p, m_container).text);
    if (st) {
        addRow(tr("Container ID:"), orMissing(st->containerID));
        if (!st->state.message.isEmpty())
            addRow(tr("Message:"), st->state.message);
        if (st->state.kind == kube::ContainerState::Kind::Terminated)
            addRow(tr("Exit code:"), QString::number(st->state.exitCode));
        addRow(tr("Started:"), ts(st->state.startedAt));
        if (st->state.finishedAt.isValid())
            addRow(tr("Finished:"), ts(st->state.finishedAt));
        addRow(tr("Restarts:"), QLocale().toString(st->restartCount));
        if (st->lastState.kind == kube::ContainerState::Kind::Terminated)
            addRow(tr("Last termination:"), tr("%1 (exit code %2) at %3")
                                                .arg(orMissing(st->lastState.reason)).arg(st->lastState.exitCode)
                                                .arg(ts(st->lastState.finishedAt)));
        addRow(tr("Image ID:"), orMissing(st->imageID));
    }
    addRow(tr("Namespace:"), p.metadata.namespaceName);
    addRow(tr("Pod created:"), ts(p.metadata.creationTimestamp));
    if (!spec)
        return;
    const int colon = spec->image.lastIndexOf(QLatin1Char(':'));
    const bool hasTag = colon > spec->image.lastIndexOf(QLatin1Char('/'));
    addRow(tr("Image:"), spec->image);
    addRow(tr("Image tag:"), hasTag ? spec->image.mid(colon + 1) : tr("latest (implicit)"));
    addRow(tr("CPU request / limit:"), quantityText(spec->resources.cpuRequest, true) + QStringLiteral(" / ")
                                           + quantityText(spec->resources.cpuLimit, true));
    addRow(tr("Memory request / limit:"), quantityText(spec->resources.memoryRequest, false) + QStringLiteral(" / ")
                                              + quantityText(spec->resources.memoryLimit, false));
    QStringList ports;
    for (const auto &port : spec->ports)
        ports << QString::number(port.containerPort) + QLatin1Char('/') + (port.protocol.isEmpty() ? QStringLiteral("TCP") : port.protocol)
                + (port.name.isEmpty() ? QString() : QString(QStringLiteral(" (") + port.name + QLatin1Char(')')));
    addRow(tr("Ports:"), orMissing(ports.join(QStringLiteral(", "))));
    // Values from Secrets are never fetched; they show where they come from.
    QStringList env;
    for (const auto &e : spec->env) {
        using S = kube::EnvVar::Source;
        QString value;
        switch (e.source) {
        case S::Value: value = e.value; break;
        case S::SecretKeyRef: value = tr("from Secret %1, key %2").arg(e.sourceName, e.sourceKey); break;
        case S::ConfigMapKeyRef: value = tr("from ConfigMap %1, key %2").arg(e.sourceName, e.sourceKey); break;
        case S::FieldRef: value = tr("from field %1").arg(e.sourceKey); break;
        case S::ResourceFieldRef: value = tr("from resource %1").arg(e.sourceKey); break;
        case S::Unknown: value = tr("from an unknown source"); break;
        }
        env << e.name + QLatin1Char('=') + value;
    }
    for (const auto &f : spec->envFrom)
        env << (f.kind == kube::EnvFromSource::Kind::Secret ? tr("all keys of Secret %1").arg(f.name)
                                                            : tr("all keys of ConfigMap %1").arg(f.name));
    addRow(tr("Environment:"), orMissing(env.join(QLatin1Char('\n'))));
    QStringList mounts;
    for (const auto &m : spec->volumeMounts)
        mounts << m.mountPath + QStringLiteral(" ← ") + m.name + (m.readOnly ? tr(" (read-only)") : QString());
    addRow(tr("Mounts:"), orMissing(mounts.join(QLatin1Char('\n'))));
    auto probe = [](const kube::ProbeSummary &p) {
        return p.isSet() ? tr("%1 delay=%2s timeout=%3s period=%4s")
                               .arg(p.handler).arg(p.initialDelaySeconds).arg(p.timeoutSeconds).arg(p.periodSeconds)
                         : Formatter::missing();
    };
    addRow(tr("Liveness probe:"), probe(spec->livenessProbe));
    addRow(tr("Readiness probe:"), probe(spec->readinessProbe));
    addRow(tr("Startup probe:"), probe(spec->startupProbe));
    const auto &sc = spec->securityContext;
    QStringList security;
    auto flag = [&security](const QString &name, kube::OptionalBool b) {
        if (b != kube::OptionalBool::Unset)
            security << name + QLatin1Char('=') + (b == kube::OptionalBool::True ? QStringLiteral("true") : QStringLiteral("false"));
    };
    if (sc.runAsUser >= 0)
        security << QStringLiteral("runAsUser=") + QString::number(sc.runAsUser);
    flag(QStringLiteral("runAsNonRoot"), sc.runAsNonRoot);
    flag(QStringLiteral("privileged"), sc.privileged);
    flag(QStringLiteral("readOnlyRootFilesystem"), sc.readOnlyRootFilesystem);
    flag(QStringLiteral("allowPrivilegeEscalation"), sc.allowPrivilegeEscalation);
    if (!sc.capabilitiesDrop.isEmpty())
        security << QStringLiteral("drop=") + sc.capabilitiesDrop.join(QLatin1Char(','));
    if (!sc.capabilitiesAdd.isEmpty())
        security << QStringLiteral("add=") + sc.capabilitiesAdd.join(QLatin1Char(','));
    addRow(tr("Security context:"), orMissing(security.join(QStringLiteral(", "))));
}
