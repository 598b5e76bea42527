#pragma once

// Reading an object's fields for a Table row the way kube-apiserver's printers do: strings and
// numbers by JSON pointer, ages as kubectl prints them, selectors in their String() form.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <ctime>
#include <initializer_list>
#include <string>

namespace demo::tablecells {

struct Column
{
    const char *name;
    const char *type;
    int priority;
};

// Column definitions; "Name" gets the name format.
nlohmann::json columns(std::initializer_list<Column> list);
// The string (or number) at `pointer`, else `fallback` (also for an empty string).
std::string str(const nlohmann::json &object, const char *pointer,
                const std::string &fallback = {});
std::int64_t num(const nlohmann::json &object, const char *pointer);
// The age of the timestamp at `pointer` ("5m", "<unknown>").
std::string age(const nlohmann::json &object, const char *pointer, std::time_t now);
// `field` of each item of a list, comma-separated.
std::string joined(const nlohmann::json &list, const char *field);
// metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key; "<none>" if empty.
std::string selectorString(const nlohmann::json &selector);
// A map selector (Service spec.selector) as key=value,…; "<none>" if empty.
std::string mapSelector(const nlohmann::json &map);

} // namespace demo::tablecells
