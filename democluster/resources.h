#pragma once

// The resource types the demo API server serves, with what discovery must say about them
// (verbs, short names, categories, subresources) and which field selectors each supports.
#include "democluster/objectstore.h"

#include <string>
#include <vector>

namespace demo {

struct Subresource
{
    std::string name; // "scale"
    std::string group;
    std::string version;
    std::string kind;
    std::vector<std::string> verbs;
};

struct ResourceInfo
{
    ResourceType type;
    std::vector<std::string> verbs;
    std::vector<std::string> categories;
    std::vector<Subresource> subresources;
    // Field labels beyond metadata.name / metadata.namespace, with the JSON path they read.
    std::vector<std::pair<std::string, std::string>> fields;
    bool stored = true; // false: computed on request (metrics.k8s.io, access reviews)
};

struct GroupVersion
{
    std::string group;
    std::string version;
};

// Every resource, in discovery order; the first version of a group is its preferred one.
const std::vector<ResourceInfo> &builtinResources();
const std::vector<GroupVersion> &builtinGroupVersions();
const ResourceInfo *findResource(const std::string &group, const std::string &version,
                                 const std::string &resource);

// Registers every stored resource type with the store (idempotent).
void registerBuiltinTypes(ObjectStore &store);

} // namespace demo
