// Unit tests of the streaming Prometheus text parser: good and bad lines with the exact
// line:column of the first error, numbers, escapes, families, chunking and both formats.
#include "kubeapi/promtext/promcollector.h"
#include "kubeapi/promtext/promnumber.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace kube;

Q_DECLARE_METATYPE(kube::PromFormat)

namespace {

PromParseResult parse(const QByteArray &body, PromFormat format = PromFormat::Text004,
                      std::size_t chunk = 0)
{
    PromParser::Options options;
    options.format = format;
    return PromCollector::parse(std::string_view(body.constData(), std::size_t(body.size())),
                                options, chunk);
}

QByteArray describe(const PromParseResult &r)
{
    if (r.ok)
        return "ok";
    return QByteArray::number(qulonglong(r.error.line)) + ':'
           + QByteArray::number(qulonglong(r.error.column)) + ' '
           + QByteArray::fromStdString(r.error.message);
}

} // namespace

class TstPromParser final : public QObject
{
    Q_OBJECT

private slots:
    void floats_data();
    void floats();
    void badInput_data();
    void badInput();
    void goodInput_data();
    void goodInput();
    void chunkingGivesSameResult_data();
    void chunkingGivesSameResult();
    void histogramAndSummaryFamilies();
    void nonContiguousFamilyMerged();
    void escapesAreDecoded();
    void timestamps();
    void finalNewlineOption();
    void formatForContentType();
    void openMetricsFamilies();
    void int64Timestamps();
    void lineLengthLimit();
    void feedAfterErrorKeepsFirstError();
};

void TstPromParser::floats_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // The fact sheet's table (Go ParseFloat behind the clients' wrapper).
    QTest::newRow("NaN") << QByteArray("NaN") << true << nan;
    QTest::newRow("nan") << QByteArray("nan") << true << nan;
    QTest::newRow("Nan") << QByteArray("Nan") << true << nan;
    QTest::newRow("nAn") << QByteArray("nAn") << true << nan;
    QTest::newRow("+Inf") << QByteArray("+Inf") << true << inf;
    QTest::newRow("-Inf") << QByteArray("-Inf") << true << -inf;
    QTest::newRow("inf") << QByteArray("inf") << true << inf;
    QTest::newRow("INF") << QByteArray("INF") << true << inf;
    QTest::newRow("+inf") << QByteArray("+inf") << true << inf;
    QTest::newRow("-Infinity") << QByteArray("-Infinity") << true << -inf;
    QTest::newRow("1E5") << QByteArray("1E5") << true << 1e5;
    QTest::newRow("+.5") << QByteArray("+.5") << true << 0.5;
    QTest::newRow("5.") << QByteArray("5.") << true << 5.0;
    QTest::newRow("00012") << QByteArray("00012") << true << 12.0;
    QTest::newRow("-0") << QByteArray("-0") << true << -0.0;
    QTest::newRow("1e-400") << QByteArray("1e-400") << true << 0.0;
    QTest::newRow("9.17110784e+08") << QByteArray("9.17110784e+08") << true << 9.17110784e+08;
    QTest::newRow("0.1") << QByteArray("0.1") << true << 0.1;
    QTest::newRow("1.7976931348623157e308")
        << QByteArray("1.7976931348623157e308") << true << 1.7976931348623157e308;
    QTest::newRow("4.9e-324") << QByteArray("4.9e-324") << true << 4.9e-324;
    QTest::newRow("big integer") << QByteArray("18446744073709551615") << true
                                 << 18446744073709551615.0;
    QTest::newRow("+nan") << QByteArray("+nan") << false << 0.0;
    QTest::newRow("-nan") << QByteArray("-nan") << false << 0.0;
    QTest::newRow("1e") << QByteArray("1e") << false << 0.0;
    QTest::newRow(".") << QByteArray(".") << false << 0.0;
    QTest::newRow("1e400") << QByteArray("1e400") << false << 0.0;
    // prometheus-cpp's text for DBL_MAX rounds up past it; promtool rejects it as well.
    QTest::newRow("DBL_MAX at 16 digits") << QByteArray("1.797693134862316e+308") << false << 0.0;
    QTest::newRow("0x10") << QByteArray("0x10") << false << 0.0;
    QTest::newRow("0x1p3") << QByteArray("0x1p3") << false << 0.0;
    QTest::newRow("1_000") << QByteArray("1_000") << false << 0.0;
    QTest::newRow("1,5") << QByteArray("1,5") << false << 0.0;
    QTest::newRow("empty") << QByteArray("") << false << 0.0;
    QTest::newRow("+") << QByteArray("+") << false << 0.0;
    QTest::newRow("nan(1)") << QByteArray("nan(1)") << false << 0.0;
    QTest::newRow("infinit") << QByteArray("infinit") << false << 0.0;
    QTest::newRow("1e+") << QByteArray("1e+") << false << 0.0;
}

