// The trend delegate paints bars in their threshold colours (grey stubs for no data) where the
// geometry says, and shows the hovered bar's span, value and status as tool tip.
#include "models/metrics/trenddata.h"
#include "views/delegates/trendbarsgeometry.h"
#include "views/delegates/trenddelegate.h"

#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolTip>
#include <QtTest>

#include <cstdlib>

namespace {

constexpr int kTrendRole = Qt::UserRole + 7;
constexpr qint64 kStart = 1795651200000LL; // 2026-11-26 00:00 UTC

TrendData sampleData()
{
    TrendData data;
    data.startMs = kStart;
    data.barMs = 15 * 60 * 1000;
    data.bars = {
        TrendBar{0.5, HealthStatus::Ok, QStringLiteral("500m · 50% of limit")},
        TrendBar{0.85, HealthStatus::Warning, QStringLiteral("850m · 85% of limit")},
        TrendBar{1.0, HealthStatus::Critical, QStringLiteral("1.2 cores · 120% of limit")},
        TrendBar{},
        TrendBar{0.02, HealthStatus::Ok,
                 QStringLiteral("20m · 2% of limit")}, // below 1 px: drawn at kMinBarPx
    };
    return data;
}

} // namespace

class TestTrendDelegate final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paintsBarsInStatusColours()
    {
        QStandardItemModel model(1, 1);
        const TrendData data = sampleData();
        model.setData(model.index(0, 0), QVariant::fromValue(data), kTrendRole);
        TrendDelegate delegate(kTrendRole);

        const QRect cell(0, 0, 120, 24);
        QImage image(cell.size(), QImage::Format_ARGB32);
        const QColor background(Qt::white);
        image.fill(background);
        QStyleOptionViewItem option;
        option.rect = cell;
        option.state = QStyle::State_Enabled;
        {
            QPainter painter(&image);
            delegate.paint(&painter, option, model.index(0, 0));
        }
        const TrendBarsGeometry g{cell, int(data.bars.size())};
        for (int i = 0; i < data.bars.size(); ++i) {
            const TrendBar &b = data.bars[i];
            const QRect slot = g.slot(i);
            const QPoint bottom(slot.center().x(), slot.bottom());
            const QColor expected = TrendDelegate::colorFor(b.status);
            QCOMPARE(image.pixelColor(bottom), expected);
            if (b.status == HealthStatus::NoData) {
                // Only a stub: the pixel above it is background.
                QCOMPARE(image.pixelColor(
                             QPoint(bottom.x(), slot.bottom() - TrendDelegate::kNoDataStubPx)),
                         background);
                continue;
            }
            QRect filled = g.bar(i, b.height);
            if (b.height > 0
                && filled.height() < TrendDelegate::kMinBarPx) // low values stay visible
                filled.setTop(filled.bottom() - TrendDelegate::kMinBarPx + 1);
            QCOMPARE(image.pixelColor(QPoint(bottom.x(), filled.top())), expected);
            if (filled.top() > slot.top()) {
                // Above the bar: its faint track, the status colour over the background.
                const QColor track = image.pixelColor(QPoint(bottom.x(), filled.top() - 1));
                const auto near = [](int a, int b) { return std::abs(a - b) <= 2; };
                const auto blend = [&background](int c, int bg) {
                    return (c * 48 + bg * (255 - 48)) / 255;
                };
                QVERIFY(near(track.red(), blend(expected.red(), background.red())));
                QVERIFY(near(track.green(), blend(expected.green(), background.green())));
                QVERIFY(near(track.blue(), blend(expected.blue(), background.blue())));
                QCOMPARE(image.pixelColor(QPoint(bottom.x(), slot.top())), track);
            }
        }
        // Gaps between bars stay background.
        QCOMPARE(image.pixelColor(QPoint(g.slot(0).right() + 1, g.slot(0).bottom())), background);
        QVERIFY(TrendDelegate::colorFor(HealthStatus::Ok)
                != TrendDelegate::colorFor(HealthStatus::Warning));
        QVERIFY(TrendDelegate::colorFor(HealthStatus::Warning)
                != TrendDelegate::colorFor(HealthStatus::Critical));
    }

    void withoutTrendDataPaintsNoBars()
    {
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), QStringLiteral("text"), Qt::DisplayRole);
        TrendDelegate delegate(kTrendRole);
        QImage image(60, 20, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        {
            QPainter painter(&image);
            delegate.paint(&painter, option, model.index(0, 0));
        }
        for (int x = 0; x < image.width(); ++x)
            QCOMPARE(image.pixelColor(x, image.height() - 3), QColor(Qt::white));
    }

    void toolTipNamesSpanValueAndStatus()
    {
        const TrendData data = sampleData();
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QString tip = TrendDelegate::toolTip(data, 1, en);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(data.barStart(1)).toLocalTime();
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(data.barStart(2)).toLocalTime();
        QVERIFY2(tip.startsWith(start.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + u'–'),
                 qPrintable(tip));
        QVERIFY2(tip.contains(end.toString(QStringLiteral("HH:mm"))), qPrintable(tip));
        QVERIFY2(tip.endsWith(QStringLiteral("850m · 85% of limit · Warning")), qPrintable(tip));
        QVERIFY(TrendDelegate::toolTip(data, 3, en).endsWith(QStringLiteral("No data")));
        QVERIFY(TrendDelegate::toolTip(data, 5, en).isEmpty());
    }

    void hoverShowsToolTipOfTheBarUnderTheMouse()
    {
        QStandardItemModel model(1, 1);
        const TrendData data = sampleData();
        model.setData(model.index(0, 0), QVariant::fromValue(data), kTrendRole);
        QTableView view;
        view.setModel(&model);
        auto *delegate = new TrendDelegate(kTrendRole, &view);
        view.setItemDelegateForColumn(0, delegate);
        view.setColumnWidth(0, 150);
        view.resize(300, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QRect cell = view.visualRect(model.index(0, 0));
        const TrendBarsGeometry g{cell, int(data.bars.size())};
        const QPoint pos = g.slot(2).center();
        QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QStyleOptionViewItem option;
        option.rect = cell;
        QVERIFY(delegate->helpEvent(&event, &view, option, model.index(0, 0)));
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().endsWith(QStringLiteral("120% of limit · Critical")),
                 qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }
};

QTEST_MAIN(TestTrendDelegate)
#include "tst_trenddelegate.moc"
