#include "app/snapshot.h"

namespace snapshot {

void scrub(nlohmann::json &object)
{
    if (!object.is_object())
        return;
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return;
    meta->erase("managedFields");
    auto annotations = meta->find("annotations");
    if (annotations != meta->end() && annotations->is_object())
        annotations->erase("kubectl.kubernetes.io/last-applied-configuration");
}

} // namespace snapshot
