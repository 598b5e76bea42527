// The OpenMetrics 1.0 half of PromParser: exactly one space between tokens, metadata before
// samples, one contiguous block per family, "# EOF" at the end, float-second timestamps.
#include "kubeapi/promtext/promparserstate.h"

namespace kube {

using namespace promparserdetail;
using promchars::is;
using promchars::LabelChar;
using promchars::LabelStart;
using promchars::NameChar;
using promchars::NameStart;

namespace {

struct Suffix
{
    std::string_view text;
    PromSampleKind kind;
};

// The sample names a family of each type owns, as suffixes of the family name.
std::span<const Suffix> suffixesOf(PromMetricType type)
{
    static constexpr Suffix plain[] = {{"", PromSampleKind::Value}};
    static constexpr Suffix counter[] = {{"_total", PromSampleKind::Value},
                                         {"_created", PromSampleKind::Created}};
    static constexpr Suffix info[] = {{"_info", PromSampleKind::Value}};
    static constexpr Suffix histogram[] = {{"_bucket", PromSampleKind::Bucket},
                                           {"_count", PromSampleKind::Count},
                                           {"_sum", PromSampleKind::Sum},
                                           {"_created", PromSampleKind::Created}};
    static constexpr Suffix gaugeHistogram[] = {{"_bucket", PromSampleKind::Bucket},
                                                {"_gcount", PromSampleKind::Count},
                                                {"_gsum", PromSampleKind::Sum}};
    static constexpr Suffix summary[] = {{"", PromSampleKind::Quantile},
                                         {"_count", PromSampleKind::Count},
                                         {"_sum", PromSampleKind::Sum},
                                         {"_created", PromSampleKind::Created}};
    switch (type) {
    case PromMetricType::Counter:
        return counter;
    case PromMetricType::Info:
        return info;
    case PromMetricType::Histogram:
        return histogram;
    case PromMetricType::GaugeHistogram:
        return gaugeHistogram;
    case PromMetricType::Summary:
        return summary;
    case PromMetricType::Untyped:
    case PromMetricType::Gauge:
    case PromMetricType::StateSet:
        break;
    }
    return plain;
}

bool belongsTo(const PromFamilyTable::Family &f, std::string_view name, PromSampleKind &kind)
{
    if (name.size() < f.name.size() || name.substr(0, f.name.size()) != f.name)
        return false;
    const std::string_view suffix = name.substr(f.name.size());
    for (const Suffix &s : suffixesOf(f.type)) {
        if (s.text == suffix) {
            kind = s.kind;
            return true;
        }
    }
    return false;
}

bool parseTimestamp(std::string_view text, double &seconds)
{
    return PromNumber::parseFloat(text, seconds) && std::isfinite(seconds);
}

} // namespace

bool PromParser::State::parseLineOm(std::string_view text)
{
    if (sawEof)
        return fail(0, "unexpected data after \"# EOF\"");
    if (text.empty())
        return fail(0, "blank lines are not allowed in OpenMetrics");
    if (text[0] == '#') {
        if (text == "# EOF") {
            sawEof = true;
            return closeFamilyOm();
        }
        const std::string_view head = text.substr(0, 7);
        if (head == "# HELP " || head == "# TYPE " || head == "# UNIT ")
            return parseMetadataOm(text, text[2]);
        if (text == "# HELP" || text == "# TYPE" || text == "# UNIT")
            return fail(text.size(), "expected a space and a metric name");
        return fail(0, "only \"# HELP\", \"# TYPE\", \"# UNIT\" and \"# EOF\" lines may start "
                       "with '#' in OpenMetrics");
    }
    return parseSampleOm(text);
}

bool PromParser::State::closeFamilyOm()
{
    if (current == nullptr)
        return true;
    current = nullptr;
    if (!validator.endFamily(message))
        return fail(0, message);
    return true;
}

bool PromParser::State::openFamilyOm(std::string_view name, std::size_t pos)
{
    if (!closeFamilyOm())
        return false;
    if (families.find(name) != nullptr)
        return fail(pos, "metric family " + quoted(name)
                             + " appears again after other families; each family must be one "
                               "contiguous block");
    // A new family must not take a sample name that an earlier family owns.
    for (std::string_view suffix :
         {"_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"}) {
        if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix)
            continue;
        const std::string_view base = name.substr(0, name.size() - suffix.size());
        const PromFamilyTable::Family *owner = families.find(base);
        if (owner == nullptr)
            continue;
        for (const auto &s : suffixesOf(owner->type)) {
            if (s.text == suffix)
                return fail(pos, "metric name " + quoted(name)
                                     + " clashes with the samples of "
                                       "family "
                                     + quoted(base));
        }
    }
    current = &families.create(name);
    validator.beginFamily();
    return true;
}

