#pragma once

// A Kubernetes resource quantity the way apimachinery's resource.Quantity does quota and limit
// arithmetic: an exact value in thousandths of the unit, the format it was written in (a sum
// keeps the first non-zero operand's), and the canonical text String() prints ("1500m", "2",
// "1536Mi"), which is what quota status and admission messages show.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace demo {

class Quantity final
{
public:
    enum class Format { DecimalSI, BinarySI, DecimalExponent };

    Quantity() = default;
    static Quantity fromMilli(std::int64_t milli, Format format = Format::DecimalSI);
    // nullopt for text that is no quantity; fractions below a thousandth round up, as
    // MilliValue() does.
    static std::optional<Quantity> parse(const std::string &text);
    // A string, or a JSON number as clients sometimes send.
    static std::optional<Quantity> parse(const nlohmann::json &value);

    std::int64_t milli() const { return milli_; }
    Format format() const { return format_; }
    bool isZero() const { return milli_ == 0; }
    // Quantity.Add: a zero value takes the other's format.
    void add(const Quantity &other);
    // Quantity.Cmp: -1, 0 or 1.
    int compare(const Quantity &other) const;
    // The canonical form of Quantity.String().
    std::string str() const;

private:
    std::int64_t milli_ = 0;
    Format format_ = Format::DecimalSI;
};

// A v1 ResourceList: resource name -> quantity, in the sorted order messages print it.
using ResourceList = std::map<std::string, Quantity>;

} // namespace demo
