// Conformance of the Prometheus text parser against inputs nobody on this project wrote: the
// expfmt test corpus and real kubelet/cAdvisor/Prometheus dumps (with promtool as referee), and
// the OpenMetrics parser suite in OpenMetrics mode.
#include "kubeapi/promtext/promcollector.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <map>

using namespace kube;

namespace {

const QString kFixtures = QStringLiteral(KLARSICHT_FIXTURES_DIR "/prom");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

PromParseResult parseBody(const QByteArray &body, PromFormat format, std::size_t chunk)
{
    PromParser::Options options;
    options.format = format;
    return PromCollector::parse(std::string_view(body.constData(), std::size_t(body.size())),
                                options, chunk);
}

// Expected counts, computed without the parser: every non-blank line not starting with '#' is a
// sample; its family is its name, or the base name for _bucket/_sum/_count of a family that a
// TYPE line declared histogram (or summary, for _sum/_count).
struct Counts
{
    int families = 0;
    int samples = 0;
};

Counts countByLines(const QByteArray &body)
{
    std::map<QByteArray, QByteArray> types;
    const QList<QByteArray> lines = body.split('\n');
    for (const QByteArray &raw : lines) {
        const QList<QByteArray> words = raw.simplified().split(' ');
        if (words.size() >= 4 && words[0] == "#" && words[1] == "TYPE")
            types[words[2]] = words[3].toLower();
    }
    QSet<QByteArray> families;
    Counts c;
    static const QRegularExpression name(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*"));
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        ++c.samples;
        QByteArray n = name.match(QString::fromUtf8(line)).captured().toUtf8();
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            if (!n.endsWith(suffix))
                continue;
            const QByteArray base = n.left(n.size() - int(qstrlen(suffix)));
            const auto it = types.find(base);
            if (it != types.end()
                && (it->second == "histogram"
                    || (it->second == "summary" && qstrcmp(suffix, "_bucket") != 0)))
                n = base;
        }
        families.insert(n);
    }
    c.families = int(families.size());
    return c;
}

// promtool check metrics: exit 1 with "parsing error in line N" on a syntax error, 0 or 3
// (lint findings) otherwise. Returns -1 if the body parsed, else promtool's line, or -2 if
// promtool is not installed.
int promtoolErrorLine(const QString &path)
{
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        return -2;
    QProcess p;
    p.setStandardInputFile(path);
    p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForFinished(30000))
        return -3;
    const QString err = QString::fromUtf8(p.readAllStandardError());
    static const QRegularExpression re(QStringLiteral("parsing error in line (\\d+)"));
    const QRegularExpressionMatch m = re.match(err);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QStringList validTextFiles()
{
    QStringList files = {QStringLiteral("expfmt/text")};
    const QDir corpus(kFixtures + QStringLiteral("/expfmt/fuzz_corpus"));
    for (const QString &f : corpus.entryList(QDir::Files, QDir::Name)) {
        if (!f.startsWith(QLatin1String("from_test_parse_error_")))
            files << QStringLiteral("expfmt/fuzz_corpus/") + f;
    }
    for (const QString &dir : {QStringLiteral("kubelet"), QStringLiteral("cadvisor")}) {
        for (const QString &f : QDir(kFixtures + u'/' + dir).entryList(QDir::Files, QDir::Name))
            files << dir + u'/' + f;
    }
    for (const QString &f : QDir(kFixtures + QStringLiteral("/textparse"))
                                .entryList({QStringLiteral("*.prom.txt")}, QDir::Files, QDir::Name))
        files << QStringLiteral("textparse/") + f;
    return files;
}

} // namespace

class TstPromParserConformance final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validText_data();
    void validText();
    void rejectedText_data();
    void rejectedText();
    void openMetricsSamples();
    void openMetricsSuite();
};

void TstPromParserConformance::initTestCase()
{
    if (!QFileInfo::exists(kFixtures))
        QSKIP("fixtures/real/prom is not present next to the checkout (KLARSICHT_FIXTURES_DIR)");
}

void TstPromParserConformance::validText_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &f : validTextFiles())
        QTest::newRow(f.toUtf8().constData()) << f;
}

void TstPromParserConformance::validText()
{
    QFETCH(QString, file);
    const QString path = kFixtures + u'/' + file;
    const QByteArray body = readAll(path);
    QVERIFY(!body.isEmpty());
    const int promtoolLine = promtoolErrorLine(path);
    if (promtoolLine >= 0)
        QFAIL(qPrintable(QStringLiteral("promtool rejects it in line %1").arg(promtoolLine)));
    const Counts expected = countByLines(body);
    for (std::size_t chunk : {std::size_t(0), std::size_t(4093)}) {
        const PromParseResult r = parseBody(body, PromFormat::Text004, chunk);
        QVERIFY2(r.ok, qPrintable(QStringLiteral("%1:%2 %3")
                                      .arg(r.error.line)
                                      .arg(r.error.column)
                                      .arg(QString::fromStdString(r.error.message))));
        QCOMPARE(int(r.familiesWithSamples()), expected.families);
        QCOMPARE(int(r.sampleCount()), expected.samples);
    }
    qInfo("%s: %d families, %d samples%s", qPrintable(file), expected.families, expected.samples,
          promtoolLine == -2 ? " (promtool not installed)" : ", promtool agrees it parses");
}

