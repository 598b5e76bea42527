#pragma once

// labelSelector and fieldSelector as the API server parses and applies them (fact sheet §5).
// Parse errors and unsupported field labels throw ApiError 400.
#include "democluster/resources.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace demo {

class LabelSelector final
{
public:
    explicit LabelSelector(const std::string &text = {});
    bool matches(const nlohmann::json &object) const;
    bool empty() const { return m_terms.empty(); }

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, NotExists, Greater, Less };
    struct Term
    {
        std::string key;
        Op op;
        std::vector<std::string> values;
    };
    std::vector<Term> m_terms;
};

class FieldSelector final
{
public:
    FieldSelector() = default;
    FieldSelector(const std::string &text, const ResourceInfo &resource);
    bool matches(const nlohmann::json &object) const;
    bool empty() const { return m_terms.empty(); }
    // The value a term requires for `field` with `=` (e.g. metadata.name), or empty.
    std::string required(const std::string &field) const;

private:
    struct Term
    {
        std::string field;
        std::string pointer;
        bool negated;
        std::string value;
    };
    std::vector<Term> m_terms;
};

} // namespace demo
