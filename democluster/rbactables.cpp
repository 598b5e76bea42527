#include "democluster/rbactables.h"

#include "democluster/tables.h"

namespace demo {

using nlohmann::json;

json RbacTables::bindingColumns()
{
    json defs = json::array();
    for (const auto &[name, priority] :
         std::initializer_list<std::pair<const char *, int>>{{"Name", 0},
                                                             {"Role", 0},
                                                             {"Age", 0},
                                                             {"Users", 1},
                                                             {"Groups", 1},
                                                             {"ServiceAccounts", 1}})
        defs.push_back({{"name", name},
                        {"type", "string"},
                        {"format", std::string(name) == "Name" ? "name" : ""},
                        {"description", ""},
                        {"priority", priority}});
    return defs;
}

json RbacTables::bindingCells(const json &binding, std::time_t now)
{
    const json meta = binding.value("metadata", json::object());
    const json ref = binding.value("roleRef", json::object());
    std::string users, groups, serviceAccounts;
    for (const json &s : binding.value("subjects", json::array())) {
        if (!s.is_object())
            continue;
        const std::string kind = s.value("kind", std::string());
        const std::string ns = s.value("namespace", std::string());
        std::string name = s.value("name", std::string());
        std::string *list = kind == "User" ? &users : kind == "Group" ? &groups : nullptr;
        if (kind == "ServiceAccount") {
            list = &serviceAccounts;
            if (!ns.empty())
                name = ns + "/" + name;
        }
        if (list)
            *list += (list->empty() ? "" : ", ") + name;
    }
    const std::time_t created = parseTime(meta.value("creationTimestamp", std::string()));
    return {meta.value("name", std::string()),
            ref.value("kind", std::string()) + "/" + ref.value("name", std::string()),
            created == 0 ? "<unknown>" : humanDuration(now - created),
            users,
            groups,
            serviceAccounts};
}

} // namespace demo
