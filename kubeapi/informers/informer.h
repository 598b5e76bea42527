#pragma once

// An informer for one kind (T from objects.h): keeps a cache of the server's objects by UID,
// up to date through list + watch (see InformerBase), and reports every change. List pages and
// watch events are decoded on the thread pool; the cache is touched only on the owner's thread.
#include "kubeapi/informers/informerbase.h"
#include "kubeapi/objects/decoders.h"
#include "kubeapi/objects/stringpool.h"
#include "kubeapi/offthread.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMetaObject>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace kube {

template<typename T>
class Informer final : public InformerBase
{
public:
    using Ptr = std::shared_ptr<const T>;
    // Typed change callbacks (in addition to the UID signals of InformerBase), called on the
    // owner's thread after the cache changed, for every subscriber in the order they were
    // added. `removed` gets the object as it was last seen.
    struct Handlers
    {
        std::function<void(const Ptr &object)> added;
        std::function<void(const Ptr &before, const Ptr &now)> updated;
        std::function<void(const Ptr &object)> removed;
    };

    explicit Informer(ApiClient *client, QObject *parent = nullptr)
        : InformerBase(client, resourceKindOf<T>(), parent)
    {}
    // For T = RawObject, which can hold any kind: the kind is named here.
    Informer(ApiClient *client, ResourceKind kind, QObject *parent = nullptr)
        : InformerBase(client, std::move(kind), parent)
    {}

    void addHandlers(Handlers handlers) { m_handlers.push_back(std::move(handlers)); }
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
        runOffThread(
            this,
            [body = std::move(body), reserve = pageSize()] {
                // One pool per page: pools are not thread-safe and pages may decode in parallel.
                StringPool pool;
                DecodedPage page;
                page.items.reserve(std::size_t(reserve));
                // Keys and shared objects are made here, off the owner's thread: it only files them.
                page.error = decodeListStreaming<T>(
                    QByteArrayView(body), &page.metadata,
                    [&page](T &&item) {
                        QString key = keyOf(item);
                        page.items.push_back(
                            {std::move(key), std::make_shared<const T>(std::move(item))});
                    },
                    &pool);
                return page;
            },
            [this, scopeId, generation](DecodedPage page) {
                if (!isCurrent(scopeId, generation))
                    return; // a newer list or a stop() made this page obsolete
                if (page.error.isEmpty()) {
                    if (m_objects.isEmpty() && page.metadata.remainingItemCount > 0)
                        m_objects.reserve(
                            qsizetype(page.items.size() + page.metadata.remainingItemCount));
                    const bool track = tracksSeen(scopeId);
                    for (Keyed &item : page.items) {
                        if (track)
                            markSeen(scopeId, item.key);
                        upsert(item.key, std::move(item.object));
                    }
                }
                pageDecoded(scopeId, generation, page.metadata, page.error);
            });
    }

    void decodeWatchLines(int scopeId, quint64 generation, QList<QByteArray> lines) override
    {
        // The pool is shared with the worker; only one batch of this informer decodes at a time.
        runOffThread(
            this,
            [lines = std::move(lines), pool = m_pool] {
                std::vector<Event> events;
                events.reserve(std::size_t(lines.size()));
                for (const QByteArray &line : lines) {
                    WatchEvent<T> decoded = decodeWatchEvent<T>(QByteArrayView(line), pool.get());
                    Event event;
                    event.type = decoded.type;
                    event.error = std::move(decoded.error);
                    event.status = std::move(decoded.status);
                    event.resourceVersion = decoded.object.metadata.resourceVersion;
                    const bool ends = !event.error.isEmpty() || event.type == WatchEventType::Error;
                    if (!ends && event.type != WatchEventType::Bookmark) {
                        event.key = keyOf(decoded.object);
                        if (event.type != WatchEventType::Deleted)
                            event.object = std::make_shared<const T>(std::move(decoded.object));
                    }
                    events.push_back(std::move(event));
                    if (ends)
                        break; // the watch ends here: what follows would be dropped
                }
                return events;
            },
            [this, scopeId, generation](std::vector<Event> events) {
                m_applyQueue.push_back(EventBatch{scopeId, generation, std::move(events), 0});
                watchLinesDecoded();
                applyWatchEvents();
            });
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

    void removeOutside(const QStringList &namespaces) override
    {
        QStringList gone;
        for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
            if (!namespaces.contains(it.value()->metadata.namespaceName))
                gone.append(it.key());
        }
        for (const QString &uid : std::as_const(gone))
            remove(uid);
    }