void TstPromParser::floats()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double parsed = 12345;
    QCOMPARE(PromNumber::parseFloat(std::string_view(text.constData(), std::size_t(text.size())),
                                    parsed),
             ok);
    if (!ok)
        return;
    if (std::isnan(value)) {
        QVERIFY(std::isnan(parsed));
    } else {
        QCOMPARE(parsed, value);
        QCOMPARE(std::signbit(parsed), std::signbit(value));
    }
    // The same text as a sample value.
    const PromParseResult r = parse("m " + text + "\n");
    QVERIFY2(r.ok, describe(r).constData());
    QCOMPARE(r.sampleCount(), std::size_t(1));
    const double v = r.families.front().samples.front().value;
    QVERIFY(std::isnan(value) ? std::isnan(v) : v == value);
}

void TstPromParser::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<PromFormat>("format");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("message"); // a part of the message
    const PromFormat t = PromFormat::Text004;
    const PromFormat om = PromFormat::OpenMetrics;

    // 0.0.4, verdicts as expfmt (fact sheet §1).
    QTest::newRow("no final newline")
        << QByteArray("a 1\nb 2") << t << 2 << 4 << QByteArray("final newline");
    QTest::newRow("space after value")
        << QByteArray("a 1 \n") << t << 1 << 4 << QByteArray("no timestamp");
    QTest::newRow("space after timestamp")
        << QByteArray("a 1 2 \n") << t << 1 << 6 << QByteArray("after the timestamp");
    QTest::newRow("CRLF") << QByteArray("a 1\r\n") << t << 1 << 4 << QByteArray("CRLF");
    QTest::newRow("CRLF with timestamp")
        << QByteArray("a 1 5\r\n") << t << 1 << 6 << QByteArray("CRLF");
    QTest::newRow("float timestamp")
        << QByteArray("a 1 1.5\n") << t << 1 << 5 << QByteArray("integer timestamp");
    QTest::newRow("int64 overflow timestamp") << QByteArray("a 1 9223372036854775808\n") << t << 1
                                              << 5 << QByteArray("integer timestamp");
    QTest::newRow("TYPE after samples") << QByteArray("a 1\n# TYPE a counter\n") << t << 2 << 3
                                        << QByteArray("TYPE reported after samples");
    QTest::newRow("duplicate TYPE") << QByteArray("# TYPE a gauge\n# TYPE a gauge\n") << t << 2 << 3
                                    << QByteArray("second TYPE");
    QTest::newRow("duplicate HELP")
        << QByteArray("# HELP a x\n# HELP a y\n") << t << 2 << 3 << QByteArray("second HELP");
    QTest::newRow("TYPE trailing space")
        << QByteArray("# TYPE a counter \n") << t << 1 << 10 << QByteArray("unknown metric type");
    QTest::newRow("TYPE unknown") << QByteArray("# TYPE a unknown\n") << t << 1 << 10
                                  << QByteArray("unknown metric type");
    QTest::newRow("TYPE gaugehistogram") << QByteArray("# TYPE a gaugehistogram\n") << t << 1 << 10
                                         << QByteArray("unknown metric type");
    QTest::newRow("HELP bad escape quote")
        << QByteArray("# HELP a say \\\"hi\n") << t << 1 << 14 << QByteArray("invalid escape");
    QTest::newRow("HELP bad escape d")
        << QByteArray("# HELP a \\d\n") << t << 1 << 10 << QByteArray("invalid escape");
    QTest::newRow("label tab escape")
        << QByteArray("a{b=\"x\\ty\"} 1\n") << t << 1 << 7 << QByteArray("invalid escape");
    QTest::newRow("raw newline in label")
        << QByteArray("a{b=\"x\ny\"} 1\n") << t << 1 << 5 << QByteArray("not terminated");
    QTest::newRow("invalid UTF-8 in label")
        << QByteArray("a{b=\"x\xff\"} 1\n") << t << 1 << 7 << QByteArray("UTF-8");
    QTest::newRow("overlong UTF-8")
        << QByteArray("a{b=\"\xc0\xaf\"} 1\n") << t << 1 << 6 << QByteArray("UTF-8");
    QTest::newRow("__name__ label")
        << QByteArray("a{__name__=\"b\"} 1\n") << t << 1 << 3 << QByteArray("reserved");
    QTest::newRow("duplicate label") << QByteArray("a{b=\"1\",c=\"2\",b=\"3\"} 1\n") << t << 1 << 15
                                     << QByteArray("duplicate label name");
    QTest::newRow("colon in label name")
        << QByteArray("a{b:c=\"1\"} 1\n") << t << 1 << 4 << QByteArray("expected '='");
    QTest::newRow("label name digit")
        << QByteArray("a{1=\"1\"} 1\n") << t << 1 << 3 << QByteArray("invalid label name");
    QTest::newRow("le not a number") << QByteArray("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n")
                                     << t << 2 << 14 << QByteArray("le label");
    QTest::newRow("quantile not a number") << QByteArray("# TYPE s summary\ns{quantile=\"\"} 1\n")
                                           << t << 2 << 13 << QByteArray("quantile label");
    QTest::newRow("NUL in value") << QByteArray("a 1\0\n", 5) << t << 1 << 4 << QByteArray("NUL");
    QTest::newRow("NUL in comment")
        << QByteArray("# hi \0\n", 7) << t << 1 << 6 << QByteArray("NUL");
    QTest::newRow("NUL in label") << QByteArray("a{b=\"\0\"} 1\n", 11) << t << 1 << 6
                                  << QByteArray("NUL");
    QTest::newRow("invalid metric name")
        << QByteArray("ok 1\n0a 1\n") << t << 2 << 1 << QByteArray("invalid metric name");
    QTest::newRow("invalid name in TYPE") << QByteArray("# TYPE 0a counter\n") << t << 1 << 8
                                          << QByteArray("invalid metric name in TYPE");
    QTest::newRow("missing value")
        << QByteArray("a\n") << t << 1 << 2 << QByteArray("expected a number");
    QTest::newRow("bad value") << QByteArray("a{} 1,5\n") << t << 1 << 5
                               << QByteArray("expected a number");
    QTest::newRow("hex value") << QByteArray("a 0x1p3\n") << t << 1 << 3
                               << QByteArray("expected a number");
    QTest::newRow("unterminated labels")
        << QByteArray("a{b=\"1\"\n") << t << 1 << 8 << QByteArray("unexpected end of line");
    QTest::newRow("missing comma")
        << QByteArray("a{b=\"1\" c=\"2\"} 1\n") << t << 1 << 9 << QByteArray("expected ','");
    QTest::newRow("unquoted label value")
        << QByteArray("a{b=1} 1\n") << t << 1 << 5 << QByteArray("expected '\"'");
    QTest::newRow("error on third line")
        << QByteArray("a 1\n\n  b{x=\"y\"} z\n") << t << 3 << 12 << QByteArray("\"z\"");

    // OpenMetrics.
    QTest::newRow("om no EOF") << QByteArray("a 1\n") << om << 2 << 1 << QByteArray("# EOF");
    QTest::newRow("om data after EOF")
        << QByteArray("a 1\n# EOF\nb 1\n") << om << 3 << 1 << QByteArray("after");
    QTest::newRow("om blank line")
        << QByteArray("a 1\n\n# EOF\n") << om << 2 << 1 << QByteArray("blank");
    QTest::newRow("om two spaces")
        << QByteArray("a  1\n# EOF\n") << om << 1 << 3 << QByteArray("expected a number");
    QTest::newRow("om comment") << QByteArray("# hello\n# EOF\n") << om << 1 << 1
                                << QByteArray("may start");
    QTest::newRow("om untyped") << QByteArray("# TYPE a untyped\n# EOF\n") << om << 1 << 10
                                << QByteArray("unknown metric type");
    QTest::newRow("om unit suffix")
        << QByteArray("# UNIT a seconds\n# EOF\n") << om << 1 << 8 << QByteArray("must end with");
    QTest::newRow("om ms timestamp ok but NaN not")
        << QByteArray("a 1 NaN\n# EOF\n") << om << 1 << 5 << QByteArray("timestamp");
    QTest::newRow("om interleaved")
        << QByteArray("a 1\nb 1\na 2\n# EOF\n") << om << 3 << 1 << QByteArray("appears again");
    QTest::newRow("om counter without _total")
        << QByteArray("# TYPE a counter\na 1\n# EOF\n") << om << 2 << 1 << QByteArray("not valid");
    QTest::newRow("om negative counter") << QByteArray("# TYPE a counter\na_total -1\n# EOF\n")
                                         << om << 2 << 1 << QByteArray("negative");
    QTest::newRow("om missing +Inf")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\n# EOF\n") << om << 3 << 1
        << QByteArray("+Inf");
    QTest::newRow("om trailing comma")
        << QByteArray("a{b=\"1\",} 1\n# EOF\n") << om << 1 << 8 << QByteArray("trailing comma");
    QTest::newRow("om metadata after samples") << QByteArray("a 1\n# HELP a x\n# EOF\n") << om << 2
                                               << 1 << QByteArray("after its samples");
}

