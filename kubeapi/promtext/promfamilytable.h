#pragma once

// The metric families a body has named so far, and which family a sample line belongs to
// (expfmt's rules for 0.0.4: _bucket/_sum/_count join x only after "# TYPE x histogram|summary").
#include "kubeapi/promtext/promtypes.h"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kube {

class PromFamilyTable final
{
public:
    struct Family
    {
        std::string name;
        PromMetricType type = PromMetricType::Untyped;
        bool typeFixed = false; // TYPE seen, or (0.0.4) a sample fixed it as untyped
        bool hasHelp = false;
        bool hasUnit = false;
        bool hasSamples = false;
        std::string help;
        std::string unit;

        PromFamilyView view() const { return {name, type, help, unit, hasHelp}; }
    };

    struct Resolved
    {
        Family *family = nullptr;
        PromSampleKind kind = PromSampleKind::Value;
    };

    // 0.0.4: the family of a sample or metadata name, created if new. Cached for the last
    // name, because consecutive lines nearly always repeat it.
    Resolved resolve004(std::string_view name);

    Family *find(std::string_view name);
    Family &create(std::string_view name);

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };

    std::unordered_map<std::string, Family, Hash, std::equal_to<>> m_families;
    std::string m_cachedName;
    Resolved m_cached;
};

} // namespace kube
