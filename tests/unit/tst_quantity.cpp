// Kubernetes quantities: parsing, exact values and the canonical string, by the apimachinery
// rules (facts §10; expectations cross-checked with `kubectl set resources --local`).
#include "kubeapi/objects/quantity.h"

#include <QtTest>

#include <limits>

using kube::Quantity;

class TestQuantity final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void compare();
    void scaledValues();
    void nullQuantity();
};

void TestQuantity::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<qint64>("value");      // rounded away from zero
    QTest::addColumn<qint64>("milliValue"); // rounded away from zero

    auto row = [](const char *in, const char *canon, qint64 v, qint64 mv) {
        QTest::newRow(in) << QString::fromLatin1(in) << QString::fromLatin1(canon) << v << mv;
    };
    // Fact sheet examples.
    row("1.5", "1500m", 2, 1500);
    row("1.5Gi", "1536Mi", 1610612736, 1610612736000);
    row("1024Mi", "1Gi", 1073741824, 1073741824000);
    row("1000M", "1G", 1000000000, 1000000000000);
    row("1.08", "1080m", 2, 1080);
    row(".001Ki", "1024m", 2, 1024);
    row("1e3", "1e3", 1000, 1000000);
    row("3k", "3k", 3000, 3000000);
    row("1025", "1025", 1025, 1025000);
    row("0", "0", 0, 0);
    // CPU as written in pod specs and by metrics-server.
    row("100m", "100m", 1, 100);
    row("250m", "250m", 1, 250);
    row("1", "1", 1, 1000);
    row("2", "2", 2, 2000);
    row("0.5", "500m", 1, 500);
    row(".5", "500m", 1, 500);
    row("5.", "5", 5, 5000);
    row("123456789n", "123456789n", 1, 124);
    row("250345000n", "250345u", 1, 251);
    row("1000m", "1", 1, 1000);
    row("1500u", "1500u", 1, 2);
    row("1n", "1n", 1, 1);
    row("0.1m", "100u", 1, 1);
    // Memory.
    row("128974848", "128974848", 128974848, 128974848000);
    row("129e6", "129e6", 129000000, 129000000000);
    row("129M", "129M", 129000000, 129000000000);
    row("123Mi", "123Mi", 128974848, 128974848000);
    row("1918288Ki", "1918288Ki", 1964326912, 1964326912000);
    row("64Mi", "64Mi", 67108864, 67108864000);
    row("1Gi", "1Gi", 1073741824, 1073741824000);
    row("1024Ki", "1Mi", 1048576, 1048576000);
    row("1536Ki", "1536Ki", 1572864, 1572864000);
    row("0.5Gi", "512Mi", 536870912, 536870912000);
    row("1Ei", "1Ei", 1152921504606846976, 9223372036854775807);
    row("8Ei", "9223372036854775807", 9223372036854775807, 9223372036854775807); // capped at 2^63-1
    row("1Ki", "1Ki", 1024, 1024000);
    row("1023", "1023", 1023, 1023000);
    row("1.5Ki", "1536", 1536, 1536000);
    row("0.5Ki", "512", 512, 512000);
    row("10Ti", "10Ti", 10995116277760, 10995116277760000);
    row("1P", "1P", 1000000000000000, 1000000000000000000);
    row("1E", "1E", 1000000000000000000, 9223372036854775807);
    // Exponents.
    row("1e-3", "1e-3", 1, 1);
    row("1E3", "1e3", 1000, 1000000); // Go echoes the input "1E3" from its cache
    row("1e6", "1e6", 1000000, 1000000000);
    row("1.5e3", "1500", 1500, 1500000);
    row("12e-1", "1200e-3", 2, 1200);
    row("1e100", "10e99", 9223372036854775807, 9223372036854775807);
    row("1e-100", "1e-9", 1, 1);
    // Signs.
    row("-1", "-1", -1, -1000);
    row("-100m", "-100m", -1, -100);
    row("-1.5Gi", "-1536Mi", -1610612736, -1610612736000);
    row("-1Ki", "-1Ki", -1024, -1024000);
    row("-0", "0", 0, 0);
    row("-", "0", 0, 0);
    row("+", "0", 0, 0);
    row(".", "0", 0, 0);
    row("0Mi", "0", 0, 0);
    // Nano precision: finer amounts round up (away from zero).
    row(".000000000001Ki", "2n", 1, 1);
    row("0.0000000001", "1n", 1, 1);
    row("1.0000000001", "1000000001n", 2, 1001);
    row("-0.0000000001", "-1n", -1, -1);
    row("0.000000000000000000000000000000000001", "1n", 1, 1);
    // Decimal amounts too large for a suffix in 128 bits print in exponent form (found by
    // fuzz_kubeconfig as a signed 128-bit overflow); below that, E takes the rest.
    row("1000000000000000000000000000000000000000000000000000000000000", "1e60",
        std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max());
    row("5000000000000000000000", "5000E", std::numeric_limits<qint64>::max(),
        std::numeric_limits<qint64>::max());
    row("9E", "9E", 9000000000000000000LL, std::numeric_limits<qint64>::max());
}

