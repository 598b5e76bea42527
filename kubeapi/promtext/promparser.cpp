#include "kubeapi/promtext/promparser.h"

#include "kubeapi/promtext/promparserstate.h"

#include <algorithm>

namespace kube {

using promchars::Blank;
using promchars::is;
using promchars::LabelChar;
using promchars::LabelStart;
using promchars::NameChar;
using promchars::NameStart;
using promchars::ValueStop;

namespace promparserdetail {

std::string quoted(std::string_view text)
{
    // Errors quote input; keep them one line and readable whatever the input holds.
    std::string out = "\"";
    for (char c : text.substr(0, 80)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c == '"' || c == '\\')
            out.append(1, '\\').append(1, c);
        else if (u < 0x20 || u == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\x").append(1, hex[u >> 4]).append(1, hex[u & 15]);
        } else
            out += c;
    }
    if (text.size() > 80)
        out += "...";
    out += '"';
    return out;
}

std::string_view typeName(PromMetricType type)
{
    switch (type) {
    case PromMetricType::Counter:
        return "counter";
    case PromMetricType::Gauge:
        return "gauge";
    case PromMetricType::Histogram:
        return "histogram";
    case PromMetricType::Summary:
        return "summary";
    case PromMetricType::GaugeHistogram:
        return "gaugehistogram";
    case PromMetricType::StateSet:
        return "stateset";
    case PromMetricType::Info:
        return "info";
    case PromMetricType::Untyped:
        break;
    }
    return "untyped";
}

bool equalsLower(std::string_view text, std::string_view lower)
{
    if (text.size() != lower.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lower[i])
            return false;
    }
    return true;
}

std::int64_t secondsToMs(double seconds)
{
    const double ms = std::trunc(seconds * 1000.0);
    constexpr double limit = 9223372036854775807.0;
    if (ms >= limit)
        return std::numeric_limits<std::int64_t>::max();
    if (ms <= -limit)
        return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(ms);
}

} // namespace promparserdetail

using namespace promparserdetail;

bool PromParser::State::readLabelValue(std::string_view text, std::size_t &i, std::string_view &out)
{
    const std::size_t start = i;
    const std::size_t n = text.size();
    while (i < n && !is(text[i], ValueStop))
        ++i;
    if (i < n && text[i] == '"') {
        out = text.substr(start, i - start);
        ++i;
        return true;
    }
    // Slow path: escapes, UTF-8, NUL. Unescaped values go to the scratch buffer, which is
    // sized once per line to the line's length, so views into it stay valid for the line.
    char *dst = nullptr;
    std::size_t written = 0;
    while (true) {
        if (i >= n)
            return fail(start - 1, "label value is not terminated by '\"' before the end of the "
                                   "line (a raw newline inside a label value is not allowed)");
        const char c = text[i];
        if (c == '"')
            break;
        if (c == '\\') {
            if (dst == nullptr) {
                if (!scratchReady) {
                    if (scratch.size() < n)
                        scratch.resize(n);
                    scratchReady = true;
                }
                dst = scratch.data() + scratchUsed;
                std::memcpy(dst, text.data() + start, i - start);
                written = i - start;
            }
            if (i + 1 >= n)
                return fail(start - 1, "label value is not terminated by '\"' before the end of "
                                       "the line");
            const char e = text[i + 1];
            if (e == '\\' || e == '"' || e == 'n') {
                dst[written++] = e == 'n' ? '\n' : e;
                i += 2;
                continue;
            }
            if (!om)
                return fail(i, std::string("invalid escape sequence ") + quoted(text.substr(i, 2))
                                   + " in label value (only \\\\, \\\" and \\n are allowed)");
            // OpenMetrics parsers keep an unknown escape as written.
            dst[written++] = '\\';
            ++i;
            continue;
        }
        std::size_t len = 1;
        if (c == '\0') {
            if (!om)
                return fail(i, "NUL byte in label value");
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            len = promchars::utf8SequenceLength(text, i);
            if (len == 0)
                return fail(i, "invalid UTF-8 in label value");
        }
        if (dst != nullptr) {
            std::memcpy(dst + written, text.data() + i, len);
            written += len;
        }
        i += len;
    }
    if (dst != nullptr) {
        out = std::string_view(dst, written);
        scratchUsed += written;
    } else {
        out = text.substr(start, i - start);
    }
    ++i;
    return true;
}

