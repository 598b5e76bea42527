#pragma once

// Paints the Trend column: the selected range as bars coloured by threshold status (grey for
// no data), with a tool tip naming the bar's time span, value and status.
//
// Role contract (see models/metrics/trenddata.h): index.data(trendRole) holds a TrendData; anything
// else paints only the item background. Sorting uses the model's own raw-value role.
#include "models/metrics/trenddata.h"

#include <QColor>
#include <QStyledItemDelegate>

class TrendDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TrendDelegate(int trendRole, QObject *parent = nullptr);

    int trendRole() const { return m_role; }

    // The fill of a bar; fixed colours that read on light and dark backgrounds.
    static QColor colorFor(HealthStatus status);
    // Height of the grey stub drawn for a bar without data, so gaps in the data stay visible.
    static constexpr int kNoDataStubPx = 2;
    // Least height of a bar whose value is above zero (1 % of a 16-px bar would round to 0).
    static constexpr int kMinBarPx = 3;

    // "26.11.2026 14:00–14:15 · 1.2 cores · 83% of limit · Warning" (times in local time).
    static QString toolTip(const TrendData &data, int bar, const QLocale &locale = QLocale());

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    int m_role;
};