private:
    struct Keyed
    {
        QString key;
        Ptr object;
    };
    struct DecodedPage
    {
        ListMeta metadata;
        std::vector<Keyed> items;
        QString error;
    };
    // A decoded watch event, ready to file: what the owner's thread needs and nothing else.
    struct Event
    {
        WatchEventType type = WatchEventType::Error;
        QString key;             // ADDED, MODIFIED, DELETED
        Ptr object;              // ADDED, MODIFIED
        QString resourceVersion; // all but ERROR
        Status status;           // ERROR
        QString error;           // the line could not be decoded
    };
    struct EventBatch
    {
        int scopeId = 0;
        quint64 generation = 0;
        std::vector<Event> events;
        std::size_t next = 0;
    };
    // How long one turn of the owner's event loop may spend applying watch events: a burst is
    // spread over several turns so that painting and input go on in between.
    static constexpr qint64 kApplySliceNs = 4'000'000;

    void applyWatchEvents()
    {
        if (m_applyScheduled)
            return;
        QElapsedTimer slice;
        slice.start();
        while (!m_applyQueue.empty()) {
            EventBatch &batch = m_applyQueue.front();
            while (batch.next < batch.events.size() && isCurrent(batch.scopeId, batch.generation)) {
                applyWatchEvent(batch.scopeId, std::move(batch.events[batch.next++]));
                if (batch.next < batch.events.size() && slice.nsecsElapsed() > kApplySliceNs) {
                    scheduleApply();
                    return;
                }
            }
            const int scopeId = batch.scopeId;
            const quint64 generation = batch.generation;
            m_applyQueue.pop_front();
            watchBatchApplied(scopeId, generation); // may resume or restart the watch
            if (slice.nsecsElapsed() > kApplySliceNs && !m_applyQueue.empty()) {
                scheduleApply();
                return;
            }
        }
    }

    void scheduleApply()
    {
        m_applyScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_applyScheduled = false;
                applyWatchEvents();
            },
            Qt::QueuedConnection);
    }

    void applyWatchEvent(int scopeId, Event &&event)
    {
        if (!event.error.isEmpty()) {
            watchFailed(scopeId, ApiError::decode(
                                     errorContext(QStringLiteral("watch"), scopeNamespace(scopeId)),
                                     event.error));
            return;
        }
        switch (event.type) {
        case WatchEventType::Added:
        case WatchEventType::Modified:
            upsert(event.key, std::move(event.object));
            break;
        case WatchEventType::Deleted:
            remove(event.key);
            break;
        case WatchEventType::Bookmark:
            break;
        case WatchEventType::Error: {
            const Status &st = event.status;
            watchFailed(scopeId, ApiError::fromStatusFields(
                                     errorContext(QStringLiteral("watch"), scopeNamespace(scopeId)),
                                     st.code, st.reason, st.message, st.retryAfterSeconds));
            return;
        }
        }
        watchResourceVersion(scopeId, event.resourceVersion);
        watchEventSeen(scopeId);
    }

    // Merge one object: new UID → added; changed resourceVersion → updated; same → nothing.
    void upsert(const QString &uid, Ptr now)
    {
        auto it = m_objects.find(uid);
        if (it == m_objects.end()) {
            m_objects.insert(uid, now);
            for (const Handlers &h : m_handlers) {
                if (h.added)
                    h.added(now);
            }
            Q_EMIT objectAdded(uid);
            return;
        }
        if (it.value()->metadata.resourceVersion == now->metadata.resourceVersion)
            return;
        Ptr before = std::exchange(it.value(), now);
        for (const Handlers &h : m_handlers) {
            if (h.updated)
                h.updated(before, now);
        }
        Q_EMIT objectUpdated(uid);
    }

    void remove(const QString &uid)
    {
        const Ptr before = m_objects.take(uid);
        if (!before)
            return;
        for (const Handlers &h : m_handlers) {
            if (h.removed)
                h.removed(before);
        }
        Q_EMIT objectRemoved(uid);
    }

    QHash<QString, Ptr> m_objects;
    std::vector<Handlers> m_handlers;
    // Watch events: decoded on the thread pool, one batch at a time, applied here in order.
    std::shared_ptr<StringPool> m_pool = std::make_shared<StringPool>();
    std::deque<EventBatch> m_applyQueue;
    bool m_applyScheduled = false;
};

} // namespace kube