bool PromParser::State::parseMetadataOm(std::string_view text, char keyword)
{
    const std::size_t n = text.size();
    std::size_t i = 7;
    const std::size_t nameStart = i;
    if (i == n || !is(text[i], NameStart))
        return fail(i, "expected a metric name");
    while (i < n && is(text[i], NameChar))
        ++i;
    const std::string_view name = text.substr(nameStart, i - nameStart);
    if (i == n || text[i] != ' ')
        return fail(i, "expected a single space after the metric name");
    ++i;
    const std::string_view rest = text.substr(i);

    if (current != nullptr && current->name == name) {
        if (current->hasSamples)
            return fail(0, "metadata for " + quoted(name) + " after its samples");
    } else if (!openFamilyOm(name, nameStart)) {
        return false;
    }
    PromFamilyTable::Family &f = *current;

    if (keyword == 'H') {
        if (f.hasHelp)
            return fail(0, "second HELP line for " + quoted(name));
        f.help.clear();
        for (std::size_t k = 0; k < rest.size(); ++k) {
            const char c = rest[k];
            if (c == '\\' && k + 1 < rest.size()
                && (rest[k + 1] == '\\' || rest[k + 1] == 'n' || rest[k + 1] == '"')) {
                f.help += rest[k + 1] == 'n' ? '\n' : rest[k + 1];
                ++k;
                continue;
            }
            if (static_cast<unsigned char>(c) >= 0x80) {
                const std::size_t len = promchars::utf8SequenceLength(rest, k);
                if (len == 0)
                    return fail(i + k, "invalid UTF-8 in HELP text");
                f.help.append(rest.substr(k, len));
                k += len - 1;
                continue;
            }
            f.help += c; // unknown escapes are kept as written, like the reference parsers
        }
        f.hasHelp = true;
    } else if (keyword == 'T') {
        if (f.typeFixed)
            return fail(0, "second TYPE line for " + quoted(name));
        static constexpr std::pair<std::string_view, PromMetricType> types[] = {
            {"counter", PromMetricType::Counter},
            {"gauge", PromMetricType::Gauge},
            {"histogram", PromMetricType::Histogram},
            {"gaugehistogram", PromMetricType::GaugeHistogram},
            {"stateset", PromMetricType::StateSet},
            {"info", PromMetricType::Info},
            {"summary", PromMetricType::Summary},
            {"unknown", PromMetricType::Untyped},
        };
        bool known = false;
        for (const auto &[word, type] : types) {
            if (rest == word) {
                f.type = type;
                known = true;
            }
        }
        if (!known)
            return failToken(i, rest, "unknown metric type ");
        f.typeFixed = true;
        if (!f.unit.empty()
            && (f.type == PromMetricType::Info || f.type == PromMetricType::StateSet))
            return fail(i, std::string(typeName(f.type)) + " metrics cannot have a unit");
        for (const auto &s : suffixesOf(f.type)) {
            if (!s.text.empty() && families.find(std::string(name).append(s.text)) != nullptr)
                return fail(nameStart, "the samples of " + quoted(name)
                                           + " would clash with "
                                             "family "
                                           + quoted(std::string(name).append(s.text)));
        }
    } else {
        if (f.hasUnit)
            return fail(0, "second UNIT line for " + quoted(name));
        for (std::size_t k = 0; k < rest.size(); ++k) {
            if (!is(rest[k], NameChar))
                return failToken(i + k, rest.substr(k, 1), "invalid character in unit: ");
        }
        if (!rest.empty()) {
            if (f.type == PromMetricType::Info || f.type == PromMetricType::StateSet)
                return fail(i, std::string(typeName(f.type)) + " metrics cannot have a unit");
            if (name.size() <= rest.size() + 1
                || name.substr(name.size() - rest.size() - 1) != std::string("_").append(rest))
                return fail(nameStart, "metric name " + quoted(name) + " must end with \"_"
                                           + std::string(rest) + "\", its unit");
        }
        f.unit.assign(rest);
        f.hasUnit = true;
    }
    visitor.onMetadata(f.view());
    return true;
}

