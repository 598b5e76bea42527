#include "democluster/quantity.h"

#include <cctype>
#include <cmath>
#include <limits>

namespace demo {

namespace {

__extension__ typedef __int128 Wide; // exact products of a 24-digit mantissa and 2^60

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

Wide power(Wide base, int exponent)
{
    Wide out = 1;
    for (int i = 0; i < exponent; ++i)
        out *= base;
    return out;
}

std::int64_t saturate(Wide v)
{
    if (v > kMax)
        return kMax;
    if (v < -kMax)
        return -kMax;
    return static_cast<std::int64_t>(v);
}

} // namespace

Quantity Quantity::fromMilli(std::int64_t milli, Format format)
{
    Quantity q;
    q.milli_ = milli;
    q.format_ = format;
    return q;
}

std::optional<Quantity> Quantity::parse(const std::string &text)
{
    // ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$ as apimachinery splits it.
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        negative = text[i++] == '-';
    Wide mantissa = 0;
    int fractionDigits = 0, digits = 0;
    bool point = false;
    for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.');
         ++i) {
        if (text[i] == '.') {
            if (point)
                return std::nullopt;
            point = true;
            continue;
        }
        // Digits beyond what an int64 of thousandths holds carry no value a cluster uses.
        if (++digits > 24)
            return std::nullopt;
        mantissa = mantissa * 10 + (text[i] - '0');
        if (point)
            ++fractionDigits;
    }
    if (digits == 0)
        return std::nullopt;
    const std::string suffix = text.substr(i);
    Format format = Format::DecimalSI;
    int decimalExponent = 0, binaryExponent = 0;
    static const std::map<std::string, int> decimal = {{"n", -9}, {"u", -6}, {"m", -3}, {"", 0},
                                                       {"k", 3},  {"M", 6},  {"G", 9},  {"T", 12},
                                                       {"P", 15}, {"E", 18}};
    static const std::map<std::string, int> binary = {{"Ki", 10}, {"Mi", 20}, {"Gi", 30},
                                                      {"Ti", 40}, {"Pi", 50}, {"Ei", 60}};
    if (const auto d = decimal.find(suffix); d != decimal.end()) {
        decimalExponent = d->second;
    } else if (const auto b = binary.find(suffix); b != binary.end()) {
        format = Format::BinarySI;
        binaryExponent = b->second;
    } else if (suffix.size() >= 2 && (suffix[0] == 'e' || suffix[0] == 'E')) {
        format = Format::DecimalExponent;
        std::size_t used = 0;
        try {
            decimalExponent = std::stoi(suffix.substr(1), &used);
        } catch (const std::exception &) {
            return std::nullopt;
        }
        if (used != suffix.size() - 1 || decimalExponent < -18 || decimalExponent > 18)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    // value in thousandths = mantissa * 10^(exp + 3 - fraction) * 2^binary, rounded up.
    const int scale = decimalExponent + 3 - fractionDigits;
    const long double approx = static_cast<long double>(mantissa) * std::pow(2.0L, binaryExponent)
                               * std::pow(10.0L, scale);
    if (approx > static_cast<long double>(kMax))
        return fromMilli(negative ? -kMax : kMax, format);
    Wide numerator = mantissa * (Wide(1) << binaryExponent);
    Wide denominator = 1;
    if (scale >= 0)
        numerator *= power(10, scale);
    else if (scale >= -36)
        denominator = power(10, -scale);
    else
        denominator = numerator > 0 ? numerator : 1; // far below a thousandth: rounds up to one
    Wide milli = numerator / denominator + (numerator % denominator != 0 ? 1 : 0);
    Quantity q;
    q.milli_ = saturate(negative ? -milli : milli);
    q.format_ = format;
    return q;
}

std::optional<Quantity> Quantity::parse(const nlohmann::json &value)
{
    if (value.is_string())
        return parse(value.get<std::string>());
    if (value.is_number_integer())
        return fromMilli(saturate(Wide(value.get<std::int64_t>()) * 1000));
    if (value.is_number())
        return parse(value.dump());
    return std::nullopt;
}

void Quantity::add(const Quantity &other)
{
    if (milli_ == 0)
        format_ = other.format_;
    milli_ = saturate(Wide(milli_) + other.milli_);
}

int Quantity::compare(const Quantity &other) const
{
    return milli_ < other.milli_ ? -1 : (milli_ > other.milli_ ? 1 : 0);
}

std::string Quantity::str() const
{
    if (milli_ == 0)
        return "0";
    const bool negative = milli_ < 0;
    const std::int64_t magnitude = negative ? -milli_ : milli_;
    const std::string sign = negative ? "-" : "";
    Format format = format_;
    // BinarySI only for whole numbers of at least 1024, as CanonicalizeBytes decides.
    if (format == Format::BinarySI && (magnitude < 1024000 || magnitude % 1000 != 0))
        format = Format::DecimalSI;
    if (format == Format::BinarySI) {
        std::int64_t value = magnitude / 1000;
        int exponent = 0;
        while (value % 1024 == 0 && exponent < 6) {
            value /= 1024;
            ++exponent;
        }
        static const char *const suffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        return sign + std::to_string(value) + suffixes[exponent];
    }
    // All factors of ten removed, then the exponent rounded down to a multiple of three.
    std::int64_t value = magnitude;
    int exponent = -3;
    while (value % 10 == 0) {
        value /= 10;
        ++exponent;
    }
    const int rest = ((exponent % 3) + 3) % 3;
    for (int i = 0; i < rest; ++i)
        value *= 10;
    exponent -= rest;
    if (format == Format::DecimalExponent)
        return sign + std::to_string(value) + (exponent == 0 ? "" : "e" + std::to_string(exponent));
    static const std::map<int, const char *> suffixes = {
        {-3, "m"}, {0, ""}, {3, "k"}, {6, "M"}, {9, "G"}, {12, "T"}, {15, "P"}, {18, "E"}};
    return sign + std::to_string(value) + suffixes.at(exponent);
}

} // namespace demo
