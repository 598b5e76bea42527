#pragma once

// Strict streaming parser for the Prometheus text format 0.0.4 and OpenMetrics 1.0 text.
// Push any number of chunks with feed(), then finish(); only the unfinished last line is kept.
#include "kubeapi/promtypes.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace kube {

class PromParser final {
public:
    struct Options {
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
