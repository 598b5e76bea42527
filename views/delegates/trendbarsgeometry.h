#pragma once

// Where the bars of a trend cell go: N equal bars with gaps inside a cell rectangle, and which
// bar lies under a point (for tool tips). Plain maths, tested without painting.
#include <QPoint>
#include <QRect>

struct TrendBarsGeometry final
{
    QRect cell; // the item rectangle
    int bars = 0;
    int margin = 2; // inside the cell, on every side
    int gap = 1;    // between bars; dropped when bars would be thinner than 2 px

    // The full-height column of bar i, in whole pixels; bars share the width evenly (the first
    // and last pixel columns of the inner rectangle are always used). Empty if i is out of range.
    QRect slot(int i) const;
    // Bar i filled to `fraction` (0…1, clamped) from the bottom; at least 1 px high when the
    // fraction is above 0 so that small values stay visible; empty for 0 or NaN.
    QRect bar(int i, double fraction) const;
    // The bar under `point`, or -1 outside the inner rectangle. A point in a gap belongs to the
    // bar on its left, so moving the mouse across the cell never falls between bars.
    int barAt(QPoint point) const;

    QRect inner() const { return cell.adjusted(margin, margin, -margin, -margin); }

private:
    int effectiveGap() const;
    int left(int i) const;
};
