// Summary statistics: the nearest-rank percentiles and the other figures agree EXACTLY with a
// straightforward reference computation on random samples; downsampled summaries stay honest.
#include "models/metrics/percentiles.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

namespace {

// The definition, computed the slow way: the smallest sample v such that at least p % of all
// samples are <= v.
double referencePercentile(const QList<double> &values, int percent)
{
    double best = std::numeric_limits<double>::quiet_NaN();
    for (double candidate : values) {
        qint64 atOrBelow = 0;
        for (double v : values)
            atOrBelow += v <= candidate ? 1 : 0;
        if (100 * atOrBelow >= qint64(percent) * values.size() && !(candidate >= best))
            best = candidate;
    }
    return best;
}

QList<double> randomSamples(QRandomGenerator &rng, int n)
{
    QList<double> values;
    const int style = rng.bounded(3);
    for (int i = 0; i < n; ++i) {
        switch (style) {
        case 0:
            values.append(rng.generateDouble() * 4000.0);
            break; // millicores
        case 1:
            values.append(double(rng.bounded(20)));
            break; // many ties
        default:
            values.append(double(rng.bounded(1 << 30)) * 1024.0);
            break; // bytes
        }
    }
    return values;
}

} // namespace

class TestPercentiles final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nearestRank_data()
    {
        QTest::addColumn<QList<double>>("sorted");
        QTest::addColumn<int>("percent");
        QTest::addColumn<double>("expected");
        const QList<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QTest::newRow("p90 of 10 is rank 9") << ten << 90 << 9.0;
        QTest::newRow("p95 of 10 is rank 10") << ten << 95 << 10.0;
        QTest::newRow("p50 of 10 is rank 5") << ten << 50 << 5.0;
        QTest::newRow("p50 of 4 is rank 2") << QList<double>{1, 2, 3, 4} << 50 << 2.0;
        QTest::newRow("p50 of 5 is rank 3") << QList<double>{1, 2, 3, 4, 5} << 50 << 3.0;
        QTest::newRow("p0 is the minimum") << ten << 0 << 1.0;
        QTest::newRow("p100 is the maximum") << ten << 100 << 10.0;
        QTest::newRow("single") << QList<double>{42} << 95 << 42.0;
        QTest::newRow("p95 of 20 is rank 19")
            << QList<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
            << 95 << 19.0;
    }
    void nearestRank()
    {
        QFETCH(QList<double>, sorted);
        QFETCH(int, percent);
        QFETCH(double, expected);
        QCOMPARE(Summary::nearestRank(std::span(sorted.data(), sorted.size()), percent), expected);
    }

    void emptyAndNaN()
    {
        const Summary empty = Summary::of(QList<double>{});
        QVERIFY(empty.isEmpty());
        QVERIFY(std::isnan(empty.value(Statistic::P95)));
        const Summary skipped = Summary::of(QList<double>{std::nan(""), 3, 1});
        QCOMPARE(skipped.count(), 2);
        QCOMPARE(skipped.min(), 1.0);
        QCOMPARE(skipped.avg(), 2.0);
    }

    // Thousands of random sample sets, all six figures bit-for-bit equal to the reference.
    void matchesReferenceExactly()
    {
        QRandomGenerator rng(20261126);
        for (int round = 0; round < 2000; ++round) {
            const QList<double> values = randomSamples(rng, 1 + rng.bounded(120));
            const Summary s = Summary::of(values);
            double sum = 0;
            for (double v : values)
                sum += v;
            QCOMPARE(s.count(), values.size());
            QCOMPARE(s.value(Statistic::Min), *std::min_element(values.begin(), values.end()));
            QCOMPARE(s.value(Statistic::Max), *std::max_element(values.begin(), values.end()));
            QCOMPARE(s.value(Statistic::Avg), sum / double(values.size()));
            QCOMPARE(s.value(Statistic::P50), referencePercentile(values, 50));
            QCOMPARE(s.value(Statistic::P90), referencePercentile(values, 90));
            QCOMPARE(s.value(Statistic::P95), referencePercentile(values, 95));
            QVERIFY(s.isExact());
        }
    }

    // From buckets: count, Min, Max and Avg stay exact; the percentiles are bucket averages,
    // inside [Min, Max] and monotonic, and equal the raw figure when each bucket has one sample.
    void bucketsAreHonest()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 500; ++round) {
            const QList<double> values = randomSamples(rng, 1 + rng.bounded(200));
            QList<Summary::Bucket> buckets;
            QList<Summary::Bucket> singles;
            double groupedSum = 0;
            for (qsizetype i = 0; i < values.size(); i += 20) {
                Summary::Bucket b{values[i], values[i], 0, 0};
                for (qsizetype j = i; j < std::min(values.size(), i + 20); ++j) {
                    b.min = std::min(b.min, values[j]);
                    b.max = std::max(b.max, values[j]);
                    b.sum += values[j];
                    ++b.count;
                }
                groupedSum += b.sum;
                buckets.append(b);
            }
            for (double v : values)
                singles.append(Summary::Bucket{v, v, v, 1});
            const Summary raw = Summary::of(values);
            const Summary down = Summary::ofBuckets(buckets);
            QVERIFY(!down.isExact());
            QCOMPARE(down.count(), raw.count());
            QCOMPARE(down.min(), raw.min());
            QCOMPARE(down.max(), raw.max());
            QCOMPARE(down.avg(), groupedSum / double(values.size()));
            QVERIFY(down.value(Statistic::P50) <= down.value(Statistic::P90));
            QVERIFY(down.value(Statistic::P90) <= down.value(Statistic::P95));
            QVERIFY(down.value(Statistic::P95) <= down.max());
            QVERIFY(down.value(Statistic::P50) >= down.min());
            const Summary one = Summary::ofBuckets(singles);
            for (Statistic st : {Statistic::P50, Statistic::P90, Statistic::P95})
                QCOMPARE(one.value(st), raw.value(st));
        }
    }
};

QTEST_GUILESS_MAIN(TestPercentiles)
#include "tst_percentiles.moc"