void TestQuantity::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(qint64, value);
    QFETCH(qint64, milliValue);
    QString error;
    const auto q = Quantity::parse(input, &error);
    QVERIFY2(q.has_value(), qPrintable(error));
    QCOMPARE(q->toString(), canonical);
    QCOMPARE(q->value(), value);
    QCOMPARE(q->milliValue(), milliValue);
    QVERIFY(!q->isNull());
    // The canonical form parses back to the same amount.
    const auto again = Quantity::parse(canonical);
    QVERIFY(again.has_value());
    QCOMPARE(again->compare(*q), 0);
    QCOMPARE(again->toString(), canonical);
}

void TestQuantity::errors_data()
{
    QTest::addColumn<QString>("input");
    const char *bad[] = {"",
                         " 1",
                         "1 ",
                         "1.1.M",
                         "1+1.0M",
                         "0.1mi",
                         "0.1am",
                         "aoeu",
                         ".5i",
                         "1i",
                         "-3.01i",
                         "-3.01e-",
                         "1e",
                         "1ee3",
                         "1K",
                         "1KiB",
                         "1Mb",
                         "1.5.5",
                         "1,5",
                         "--1",
                         "1e1.5",
                         "0x10",
                         "Infinity",
                         "NaN",
                         "1e99999999999",
                         "99999999999999999999999999999999999999999"};
    for (const char *b : bad)
        QTest::newRow(b[0] ? b : "(empty)") << QString::fromLatin1(b);
}

void TestQuantity::errors()
{
    QFETCH(QString, input);
    QString error;
    const auto q = Quantity::parse(input, &error);
    QVERIFY2(!q.has_value(), qPrintable(q ? q->toString() : QString()));
    QVERIFY(!error.isEmpty());
}

void TestQuantity::compare()
{
    auto p = [](const char *s) { return *Quantity::parse(QString::fromLatin1(s)); };
    QCOMPARE(p("1").compare(p("1000m")), 0);
    QCOMPARE(p("1Ki").compare(p("1024")), 0);
    QVERIFY(p("1Gi").compare(p("1G")) > 0);
    QVERIFY(p("999m").compare(p("1")) < 0);
    QVERIFY(p("-1").compare(p("1n")) < 0);
    QVERIFY(p("1E").compare(p("1n")) > 0);
    QVERIFY(p("1e100").compare(p("1E")) > 0);
    QVERIFY(p("1") == p("1000m"));
    QVERIFY(p("1") != p("1001m"));
}

void TestQuantity::scaledValues()
{
    const auto q = *Quantity::parse(QStringLiteral("250345000n"));
    QCOMPARE(q.nanoValue(), 250345000);
    QCOMPARE(q.milliValue(), 251);
    QCOMPARE(q.scaledValue(-6), 250345);
    QCOMPARE(q.toDouble(), 0.250345);
    const auto mem = *Quantity::parse(QStringLiteral("1.5Gi"));
    QCOMPARE(mem.scaledValue(3), 1610613); // in thousands, rounded up
    QCOMPARE(Quantity::fromScaled(250, -3).toString(), QStringLiteral("250m"));
    QCOMPARE(Quantity::fromInt(2048, Quantity::Format::BinarySI).toString(), QStringLiteral("2Ki"));
}

void TestQuantity::nullQuantity()
{
    const Quantity q;
    QVERIFY(q.isNull());
    QCOMPARE(q.toString(), QString());
    QCOMPARE(q.value(), 0);
    QVERIFY(q != *Quantity::parse(QStringLiteral("0")));
}

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
