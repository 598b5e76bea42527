#pragma once

// A named index of a store: key (a namespace, a node, an owner UID, a controller key, a
// label) → the ids of the objects filed under it. Sets that become empty go.
#include <QHash>
#include <QSet>
#include <QString>

class KeyIndex final
{
public:
    void add(const QString &key, const QString &id) { m_index[key].insert(id); }
    void remove(const QString &key, const QString &id)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return;
        it->remove(id);
        if (it->isEmpty())
            m_index.erase(it);
    }
    void move(const QString &from, const QString &to, const QString &id)
    {
        if (from == to)
            return;
        remove(from, id);
        add(to, id);
    }
    QSet<QString> value(const QString &key) const { return m_index.value(key); }
    qsizetype count(const QString &key) const
    {
        const auto it = m_index.constFind(key);
        return it == m_index.cend() ? 0 : it->size();
    }
    bool contains(const QString &key) const { return m_index.contains(key); }
    QList<QString> keys() const { return m_index.keys(); }
    void clear() { m_index.clear(); }

private:
    QHash<QString, QSet<QString>> m_index;
};