bool PromParser::State::isDuplicate(std::string_view name, std::size_t pos, std::string_view metric)
{
    // Linear for the usual handful of labels; long label sets are checked sorted at the end.
    if (labels.size() >= 32)
        return false;
    for (const PromLabel &l : labels) {
        if (l.name == name) {
            fail(pos, "duplicate label name " + quoted(name) + " for metric " + quoted(metric));
            return true;
        }
    }
    return false;
}

bool PromParser::State::checkDuplicatesSorted(std::string_view metric, std::size_t pos)
{
    if (labels.size() <= 32)
        return true;
    sortedNames.clear();
    for (const PromLabel &l : labels)
        sortedNames.push_back(l.name);
    std::sort(sortedNames.begin(), sortedNames.end());
    for (std::size_t k = 1; k < sortedNames.size(); ++k) {
        if (sortedNames[k] == sortedNames[k - 1])
            return fail(pos, "duplicate label name " + quoted(sortedNames[k]) + " for metric "
                                 + quoted(metric));
    }
    return true;
}

// ---- text format 0.0.4, judged like prometheus/common expfmt v0.39 ----

bool PromParser::State::parseLine004(std::string_view text)
{
    std::size_t i = 0;
    skipBlanks(text, i);
    if (i == text.size())
        return true;
    if (text[i] == '#')
        return parseComment004(text, i + 1);
    return parseSample004(text, i);
}

bool PromParser::State::parseComment004(std::string_view text, std::size_t i)
{
    const std::size_t n = text.size();
    if (const void *nul = std::memchr(text.data(), 0, n))
        return fail(std::size_t(static_cast<const char *>(nul) - text.data()),
                    "NUL byte in the input");
    skipBlanks(text, i);
    const std::size_t keywordStart = i;
    while (i < n && !is(text[i], Blank))
        ++i;
    const std::string_view keyword = text.substr(keywordStart, i - keywordStart);
    const bool help = keyword == "HELP";
    if (i == n || (!help && keyword != "TYPE"))
        return true; // any other comment, or a bare keyword: not an error for expfmt
    skipBlanks(text, i);
    const std::size_t nameStart = i;
    if (i < n && is(text[i], NameStart)) {
        while (i < n && is(text[i], NameChar))
            ++i;
    }
    if (i == n)
        return true;
    if (!is(text[i], Blank))
        return fail(i, "invalid metric name in " + std::string(keyword) + " line");
    const std::string_view name = text.substr(nameStart, i - nameStart);
    PromFamilyTable::Resolved r = families.resolve004(name);
    skipBlanks(text, i);
    if (i == n)
        return true;
    PromFamilyTable::Family &f = *r.family;
    if (help) {
        if (f.hasHelp)
            return fail(keywordStart, "second HELP line for metric name " + quoted(f.name));
        if (!unescapeHelp004(text, i, f.help))
            return false;
        f.hasHelp = true;
    } else {
        if (f.typeFixed)
            return fail(keywordStart, "second TYPE line for metric name " + quoted(f.name)
                                          + ", or TYPE reported after samples");
        const std::string_view word = text.substr(i);
        PromMetricType type;
        if (equalsLower(word, "counter"))
            type = PromMetricType::Counter;
        else if (equalsLower(word, "gauge"))
            type = PromMetricType::Gauge;
        else if (equalsLower(word, "histogram"))
            type = PromMetricType::Histogram;
        else if (equalsLower(word, "summary"))
            type = PromMetricType::Summary;
        else if (equalsLower(word, "untyped"))
            type = PromMetricType::Untyped;
        else
            return failToken(i, word, "unknown metric type ");
        f.type = type;
        f.typeFixed = true;
    }
    visitor.onMetadata(f.view());
    return true;
}

