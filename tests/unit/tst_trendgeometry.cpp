// Trend bar geometry without painting: bars tile the cell exactly with gaps, heights grow from
// the bottom, and every point of the cell maps to the bar drawn there (or the one to its left).
#include "views/delegates/trendbarsgeometry.h"

#include <QtTest>

class TestTrendGeometry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slotsTileTheCell()
    {
        for (int width = 8; width <= 300; width += 7) {
            for (int bars : {1, 2, 24, 28, 30, 36}) {
                const TrendBarsGeometry g{QRect(10, 5, width, 22), bars};
                const QRect in = g.inner();
                const int gap = in.width() - (bars - 1) >= 2 * bars ? 1 : 0;
                int minWidth = INT_MAX, maxWidth = 0;
                for (int i = 0; i < bars; ++i) {
                    const QRect s = g.slot(i);
                    if (in.width() < bars) {
                        continue; // fewer pixels than bars: some are empty, none overlap
                    }
                    QVERIFY2(!s.isEmpty(),
                             qPrintable(
                                 QStringLiteral("w=%1 bars=%2 i=%3").arg(width).arg(bars).arg(i)));
                    QCOMPARE(s.top(), in.top());
                    QCOMPARE(s.height(), in.height());
                    if (i == 0)
                        QCOMPARE(s.left(), in.left());
                    if (i == bars - 1)
                        QCOMPARE(s.right(), in.right());
                    if (i > 0)
                        QCOMPARE(s.left(), g.slot(i - 1).right() + 1 + gap);
                    minWidth = std::min(minWidth, s.width());
                    maxWidth = std::max(maxWidth, s.width());
                }
                if (in.width() >= bars)
                    QVERIFY(maxWidth - minWidth <= 1);
                QVERIFY(g.slot(-1).isEmpty());
                QVERIFY(g.slot(bars).isEmpty());
            }
        }
    }

    void pointsMapToBars()
    {
        const TrendBarsGeometry g{QRect(0, 0, 100, 20), 24};
        const QRect in = g.inner();
        for (int x = in.left(); x <= in.right(); ++x) {
            const int bar = g.barAt(QPoint(x, 10));
            QVERIFY(bar >= 0 && bar < 24);
            // The bar drawn here, or the gap right of it.
            QVERIFY(x >= g.slot(bar).left());
            QVERIFY(bar == 23 || x < g.slot(bar + 1).left());
        }
        QCOMPARE(g.barAt(QPoint(in.left() - 1, 10)), -1);
        QCOMPARE(g.barAt(QPoint(in.right() + 1, 10)), -1);
        QCOMPARE(g.barAt(QPoint(50, in.top() - 1)), -1);
        QCOMPARE(g.barAt(QPoint(50, in.bottom() + 1)), -1);
        QCOMPARE(TrendBarsGeometry{}.barAt(QPoint(0, 0)), -1);
    }

    void heightsFromTheBottom_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("height");
        // Inner height 16 (cell 20, margin 2).
        QTest::newRow("half") << 0.5 << 8;
        QTest::newRow("full") << 1.0 << 16;
        QTest::newRow("over full is clamped") << 1.7 << 16;
        QTest::newRow("tiny stays visible") << 0.001 << 1;
        QTest::newRow("rounded") << 0.83 << 13;
        QTest::newRow("zero is empty") << 0.0 << 0;
        QTest::newRow("nan is empty") << std::nan("") << 0;
    }
    void heightsFromTheBottom()
    {
        QFETCH(double, fraction);
        QFETCH(int, height);
        const TrendBarsGeometry g{QRect(0, 0, 100, 20), 10};
        const QRect r = g.bar(3, fraction);
        QCOMPARE(r.height(), height);
        if (height > 0) {
            QCOMPARE(r.bottom(), g.inner().bottom());
            QCOMPARE(r.left(), g.slot(3).left());
            QCOMPARE(r.width(), g.slot(3).width());
        }
    }

    void narrowCellsDropTheGap()
    {
        const TrendBarsGeometry g{QRect(0, 0, 52, 20), 24}; // 48 px for 24 bars: 2 px each
        QCOMPARE(g.slot(1).left(), g.slot(0).right() + 1);
        QCOMPARE(g.slot(0).width(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTrendGeometry)
#include "tst_trendgeometry.moc"