bool PromParser::State::parseLabelsOm(std::string_view text, std::size_t &i,
                                      std::vector<PromLabel> &into, std::string_view metric)
{
    const std::size_t n = text.size();
    ++i; // '{'
    if (i < n && text[i] == '}') {
        ++i;
        return true;
    }
    while (true) {
        const std::size_t labelStart = i;
        if (i == n || !is(text[i], LabelStart)) {
            if (i < n && text[i] == '}' && i > 0 && text[i - 1] == ',')
                return fail(i - 1, "a trailing comma in a label set is not allowed in OpenMetrics");
            return failToken(i, text.substr(i, 1),
                             "invalid label name for " + quoted(metric) + " starting with ");
        }
        while (i < n && is(text[i], LabelChar))
            ++i;
        const std::string_view labelName = text.substr(labelStart, i - labelStart);
        if (labelName == "__name__")
            return fail(labelStart, "label name \"__name__\" is reserved");
        if (i == n || text[i] != '=')
            return fail(i, "expected '=' after label name " + quoted(labelName));
        for (const PromLabel &l : into) {
            if (l.name == labelName)
                return fail(labelStart,
                            "duplicate label name " + quoted(labelName) + " for " + quoted(metric));
        }
        ++i;
        if (i == n || text[i] != '"')
            return fail(i, "expected '\"' at the start of the value of label " + quoted(labelName));
        ++i;
        std::string_view value;
        if (!readLabelValue(text, i, value))
            return false;
        into.push_back({labelName, value});
        if (i < n && text[i] == ',') {
            ++i;
            continue;
        }
        if (i < n && text[i] == '}') {
            ++i;
            return true;
        }
        return failToken(i, text.substr(i, 1),
                         "expected ',' or '}' after the value of label " + std::string(labelName)
                             + ", found ");
    }
}

bool PromParser::State::parseSampleOm(std::string_view text)
{
    const std::size_t n = text.size();
    std::size_t i = 0;
    if (!is(text[0], NameStart))
        return failToken(0, text.substr(0, 1), "invalid metric name starting with ");
    while (i < n && is(text[i], NameChar))
        ++i;
    const std::string_view name = text.substr(0, i);

    PromSampleKind kind = PromSampleKind::Value;
    if (current == nullptr || !belongsTo(*current, name, kind)) {
        if (current != nullptr && name == current->name)
            return fail(0, "sample name " + quoted(name) + " is not valid for the "
                               + std::string(typeName(current->type)) + " family "
                               + quoted(current->name));
        if (!openFamilyOm(name, 0))
            return false;
        kind = PromSampleKind::Value;
    }
    PromFamilyTable::Family &f = *current;

    labels.clear();
    if (i < n && text[i] == '{') {
        if (!parseLabelsOm(text, i, labels, name))
            return false;
    }
    if (i == n || text[i] != ' ')
        return fail(i, "expected a single space and the value");
    ++i;
    PromSampleView sample;
    sample.name = name;
    sample.kind = kind;
    std::size_t start = i;
    while (i < n && text[i] != ' ')
        ++i;
    std::string_view token = text.substr(start, i - start);
    if (!PromNumber::parseFloat(token, sample.value))
        return failToken(start, token, "expected a number as value, got ");
    bool exemplar = false;
    if (i < n) {
        ++i; // ' '
        if (i < n && text[i] == '#') {
            exemplar = true;
        } else {
            start = i;
            while (i < n && text[i] != ' ')
                ++i;
            token = text.substr(start, i - start);
            if (!parseTimestamp(token, sample.timestampSeconds))
                return failToken(start, token, "expected a timestamp in seconds, got ");
            sample.hasTimestamp = true;
            sample.timestampMs = secondsToMs(sample.timestampSeconds);
            if (i < n) {
                ++i;
                if (i == n || text[i] != '#')
                    return fail(i, "unexpected text after the timestamp");
                exemplar = true;
            }
        }
    }
    if (exemplar) {
        if (text.substr(i, 3) != "# {")
            return fail(i, "expected \"# {\" to start an exemplar");
        i += 2;
        exemplarLabels.clear();
        if (!parseLabelsOm(text, i, exemplarLabels, name))
            return false;
        std::size_t length = 0;
        for (const PromLabel &l : exemplarLabels)
            length += promchars::codePoints(l.name) + promchars::codePoints(l.value);
        if (length > 128)
            return fail(i, "exemplar labels longer than 128 characters");
        if (i == n || text[i] != ' ')
            return fail(i, "expected a single space and the exemplar value");
        ++i;
        start = i;
        while (i < n && text[i] != ' ')
            ++i;
        token = text.substr(start, i - start);
        if (!PromNumber::parseFloat(token, sample.exemplarValue))
            return failToken(start, token, "expected a number as exemplar value, got ");
        if (i < n) {
            ++i;
            start = i;
            while (i < n && text[i] != ' ')
                ++i;
            token = text.substr(start, i - start);
            if (!parseTimestamp(token, sample.exemplarTimestampSeconds))
                return failToken(start, token, "expected an exemplar timestamp in seconds, got ");
            sample.exemplarHasTimestamp = true;
            if (i < n)
                return fail(i, "unexpected text after the exemplar");
        }
        sample.hasExemplar = true;
        sample.exemplarLabels = exemplarLabels;
    }
    sample.labels = labels;
    f.hasSamples = true;
    f.typeFixed = true;
    if (!validator.checkSample(f.name, f.type, sample, message))
        return fail(0, message);
    visitor.onSample(f.view(), sample);
    return true;
}

} // namespace kube