void TstPromParser::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(PromFormat, format);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, message);
    for (std::size_t chunk : {std::size_t(0), std::size_t(1), std::size_t(3)}) {
        const PromParseResult r = parse(body, format, chunk);
        QVERIFY2(!r.ok, "accepted a bad body");
        const QByteArray got = describe(r);
        QCOMPARE(got.left(got.indexOf(' ')),
                 QByteArray::number(line) + ':' + QByteArray::number(column));
        QVERIFY2(got.contains(message), got.constData());
    }
}

void TstPromParser::goodInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<PromFormat>("format");
    QTest::addColumn<int>("families");
    QTest::addColumn<int>("samples");
    const PromFormat t = PromFormat::Text004;
    const PromFormat om = PromFormat::OpenMetrics;
    QTest::newRow("empty") << QByteArray() << t << 0 << 0;
    QTest::newRow("only blanks, no newline") << QByteArray("\n  \t") << t << 0 << 0;
    QTest::newRow("spaces everywhere") << QByteArray("  a { b = \"1\" , } 1 2\n") << t << 1 << 1;
    QTest::newRow("tabs") << QByteArray("a\t{b=\"1\"}\t1\t2\n") << t << 1 << 1;
    QTest::newRow("empty braces") << QByteArray("a{} 1\n") << t << 1 << 1;
    QTest::newRow("no space after brace") << QByteArray("a{b=\"x\"}1\n") << t << 1 << 1;
    QTest::newRow("negative timestamp") << QByteArray("a +Inf -3982045\n") << t << 1 << 1;
    QTest::newRow("plus timestamp") << QByteArray("a 1 +1\n") << t << 1 << 1;
    QTest::newRow("comments") << QByteArray("# anything\n#\n# EOF\n# HELP\n# TYPE a\na 1\n") << t
                              << 1 << 1;
    QTest::newRow("type case-insensitive") << QByteArray("# TYPE a COUNTER\na 1\n") << t << 1 << 1;
    QTest::newRow("type after two spaces") << QByteArray("# TYPE a  counter\na 1\n") << t << 1 << 1;
    QTest::newRow("identical series twice") << QByteArray("a 1\na 1\n") << t << 1 << 2;
    QTest::newRow("histogram without +Inf")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\n") << t << 1 << 1;
    QTest::newRow("HELP after samples") << QByteArray("a 1\n# HELP a late\n") << t << 1 << 1;
    QTest::newRow("UTF-8 label") << QByteArray("a{b=\"Grüße ☃ 𝄞\"} 1\n") << t << 1 << 1;
    QTest::newRow("CR inside label value") << QByteArray("a{b=\"x\ry\"} 1\n") << t << 1 << 1;
    QTest::newRow("om minimal") << QByteArray("# EOF") << om << 0 << 0;
    QTest::newRow("om counter") << QByteArray(
        "# TYPE a counter\na_total 1 1.5\na_created 1\n# EOF\n")
                                << om << 1 << 2;
    QTest::newRow("om exemplar") << QByteArray(
        "# TYPE a counter\na_total 1 # {t=\"x\"} 0.5 1\n# EOF\n")
                                 << om << 1 << 1;
}

