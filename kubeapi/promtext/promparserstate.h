#pragma once

// Internal state of PromParser, shared by its 0.0.4 and OpenMetrics halves
// (promparser.cpp, promparseropenmetrics.cpp). Not part of the public API.
#include "kubeapi/promtext/promchars.h"
#include "kubeapi/promtext/promfamilytable.h"
#include "kubeapi/promtext/promnumber.h"
#include "kubeapi/promtext/promomvalidator.h"
#include "kubeapi/promtext/promparser.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace kube {

namespace promparserdetail {

std::string quoted(std::string_view text);
std::string_view typeName(PromMetricType type);
bool equalsLower(std::string_view text, std::string_view lower);
std::int64_t secondsToMs(double seconds);

} // namespace promparserdetail

struct PromParser::State
{
    State(PromVisitor &v, const Options &o)
        : visitor(v)
        , options(o)
        , om(o.format == PromFormat::OpenMetrics)
    {}

    PromVisitor &visitor;
    Options options;
    const bool om;
    PromFamilyTable families;
    std::string tail;
    std::uint64_t line = 0;
    bool failed = false;
    bool finished = false;
    PromError error;

    PromFamilyTable::Family *current = nullptr; // OpenMetrics: the open family
    bool sawEof = false;
    PromOmValidator validator;
    std::string message;

    std::vector<PromLabel> labels;
    std::vector<PromLabel> exemplarLabels;
    std::string scratch;
    std::size_t scratchUsed = 0;
    bool scratchReady = false;
    std::vector<std::string_view> sortedNames;

    bool fail(std::size_t pos, std::string text)
    {
        if (!failed) {
            failed = true;
            error.line = line;
            error.column = pos + 1;
            error.message = std::move(text);
        }
        return false;
    }

    bool failToken(std::size_t pos, std::string_view token, std::string what)
    {
        const std::size_t cr = token.find('\r');
        if (cr != std::string_view::npos)
            return fail(pos + cr, "carriage return found: CRLF line endings are not allowed");
        if (token.find('\0') != std::string_view::npos)
            return fail(pos + token.find('\0'), "NUL byte in the input");
        return fail(pos, what + promparserdetail::quoted(token));
    }

    bool processLine(std::string_view text)
    {
        ++line;
        scratchReady = false;
        scratchUsed = 0;
        return om ? parseLineOm(text) : parseLine004(text);
    }

    static void skipBlanks(std::string_view text, std::size_t &i)
    {
        while (i < text.size() && promchars::is(text[i], promchars::Blank))
            ++i;
    }

    bool readLabelValue(std::string_view text, std::size_t &i, std::string_view &out);
    bool isDuplicate(std::string_view name, std::size_t pos, std::string_view metric);
    bool checkDuplicatesSorted(std::string_view metric, std::size_t pos);

    // 0.0.4
    bool parseLine004(std::string_view text);
    bool parseComment004(std::string_view text, std::size_t i);
    bool parseSample004(std::string_view text, std::size_t i);
    bool unescapeHelp004(std::string_view text, std::size_t start, std::string &out);

    // OpenMetrics
    bool parseLineOm(std::string_view text);
    bool parseMetadataOm(std::string_view text, char keyword);
    bool parseSampleOm(std::string_view text);
    bool parseLabelsOm(std::string_view text, std::size_t &i, std::vector<PromLabel> &into,
                       std::string_view metric);
    bool openFamilyOm(std::string_view name, std::size_t pos);
    bool closeFamilyOm();
};

} // namespace kube
