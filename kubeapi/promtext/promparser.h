#pragma once

// Strict streaming parser for the Prometheus text format 0.0.4 and OpenMetrics 1.0 text.
// Push any number of chunks with store(), then finish(); only the unfinished last line is kept.
#include "kubeapi/promtext/promtypes.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace kube {

// Verdicts (fact sheet metrics-formats.md §1, §2):
// - 0.0.4 follows prometheus/common expfmt v0.39 (promtool, the client libraries), so a body
//   is rejected where promtool rejects it: missing final newline (see Options), a blank after
//   the value or timestamp, float or int64-overflowing timestamps, CRLF, TYPE after samples,
//   a second HELP or TYPE, unknown types, HELP escapes other than \\ and \n, label escapes
//   other than \\ \" \n, raw newlines and invalid UTF-8 in label values, __name__, duplicate
//   label names. Accepted like expfmt: leading blanks, blanks around every token, a trailing
//   comma, signed timestamps, type words in any case, histograms without +Inf.
// - Where the Prometheus 2.42 scraper is more lenient (no final newline, trailing blanks,
//   TYPE after samples, duplicate metadata, HELP with \", a \t escape, NUL ending the input),
//   we keep expfmt's stricter verdict; only the final newline can be relaxed (Options).
// - Stricter than expfmt (checked with promtool 2.42): a duplicate le/quantile label is an
//   error (expfmt does not check them), and so is a NUL byte anywhere; expfmt accepts one in
//   comments, HELP and label values, but the scraper stops reading at it and drops the rest.
// - Samples of one family that are not contiguous are delivered in input order; PromCollector
//   merges them by family, as expfmt does. Identical series are all delivered.
// - OpenMetrics follows the spec and the OpenMetrics parser suite (208 of 211 cases), except
//   that negative summary quantiles and sums, and a _sum next to negative histogram buckets,
//   are accepted because client_golang writes them and Prometheus scrapes them.
// - On an error, callbacks already made for earlier lines (and for an unterminated last line,
//   which is parsed before the missing newline is reported) belong to a rejected body.
class PromParser final
{
public:
    struct Options
    {
        PromFormat format = PromFormat::Text004;
        // expfmt (promtool, client libraries) rejects a 0.0.4 body whose last line lacks its
        // "\n"; the Prometheus scraper appends one. OpenMetrics ignores this option.
        bool requireFinalNewline = true;
        // A longer line is an error rather than an unbounded buffer.
        std::size_t maxLineLength = std::size_t(64) << 20;
    };

    explicit PromParser(PromVisitor &visitor, PromFormat format = PromFormat::Text004);
    PromParser(PromVisitor &visitor, const Options &options);
    ~PromParser();
    PromParser(const PromParser &) = delete;
    PromParser &operator=(const PromParser &) = delete;

    // Both return false once the body is known to be bad; error() then says why and where.
    // Views handed to the visitor are valid only during each callback.
    bool feed(std::string_view chunk);
    bool finish();

    bool hasError() const;
    const PromError &error() const;
    std::uint64_t linesParsed() const;

    // application/openmetrics-text (any version) selects OpenMetrics; anything else, including
    // a missing or malformed type, selects 0.0.4 — the same choice Prometheus 2.42 makes.
    static PromFormat formatForContentType(std::string_view contentType);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace kube
