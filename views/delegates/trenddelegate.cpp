#include "views/delegates/trenddelegate.h"

#include "models/insights/formatter.h"
#include "views/delegates/trendbarsgeometry.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

TrendDelegate::TrendDelegate(int trendRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(trendRole)
{}

QColor TrendDelegate::colorFor(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok:
        return QColor(0x2e, 0x8b, 0x57);
    case HealthStatus::Warning:
        return QColor(0xe6, 0x9a, 0x00);
    case HealthStatus::Critical:
        return QColor(0xd1, 0x34, 0x38);
    case HealthStatus::NoData:
    case HealthStatus::Stale:
        return QColor(0x9e, 0x9e, 0x9e);
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QString TrendDelegate::toolTip(const TrendData &data, int bar, const QLocale &locale)
{
    if (bar < 0 || bar >= data.bars.size())
        return {};
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(data.barStart(bar)).toLocalTime();
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(data.barStart(bar + 1)).toLocalTime();
    // The end repeats the date only when the bar crosses midnight.
    const QString endText = end.date() == start.date() || end.time() == QTime(0, 0)
                                ? locale.toString(end.time(), QStringLiteral("HH:mm"))
                                : Formatter::dateTime(end, locale);
    const TrendBar &b = data.bars[bar];
    QString text = Formatter::dateTime(start, locale) + QStringLiteral("–") + endText;
    text += QStringLiteral(" · ")
            + (b.valueText.isEmpty()
                   ? Thresholds::statusName(HealthStatus::NoData)
                   : b.valueText + QStringLiteral(" · ") + Thresholds::statusName(b.status));
    return text;
}

void TrendDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QVariant value = index.data(m_role);
    if (!value.canConvert<TrendData>())
        return;
    const TrendData data = value.value<TrendData>();
    const TrendBarsGeometry geometry{option.rect, int(data.bars.size())};
    painter->save();
    painter->setPen(Qt::NoPen);
    for (int i = 0; i < data.bars.size(); ++i) {
        const TrendBar &b = data.bars[i];
        const bool hasData = b.status != HealthStatus::NoData && !std::isnan(b.height);
        if (hasData) {
            const QColor color = colorFor(b.status);
            const QRect slot = geometry.slot(i);
            // A faint track shows each bar's full scale, so a low bar reads as low, not absent.
            QColor track = color;
            track.setAlpha(48);
            painter->fillRect(slot, track);
            // A bar with data but a zero value still shows a 1-px line, unlike "no data"; any
            // value above zero gets a few pixels so it is visible at all (the tool tip tells
            // the figure).
            QRect bar = geometry.bar(i, std::max(b.height, 1e-9));
            if (b.height > 0 && bar.height() < kMinBarPx)
                bar.setTop(std::max(slot.top(), bar.bottom() - kMinBarPx + 1));
            painter->fillRect(bar, color);
        } else {
            const QRect slot = geometry.slot(i);
            const int stub = std::min(kNoDataStubPx, slot.height());
            painter->fillRect(QRect(slot.left(), slot.bottom() - stub + 1, slot.width(), stub),
                              colorFor(HealthStatus::NoData));
        }
    }
    painter->restore();
}

QSize TrendDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant value = index.data(m_role);
    const int bars = value.canConvert<TrendData>() ? int(value.value<TrendData>().bars.size()) : 24;
    // 3 px per bar plus a 1-px gap, and the margins; at least the text height.
    return QSize(bars * 4 + 4, std::max(option.fontMetrics.height() + 4, 20));
}

bool TrendDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                              const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QVariant value = index.data(m_role);
    if (!value.canConvert<TrendData>())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const TrendData data = value.value<TrendData>();
    const TrendBarsGeometry geometry{option.rect, int(data.bars.size())};
    const int bar = geometry.barAt(event->pos());
    if (bar < 0) {
        QToolTip::hideText();
        event->ignore();
        return false;
    }
    QToolTip::showText(event->globalPos(), toolTip(data, bar, view ? view->locale() : QLocale()),
                       view, geometry.slot(bar));
    return true;
}
