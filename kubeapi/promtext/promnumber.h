#pragma once

// Number syntax of the Prometheus text formats: Go strconv.ParseFloat behind the client
// libraries' wrapper (no hex floats, no '_'), int64 timestamps. Locale independent, no allocation.
#include <cstdint>
#include <string_view>

namespace kube {

struct PromNumber final
{
    // Accepts [+-]digits[.digits][e[+-]digits], [+-].digits..., [+-]inf/infinity and nan in any
    // case (no sign on nan). Overflow (1e400) is rejected; underflow (1e-400) gives 0.
    static bool parseFloat(std::string_view text, double &out);
    // [+-]digits within int64.
    static bool parseInt64(std::string_view text, std::int64_t &out);
};

} // namespace kube
