#include "views/delegates/trendbarsgeometry.h"

#include <algorithm>
#include <cmath>

int TrendBarsGeometry::effectiveGap() const
{
    const int width = inner().width();
    return bars > 0 && width - (bars - 1) * gap >= 2 * bars ? gap : 0;
}

// Left edge of bar i; bar `bars` gives the right end (+ gap) so widths differ by at most 1 px.
int TrendBarsGeometry::left(int i) const
{
    const QRect in = inner();
    const int g = effectiveGap();
    return in.left() + int((qint64(in.width() + g) * i) / bars);
}

QRect TrendBarsGeometry::slot(int i) const
{
    const QRect in = inner();
    if (bars <= 0 || i < 0 || i >= bars || in.width() <= 0 || in.height() <= 0)
        return {};
    const int x0 = left(i);
    const int x1 = left(i + 1) - effectiveGap(); // exclusive
    if (x1 <= x0)
        return {};
    return QRect(x0, in.top(), x1 - x0, in.height());
}

QRect TrendBarsGeometry::bar(int i, double fraction) const
{
    const QRect s = slot(i);
    if (s.isEmpty() || !(fraction > 0))
        return {};
    const int h = std::max(1, int(std::lround(std::min(fraction, 1.0) * s.height())));
    return QRect(s.left(), s.bottom() - h + 1, s.width(), h);
}

int TrendBarsGeometry::barAt(QPoint point) const
{
    const QRect in = inner();
    if (bars <= 0 || !in.contains(point))
        return -1;
    for (int i = bars - 1; i >= 0; --i) {
        if (point.x() >= left(i))
            return i;
    }
    return -1;
}
