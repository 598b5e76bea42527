#pragma once

// Objects of one kind filed by namespace and name (ResourceQuotas, LimitRanges,
// NetworkPolicies): a few per namespace, read a namespace at a time, in name order.
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

template<typename T>
class NamespacedObjects final
{
public:
    using Ptr = std::shared_ptr<const T>;

    void upsert(Ptr object)
    {
        const QString ns = object->metadata.namespaceName;
        const QString name = object->metadata.name;
        m_byNamespace[ns].insert(name, std::move(object));
    }
    // Whether there was such an object.
    bool remove(const QString &ns, const QString &name)
    {
        auto it = m_byNamespace.find(ns);
        if (it == m_byNamespace.end() || it->remove(name) == 0)
            return false;
        if (it->isEmpty())
            m_byNamespace.erase(it);
        return true;
    }
    QList<const T *> in(const QString &ns) const
    {
        QList<const T *> out;
        const auto it = m_byNamespace.constFind(ns);
        if (it == m_byNamespace.cend())
            return out;
        out.reserve(it->size());
        for (const Ptr &p : *it)
            out.append(p.get());
        return out;
    }
    qsizetype countIn(const QString &ns) const { return m_byNamespace.value(ns).size(); }
    void clear() { m_byNamespace.clear(); }

private:
    QHash<QString, QMap<QString, Ptr>> m_byNamespace;
};
