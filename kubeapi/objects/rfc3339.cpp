#include "kubeapi/objects/rfc3339.h"

#include <QDate>
#include <QString>

#include <cmath>
#include <string>

namespace kube {
namespace {

constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01

bool digitsAt(std::string_view s, size_t pos, size_t n, int *out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

} // namespace

Timestamp parseRfc3339(std::string_view s)
{
    // 2006-01-02T15:04:05[.frac](Z|+07:00)
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (s.size() < 20 || !digitsAt(s, 0, 4, &year) || s[4] != '-' || !digitsAt(s, 5, 2, &month)
        || s[7] != '-' || !digitsAt(s, 8, 2, &day) || (s[10] != 'T' && s[10] != 't')
        || !digitsAt(s, 11, 2, &hour) || s[13] != ':' || !digitsAt(s, 14, 2, &minute)
        || s[16] != ':' || !digitsAt(s, 17, 2, &second))
        return {};
    if (hour > 23 || minute > 59 || second > 59)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const size_t start = pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            millis += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return {};
    }
    if (pos >= s.size())
        return {};
    int offsetSeconds = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh = 0, om = 0;
        if (!digitsAt(s, pos + 1, 2, &oh) || pos + 3 >= s.size() || s[pos + 3] != ':'
            || !digitsAt(s, pos + 4, 2, &om) || oh > 23 || om > 59)
            return {};
        offsetSeconds = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return {};
    }
    if (pos != s.size())
        return {};
    const qint64 days = date.toJulianDay() - kJulianDayOfEpoch;
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return Timestamp::fromMSecs(secs * 1000 + millis);
}

Timestamp parseRfc3339(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    return parseRfc3339(std::string_view(utf8.constData(), size_t(utf8.size())));
}

qint64 parseGoDurationMs(std::string_view s)
{
    if (s.empty())
        return -1;
    bool negative = false;
    size_t pos = 0;
    if (s[0] == '-' || s[0] == '+') {
        negative = s[0] == '-';
        ++pos;
    }
    if (s.substr(pos) == "0")
        return 0;
    if (pos >= s.size())
        return -1;
    double totalMs = 0;
    while (pos < s.size()) {
        const size_t start = pos;
        while (pos < s.size() && ((s[pos] >= '0' && s[pos] <= '9') || s[pos] == '.'))
            ++pos;
        if (pos == start)
            return -1;
        const std::string number(s.substr(start, pos - start));
        if (number == "." || number.find('.') != number.rfind('.'))
            return -1;
        const double value = std::stod(number.front() == '.' ? "0" + number : number);
        const size_t unitStart = pos;
        while (pos < s.size() && !((s[pos] >= '0' && s[pos] <= '9') || s[pos] == '.'))
            ++pos;
        const std::string_view unit = s.substr(unitStart, pos - unitStart);
        double factor = 0;
        if (unit == "ns")
            factor = 1e-6;
        else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
            factor = 1e-3;
        else if (unit == "ms")
            factor = 1;
        else if (unit == "s")
            factor = 1000;
        else if (unit == "m")
            factor = 60000;
        else if (unit == "h")
            factor = 3600000;
        else
            return -1;
        totalMs += value * factor;
    }
    const qint64 ms = qint64(std::floor(totalMs + 1e-9));
    return negative ? -ms : ms;
}

} // namespace kube
