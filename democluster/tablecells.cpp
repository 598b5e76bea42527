#include "democluster/tablecells.h"

#include "democluster/tables.h"

#include <map>

namespace demo::tablecells {

using nlohmann::json;

json columns(std::initializer_list<Column> list)
{
    json defs = json::array();
    for (const Column &c : list) {
        json def = {{"name", c.name},
                    {"type", c.type},
                    {"format", ""},
                    {"description", ""},
                    {"priority", c.priority}};
        if (std::string(c.name) == "Name")
            def["format"] = "name";
        defs.push_back(def);
    }
    return defs;
}

std::string str(const json &object, const char *pointer, const std::string &fallback)
{
    const json::json_pointer p(pointer);
    if (!object.contains(p))
        return fallback;
    const json &v = object.at(p);
    if (v.is_string())
        return v.get<std::string>().empty() ? fallback : v.get<std::string>();
    if (v.is_number())
        return v.dump();
    return fallback;
}

std::int64_t num(const json &object, const char *pointer)
{
    const json::json_pointer p(pointer);
    if (!object.contains(p) || !object.at(p).is_number())
        return 0;
    return object.at(p).get<std::int64_t>();
}

std::string age(const json &object, const char *pointer, std::time_t now)
{
    const std::string t = str(object, pointer);
    if (t.empty())
        return "<unknown>";
    const std::time_t then = parseTime(t);
    return then == 0 ? "<unknown>" : humanDuration(now - then);
}

std::string joined(const json &list, const char *field)
{
    std::string out;
    if (!list.is_array())
        return out;
    for (const json &item : list) {
        if (!out.empty())
            out += ',';
        out += item.value(field, std::string());
    }
    return out;
}

// metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key.
std::string selectorString(const json &selector)
{
    if (!selector.is_object())
        return "<none>";
    std::map<std::string, std::string> terms;
    if (selector.contains("matchLabels") && selector["matchLabels"].is_object())
        for (auto it = selector["matchLabels"].begin(); it != selector["matchLabels"].end(); ++it)
            terms[it.key()] = it.key() + "=" + it.value().get<std::string>();
    if (selector.contains("matchExpressions") && selector["matchExpressions"].is_array())
        for (const json &e : selector["matchExpressions"]) {
            const std::string key = e.value("key", std::string());
            const std::string op = e.value("operator", std::string());
            std::string values;
            for (const json &v : e.value("values", json::array()))
                values += (values.empty() ? "" : ",") + v.get<std::string>();
            if (op == "In")
                terms[key] = key + " in (" + values + ")";
            else if (op == "NotIn")
                terms[key] = key + " notin (" + values + ")";
            else if (op == "Exists")
                terms[key] = key;
            else
                terms[key] = "!" + key;
        }
    std::string out;
    for (const auto &[key, term] : terms)
        out += (out.empty() ? "" : ",") + term;
    return out.empty() ? "<none>" : out;
}

std::string mapSelector(const json &map)
{
    if (!map.is_object() || map.empty())
        return "<none>";
    std::string out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out += (out.empty() ? "" : ",") + it.key() + "=" + it.value().get<std::string>();
    return out;
}

} // namespace demo::tablecells