void TstPromParser::goodInput()
{
    QFETCH(QByteArray, body);
    QFETCH(PromFormat, format);
    QFETCH(int, families);
    QFETCH(int, samples);
    const PromParseResult r = parse(body, format, 1);
    QVERIFY2(r.ok, describe(r).constData());
    QCOMPARE(int(r.familiesWithSamples()), families);
    QCOMPARE(int(r.sampleCount()), samples);
}

void TstPromParser::chunkingGivesSameResult_data()
{
    QTest::addColumn<int>("chunk");
    for (int c : {1, 2, 7, 64, 4096})
        QTest::newRow(QByteArray::number(c).constData()) << c;
}

void TstPromParser::chunkingGivesSameResult()
{
    QFETCH(int, chunk);
    const QByteArray body = "# HELP x_seconds Time \\\\ and \\n.\n# TYPE x_seconds histogram\n"
                            "x_seconds_bucket{a=\"\\\"q\\\"\",le=\"0.5\"} 1 100\n"
                            "x_seconds_bucket{a=\"\\\"q\\\"\",le=\"+Inf\"} 2 100\n"
                            "x_seconds_sum{a=\"\\\"q\\\"\"} 0.75 100\n"
                            "x_seconds_count{a=\"\\\"q\\\"\"} 2 100\n"
                            "up 1\n";
    const PromParseResult whole = parse(body);
    const PromParseResult split = parse(body, PromFormat::Text004, std::size_t(chunk));
    QVERIFY(whole.ok);
    QVERIFY(split.ok);
    QCOMPARE(split.families.size(), whole.families.size());
    for (std::size_t f = 0; f < whole.families.size(); ++f) {
        QCOMPARE(split.families[f].name, whole.families[f].name);
        QCOMPARE(split.families[f].help, whole.families[f].help);
        QCOMPARE(split.families[f].samples.size(), whole.families[f].samples.size());
        for (std::size_t s = 0; s < whole.families[f].samples.size(); ++s) {
            QCOMPARE(split.families[f].samples[s].labels, whole.families[f].samples[s].labels);
            QCOMPARE(split.families[f].samples[s].value, whole.families[f].samples[s].value);
        }
    }
    QCOMPARE(whole.families.front().help, std::string("Time \\ and \n."));
    QCOMPARE(whole.families.front().samples.front().labels.front().second, std::string("\"q\""));
}

