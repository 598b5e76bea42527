#include "models/insights/formatter.h"

#include <QCoreApplication>

#include <cmath>

namespace {

// Patterns and words follow the UI language; numbers follow the QLocale passed in.
struct FormatterTr
{
    Q_DECLARE_TR_FUNCTIONS(Formatter)
};

// Fixed decimals, then trailing zeros (and a trailing decimal point) removed, in the locale's
// digits: 1.50 → "1.5", 2.00 → "2".
QString trimmed(double value, int decimals, const QLocale &locale)
{
    QString text = locale.toString(value, 'f', decimals);
    if (decimals <= 0)
        return text;
    const QString point = locale.decimalPoint();
    if (!text.contains(point))
        return text;
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(point))
        text.chop(point.size());
    return text;
}

// Three significant digits at most: two decimals below 10, one below 100, none above.
int decimalsFor(double magnitude)
{
    return magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
}

} // namespace

QString Formatter::missing()
{
    return QStringLiteral("–");
}

QString Formatter::cpu(double millicores, const QLocale &locale)
{
    if (!std::isfinite(millicores))
        return missing();
    const double cores = millicores / 1000.0;
    // 999.5m and more would round to "1,000m": that is a core.
    if (std::abs(millicores) >= 999.5) {
        // Rounded first, so 999.9999 m and exactly 1 core both say "1 core".
        const QString number = trimmed(cores, decimalsFor(std::abs(cores)), locale);
        if (number == locale.toString(1) || number == locale.toString(-1))
            return FormatterTr::tr("%1 core").arg(number);
        return FormatterTr::tr("%1 cores").arg(number);
    }
    // Kubernetes' millicore notation needs no translation.
    return trimmed(millicores, std::abs(millicores) < 10 ? 1 : 0, locale) + u'm';
}

QString Formatter::bytes(double bytes, const QLocale &locale)
{
    if (!std::isfinite(bytes))
        return missing();
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = 0;
    // Switch to the next unit before rounding could show "1,024 KiB".
    while (unit < 5 && std::abs(value) >= 1023.5) {
        value /= 1024.0;
        ++unit;
    }
    const int decimals = unit == 0 ? 0 : decimalsFor(std::abs(value));
    return trimmed(value, decimals, locale) + u' ' + QLatin1String(units[unit]);
}

QString Formatter::value(Metric metric, double v, const QLocale &locale)
{
    return metric == Metric::Cpu ? cpu(v, locale) : bytes(v, locale);
}

QString Formatter::percent(double percent, const QLocale &locale)
{
    if (!std::isfinite(percent))
        return missing();
    const QString number = trimmed(percent, std::abs(percent) < 10 ? 1 : 0, locale);
    return FormatterTr::tr("%1%", "a percentage; German puts a narrow no-break space before %")
        .arg(number);
}

QString Formatter::utilisation(const Utilisation &u, const QLocale &locale)
{
    if (!u.isValid())
        return missing();
    return percent(u.percent, locale) + u' ' + Utilisation::denominatorName(u.kind);
}

QString Formatter::duration(qint64 seconds, const QLocale &locale)
{
    const qint64 s = std::max<qint64>(0, seconds);
    const qint64 days = s / 86400;
    const qint64 hours = s % 86400 / 3600;
    const qint64 minutes = s % 3600 / 60;
    const qint64 secs = s % 60;
    const QString d = locale.toString(days);
    const QString h = locale.toString(hours);
    const QString m = locale.toString(minutes);
    if (days > 0) {
        return hours > 0 ? FormatterTr::tr("%1d %2h", "days and hours").arg(d, h)
                         : FormatterTr::tr("%1d", "days").arg(d);
    }
    if (hours > 0) {
        return minutes > 0 ? FormatterTr::tr("%1h %2m", "hours and minutes").arg(h, m)
                           : FormatterTr::tr("%1h", "hours").arg(h);
    }
    if (minutes > 0) {
        return secs > 0
                   ? FormatterTr::tr("%1m %2s", "minutes and seconds").arg(m, locale.toString(secs))
                   : FormatterTr::tr("%1m", "minutes").arg(m);
    }
    return FormatterTr::tr("%1s", "seconds").arg(locale.toString(secs));
}

QString Formatter::age(qint64 seconds, const QLocale &locale)
{
    if (seconds < 1)
        return FormatterTr::tr("just now");
    QString largest;
    if (seconds >= 86400)
        largest = FormatterTr::tr("%1d", "days").arg(locale.toString(seconds / 86400));
    else if (seconds >= 3600)
        largest = FormatterTr::tr("%1h", "hours").arg(locale.toString(seconds / 3600));
    else if (seconds >= 60)
        largest = FormatterTr::tr("%1m", "minutes").arg(locale.toString(seconds / 60));
    else
        largest = FormatterTr::tr("%1s", "seconds").arg(locale.toString(seconds));
    return FormatterTr::tr("%1 ago", "an age such as 5m").arg(largest);
}

QString Formatter::dateTime(const QDateTime &dateTime, const QLocale &locale)
{
    if (!dateTime.isValid())
        return missing();
    return locale.toString(
        dateTime,
        FormatterTr::tr("yyyy-MM-dd HH:mm", "date and time pattern of QDateTime::toString"));
}
