#pragma once

// Table columns of RoleBindings and ClusterRoleBindings as kube-apiserver prints them
// (Name, Role as Kind/name, Age; wide: Users, Groups, ServiceAccounts). Roles and ClusterRoles
// use the generic Name / Created At table.
#include <nlohmann/json.hpp>

#include <ctime>

namespace demo {

class RbacTables final
{
public:
    static nlohmann::json bindingColumns();
    static nlohmann::json bindingCells(const nlohmann::json &binding, std::time_t now);
};

} // namespace demo