bool PromParser::State::unescapeHelp004(std::string_view text, std::size_t i, std::string &out)
{
    out.clear();
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (c != '\\') {
            out += c;
            ++i;
            continue;
        }
        const char e = i + 1 < n ? text[i + 1] : '\0';
        if (e == '\\' || e == 'n') {
            out += e == 'n' ? '\n' : '\\';
            i += 2;
            continue;
        }
        return fail(i, "invalid escape sequence " + quoted(text.substr(i, 2))
                           + " in HELP text (only \\\\ and \\n are allowed)");
    }
    return true;
}

bool PromParser::State::parseSample004(std::string_view text, std::size_t i)
{
    const std::size_t n = text.size();
    const std::size_t nameStart = i;
    if (!is(text[i], NameStart))
        return failToken(i, text.substr(i, 1), "invalid metric name starting with ");
    ++i;
    while (i < n && is(text[i], NameChar))
        ++i;
    const std::string_view name = text.substr(nameStart, i - nameStart);
    const PromFamilyTable::Resolved r = families.resolve004(name);
    PromFamilyTable::Family &f = *r.family;
    f.typeFixed = true; // expfmt: the first sample fixes the type (untyped if none was given)

    labels.clear();
    skipBlanks(text, i);
    if (i < n && text[i] == '{') {
        const std::size_t open = i;
        ++i;
        while (true) {
            skipBlanks(text, i);
            if (i == n)
                return fail(i, "unexpected end of line inside the label set of " + quoted(name));
            if (text[i] == '}') {
                ++i;
                break;
            }
            const std::size_t labelStart = i;
            if (!is(text[i], LabelStart))
                return failToken(i, text.substr(i, 1),
                                 "invalid label name for metric " + quoted(name)
                                     + " starting with ");
            while (i < n && is(text[i], LabelChar))
                ++i;
            const std::string_view labelName = text.substr(labelStart, i - labelStart);
            if (labelName == "__name__")
                return fail(labelStart, "label name \"__name__\" is reserved");
            skipBlanks(text, i);
            if (i == n || text[i] != '=')
                return fail(i, "expected '=' after label name " + quoted(labelName));
            if (isDuplicate(labelName, labelStart, name))
                return false;
            ++i;
            skipBlanks(text, i);
            if (i == n || text[i] != '"')
                return fail(i, "expected '\"' at the start of the value of label "
                                   + quoted(labelName));
            ++i;
            const std::size_t valueStart = i;
            std::string_view value;
            if (!readLabelValue(text, i, value))
                return false;
            labels.push_back({labelName, value});
            if ((f.type == PromMetricType::Histogram && labelName == "le")
                || (f.type == PromMetricType::Summary && labelName == "quantile")) {
                double bound = 0;
                if (!PromNumber::parseFloat(value, bound))
                    return fail(valueStart, "expected a number as value of the "
                                                + std::string(labelName) + " label, got "
                                                + quoted(value));
            }
            skipBlanks(text, i);
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < n && text[i] == '}') {
                ++i;
                break;
            }
            if (i == n)
                return fail(i,
                            "unexpected end of line after the value of label " + quoted(labelName));
            return failToken(i, text.substr(i, 1),
                             "expected ',' or '}' after the value of label "
                                 + std::string(labelName) + ", found ");
        }
        if (!checkDuplicatesSorted(name, open))
            return false;
        skipBlanks(text, i);
    }

    PromSampleView sample;
    sample.name = name;
    const std::size_t valueStart = i;
    while (i < n && !is(text[i], Blank))
        ++i;
    const std::string_view valueText = text.substr(valueStart, i - valueStart);
    if (!PromNumber::parseFloat(valueText, sample.value))
        return failToken(valueStart, valueText, "expected a number as value, got ");
    if (i < n) {
        skipBlanks(text, i);
        const std::size_t tsStart = i;
        while (i < n && !is(text[i], Blank))
            ++i;
        const std::string_view tsText = text.substr(tsStart, i - tsStart);
        if (tsText.empty())
            return fail(valueStart + valueText.size(), "blank after the value but no timestamp");
        if (!PromNumber::parseInt64(tsText, sample.timestampMs))
            return failToken(tsStart, tsText,
                             "expected an integer timestamp in milliseconds, got ");
        if (i < n)
            return fail(i, "unexpected text after the timestamp");
        sample.hasTimestamp = true;
        sample.timestampSeconds = double(sample.timestampMs) / 1000.0;
    }
    sample.labels = labels;
    sample.kind = r.kind;
    if (f.type == PromMetricType::Summary && r.kind == PromSampleKind::Value) {
        for (const PromLabel &l : labels) {
            if (l.name == "quantile")
                sample.kind = PromSampleKind::Quantile;
        }
    }
    f.hasSamples = true;
    visitor.onSample(f.view(), sample);
    return true;
}

