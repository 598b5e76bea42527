#include "kubeapi/promtext/promcollector.h"

#include <algorithm>

namespace kube {

std::size_t PromParseResult::sampleCount() const
{
    std::size_t n = 0;
    for (const PromFamily &f : families)
        n += f.samples.size();
    return n;
}

std::size_t PromParseResult::familiesWithSamples() const
{
    return std::size_t(std::count_if(families.begin(), families.end(),
                                     [](const PromFamily &f) { return !f.samples.empty(); }));
}

const PromFamily *PromParseResult::family(std::string_view name) const
{
    for (const PromFamily &f : families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

PromFamily &PromCollector::familyFor(const PromFamilyView &view)
{
    auto it = m_index.find(std::string(view.name));
    if (it == m_index.end()) {
        it = m_index.emplace(std::string(view.name), m_families.size()).first;
        m_families.emplace_back().name.assign(view.name);
    }
    PromFamily &f = m_families[it->second];
    f.type = view.type;
    f.hasHelp = view.hasHelp;
    f.help.assign(view.help);
    f.unit.assign(view.unit);
    return f;
}

void PromCollector::onMetadata(const PromFamilyView &family)
{
    familyFor(family);
}

void PromCollector::onSample(const PromFamilyView &family, const PromSampleView &sample)
{
    PromFamily &f = familyFor(family);
    PromSample &s = f.samples.emplace_back();
    s.name.assign(sample.name);
    s.labels.reserve(sample.labels.size());
    for (const PromLabel &l : sample.labels)
        s.labels.emplace_back(std::string(l.name), std::string(l.value));
    s.value = sample.value;
    s.kind = sample.kind;
    s.hasTimestamp = sample.hasTimestamp;
    s.timestampMs = sample.timestampMs;
    s.timestampSeconds = sample.timestampSeconds;
}

std::vector<PromFamily> PromCollector::takeFamilies()
{
    m_index.clear();
    return std::exchange(m_families, {});
}

PromParseResult PromCollector::parse(std::string_view body, const PromParser::Options &options,
                                     std::size_t chunkSize)
{
    PromCollector collector;
    PromParser parser(collector, options);
    bool ok = true;
    if (chunkSize == 0) {
        ok = parser.feed(body);
    } else {
        for (std::size_t pos = 0; ok && pos < body.size(); pos += chunkSize)
            ok = parser.feed(body.substr(pos, chunkSize));
    }
    if (ok)
        ok = parser.finish();
    PromParseResult result;
    result.ok = ok;
    if (!ok)
        result.error = parser.error();
    result.families = collector.takeFamilies();
    return result;
}

PromParseResult PromCollector::parse(std::string_view body, PromFormat format)
{
    PromParser::Options options;
    options.format = format;
    return parse(body, options);
}

} // namespace kube