void TstPromParser::histogramAndSummaryFamilies()
{
    const PromParseResult r = parse(
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\n"
        "h_sum 3\nh_count 2\n# TYPE s summary\ns{quantile=\"0.5\"} 1\n"
        "s_sum 4\ns_count 5\nu_sum 1\nu_count 1\nh2_bucket 1\n");
    QVERIFY2(r.ok, describe(r).constData());
    // expfmt: suffixes join a family only after its TYPE histogram/summary.
    QCOMPARE(r.familiesWithSamples(), std::size_t(5));
    const PromFamily *h = r.family("h");
    QVERIFY(h);
    QCOMPARE(h->type, PromMetricType::Histogram);
    QCOMPARE(h->samples.size(), std::size_t(4));
    QCOMPARE(h->samples[0].kind, PromSampleKind::Bucket);
    QCOMPARE(h->samples[2].kind, PromSampleKind::Sum);
    QCOMPARE(h->samples[3].kind, PromSampleKind::Count);
    const PromFamily *s = r.family("s");
    QVERIFY(s);
    QCOMPARE(s->samples.size(), std::size_t(3));
    QCOMPARE(s->samples[0].kind, PromSampleKind::Quantile);
    QVERIFY(r.family("u_sum"));
    QVERIFY(r.family("h2_bucket"));
}

void TstPromParser::nonContiguousFamilyMerged()
{
    const PromParseResult r = parse("a{x=\"1\"} 1\nb 2\na{x=\"2\"} 3\n");
    QVERIFY(r.ok);
    QCOMPARE(r.families.size(), std::size_t(2));
    QCOMPARE(r.family("a")->samples.size(), std::size_t(2));
}

void TstPromParser::escapesAreDecoded()
{
    const PromParseResult r = parse("a{b=\"x\\\\y\\\"z\\n\",c=\"\"} 1\n");
    QVERIFY(r.ok);
    const auto &labels = r.families.front().samples.front().labels;
    QCOMPARE(labels[0].second, std::string("x\\y\"z\n"));
    QCOMPARE(labels[1].second, std::string());
    const PromParseResult om = parse("a{b=\"\\z\\\\\"} 1\n# EOF\n", PromFormat::OpenMetrics);
    QVERIFY2(om.ok, describe(om).constData());
    QCOMPARE(om.families.front().samples.front().labels[0].second, std::string("\\z\\"));
}

void TstPromParser::timestamps()
{
    const PromParseResult t = parse("a 1 1700000000123\n");
    QVERIFY(t.ok);
    QCOMPARE(t.families[0].samples[0].timestampMs, std::int64_t(1700000000123));
    QCOMPARE(t.families[0].samples[0].timestampSeconds, 1700000000.123);
    const PromParseResult om = parse("a 1 1700000000.123\n# EOF\n", PromFormat::OpenMetrics);
    QVERIFY(om.ok);
    QCOMPARE(om.families[0].samples[0].timestampSeconds, 1700000000.123);
    QCOMPARE(om.families[0].samples[0].timestampMs, std::int64_t(1700000000123));
}

