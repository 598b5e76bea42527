#pragma once

// A standard five-field cron schedule (minute hour day-of-month month day-of-week) with lists,
// ranges, steps, month/day names and the @hourly/@daily/... macros, evaluated in UTC.
#include <bitset>
#include <optional>
#include <string>

namespace demo {

class CronSchedule final
{
public:
    // nullopt (with `error` set) for an invalid expression.
    static std::optional<CronSchedule> parse(const std::string &expression,
                                             std::string *error = nullptr);
    // The first scheduled minute strictly after `after` (unix seconds); 0 if none within 5 years.
    double next(double after) const;

private:
    std::bitset<60> minutes_;
    std::bitset<24> hours_;
    std::bitset<32> days_;
    std::bitset<13> months_;
    std::bitset<7> weekdays_;
    bool anyDay_ = true;
    bool anyWeekday_ = true;
};

} // namespace demo
