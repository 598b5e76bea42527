#include "democluster/simutil.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace demo::sim {

std::string formatTime(double unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(std::floor(unixSeconds));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string formatTimeNano(double unixSeconds)
{
    const double whole = std::floor(unixSeconds);
    const std::time_t t = static_cast<std::time_t>(whole);
    long nanos = std::lround((unixSeconds - whole) * 1e9);
    if (nanos > 999999999)
        nanos = 999999999;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[48];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%09ldZ", nanos);
    return buf;
}

double parseTime(const std::string &text, double fallback)
{
    int year, mon, day, hour, min;
    double sec;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf%n", &year, &mon, &day, &hour, &min, &sec,
                    &consumed)
        != 6)
        return fallback;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    double t = static_cast<double>(timegm(&tm)) + sec;
    const std::string rest = text.substr(static_cast<std::size_t>(consumed));
    if (rest == "Z" || rest == "z")
        return t;
    int oh = 0, om = 0;
    char sign = 0;
    if (std::sscanf(rest.c_str(), "%c%2d:%2d", &sign, &oh, &om) == 3
        && (sign == '+' || sign == '-'))
        return t - (sign == '+' ? 1 : -1) * (oh * 3600.0 + om * 60.0);
    return fallback;
}

double parseTime(const json &value, double fallback)
{
    return value.is_string() ? parseTime(value.get<std::string>(), fallback) : fallback;
}

double parseQuantity(const std::string &text, double fallback)
{
    if (text.empty())
        return fallback;
    std::size_t pos = 0;
    double number = 0;
    try {
        number = std::stod(text, &pos);
    } catch (...) {
        return fallback;
    }
    const std::string suffix = text.substr(pos);
    static const std::map<std::string, double> factors = {{"", 1},
                                                          {"n", 1e-9},
                                                          {"u", 1e-6},
                                                          {"m", 1e-3},
                                                          {"k", 1e3},
                                                          {"M", 1e6},
                                                          {"G", 1e9},
                                                          {"T", 1e12},
                                                          {"P", 1e15},
                                                          {"E", 1e18},
                                                          {"Ki", 1024.0},
                                                          {"Mi", 1048576.0},
                                                          {"Gi", 1073741824.0},
                                                          {"Ti", 1099511627776.0},
                                                          {"Pi", 1125899906842624.0},
                                                          {"Ei", 1152921504606846976.0}};
    const auto it = factors.find(suffix);
    if (it == factors.end())
        return fallback; // exponents are parsed by stod already
    return number * it->second;
}

double parseQuantity(const json &value, double fallback)
{
    if (value.is_number())
        return value.get<double>();
    if (value.is_string())
        return parseQuantity(value.get<std::string>(), fallback);
    return fallback;
}

std::string formatNanoCores(double cores)
{
    return std::to_string(static_cast<std::int64_t>(std::llround(std::max(0.0, cores) * 1e9)))
           + "n";
}

std::string formatKibiBytes(double bytes)
{
    return std::to_string(static_cast<std::int64_t>(std::max(0.0, bytes) / 1024.0)) + "Ki";
}

std::string formatMilliCores(double cores)
{
    return std::to_string(static_cast<std::int64_t>(std::llround(cores * 1000))) + "m";
}

