#pragma once

// An informer for one kind (T from objects.h): keeps a cache of the server's objects by UID,
// up to date through list + watch (see InformerBase), and reports every change. Large list
// pages are decoded on the thread pool; the cache is touched only on the owner's thread.
#include "kubeapi/decoders.h"
#include "kubeapi/informerbase.h"
#include "kubeapi/stringpool.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace kube {

template<typename T>
class Informer final : public InformerBase
{
public:
    using Ptr = std::shared_ptr<const T>;
    // Typed change callbacks (in addition to the UID signals of InformerBase), called on the
    // owner's thread after the cache changed. `removed` gets the object as it was last seen.
    struct Handlers
    {
        std::function<void(const Ptr &object)> added;
        std::function<void(const Ptr &before, const Ptr &now)> updated;
        std::function<void(const Ptr &object)> removed;
    };

    explicit Informer(ApiClient *client, QObject *parent = nullptr)
        : InformerBase(client, resourceKindOf<T>(), parent)
    {
    }

    void setHandlers(Handlers handlers) { m_handlers = std::move(handlers); }
    Ptr get(const QString &uid) const { return m_objects.value(uid); }
    const QHash<QString, Ptr> &objects() const { return m_objects; }
    qsizetype size() const override { return m_objects.size(); }
    QStringList uids() const override { return m_objects.keys(); }

    // The cache key: the UID (ns/name only for objects a server sent without one).
    static QString keyOf(const T &object)
    {
        if (!object.metadata.uid.isEmpty())
            return object.metadata.uid;
        return object.metadata.namespaceName + QLatin1Char('/') + object.metadata.name;
    }

protected:
    void decodePage(int scopeId, quint64 generation, QByteArray body) override
    {
        QtConcurrent::run([body = std::move(body)] {
            // One pool per page: pools are not thread-safe and pages may decode in parallel.
            StringPool pool;
            return decodeList<T>(QByteArrayView(body), &pool);
        }).then(this, [this, scopeId, generation](DecodedList<T> list) {
            if (!isCurrent(scopeId, generation))
                return; // a newer list or a stop() made this page obsolete
            if (list.ok()) {
                for (T &item : list.items) {
                    markSeen(scopeId, keyOf(item));
                    upsert(std::move(item));
                }
            }
            pageDecoded(scopeId, generation, list.metadata, list.error);
        });
    }

    void handleWatchLine(int scopeId, const QByteArray &line) override
    {
        WatchEvent<T> event = decodeWatchEvent<T>(QByteArrayView(line), &m_pool);
        if (!event.ok()) {
            watchFailed(scopeId, ApiError::decode(errorContext(QStringLiteral("watch"),
                                                               scopeNamespace(scopeId)),
                                                  event.error));
            return;
        }
        const QString rv = event.object.metadata.resourceVersion;
        switch (event.type) {
        case WatchEventType::Added:
        case WatchEventType::Modified:
            upsert(std::move(event.object));
            break;
        case WatchEventType::Deleted:
            remove(keyOf(event.object));
            break;
        case WatchEventType::Bookmark:
            break;
        case WatchEventType::Error: {
            const Status &st = event.status;
            watchFailed(scopeId,
                        ApiError::fromStatusFields(errorContext(QStringLiteral("watch"),
                                                                scopeNamespace(scopeId)),
                                                   st.code, st.reason, st.message,
                                                   st.retryAfterSeconds));
            return;
        }
        }
        watchResourceVersion(scopeId, rv);
        watchEventSeen(scopeId);
    }

    void removeUnseen(const QString &ns, const QSet<QString> &seen) override
    {
        QStringList gone;
        for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
            if ((ns.isEmpty() || it.value()->metadata.namespaceName == ns)
                && !seen.contains(it.key()))
                gone.append(it.key());
        }
        for (const QString &uid : std::as_const(gone))
            remove(uid);
    }

private:
    // Merge one object: new UID → added; changed resourceVersion → updated; same → nothing.
    void upsert(T &&object)
    {
        const QString uid = keyOf(object);
        auto it = m_objects.find(uid);
        if (it == m_objects.end()) {
            Ptr now = std::make_shared<const T>(std::move(object));
            m_objects.insert(uid, now);
            if (m_handlers.added)
                m_handlers.added(now);
            Q_EMIT objectAdded(uid);
            return;
        }
        if (it.value()->metadata.resourceVersion == object.metadata.resourceVersion)
            return;
        Ptr before = it.value();
        Ptr now = std::make_shared<const T>(std::move(object));
        it.value() = now;
        if (m_handlers.updated)
            m_handlers.updated(before, now);
        Q_EMIT objectUpdated(uid);
    }

    void remove(const QString &uid)
    {
        const Ptr before = m_objects.take(uid);
        if (!before)
            return;
        if (m_handlers.removed)
            m_handlers.removed(before);
        Q_EMIT objectRemoved(uid);
    }

    QHash<QString, Ptr> m_objects;
    Handlers m_handlers;
    StringPool m_pool; // watch events, decoded on the owner's thread
};

} // namespace kube
