#pragma once

// Shares one QString among equal, often repeated values (namespaces, node names, images, label
// keys and values) while decoding, so 150,000 pods do not hold 150,000 copies of "default";
// likewise whole decoded lists that repeat verbatim (the containers, labels and owner
// references of the pods of one ReplicaSet), which Qt's implicit sharing then holds once.
#include <QString>

#include <any>
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
    explicit StringPool(std::size_t maxEntries = 200000)
        : m_maxEntries(maxEntries)
    {}

    QString intern(std::string_view utf8);
    std::size_t size() const { return m_pool.size(); }
    std::size_t sharedValues() const { return m_shared.size(); }
    void clear()
    {
        m_pool.clear();
        m_shared.clear();
        m_sharedKeyBytes = 0;
    }

    // A decoded value stored under `key` (the source JSON text), or nullptr.
    template<typename T>
    const T *findShared(const std::string &key) const
    {
        const auto it = m_shared.find(key);
        return it == m_shared.end() ? nullptr : std::any_cast<T>(&it->second);
    }
    template<typename T>
    void storeShared(std::string key, const T &value)
    {
        if (m_sharedKeyBytes + key.size() > kMaxSharedKeyBytes)
            return;
        m_sharedKeyBytes += key.size();
        m_shared.emplace(std::move(key), std::any(value));
    }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    static constexpr std::size_t kMaxSharedKeyBytes = 32 * 1024 * 1024;
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_pool;
    std::unordered_map<std::string, std::any> m_shared;
    std::size_t m_sharedKeyBytes = 0;
    std::size_t m_maxEntries;
};

} // namespace kube
