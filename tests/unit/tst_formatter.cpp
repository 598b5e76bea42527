// Formatting in both languages: numbers follow the QLocale passed in, words and patterns the
// installed translation (German from the real klarsicht_de.ts, compiled for this test).
#include "models/insights/formatter.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtTest>

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestFormatter final : public QObject
{
    Q_OBJECT
private:
    QTranslator m_german;

    void useLanguage(const QString &language)
    {
        QCoreApplication::removeTranslator(&m_german);
        if (language == QLatin1String("de"))
            QVERIFY(QCoreApplication::installTranslator(&m_german));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_german.load(QStringLiteral(":/i18n/klarsicht_de.qm")),
                 "the German translation is compiled into this test");
    }

    void formats_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("input");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *lang, const char *kind, double input, const char *expected) {
            QTest::addRow("%s %s %.8g", lang, kind, input)
                << u8(lang) << u8(kind) << input << u8(expected);
        };
        const double KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024, PiB = GiB * 1024 * 1024;
        row("en", "cpu", 250, "250m");
        row("en", "cpu", 0, "0m");
        row("en", "cpu", 0.4, "0.4m");
        row("en", "cpu", 999.4, "999m");
        row("en", "cpu", 999.9999, "1 core");
        row("en", "cpu", 1000, "1 core");
        row("en", "cpu", 1250, "1.25 cores");
        row("en", "cpu", 12345, "12.3 cores");
        row("en", "cpu", 150000, "150 cores");
        row("en", "cpu", std::nan(""), "–");
        row("de", "cpu", 250, "250m");
        row("de", "cpu", 0.4, "0,4m");
        row("de", "cpu", 1000, "1 Kern");
        row("de", "cpu", 1250, "1,25 Kerne");
        row("de", "cpu", 2000, "2 Kerne");
        row("en", "bytes", 512, "512 B");
        row("en", "bytes", 1536, "1.5 KiB");
        row("en", "bytes", 12.34 * MiB, "12.3 MiB");
        row("en", "bytes", 512 * MiB, "512 MiB");
        row("en", "bytes", 1023.9 * MiB, "1 GiB");
        row("en", "bytes", 1.5 * GiB, "1.5 GiB");
        row("en", "bytes", 1.257 * GiB, "1.26 GiB");
        row("en", "bytes", 2048 * PiB, "2,048 PiB");
        row("en", "bytes", std::nan(""), "–");
        row("de", "bytes", 1.5 * GiB, "1,5 GiB");
        row("de", "bytes", 2048 * PiB, "2.048 PiB");
        row("en", "percent", 83.4, "83%");
        row("en", "percent", 2.54, "2.5%");
        row("en", "percent", 0, "0%");
        row("en", "percent", 100, "100%");
        row("de", "percent", 83.4, "83\u202f%");
        row("de", "percent", 2.54, "2,5\u202f%");
        row("en", "duration", 3 * 86400 + 4 * 3600 + 59, "3d 4h");
        row("en", "duration", 3 * 86400 + 59, "3d");
        row("en", "duration", 4 * 3600 + 5 * 60, "4h 5m");
        row("en", "duration", 5 * 60 + 3, "5m 3s");
        row("en", "duration", 42, "42s");
        row("en", "duration", -5, "0s");
        row("de", "duration", 3 * 86400 + 4 * 3600, "3 T 4 Std");
        row("de", "duration", 4 * 3600 + 5 * 60, "4 Std 5 Min");
        row("de", "duration", 5 * 60 + 3, "5 Min 3 s");
        row("de", "duration", 42, "42 s");
        row("en", "age", 300, "5m ago");
        row("en", "age", 90000, "1d ago");
        row("en", "age", 0, "just now");
        row("de", "age", 300, "vor 5 Min");
        row("de", "age", 7300, "vor 2 Std");
        row("de", "age", 0, "gerade eben");
        row("en", "utilisation", 83.4, "83% of limit");
        row("de", "utilisation", 83.4, "83\u202f% des Limits");
    }
    void formats()
    {
        QFETCH(QString, language);
        QFETCH(QString, kind);
        QFETCH(double, input);
        QFETCH(QString, expected);
        useLanguage(language);
        const QLocale locale(language == QLatin1String("de") ? QLocale::German : QLocale::English,
                             language == QLatin1String("de") ? QLocale::Germany
                                                             : QLocale::UnitedStates);
        QString actual;
        if (kind == QLatin1String("cpu"))
            actual = Formatter::cpu(input, locale);
        else if (kind == QLatin1String("bytes"))
            actual = Formatter::bytes(input, locale);
        else if (kind == QLatin1String("percent"))
            actual = Formatter::percent(input, locale);
        else if (kind == QLatin1String("duration"))
            actual = Formatter::duration(qint64(input), locale);
        else if (kind == QLatin1String("age"))
            actual = Formatter::age(qint64(input), locale);
        else
            actual = Formatter::utilisation(Utilisation::ofLimit(input, 100.0, std::nullopt),
                                            locale);
        QCOMPARE(actual, expected);
        useLanguage(QStringLiteral("en"));
    }

    void dates()
    {
        const QDateTime when(QDate(2026, 11, 26), QTime(14, 3, 59), QTimeZone::utc());
        QCOMPARE(Formatter::dateTime(when, QLocale(QLocale::English, QLocale::UnitedStates)),
                 QStringLiteral("2026-11-26 14:03"));
        useLanguage(QStringLiteral("de"));
        QCOMPARE(Formatter::dateTime(when, QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("26.11.2026 14:03"));
        useLanguage(QStringLiteral("en"));
        QCOMPARE(Formatter::dateTime(QDateTime(), QLocale::c()), Formatter::missing());
    }

    void metricsPickTheirUnit()
    {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(Formatter::value(Metric::Cpu, 250, en), QStringLiteral("250m"));
        QCOMPARE(Formatter::value(Metric::Rss, 1536, en), QStringLiteral("1.5 KiB"));
        QCOMPARE(Formatter::utilisation(Utilisation{}, en), Formatter::missing());
        QCOMPARE(Formatter::utilisation(Utilisation::ofLimit(250, std::nullopt, 4000.0), en),
                 QStringLiteral("6.3% of node allocatable"));
    }
};

QTEST_GUILESS_MAIN(TestFormatter)
#include "tst_formatter.moc"
