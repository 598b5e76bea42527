#pragma once

// Collects everything a PromParser reports into owned families, for tests and small bodies.
// Samples of one family that are not contiguous (allowed in 0.0.4) are merged, as expfmt does.
#include "kubeapi/promtext/promparser.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kube {

struct PromSample
{
    std::string name;
    std::vector<std::pair<std::string, std::string>> labels;
    double value = 0;
    PromSampleKind kind = PromSampleKind::Value;
    bool hasTimestamp = false;
    std::int64_t timestampMs = 0;
    double timestampSeconds = 0;
};

struct PromFamily
{
    std::string name;
    PromMetricType type = PromMetricType::Untyped;
    bool hasHelp = false;
    std::string help;
    std::string unit;
    std::vector<PromSample> samples;
};

struct PromParseResult
{
    bool ok = false;
    PromError error;
    std::vector<PromFamily> families; // in order of first appearance, metadata-only ones too
    std::size_t sampleCount() const;
    std::size_t familiesWithSamples() const;
    const PromFamily *family(std::string_view name) const;
};

class PromCollector final : public PromVisitor
{
public:
    void onMetadata(const PromFamilyView &family) override;
    void onSample(const PromFamilyView &family, const PromSampleView &sample) override;
    std::vector<PromFamily> takeFamilies();

    // Parses a whole body in one go (fed in chunks of chunkSize bytes, 0 = all at once).
    static PromParseResult parse(std::string_view body, const PromParser::Options &options,
                                 std::size_t chunkSize = 0);
    static PromParseResult parse(std::string_view body, PromFormat format);

private:
    PromFamily &familyFor(const PromFamilyView &view);

    std::vector<PromFamily> m_families;
    std::unordered_map<std::string, std::size_t> m_index;
};

} // namespace kube
