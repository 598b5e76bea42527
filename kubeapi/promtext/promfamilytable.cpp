#include "kubeapi/promtext/promfamilytable.h"

namespace kube {

namespace {

bool stripSuffix(std::string_view name, std::string_view suffix, std::string_view &base)
{
    if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix)
        return false;
    base = name.substr(0, name.size() - suffix.size());
    return true;
}

} // namespace

PromFamilyTable::Family *PromFamilyTable::find(std::string_view name)
{
    const auto it = m_families.find(name);
    return it == m_families.end() ? nullptr : &it->second;
}

PromFamilyTable::Family &PromFamilyTable::create(std::string_view name)
{
    auto [it, inserted] = m_families.try_emplace(std::string(name));
    if (inserted)
        it->second.name = it->first;
    return it->second;
}

PromFamilyTable::Resolved PromFamilyTable::resolve004(std::string_view name)
{
    // The answer for a name never changes once given: an exact family always wins, and an
    // exact family is only ever created for a name that resolved to nothing else.
    if (m_cached.family != nullptr && name == m_cachedName)
        return m_cached;
    Resolved r;
    r.family = find(name);
    if (r.family == nullptr) {
        std::string_view base;
        const bool isSum = stripSuffix(name, "_sum", base);
        const bool isCount = !isSum && stripSuffix(name, "_count", base);
        if (isSum || isCount) {
            Family *f = find(base);
            if (f != nullptr
                && (f->type == PromMetricType::Summary || f->type == PromMetricType::Histogram)) {
                r.family = f;
                r.kind = isSum ? PromSampleKind::Sum : PromSampleKind::Count;
            }
        } else if (stripSuffix(name, "_bucket", base)) {
            Family *f = find(base);
            if (f != nullptr && f->type == PromMetricType::Histogram) {
                r.family = f;
                r.kind = PromSampleKind::Bucket;
            }
        }
    }
    if (r.family == nullptr)
        r.family = &create(name);
    m_cachedName.assign(name);
    m_cached = r;
    return r;
}

} // namespace kube
