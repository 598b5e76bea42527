#include "kubeapi/objects/stringpool.h"

namespace kube {

QString StringPool::intern(std::string_view utf8)
{
    if (utf8.empty())
        return {};
    if (auto it = m_pool.find(utf8); it != m_pool.end())
        return it->second;
    QString s = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    if (m_pool.size() < m_maxEntries)
        m_pool.emplace(std::string(utf8), s);
    return s;
}

} // namespace kube
