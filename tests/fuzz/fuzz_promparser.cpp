// libFuzzer target for the Prometheus text parser: both formats, whole and in random-sized
// chunks; the chunked run must reach the same verdict and error position as the whole run.
#include "kubeapi/promtext/promparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

class CountingVisitor final : public kube::PromVisitor
{
public:
    void onMetadata(const kube::PromFamilyView &family) override { bytes += family.name.size(); }
    void onSample(const kube::PromFamilyView &family, const kube::PromSampleView &sample) override
    {
        // Touch every view so that ASan sees any dangling one.
        bytes += family.name.size() + family.help.size() + sample.name.size();
        for (const kube::PromLabel &l : sample.labels) {
            for (char c : l.name)
                bytes += static_cast<unsigned char>(c);
            for (char c : l.value)
                bytes += static_cast<unsigned char>(c);
        }
        ++samples;
    }
    std::size_t bytes = 0;
    std::size_t samples = 0;
};

struct Verdict
{
    bool ok;
    std::uint64_t line;
    std::uint64_t column;
    std::size_t samples;
};

Verdict run(std::string_view body, kube::PromFormat format, std::size_t chunk)
{
    CountingVisitor visitor;
    kube::PromParser::Options options;
    options.format = format;
    options.maxLineLength = 1 << 16;
    kube::PromParser parser(visitor, options);
    bool ok = true;
    if (chunk == 0) {
        ok = parser.feed(body);
    } else {
        for (std::size_t pos = 0; ok && pos < body.size(); pos += chunk)
            ok = parser.feed(body.substr(pos, chunk));
    }
    ok = ok && parser.finish();
    return {ok, ok ? 0 : parser.error().line, ok ? 0 : parser.error().column, visitor.samples};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the format and the chunk size of the second run.
    const auto format = (data[0] & 1) != 0 ? kube::PromFormat::OpenMetrics
                                           : kube::PromFormat::Text004;
    const std::size_t chunk = 1 + (data[0] >> 1);
    const std::string_view body(reinterpret_cast<const char *>(data) + 1, size - 1);
    const Verdict whole = run(body, format, 0);
    const Verdict split = run(body, format, chunk);
    if (whole.ok != split.ok || whole.line != split.line || whole.column != split.column
        || whole.samples != split.samples)
        std::abort();
    return 0;
}