std::string formatMebiBytes(double bytes)
{
    return std::to_string(static_cast<std::int64_t>(std::llround(bytes / 1048576.0))) + "Mi";
}

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hashString(const std::string &text, std::uint64_t seed)
{
    std::uint64_t h = 0xcbf29ce484222325ULL ^ mix(seed);
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

double unitFromHash(std::uint64_t h)
{
    return static_cast<double>(h >> 11) / 9007199254740992.0;
}

std::string hexId(std::uint64_t seed, int length)
{
    std::string out;
    std::uint64_t h = seed;
    while (static_cast<int>(out.size()) < length) {
        h = mix(h);
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        out += buf;
    }
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string safeEncode(std::uint64_t value, int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out;
    std::uint64_t h = value;
    for (int i = 0; i < length; ++i) {
        out += alphabet[h % 27];
        h /= 27;
        if (h == 0)
            h = mix(value + static_cast<std::uint64_t>(i));
    }
    return out;
}

const json &field(const json &object, const char *key)
{
    static const json none;
    if (!object.is_object())
        return none;
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

double podRequest(const json &pod, const char *resource, const char *kind)
{
    double total = 0;
    for (const json &c : field(field(pod, "spec"), "containers")) {
        const json &quantity = field(field(field(c, "resources"), kind), resource);
        if (!quantity.is_null())
            total += parseQuantity(quantity);
    }
    return total;
}

std::string qosClass(const json &podSpec)
{
    bool any = false;
    bool guaranteed = true;
    for (const json &c : field(podSpec, "containers")) {
        const json &res = field(c, "resources");
        const json &req = field(res, "requests");
        const json &lim = field(res, "limits");
        if (!req.empty() || !lim.empty())
            any = true;
        for (const char *r : {"cpu", "memory"}) {
            if (!lim.contains(r)) {
                guaranteed = false;
                continue;
            }
            if (req.contains(r) && parseQuantity(req[r]) != parseQuantity(lim[r]))
                guaranteed = false;
        }
    }
    if (!any)
        return "BestEffort";
    return guaranteed ? "Guaranteed" : "Burstable";
}

std::string controllerUid(const json &object)
{
    // Hot path on large clusters: look the references up in place instead of copying.
    static const json::json_pointer path("/metadata/ownerReferences");
    if (!object.contains(path) || !object.at(path).is_array())
        return {};
    for (const json &ref : object.at(path))
        if (ref.value("controller", false))
            return ref.value("uid", std::string());
    return {};
}

json ownerReference(const json &owner, bool controller)
{
    return json{{"apiVersion", owner.value("apiVersion", std::string())},
                {"kind", owner.value("kind", std::string())},
                {"name", owner["metadata"].value("name", std::string())},
                {"uid", owner["metadata"].value("uid", std::string())},
                {"controller", controller},
                {"blockOwnerDeletion", true}};
}

bool mapSelectorMatches(const json &selector, const json &labels)
{
    if (!selector.is_object())
        return true;
    for (const auto &[k, v] : selector.items()) {
        if (!labels.is_object() || !labels.contains(k) || labels[k] != v)
            return false;
    }
    return true;
}

bool selectorMatches(const json &selector, const json &labels)
{
    if (!selector.is_object())
        return true;
    if (!mapSelectorMatches(selector.value("matchLabels", json::object()), labels))
        return false;
    for (const json &e : selector.value("matchExpressions", json::array())) {
        const std::string key = e.value("key", std::string());
        const std::string op = e.value("operator", std::string());
        const bool has = labels.is_object() && labels.contains(key);
        const std::string value = has && labels[key].is_string() ? labels[key].get<std::string>()
                                                                 : "";
        bool inValues = false;
        for (const json &v : e.value("values", json::array()))
            inValues = inValues || (v.is_string() && v.get<std::string>() == value);
        if ((op == "In" && !(has && inValues)) || (op == "NotIn" && has && inValues)
            || (op == "Exists" && !has) || (op == "DoesNotExist" && has))
            return false;
    }
    return true;
}

std::string str(const json &object, const json::json_pointer &path, const std::string &fallback)
{
    if (!object.contains(path))
        return fallback;
    const json &v = object.at(path);
    return v.is_string() ? v.get<std::string>() : fallback;
}

std::int64_t integer(const json &object, const json::json_pointer &path, std::int64_t fallback)
{
    if (!object.contains(path))
        return fallback;
    const json &v = object.at(path);
    return v.is_number() ? v.get<std::int64_t>() : fallback;
}

int scaledValue(const json &value, int total, bool roundUp, int fallback)
{
    if (value.is_number_integer())
        return value.get<int>();
    if (value.is_string()) {
        const std::string s = value.get<std::string>();
        if (!s.empty() && s.back() == '%') {
            try {
                const double pct = std::stod(s.substr(0, s.size() - 1));
                const double v = pct * total / 100.0;
                return static_cast<int>(roundUp ? std::ceil(v) : std::floor(v));
            } catch (...) {
                return fallback;
            }
        }
        try {
            return std::stoi(s);
        } catch (...) {
            return fallback;
        }
    }
    return fallback;
}

bool podIsTerminating(const json &pod)
{
    static const json::json_pointer path("/metadata/deletionTimestamp");
    return pod.contains(path) && !pod.at(path).is_null();
}

bool podIsFinished(const json &pod)
{
    const std::string phase = str(pod, "/status/phase"_json_pointer);
    return phase == "Succeeded" || phase == "Failed";
}

static const json *readyCondition(const json &pod)
{
    static const json::json_pointer path("/status/conditions");
    if (!pod.contains(path) || !pod.at(path).is_array())
        return nullptr;
    for (const json &c : pod.at(path))
        if (c.value("type", std::string()) == "Ready")
            return &c;
    return nullptr;
}

bool podIsReady(const json &pod)
{
    const json *c = readyCondition(pod);
    return c && c->value("status", std::string()) == "True";
}

double podReadySince(const json &pod)
{
    const json *c = readyCondition(pod);
    if (!c || c->value("status", std::string()) != "True")
        return 0;
    return parseTime(c->value("lastTransitionTime", json()), 0);
}

} // namespace demo::sim