void TstPromParser::finalNewlineOption()
{
    PromParser::Options options;
    options.requireFinalNewline = false; // as the Prometheus scraper
    const PromParseResult r = PromCollector::parse("a 1\nb 2", options);
    QVERIFY(r.ok);
    QCOMPARE(r.sampleCount(), std::size_t(2));
}

void TstPromParser::formatForContentType()
{
    QCOMPARE(PromParser::formatForContentType(
                 "application/openmetrics-text; version=1.0.0; charset=utf-8"),
             PromFormat::OpenMetrics);
    QCOMPARE(PromParser::formatForContentType(" Application/OpenMetrics-Text"),
             PromFormat::OpenMetrics);
    QCOMPARE(PromParser::formatForContentType("text/plain; version=0.0.4"), PromFormat::Text004);
    QCOMPARE(PromParser::formatForContentType(""), PromFormat::Text004);
    QCOMPARE(PromParser::formatForContentType("application/json"), PromFormat::Text004);
}

void TstPromParser::openMetricsFamilies()
{
    const PromParseResult r = parse(
        "# TYPE a_seconds histogram\n# UNIT a_seconds seconds\n"
        "# HELP a_seconds Latency.\n"
        "a_seconds_bucket{le=\"0.1\"} 1\na_seconds_bucket{le=\"+Inf\"} 2\n"
        "a_seconds_count 2\na_seconds_sum 0.3\n"
        "# TYPE s stateset\ns{s=\"on\"} 1\ns{s=\"off\"} 0\n"
        "# TYPE i info\ni_info{v=\"1.2\"} 1\n# EOF\n",
        PromFormat::OpenMetrics);
    QVERIFY2(r.ok, describe(r).constData());
    QCOMPARE(r.families.size(), std::size_t(3));
    QCOMPARE(r.families[0].unit, std::string("seconds"));
    const auto &h = r.families[0].samples;
    QCOMPARE(h.size(), std::size_t(4));
    QCOMPARE(h[0].kind, PromSampleKind::Bucket);
    QCOMPARE(h[2].kind, PromSampleKind::Count);
    QCOMPARE(h[3].kind, PromSampleKind::Sum);
    QCOMPARE(r.families[0].help, std::string("Latency."));
    QCOMPARE(r.families[1].type, PromMetricType::StateSet);
    QCOMPARE(r.families[2].type, PromMetricType::Info);
}

void TstPromParser::int64Timestamps()
{
    std::int64_t v = 0;
    QVERIFY(PromNumber::parseInt64("-9223372036854775808", v));
    QCOMPARE(v, std::numeric_limits<std::int64_t>::min());
    QVERIFY(PromNumber::parseInt64("9223372036854775807", v));
    QCOMPARE(v, std::numeric_limits<std::int64_t>::max());
    QVERIFY(!PromNumber::parseInt64("9223372036854775808", v));
    QVERIFY(!PromNumber::parseInt64("-9223372036854775809", v));
    QVERIFY(!PromNumber::parseInt64("-", v));
    QVERIFY(!PromNumber::parseInt64("1.0", v));
}

void TstPromParser::lineLengthLimit()
{
    // The unfinished last line is the only thing kept between chunks; it has a cap.
    PromCollector collector;
    PromParser::Options options;
    options.maxLineLength = 100;
    PromParser parser(collector, options);
    QVERIFY(parser.feed("a 1\nb{x=\""));
    const std::string filler(60, 'y');
    QVERIFY(parser.feed(filler));
    QVERIFY(!parser.feed(filler));
    QVERIFY(QByteArray::fromStdString(parser.error().message).contains("longer than"));
    QCOMPARE(collector.takeFamilies().size(), std::size_t(1));
}

void TstPromParser::feedAfterErrorKeepsFirstError()
{
    PromCollector collector;
    PromParser parser(collector, PromFormat::Text004);
    QVERIFY(!parser.feed("a 1\nb x\n"));
    QVERIFY(!parser.feed("c 0x\n"));
    QVERIFY(!parser.finish());
    QCOMPARE(parser.error().line, std::uint64_t(2));
    QCOMPARE(parser.error().column, std::uint64_t(3));
    QCOMPARE(parser.linesParsed(), std::uint64_t(2));
}

QTEST_GUILESS_MAIN(TstPromParser)
#include "tst_promparser.moc"
