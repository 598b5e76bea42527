// Quantity canonical forms against kubectl's own apimachinery code: `kubectl set resources
// --local` parses each value with ParseQuantity and prints Quantity.String(). One kubectl call
// checks a few hundred generated and hand-picked quantities.
#include "../skip_or_fail.h"
#include "kubeapi/objects/quantity.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using kube::Quantity;

// apimachinery's ParseQuantity keeps the input text when its fast path finds the decimal
// spelling already "canonical enough" (scale a multiple of 3, no trailing 000, no leading 0),
// and String() then echoes it: "349.491u" stays "349.491u" where the canonical form is
// "349491n". True when Go would echo `input` (decimal suffixes and exponents only).
static bool goEchoesInput(const QString &input)
{
    static const QRegularExpression re(
        QStringLiteral("^[+-]?(0*)([0-9]*)(?:\\.([0-9]*))?(n|u|m|k|M|G|T|P|E|[eE][-+]?[0-9]+|)$"));
    const auto m = re.match(input);
    if (!m.hasMatch())
        return false;
    QString num = m.captured(2);
    if (num.isEmpty())
        num = QStringLiteral("0");
    const QString denom = m.captured(3);
    const QString suffix = m.captured(4);
    static const QHash<QString, int> exponents = {{QString(), 0},
                                                  {QStringLiteral("n"), -9},
                                                  {QStringLiteral("u"), -6},
                                                  {QStringLiteral("m"), -3},
                                                  {QStringLiteral("k"), 3},
                                                  {QStringLiteral("M"), 6},
                                                  {QStringLiteral("G"), 9},
                                                  {QStringLiteral("T"), 12},
                                                  {QStringLiteral("P"), 15},
                                                  {QStringLiteral("E"), 18}};
    const int exponent = exponents.contains(suffix) ? exponents.value(suffix)
                                                    : suffix.mid(1).toInt();
    if (18 - (num.size() + denom.size()) < 0)
        return false;
    const int scale = exponent - int(denom.size());
    if (scale < -9)
        return false;
    const QString shifted = num + denom;
    return scale % 3 == 0 && !shifted.endsWith(QStringLiteral("000")) && shifted[0] != u'0';
}

class TestQuantityKubectl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void canonicalFormsAgree();
    void rejectionsAgree_data();
    void rejectionsAgree();

private:
    // Runs kubectl on `limits` (name=value,...); returns the printed limits or sets *failed.
    QJsonObject kubectlLimits(const QString &limits, bool *failed);
    QString m_kubectl;
    QTemporaryDir m_dir;
};

void TestQuantityKubectl::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (m_kubectl.isEmpty())
        SKIP_OR_FAIL(
            "kubectl is not installed; it is the referee of this test (Debian: kubernetes-client)");
    QFile pod(m_dir.filePath(QStringLiteral("pod.json")));
    QVERIFY(pod.open(QIODevice::WriteOnly));
    pod.write(
        R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"q"},"spec":{"containers":[{"name":"c","image":"i"}]}})");
}

QJsonObject TestQuantityKubectl::kubectlLimits(const QString &limits, bool *failed)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("KUBECONFIG"), m_dir.filePath(QStringLiteral("none")));
    p.setProcessEnvironment(env);
    p.start(m_kubectl,
            {QStringLiteral("set"), QStringLiteral("resources"), QStringLiteral("--local"),
             QStringLiteral("-f"), m_dir.filePath(QStringLiteral("pod.json")),
             QStringLiteral("--limits=") + limits, QStringLiteral("-o"), QStringLiteral("json")});
    p.waitForFinished(60000);
    *failed = p.exitCode() != 0;
    const QJsonObject pod = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    return pod[u"spec"][u"containers"][0][u"resources"][u"limits"].toObject();
}

