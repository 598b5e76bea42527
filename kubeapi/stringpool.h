#pragma once

// Shares one QString among equal, often repeated values (namespaces, node names, images, label
// keys and values) while decoding, so 150,000 pods do not hold 150,000 copies of "default".
#include <QString>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kube {

class StringPool final
{
public:
    // Stops adding entries beyond this many (values that never repeat would only cost memory);
    // lookups of known values keep working.
    explicit StringPool(std::size_t maxEntries = 200000) : m_maxEntries(maxEntries) {}

    QString intern(std::string_view utf8);
    std::size_t size() const { return m_pool.size(); }
    void clear() { m_pool.clear(); }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_pool;
    std::size_t m_maxEntries;
};

} // namespace kube
