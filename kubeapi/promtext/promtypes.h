#pragma once

// Value types and the visitor interface of the streaming Prometheus text parser (promparser.h).
// Views point into the parser's buffers and are valid only during the callback that gets them.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace kube {

// Which grammar the parser applies; pick it from the response's Content-Type
// (PromParser::formatForContentType).
enum class PromFormat : std::uint8_t {
    Text004,     // text/plain; version=0.0.4, judged like prometheus/common expfmt
    OpenMetrics, // application/openmetrics-text; version=1.0.0
};

// Metric types of both formats. OpenMetrics' "unknown" is reported as Untyped; GaugeHistogram,
// StateSet and Info exist only in OpenMetrics.
enum class PromMetricType : std::uint8_t {
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
    GaugeHistogram,
    StateSet,
    Info,
};

// The role a sample line plays inside its family.
enum class PromSampleKind : std::uint8_t {
    Value,    // counter (x or x_total), gauge, untyped, stateset, info
    Bucket,   // x_bucket of a histogram or gauge histogram (carries le)
    Quantile, // x{quantile=...} of a summary
    Sum,      // x_sum, x_gsum
    Count,    // x_count, x_gcount
    Created,  // x_created (OpenMetrics)
};

struct PromLabel
{
    std::string_view name;
    std::string_view value; // unescaped
};

// Metadata of the family a sample belongs to, as far as it is known at that line.
struct PromFamilyView
{
    std::string_view name;
    PromMetricType type = PromMetricType::Untyped;
    std::string_view help; // unescaped; empty if none was given (yet)
    std::string_view unit; // OpenMetrics only
    bool hasHelp = false;
};

struct PromSampleView
{
    std::string_view name;             // as written, e.g. "http_duration_seconds_bucket"
    std::span<const PromLabel> labels; // in written order, including le / quantile
    double value = 0;
    PromSampleKind kind = PromSampleKind::Value;
    bool hasTimestamp = false;
    std::int64_t timestampMs = 0; // 0.0.4: as written; OpenMetrics: seconds * 1000, truncated
    double timestampSeconds = 0;  // OpenMetrics: as written; 0.0.4: timestampMs / 1000
    bool hasExemplar = false;     // OpenMetrics only
    std::span<const PromLabel> exemplarLabels;
    double exemplarValue = 0;
    bool exemplarHasTimestamp = false;
    double exemplarTimestampSeconds = 0;
};

// The first error of a body. line and column are 1-based; column counts bytes.
struct PromError
{
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::string message; // plain English; callers translate their own framing around it
};

// Receives what the parser finds, in input order.
class PromVisitor
{
public:
    virtual ~PromVisitor() = default;
    // A HELP, TYPE or UNIT line changed the metadata of a family.
    virtual void onMetadata(const PromFamilyView &family) { (void)family; }
    virtual void onSample(const PromFamilyView &family, const PromSampleView &sample) = 0;
};

} // namespace kube