void TestQuantityKubectl::canonicalFormsAgree()
{
    // Spellings Go echoes verbatim from its cache ("+1", "01", "5.", "1E3", "1e+3") are left
    // out: String() returns the input for them, not the canonical form we print.
    QStringList inputs = {QStringLiteral("1.5"),
                          QStringLiteral("1.5Gi"),
                          QStringLiteral("1024Mi"),
                          QStringLiteral("1000M"),
                          QStringLiteral("1.08"),
                          QStringLiteral(".001Ki"),
                          QStringLiteral("1e3"),
                          QStringLiteral("3k"),
                          QStringLiteral("1025"),
                          QStringLiteral("0"),
                          QStringLiteral("100m"),
                          QStringLiteral("0.5"),
                          QStringLiteral("250345000n"),
                          QStringLiteral("1918288Ki"),
                          QStringLiteral("8Ei"),
                          QStringLiteral("1.5Ki"),
                          QStringLiteral("0.5Ki"),
                          QStringLiteral("12e-1"),
                          QStringLiteral("1e100"),
                          QStringLiteral("1e-100"),
                          QStringLiteral(".000000000001Ki"),
                          QStringLiteral("1.0000000001"),
                          QStringLiteral("0.1m"),
                          QStringLiteral("129e6"),
                          QStringLiteral("1500u"),
                          QStringLiteral("7Ei"),
                          QStringLiteral("1023Ki"),
                          QStringLiteral("100e3"),
                          QStringLiteral("1000k"),
                          QStringLiteral("0.000001Gi")};
    // Generated: random mantissas with and without fractions, every suffix.
    const char *suffixes[] = {"",  "n",  "u",  "m",  "k",  "M",  "G",  "T",   "P",
                              "E", "Ki", "Mi", "Gi", "Ti", "Pi", "e2", "e-3", "e6"};
    QRandomGenerator rng(20251126);
    for (int i = 0; i < 300; ++i) {
        QString number = QString::number(rng.bounded(1, 999999));
        if (rng.bounded(3) == 0) {
            const int point = int(rng.bounded(number.size()));
            number.insert(point, u'.');
            if (number.startsWith(u'.') && rng.bounded(2))
                number.prepend(u'0');
        }
        inputs.append(number + QLatin1String(suffixes[rng.bounded(int(std::size(suffixes)))]));
    }
    QStringList limits;
    for (int i = 0; i < inputs.size(); ++i)
        limits.append(QStringLiteral("example.com/q%1=%2").arg(i).arg(inputs[i]));
    bool failed = false;
    const QJsonObject theirs = kubectlLimits(limits.join(u','), &failed);
    QVERIFY(!failed);
    QCOMPARE(theirs.size(), inputs.size());
    int compared = 0;
    int beyondRange = 0;
    for (int i = 0; i < inputs.size(); ++i) {
        const QString expected = theirs[QStringLiteral("example.com/q%1").arg(i)].toString();
        QString error;
        const auto q = Quantity::parse(inputs[i], &error);
        if (!q) {
            // Known limit: exact amounts needing more than 18 significant digits (fractional
            // binary values such as 0.605288Pi) are rejected rather than rounded.
            QString digits = expected;
            digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
            QVERIFY2(digits.size() > 18, qPrintable(inputs[i] + QStringLiteral(": ") + error));
            ++beyondRange;
            continue;
        }
        if (goEchoesInput(inputs[i])) {
            // kubectl printed the input back; the amounts must still agree exactly.
            QCOMPARE(expected, inputs[i]);
            QCOMPARE(Quantity::parse(expected)->compare(*q), 0);
            continue;
        }
        QVERIFY2(q->toString() == expected,
                 qPrintable(QStringLiteral("%1: kubectl %2, klarsicht %3")
                                .arg(inputs[i], expected, q->toString())));
        ++compared;
    }
    qInfo("%d canonical forms compared with kubectl; %d amounts beyond 18 digits rejected",
          compared, beyondRange);
    QVERIFY(compared > 100);
}

void TestQuantityKubectl::rejectionsAgree_data()
{
    QTest::addColumn<QString>("input");
    for (const char *bad : {"1.1.M", "0.1mi", "1i", "1Mb", "1e", "abc", "1K"})
        QTest::newRow(bad) << QString::fromLatin1(bad);
}

void TestQuantityKubectl::rejectionsAgree()
{
    QFETCH(QString, input);
    bool failed = false;
    kubectlLimits(QStringLiteral("example.com/x=") + input, &failed);
    QVERIFY2(failed, "kubectl accepted it");
    QVERIFY(!Quantity::parse(input).has_value());
}

QTEST_GUILESS_MAIN(TestQuantityKubectl)
#include "tst_quantity_kubectl.moc"
