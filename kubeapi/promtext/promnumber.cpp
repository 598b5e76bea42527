#include "kubeapi/promtext/promnumber.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace kube {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool equalsIgnoreCase(std::string_view text, std::string_view lowerWord)
{
    if (text.size() != lowerWord.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lowerWord[i])
            return false;
    }
    return true;
}

// from_chars reports both overflow and underflow as out of range; Go's ParseFloat rejects the
// first and rounds the second to zero. Decide which one it was from the decimal magnitude.
bool isUnderflow(std::string_view digits)
{
    std::size_t i = 0;
    std::int64_t intDigits = 0;
    std::int64_t fractionZeros = 0;
    bool seenNonZero = false;
    for (; i < digits.size() && isDigit(digits[i]); ++i) {
        if (digits[i] != '0')
            seenNonZero = true;
        if (seenNonZero)
            ++intDigits;
    }
    if (i < digits.size() && digits[i] == '.') {
        for (++i; i < digits.size() && isDigit(digits[i]); ++i) {
            if (!seenNonZero && digits[i] == '0')
                ++fractionZeros;
            else
                seenNonZero = true;
        }
    }
    std::int64_t exponent = 0;
    if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < digits.size() && (digits[i] == '+' || digits[i] == '-'))
            negative = digits[i++] == '-';
        for (; i < digits.size(); ++i) {
            if (exponent < 100000000)
                exponent = exponent * 10 + (digits[i] - '0');
        }
        if (negative)
            exponent = -exponent;
    }
    const std::int64_t magnitude = intDigits > 0 ? exponent + intDigits : exponent - fractionZeros;
    return magnitude < 0;
}

} // namespace

bool PromNumber::parseFloat(std::string_view text, double &out)
{
    if (text.empty())
        return false;
    // Fast path: short plain integers (most counters, byte counts) are exact in a double.
    if (text.size() <= 15) {
        std::uint64_t v = 0;
        std::size_t i = 0;
        for (; i < text.size(); ++i) {
            const unsigned d = unsigned(text[i]) - '0';
            if (d > 9)
                break;
            v = v * 10 + d;
        }
        if (i == text.size()) {
            out = double(v);
            return true;
        }
    }
    std::size_t pos = 0;
    bool negative = false;
    if (text[0] == '+' || text[0] == '-') {
        negative = text[0] == '-';
        pos = 1;
    }
    const std::string_view body = text.substr(pos);
    if (body.empty())
        return false;
    if (!isDigit(body[0]) && body[0] != '.') {
        if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity")) {
            out = negative ? -std::numeric_limits<double>::infinity()
                           : std::numeric_limits<double>::infinity();
            return true;
        }
        if (pos == 0 && equalsIgnoreCase(body, "nan")) {
            out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        return false;
    }
    // Validate the decimal syntax ourselves: from_chars would also take "nan(...)" and stop
    // early at junk, and the wrapper's ban on '_' and 'p' must hold.
    std::size_t i = 0;
    std::size_t mantissaDigits = 0;
    while (i < body.size() && isDigit(body[i])) {
        ++i;
        ++mantissaDigits;
    }
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && isDigit(body[i])) {
            ++i;
            ++mantissaDigits;
        }
    }
    if (mantissaDigits == 0)
        return false;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-'))
            ++i;
        const std::size_t exponentStart = i;
        while (i < body.size() && isDigit(body[i]))
            ++i;
        if (i == exponentStart)
            return false;
    }
    if (i != body.size())
        return false;
    double value = 0;
    const auto result = std::from_chars(body.data(), body.data() + body.size(), value,
                                        std::chars_format::general);
    if (result.ec == std::errc::result_out_of_range) {
        if (!isUnderflow(body))
            return false;
        value = 0;
    } else if (result.ec != std::errc() || result.ptr != body.data() + body.size()) {
        return false;
    }
    out = negative ? -value : value;
    return true;
}

bool PromNumber::parseInt64(std::string_view text, std::int64_t &out)
{
    std::size_t pos = 0;
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        pos = 1;
    }
    if (pos == text.size())
        return false;
    // Accumulate as a negative number so that INT64_MIN fits.
    std::int64_t value = 0;
    constexpr std::int64_t minValue = std::numeric_limits<std::int64_t>::min();
    for (; pos < text.size(); ++pos) {
        const unsigned d = unsigned(text[pos]) - '0';
        if (d > 9)
            return false;
        if (value < (minValue + std::int64_t(d)) / 10)
            return false;
        value = value * 10 - std::int64_t(d);
    }
    if (!negative) {
        if (value == minValue)
            return false;
        value = -value;
    }
    out = value;
    return true;
}

} // namespace kube
