#include "views/delegates/chipsdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

ChipsDelegate::ChipsDelegate(int labelsRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(labelsRole)
{}

void ChipsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    const QStringList labels = index.data(m_role).toStringList();
    if (labels.isEmpty())
        return;
    const QFontMetrics fm = opt.fontMetrics;
    const QRect area = opt.rect.adjusted(3, 2, -3, -2);
    // The chip colour of the details pane's label chips: the highlight, faint.
    QColor fill = opt.palette.color(QPalette::Highlight);
    fill.setAlpha(40);
    const QColor text = opt.palette.color(QPalette::Text);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(opt.font);
    int x = area.left();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int width = fm.horizontalAdvance(labels[i]) + 10;
        const QString more = QStringLiteral("+%1").arg(labels.size() - i);
        const int reserve = i + 1 < labels.size() ? fm.horizontalAdvance(more) + 6 : 0;
        if (x + width + reserve > area.right()) {
            painter->setPen(text);
            painter->drawText(QRect(x, area.top(), area.right() - x, area.height()),
                              Qt::AlignVCenter | Qt::AlignLeft, more);
            break;
        }
        const QRectF chip(x, area.top(), width, area.height());
        QPainterPath path;
        path.addRoundedRect(chip, 4, 4);
        painter->fillPath(path, fill);
        painter->setPen(text);
        painter->drawText(chip, Qt::AlignCenter, labels[i]);
        x += width + 4;
    }
    painter->restore();
}
