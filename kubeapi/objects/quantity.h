#pragma once

// A Kubernetes resource quantity ("100m", "1.5Gi", "1e3"), parsed exactly by the apimachinery
// rules and printed in the same canonical form; used for CPU, memory, pods and metrics values.
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace kube {

class Quantity final
{
public:
    // The suffix family of the input; the canonical string keeps it (apimachinery Format).
    enum class Format : quint8 { DecimalSI, BinarySI, DecimalExponent };

    // A null quantity: "not given" (e.g. a container without a CPU limit). Its value is 0.
    Quantity() = default;

    // Parses text such as "250m", "1.5Gi", "-1e3", ".5", "5.". nullopt and *error set on
    // anything apimachinery's ParseQuantity rejects, and on values whose exact form does not
    // fit our 64-bit mantissa (never seen in real clusters).
    static std::optional<Quantity> parse(QStringView text, QString *error = nullptr);
    static std::optional<Quantity> parse(const QString &text, QString *error = nullptr)
    {
        return parse(QStringView(text), error);
    }
    // A JSON number (quantities may be bare numbers in JSON): integer or decimal text form.
    static Quantity fromInt(qint64 value, Format format = Format::DecimalSI);
    // value × 10^scale, e.g. fromScaled(250, -3) == 250m.
    static Quantity fromScaled(qint64 mantissa, int scale, Format format = Format::DecimalSI);

    bool isNull() const { return !m_set; }
    bool isZero() const { return m_mantissa == 0; }
    bool isNegative() const { return m_mantissa < 0; }
    Format format() const { return m_format; }

    // Integer values rounded away from zero, like Go's Value()/MilliValue()/ScaledValue().
    // Saturate at the qint64 range instead of overflowing.
    qint64 value() const { return scaledValue(0); }
    qint64 milliValue() const { return scaledValue(-3); }
    qint64 nanoValue() const { return scaledValue(-9); }
    qint64 scaledValue(int scale) const;
    double toDouble() const;

    // Canonical string as apimachinery computes it ("1.5" → "1500m", "1.5Gi" → "1536Mi");
    // "" for a null quantity. (Go's String() echoes some inputs verbatim instead, e.g.
    // "349.491u" or "+1"; we always print the canonical form of the same amount.)
    QString toString() const;

    // Exact comparison of the amounts (format is ignored): <0, 0, >0.
    int compare(const Quantity &other) const;
    friend bool operator==(const Quantity &a, const Quantity &b)
    {
        return a.m_set == b.m_set && a.compare(b) == 0;
    }
    friend bool operator!=(const Quantity &a, const Quantity &b) { return !(a == b); }

    qint64 mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }

private:
    qint64 m_mantissa = 0; // amount = m_mantissa × 10^m_scale
    qint16 m_scale = 0;
    Format m_format = Format::DecimalSI;
    bool m_set = false;
};

} // namespace kube
