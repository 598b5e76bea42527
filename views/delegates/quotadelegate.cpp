#include "views/delegates/quotadelegate.h"

#include "models/namespaces/quotausage.h"
#include "views/delegates/trenddelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

QuotaDelegate::QuotaDelegate(int quotaRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(quotaRole)
{}

void QuotaDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant value = index.data(m_role);
    if (!value.canConvert<QList<QuotaUsage>>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    const QList<QuotaUsage> usage = value.value<QList<QuotaUsage>>();
    if (usage.isEmpty())
        return;

    const QFontMetrics fm = opt.fontMetrics;
    const QRect area = opt.rect.adjusted(4, 0, -4, 0);
    const QColor text = opt.state & QStyle::State_Selected
                            ? opt.palette.color(QPalette::HighlightedText)
                            : opt.palette.color(QPalette::Text);
    const int barHeight = std::max(4, fm.height() / 2);
    const int gap = fm.horizontalAdvance(QStringLiteral("  "));
    painter->save();
    painter->setFont(opt.font);
    int x = area.left();
    for (qsizetype i = 0; i < usage.size(); ++i) {
        const QuotaUsage &u = usage[i];
        const QString figure = (u.used.isEmpty() ? QStringLiteral("?") : u.used) + QLatin1Char('/')
                               + u.hard;
        const int nameWidth = fm.horizontalAdvance(u.resource);
        const int figureWidth = fm.horizontalAdvance(figure);
        const int width = nameWidth + 4 + kBarWidth + 4 + figureWidth;
        const QString more = QStringLiteral("+%1").arg(usage.size() - i - 1);
        const int reserve = i + 1 < usage.size() ? gap + fm.horizontalAdvance(more) : 0;
        if (i > 0 && x + width + reserve > area.right()) {
            painter->setPen(text);
            painter->drawText(QRect(x, area.top(), area.right() - x, area.height()),
                              Qt::AlignVCenter | Qt::AlignLeft,
                              QStringLiteral("+%1").arg(usage.size() - i));
            break;
        }
        painter->setPen(text);
        painter->drawText(QRect(x, area.top(), nameWidth, area.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, u.resource);
        x += nameWidth + 4;
        const QRect track(x, area.center().y() - barHeight / 2, kBarWidth, barHeight);
        QColor color = TrendDelegate::colorFor(u.health);
        QColor faint = color;
        faint.setAlpha(60);
        painter->fillRect(track, faint);
        if (!std::isnan(u.percent)) {
            const int filled = int(
                std::lround(std::clamp(u.percent, 0.0, 100.0) / 100.0 * kBarWidth));
            painter->fillRect(QRect(track.left(), track.top(), filled, track.height()), color);
        }
        x += kBarWidth + 4;
        painter->drawText(QRect(x, area.top(), figureWidth, area.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, figure);
        x += figureWidth + gap;
    }
    painter->restore();
}

QSize QuotaDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QVariant value = index.data(m_role);
    if (!value.canConvert<QList<QuotaUsage>>())
        return size;
    // Room for the fullest two resources.
    const QList<QuotaUsage> usage = value.value<QList<QuotaUsage>>();
    int width = 8;
    for (qsizetype i = 0; i < std::min<qsizetype>(2, usage.size()); ++i)
        width += option.fontMetrics.horizontalAdvance(usage[i].figure()) + kBarWidth + 16;
    return QSize(std::max(size.width(), width), size.height());
}
