#include "kubeapi/objects/quantity.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

// Exact arithmetic needs more than 64 bits in between (mantissa × 2^60 for "Ei", scale
// alignment); GCC/Clang's 128-bit integer does that without a big-number library.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

namespace kube {
namespace {

constexpr qint64 kMaxInt64 = std::numeric_limits<qint64>::max();

Int128 pow10(int n)
{
    Int128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

// Multiplies with overflow detection; false if |a × b| does not fit.
bool mulChecked(Int128 a, Int128 b, Int128 *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

int digitCount(Int128 v)
{
    if (v < 0)
        v = -v;
    int n = 1;
    while (v >= 10) {
        v /= 10;
        ++n;
    }
    return n;
}

QString int128ToString(Int128 v)
{
    if (v == 0)
        return QStringLiteral("0");
    const bool negative = v < 0;
    UInt128 u = negative ? UInt128(-(v + 1)) + 1 : UInt128(v);
    char buf[48];
    int pos = sizeof(buf);
    while (u > 0) {
        buf[--pos] = char('0' + int(u % 10));
        u /= 10;
    }
    if (negative)
        buf[--pos] = '-';
    return QString::fromLatin1(buf + pos, qsizetype(sizeof(buf)) - pos);
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Quantity)
};

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Suffix → (base, exponent, format) as apimachinery's suffixer interprets it.
bool interpretSuffix(QStringView s, int *base, qint64 *exponent, Quantity::Format *format)
{
    struct Entry
    {
        const char16_t *text;
        int base;
        int exponent;
    };
    static const Entry decimal[] = {{u"", 10, 0},   {u"n", 10, -9}, {u"u", 10, -6}, {u"m", 10, -3},
                                    {u"k", 10, 3},  {u"M", 10, 6},  {u"G", 10, 9},  {u"T", 10, 12},
                                    {u"P", 10, 15}, {u"E", 10, 18}};
    static const Entry binary[] = {{u"Ki", 2, 10}, {u"Mi", 2, 20}, {u"Gi", 2, 30},
                                   {u"Ti", 2, 40}, {u"Pi", 2, 50}, {u"Ei", 2, 60}};
    for (const Entry &e : decimal) {
        if (s == QStringView(e.text)) {
            *base = 10;
            *exponent = e.exponent;
            *format = Quantity::Format::DecimalSI;
            return true;
        }
    }
    for (const Entry &e : binary) {
        if (s == QStringView(e.text)) {
            *base = 2;
            *exponent = e.exponent;
            *format = Quantity::Format::BinarySI;
            return true;
        }
    }
    if (s.size() > 1 && (s[0] == u'e' || s[0] == u'E')) {
        // strconv.ParseInt(s[1:], 10, 32): optional sign, then at least one digit.
        QStringView rest = s.mid(1);
        bool negative = false;
        if (rest.startsWith(u'+') || rest.startsWith(u'-')) {
            negative = rest[0] == u'-';
            rest = rest.mid(1);
        }
        if (rest.isEmpty() || rest.size() > 10)
            return false;
        qint64 v = 0;
        for (QChar c : rest) {
            if (!isDigit(c))
                return false;
            v = v * 10 + (c.unicode() - u'0');
        }
        if (negative)
            v = -v;
        if (v > std::numeric_limits<qint32>::max() || v < std::numeric_limits<qint32>::min())
            return false;
        *base = 10;
        *exponent = v;
        *format = Quantity::Format::DecimalExponent;
        return true;
    }
    return false;
}

} // namespace

std::optional<Quantity> Quantity::parse(QStringView str, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Quantity> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString formatError =
        Tr::tr("“%1” is not a quantity (expected a number with an optional suffix such as "
               "100m, 1.5Gi or 1e3)")
            .arg(str.left(64));
    if (str.isEmpty())
        return fail(formatError);

    // Grammar of apimachinery's parseQuantityString: sign, digits, optional '.', digits,
    // suffix letters, optional exponent sign and digits.
    qsizetype pos = 0;
    const qsizetype end = str.size();
    bool positive = true;
    if (str[0] == u'-' || str[0] == u'+') {
        positive = str[0] == u'+';
        ++pos;
    }
    while (pos < end && str[pos] == u'0')
        ++pos;
    const qsizetype numStart = pos;
    while (pos < end && isDigit(str[pos]))
        ++pos;
    QStringView num = str.mid(numStart, pos - numStart);
    QStringView denom;
    if (pos < end && str[pos] == u'.') {
        ++pos;
        const qsizetype denomStart = pos;
        while (pos < end && isDigit(str[pos]))
            ++pos;
        denom = str.mid(denomStart, pos - denomStart);
    }
    const qsizetype suffixStart = pos;
    static const QString suffixLetters = QStringLiteral("eEinumkKMGTP");
    while (pos < end && suffixLetters.contains(str[pos]))
        ++pos;
    if (pos < end && (str[pos] == u'+' || str[pos] == u'-'))
        ++pos;
    while (pos < end && isDigit(str[pos]))
        ++pos;
    if (pos != end)
        return fail(formatError);
    const QStringView suffix = str.mid(suffixStart);

    int base = 10;
    qint64 exponent = 0;
    Format format = Format::DecimalSI;
    if (!interpretSuffix(suffix, &base, &exponent, &format))
        return fail(Tr::tr("“%1” has an unknown quantity suffix “%2” (known: n u m k M G T P E, "
                           "Ki Mi Gi Ti Pi Ei, e<exponent>)")
                        .arg(str.left(64), suffix.left(16)));

    // The digits num+denom as one integer with a decimal scale. Digits beyond 10^-28 cannot
    // change the result after rounding up to nano units except by being non-zero ("sticky").
    QString digits = num.toString() + denom.toString();
    qint64 scale = -qint64(denom.size()) + (base == 10 ? exponent : 0);
    bool sticky = false;
    while (!digits.isEmpty() && digits.back() == u'0') {
        digits.chop(1);
        ++scale;
    }
    while (!digits.isEmpty() && digits.front() == u'0')
        digits.remove(0, 1);
    if (digits.isEmpty()) {
        Quantity q;
        q.m_set = true;
        q.m_format = format;
        return q;
    }
    if (scale < -28) {
        const qint64 drop = std::min<qint64>(-28 - scale, digits.size());
        for (qsizetype i = digits.size() - drop; i < digits.size(); ++i)
            sticky = sticky || digits[i] != u'0';
        digits.chop(drop);
        scale += drop;
        if (digits.isEmpty()) {
            digits = QStringLiteral("0");
            scale = -28;
        }
    }
    const QString outOfRange =
        Tr::tr("“%1” is out of the range of quantities this program can hold").arg(str.left(64));
    if (digits.size() > 37)
        return fail(outOfRange);
    Int128 mantissa = 0;
    for (QChar c : std::as_const(digits))
        mantissa = mantissa * 10 + (c.unicode() - u'0');
    if (base == 2 && !mulChecked(mantissa, Int128(1) << exponent, &mantissa))
        return fail(outOfRange);

    // Round non-zero values up (away from zero) to nano precision, like apimachinery: a tiny
    // request still gets some resource.
    if (scale < -9) {
        const qint64 shift = -9 - scale;
        bool remainder = sticky;
        if (shift > 36) {
            remainder = remainder || mantissa != 0;
            mantissa = 0;
        } else {
            const Int128 p = pow10(int(shift));
            remainder = remainder || mantissa % p != 0;
            mantissa /= p;
        }
        if (remainder)
            mantissa += 1;
        scale = -9;
    }
    while (mantissa != 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        ++scale;
    }

    // BinarySI is capped at 2^63-1 (apimachinery's maxAllowed); fractions below 1 print as
    // DecimalSI.
    if (format == Format::BinarySI) {
        if (scale >= 0) {
            Int128 whole = 0;
            if (scale > 20 || !mulChecked(mantissa, pow10(int(scale)), &whole)
                || whole > kMaxInt64) {
                mantissa = kMaxInt64;
                scale = 0;
                while (mantissa % 10 == 0) {
                    mantissa /= 10;
                    ++scale;
                }
            }
        }
        if (scale < 0 && mantissa < pow10(int(-scale)))
            format = Format::DecimalSI;
    }
    if (mantissa > kMaxInt64 || scale > std::numeric_limits<qint16>::max())
        return fail(outOfRange);

    Quantity q;
    q.m_mantissa = positive ? qint64(mantissa) : -qint64(mantissa);
    q.m_scale = qint16(scale);
    q.m_format = format;
    q.m_set = true;
    return q;
}

Quantity Quantity::fromInt(qint64 value, Format format)
{
    return fromScaled(value, 0, format);
}

Quantity Quantity::fromScaled(qint64 mantissa, int scale, Format format)
{
    Quantity q;
    q.m_set = true;
    q.m_format = format;
    while (mantissa != 0 && mantissa % 10 == 0 && scale < std::numeric_limits<qint16>::max()) {
        mantissa /= 10;
        ++scale;
    }
    q.m_mantissa = mantissa;
    q.m_scale = qint16(scale);
    return q;
}

qint64 Quantity::scaledValue(int target) const
{
    if (m_mantissa == 0)
        return 0;
    const int diff = m_scale - target;
    const Int128 m = m_mantissa;
    if (diff >= 0) {
        Int128 r = 0;
        if (diff > 38 || !mulChecked(m, pow10(diff), &r) || r > kMaxInt64 || r < -kMaxInt64)
            return m > 0 ? kMaxInt64 : -kMaxInt64;
        return qint64(r);
    }
    if (-diff > 36)
        return m > 0 ? 1 : -1;
    const Int128 p = pow10(-diff);
    Int128 r = m / p;
    if (m % p != 0)
        r += m > 0 ? 1 : -1;
    return qint64(r);
}

double Quantity::toDouble() const
{
    return double(m_mantissa) * std::pow(10.0, double(m_scale));
}

int Quantity::compare(const Quantity &other) const
{
    const int signA = (m_mantissa > 0) - (m_mantissa < 0);
    const int signB = (other.m_mantissa > 0) - (other.m_mantissa < 0);
    if (signA != signB || signA == 0)
        return signA < signB ? -1 : (signA > signB ? 1 : 0);
    // Same sign: compare orders of magnitude first so the alignment below cannot overflow.
    const int magA = digitCount(m_mantissa) + m_scale;
    const int magB = digitCount(other.m_mantissa) + other.m_scale;
    if (magA != magB)
        return (magA < magB ? -1 : 1) * signA;
    const int low = std::min<int>(m_scale, other.m_scale);
    const Int128 a = Int128(m_mantissa) * pow10(m_scale - low);
    const Int128 b = Int128(other.m_mantissa) * pow10(other.m_scale - low);
    return a < b ? -1 : (a > b ? 1 : 0);
}

QString Quantity::toString() const
{
    if (!m_set)
        return {};
    if (m_mantissa == 0)
        return QStringLiteral("0");
    Format format = m_format;
    if (format == Format::BinarySI) {
        // Binary only for whole amounts of at least 1024 in magnitude (apimachinery).
        const bool whole = m_scale >= 0;
        const bool small = compare(fromInt(-1024)) > 0 && compare(fromInt(1024)) < 0;
        if (small || !whole)
            format = Format::DecimalSI;
    }
    if (format == Format::BinarySI) {
        Int128 v = Int128(m_mantissa) * pow10(m_scale);
        int times = 0;
        const bool negative = v < 0;
        if (negative)
            v = -v;
        while (v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            ++times;
        }
        static const char16_t *const suffixes[] = {u"", u"Ki", u"Mi", u"Gi", u"Ti", u"Pi", u"Ei"};
        return int128ToString(negative ? -v : v) + QStringView(suffixes[times]);
    }
    // Decimal: the exponent is brought down to a multiple of three.
    Int128 amount = m_mantissa;
    int exponent = m_scale;
    while (amount % 10 == 0) {
        amount /= 10;
        ++exponent;
    }
    const int rem = ((exponent % 3) + 3) % 3;
    amount *= pow10(rem);
    exponent -= rem;
    if (format == Format::DecimalExponent) {
        if (exponent == 0)
            return int128ToString(amount);
        return int128ToString(amount) + u'e' + QString::number(exponent);
    }
    if (exponent > 18) {
        // Beyond 128 bits ("1" and 60 zeros would be 10^42 E): the exponent form is the same
        // amount. (kubectl 1.32 prints such amounts wrongly, e.g. "1" for 10^60.)
        if (digitCount(amount) + (exponent - 18) > 38)
            return int128ToString(amount) + u'e' + QString::number(exponent);
        amount *= pow10(exponent - 18);
        exponent = 18;
    }
    static const char16_t *const suffixes[] = {u"n", u"u", u"m", u"",  u"k",
                                               u"M", u"G", u"T", u"P", u"E"};
    return int128ToString(amount) + QStringView(suffixes[(exponent + 9) / 3]);
}

} // namespace kube