void TstPromParserConformance::rejectedText_data()
{
    QTest::addColumn<QString>("file");
    const QDir corpus(kFixtures + QStringLiteral("/expfmt/fuzz_corpus"));
    const QStringList errors = corpus.entryList({QStringLiteral("from_test_parse_error_*")},
                                                QDir::Files, QDir::Name);
    QVERIFY(errors.size() == 20);
    for (const QString &f : errors)
        QTest::newRow(f.toUtf8().constData()) << QStringLiteral("expfmt/fuzz_corpus/") + f;
}

void TstPromParserConformance::rejectedText()
{
    QFETCH(QString, file);
    const QString path = kFixtures + u'/' + file;
    const QByteArray body = readAll(path);
    const PromParseResult r = parseBody(body, PromFormat::Text004, 0);
    QVERIFY2(!r.ok, "accepted");
    const PromParseResult split = parseBody(body, PromFormat::Text004, 1);
    QVERIFY(!split.ok);
    QCOMPARE(split.error.line, r.error.line);
    QCOMPARE(split.error.column, r.error.column);
    const int promtoolLine = promtoolErrorLine(path);
    if (promtoolLine != -2) {
        QVERIFY2(promtoolLine >= 0, "promtool accepts it");
        QCOMPARE(int(r.error.line), promtoolLine);
    }
    qInfo("%s: %llu:%llu %s", qPrintable(file), qulonglong(r.error.line),
          qulonglong(r.error.column), r.error.message.c_str());
}

void TstPromParserConformance::openMetricsSamples()
{
    const QDir dir(kFixtures + QStringLiteral("/textparse"));
    const QStringList files = dir.entryList({QStringLiteral("*.om.txt")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files) {
        const QByteArray body = readAll(dir.filePath(f));
        const PromParseResult r = parseBody(body, PromFormat::OpenMetrics, 0);
        QVERIFY2(r.ok, qPrintable(f
                                  + QStringLiteral(": %1:%2 %3")
                                        .arg(r.error.line)
                                        .arg(r.error.column)
                                        .arg(QString::fromStdString(r.error.message))));
        qInfo("%s: %d families, %d samples", qPrintable(f), int(r.familiesWithSamples()),
              int(r.sampleCount()));
    }
}

void TstPromParserConformance::openMetricsSuite()
{
    // Cases where we deliberately disagree with the suite's expectation, and why. All three
    // are bodies the suite calls bad that real client_golang output resembles: Prometheus'
    // own testdata textparse/alltypes.5mfs.om.txt (checked in openMetricsSamples) has a
    // histogram with negative buckets and a _sum, a negative summary quantile and a negative
    // summary _sum, and Prometheus 2.42 scrapes it. Rejecting such a body would drop a whole
    // scrape that the server accepts, so we follow the real output.
    const QMap<QString, QString> disagreements = {
        {QStringLiteral("bad_histograms_3"),
         QStringLiteral("a histogram with negative buckets has _sum 0 and _count 0: we allow "
                        "_sum next to negative buckets, as client_golang writes it")},
        {QStringLiteral("bad_counter_values_17"),
         QStringLiteral("summary _sum -1: the sum of negative observations is negative")},
        {QStringLiteral("bad_counter_values_19"),
         QStringLiteral("summary quantile value -1: a quantile of negative observations is "
                        "negative")},
    };

    const QDir suite(kFixtures + QStringLiteral("/openmetrics"));
    const QStringList cases = suite.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 200);
    int agree = 0;
    QStringList unexpected;
    for (const QString &c : cases) {
        const QJsonObject spec = QJsonDocument::fromJson(
                                     readAll(suite.filePath(c + QStringLiteral("/test.json"))))
                                     .object();
        const bool shouldParse = spec.value(QStringLiteral("shouldParse")).toBool();
        const QByteArray body = readAll(suite.filePath(c + QStringLiteral("/metrics")));
        const PromParseResult r = parseBody(body, PromFormat::OpenMetrics, 0);
        const PromParseResult split = parseBody(body, PromFormat::OpenMetrics, 1);
        QCOMPARE(split.ok, r.ok);
        if (r.ok == shouldParse) {
            ++agree;
            if (disagreements.contains(c))
                unexpected << c + QStringLiteral(" now agrees; remove it from the list");
            continue;
        }
        if (!disagreements.contains(c)) {
            unexpected << c
                              + (r.ok ? QStringLiteral(": accepted")
                                      : QStringLiteral(": rejected at %1:%2 %3")
                                            .arg(r.error.line)
                                            .arg(r.error.column)
                                            .arg(QString::fromStdString(r.error.message)));
        }
    }
    qInfo("OpenMetrics suite: %d of %d cases as expected, %d documented disagreements", agree,
          int(cases.size()), int(disagreements.size()));
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

QTEST_GUILESS_MAIN(TstPromParserConformance)
#include "tst_promparser_conformance.moc"
