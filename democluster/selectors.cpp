#include "democluster/selectors.h"

#include "democluster/apierrors.h"

#include <cctype>
#include <cstdlib>

namespace demo {

namespace {

std::string trim(const std::string &s)
{
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return s.substr(a, b - a);
}

// Splits at commas outside parentheses (label selectors: "a in (x,y),b").
std::vector<std::string> splitTerms(const std::string &text)
{
    std::vector<std::string> parts;
    std::string current;
    int depth = 0;
    for (char c : text) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

bool validKey(const std::string &key)
{
    if (key.empty() || key.size() > 316)
        return false;
    for (char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.'
            && c != '/')
            return false;
    return true;
}

ApiError parseError(const std::string &term, const std::string &why)
{
    return errors::badRequest("unable to parse requirement: " + why + ": \"" + term + "\"");
}

} // namespace

LabelSelector::LabelSelector(const std::string &text)
{
    if (trim(text).empty())
        return;
    for (const std::string &raw : splitTerms(text)) {
        const std::string term = trim(raw);
        if (term.empty())
            throw parseError(text, "found ',', expected: identifier");
        Term t;
        if (term[0] == '!') {
            t.key = trim(term.substr(1));
            t.op = Op::NotExists;
        } else if (const auto paren = term.find('('); paren != std::string::npos) {
            const std::string head = trim(term.substr(0, paren));
            const auto space = head.find_last_of(" \t");
            if (space == std::string::npos || term.back() != ')')
                throw parseError(term, "expected: in, notin");
            t.key = trim(head.substr(0, space));
            const std::string op = head.substr(space + 1);
            if (op == "in")
                t.op = Op::In;
            else if (op == "notin")
                t.op = Op::NotIn;
            else
                throw parseError(term, "found '" + op + "', expected: in, notin");
            const std::string inner = term.substr(paren + 1, term.size() - paren - 2);
            std::size_t start = 0;
            for (;;) {
                const auto comma = inner.find(',', start);
                t.values.push_back(trim(inner.substr(start, comma - start)));
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
        } else if (const auto ne = term.find("!="); ne != std::string::npos) {
            t.key = trim(term.substr(0, ne));
            t.op = Op::NotEquals;
            t.values = {trim(term.substr(ne + 2))};
        } else if (const auto eq = term.find('='); eq != std::string::npos) {
            t.key = trim(term.substr(0, eq));
            t.op = Op::Equals;
            std::size_t valueAt = eq + 1;
            if (valueAt < term.size() && term[valueAt] == '=')
                ++valueAt;
            t.values = {trim(term.substr(valueAt))};
        } else if (const auto cmp = term.find_first_of("<>"); cmp != std::string::npos) {
            t.key = trim(term.substr(0, cmp));
            t.op = term[cmp] == '>' ? Op::Greater : Op::Less;
            t.values = {trim(term.substr(cmp + 1))};
            char *end = nullptr;
            std::strtoll(t.values[0].c_str(), &end, 10);
            if (t.values[0].empty() || *end != '\0')
                throw parseError(term, "for 'Gt', 'Lt' operators, the value must be an integer");
        } else {
            t.key = term;
            t.op = Op::Exists;
        }
        if (!validKey(t.key))
            throw parseError(term, "invalid label key \"" + t.key + "\"");
        m_terms.push_back(std::move(t));
    }
}

bool LabelSelector::matches(const nlohmann::json &object) const
{
    static const nlohmann::json empty = nlohmann::json::object();
    const auto meta = object.find("metadata");
    const nlohmann::json *labels = &empty;
    if (meta != object.end()) {
        const auto l = meta->find("labels");
        if (l != meta->end() && l->is_object())
            labels = &*l;
    }
    for (const Term &t : m_terms) {
        const auto it = labels->find(t.key);
        const bool has = it != labels->end() && it->is_string();
        const std::string value = has ? it->get<std::string>() : std::string();
        bool ok = false;
        switch (t.op) {
        case Op::Equals:
            ok = has && value == t.values[0];
            break;
        case Op::NotEquals:
            ok = !has || value != t.values[0];
            break;
        case Op::In:
            ok = has && std::find(t.values.begin(), t.values.end(), value) != t.values.end();
            break;
        case Op::NotIn:
            ok = !has || std::find(t.values.begin(), t.values.end(), value) == t.values.end();
            break;
        case Op::Exists:
            ok = has;
            break;
        case Op::NotExists:
            ok = !has;
            break;
        case Op::Greater:
        case Op::Less: {
            char *end = nullptr;
            const long long v = std::strtoll(value.c_str(), &end, 10);
            const long long limit = std::strtoll(t.values[0].c_str(), &end, 10);
            ok = has && !value.empty() && (t.op == Op::Greater ? v > limit : v < limit);
            break;
        }
        }
        if (!ok)
            return false;
    }
    return true;
}

FieldSelector::FieldSelector(const std::string &text, const ResourceInfo &resource)
{
    if (trim(text).empty())
        return;
    // Split on unescaped commas, then on the first unescaped operator; \, \= \\ are escapes.
    std::vector<std::string> raw(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            raw.back() += text[i];
            raw.back() += text[++i];
        } else if (text[i] == ',') {
            raw.emplace_back();
        } else {
            raw.back() += text[i];
        }
    }
    for (const std::string &term : raw) {
        Term t;
        std::size_t opAt = std::string::npos, opLen = 0;
        for (std::size_t i = 0; i < term.size(); ++i) {
            if (term[i] == '\\') {
                ++i;
                continue;
            }
            if (term.compare(i, 2, "!=") == 0) {
                opAt = i, opLen = 2, t.negated = true;
                break;
            }
            if (term.compare(i, 2, "==") == 0) {
                opAt = i, opLen = 2, t.negated = false;
                break;
            }
            if (term[i] == '=') {
                opAt = i, opLen = 1, t.negated = false;
                break;
            }
        }
        if (opAt == std::string::npos)
            throw errors::badRequest("invalid selector: '" + text + "'; can't understand '" + term
                                     + "'");
        t.field = trim(term.substr(0, opAt));
        for (std::size_t i = opAt + opLen; i < term.size(); ++i) {
            if (term[i] == '\\' && i + 1 < term.size())
                ++i;
            t.value += term[i];
        }
        if (t.field == "metadata.name")
            t.pointer = "/metadata/name";
        else if (t.field == "metadata.namespace")
            t.pointer = "/metadata/namespace";
        for (const auto &[label, pointer] : resource.fields)
            if (label == t.field)
                t.pointer = pointer;
        if (t.pointer.empty())
            throw errors::badRequest("field label not supported: " + t.field);
        m_terms.push_back(std::move(t));
    }
}

bool FieldSelector::matches(const nlohmann::json &object) const
{
    for (const Term &t : m_terms) {
        const nlohmann::json::json_pointer pointer(t.pointer);
        std::string value;
        if (object.contains(pointer)) {
            const nlohmann::json &v = object.at(pointer);
            if (v.is_string())
                value = v.get<std::string>();
            else if (v.is_boolean())
                value = v.get<bool>() ? "true" : "false";
            else if (v.is_number())
                value = v.dump();
        } else if (t.field == "spec.unschedulable" || t.field == "spec.hostNetwork") {
            value = "false";
        }
        if ((value == t.value) == t.negated)
            return false;
    }
    return true;
}

std::string FieldSelector::required(const std::string &field) const
{
    for (const Term &t : m_terms)
        if (t.field == field && !t.negated)
            return t.value;
    return {};
}

} // namespace demo
