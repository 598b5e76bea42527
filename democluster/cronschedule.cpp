#include "democluster/cronschedule.h"

#include <cctype>
#include <cmath>
#include <ctime>
#include <sstream>
#include <vector>

namespace demo {

namespace {

int nameValue(const std::string &token, bool months)
{
    static const char *monthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    static const char *dayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    std::string upper;
    for (char c : token)
        upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (months) {
        for (int i = 0; i < 12; ++i)
            if (upper == monthNames[i])
                return i + 1;
    } else {
        for (int i = 0; i < 7; ++i)
            if (upper == dayNames[i])
                return i;
    }
    if (upper.empty() || upper.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    return std::stoi(upper);
}

// Sets the bits of one field; false on a syntax or range error.
template<std::size_t N>
bool parseField(const std::string &field, int low, int high, bool months, bool weekdays,
                std::bitset<N> &bits, bool &any)
{
    any = field == "*" || field == "?";
    std::stringstream parts(field);
    std::string part;
    while (std::getline(parts, part, ',')) {
        int step = 1;
        if (const auto slash = part.find('/'); slash != std::string::npos) {
            const std::string s = part.substr(slash + 1);
            if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
                return false;
            step = std::stoi(s);
            if (step <= 0)
                return false;
            part = part.substr(0, slash);
        }
        int from = low, to = high;
        if (part != "*" && part != "?") {
            const auto dash = part.find('-');
            from = nameValue(part.substr(0, dash), months);
            to = dash == std::string::npos ? (step > 1 ? high : from)
                                           : nameValue(part.substr(dash + 1), months);
            if (weekdays && to == 7)
                to = 6 + 1; // 7 is Sunday too
            if (from < low || to > high + (weekdays ? 1 : 0) || from > to)
                return false;
        }
        for (int v = from; v <= to; v += step)
            bits.set(static_cast<std::size_t>(weekdays ? v % 7 : v));
    }
    return true;
}

} // namespace

std::optional<CronSchedule> CronSchedule::parse(const std::string &expression, std::string *error)
{
    static const std::pair<const char *, const char *> macros[] = {
        {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
        {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
        {"@hourly", "0 * * * *"}};
    std::string text = expression;
    for (const auto &[name, value] : macros)
        if (text == name)
            text = value;
    std::vector<std::string> fields;
    std::stringstream in(text);
    std::string f;
    while (in >> f)
        fields.push_back(f);
    if (fields.size() != 5) {
        if (error)
            *error = "expected exactly 5 fields, found " + std::to_string(fields.size()) + ": "
                     + expression;
        return std::nullopt;
    }
    CronSchedule s;
    bool anyMinute = false, anyHour = false, anyMonth = false;
    try {
        if (parseField(fields[0], 0, 59, false, false, s.minutes_, anyMinute)
            && parseField(fields[1], 0, 23, false, false, s.hours_, anyHour)
            && parseField(fields[2], 1, 31, false, false, s.days_, s.anyDay_)
            && parseField(fields[3], 1, 12, true, false, s.months_, anyMonth)
            && parseField(fields[4], 0, 6, false, true, s.weekdays_, s.anyWeekday_))
            return s;
    } catch (...) {
    }
    if (error)
        *error = "invalid cron expression: " + expression;
    return std::nullopt;
}

double CronSchedule::next(double after) const
{
    std::time_t t = static_cast<std::time_t>(std::floor(after / 60.0)) * 60 + 60;
    const std::time_t limit = t + 5L * 366 * 86400;
    while (t < limit) {
        std::tm tm{};
        gmtime_r(&t, &tm);
        if (!months_.test(static_cast<std::size_t>(tm.tm_mon + 1))) {
            tm.tm_mon += 1;
            tm.tm_mday = 1;
            tm.tm_hour = 0;
            tm.tm_min = 0;
            t = timegm(&tm);
            continue;
        }
        const bool dom = days_.test(static_cast<std::size_t>(tm.tm_mday));
        const bool dow = weekdays_.test(static_cast<std::size_t>(tm.tm_wday));
        // Standard cron: with both day fields restricted, either may match.
        const bool dayOk = (anyDay_ || anyWeekday_) ? (dom && dow) : (dom || dow);
        if (!dayOk) {
            t = t - tm.tm_hour * 3600 - tm.tm_min * 60 + 86400;
            continue;
        }
        if (!hours_.test(static_cast<std::size_t>(tm.tm_hour))) {
            t = t - tm.tm_min * 60 + 3600;
            continue;
        }
        if (minutes_.test(static_cast<std::size_t>(tm.tm_min)))
            return static_cast<double>(t);
        t += 60;
    }
    return 0;
}

} // namespace demo