// ---- public interface ----

PromParser::PromParser(PromVisitor &visitor, PromFormat format)
    : PromParser(visitor, Options{format, true, std::size_t(64) << 20})
{}

PromParser::PromParser(PromVisitor &visitor, const Options &options)
    : d(std::make_unique<State>(visitor, options))
{}

PromParser::~PromParser() = default;

bool PromParser::feed(std::string_view chunk)
{
    if (d->failed)
        return false;
    if (d->finished)
        return d->fail(0, "input fed after finish()");
    const char *data = chunk.data();
    const std::size_t n = chunk.size();
    std::size_t pos = 0;
    if (!d->tail.empty()) {
        const void *nl = std::memchr(data, '\n', n);
        if (nl == nullptr) {
            d->tail.append(chunk);
            if (d->tail.size() > d->options.maxLineLength)
                return d->fail(0, "line longer than the limit of "
                                      + std::to_string(d->options.maxLineLength) + " bytes");
            return true;
        }
        const std::size_t end = std::size_t(static_cast<const char *>(nl) - data);
        d->tail.append(data, end);
        const bool ok = d->processLine(d->tail);
        d->tail.clear();
        if (!ok)
            return false;
        pos = end + 1;
    }
    while (pos < n) {
        const void *nl = std::memchr(data + pos, '\n', n - pos);
        if (nl == nullptr)
            break;
        const std::size_t end = std::size_t(static_cast<const char *>(nl) - data);
        if (!d->processLine(std::string_view(data + pos, end - pos)))
            return false;
        pos = end + 1;
    }
    if (pos < n) {
        if (n - pos > d->options.maxLineLength)
            return d->fail(0, "line longer than the limit of "
                                  + std::to_string(d->options.maxLineLength) + " bytes");
        d->tail.assign(data + pos, n - pos);
    }
    return true;
}

bool PromParser::finish()
{
    if (d->failed)
        return false;
    if (d->finished)
        return true;
    d->finished = true;
    if (!d->tail.empty()) {
        std::string last;
        last.swap(d->tail);
        // expfmt reports what is wrong with an unterminated last line before the missing
        // newline itself, so parse it first; it tolerates a last line of blanks only.
        if (!d->processLine(last))
            return false;
        if (!d->om && d->options.requireFinalNewline) {
            std::size_t i = 0;
            State::skipBlanks(last, i);
            if (i != last.size())
                return d->fail(last.size(),
                               "unexpected end of input: the last line has no final newline");
        }
    }
    if (d->om && !d->sawEof) {
        ++d->line;
        return d->fail(0, "the body does not end with \"# EOF\"");
    }
    return true;
}

bool PromParser::hasError() const
{
    return d->failed;
}

const PromError &PromParser::error() const
{
    return d->error;
}

std::uint64_t PromParser::linesParsed() const
{
    return d->line;
}

PromFormat PromParser::formatForContentType(std::string_view contentType)
{
    std::string_view type = contentType.substr(0, contentType.find(';'));
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t'))
        type.remove_prefix(1);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t'))
        type.remove_suffix(1);
    return equalsLower(type, "application/openmetrics-text") ? PromFormat::OpenMetrics
                                                             : PromFormat::Text004;
}

} // namespace kube
