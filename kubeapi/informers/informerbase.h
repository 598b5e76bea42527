#pragma once

// The list/watch machinery of an informer, independent of the object type: paged LIST (from the
// watch cache first), WATCH with bookmarks from the last resourceVersion, relist on 410 and
// after repeated failed resumes, back-off with jitter, Retry-After,
// the namespace-scoped fallback after a 403 (and the way back when access is granted again),
// and the state the UI shows. Informer<T> adds the
// typed cache. Lives on one thread (the owner's); only decoding runs elsewhere.
#include "kubeapi/client/apierror.h"
#include "kubeapi/client/backoff.h"
#include "kubeapi/informers/resourcekind.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>
#include <vector>

class QTimer;

namespace kube {

class ApiClient;
class ApiReply;
struct ApiRequest;
class WatchStream;
struct ListMeta;

class InformerBase : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Syncing,   // listing (first time or after a 410); the cache may be incomplete
        Live,      // listed and watching: the cache follows the server
        Stale,     // was live, lost the server (see staleSince() and lastError()); retrying
        Forbidden, // may not list at all (no namespace either); retried now and then
        Error,     // cannot list for another reason (see lastError()); retrying
    };
    Q_ENUM(State)

    ~InformerBase() override;

    const ResourceKind &kind() const { return m_kind; }
    ApiClient *client() const { return m_client; }

    // Namespaces to fall back to when the cluster-wide list is forbidden, in addition to the
    // context's namespace ("default" when the context names none). Call before start().
    void setFallbackNamespaces(const QStringList &namespaces);
    // Items per LIST page (default 500).
    void setPageSize(int items) { m_pageSize = items; }
    int pageSize() const { return m_pageSize; }
    // A watch that sends nothing for this long is taken as dead and resumed (default 120 s;
    // real servers send a bookmark about every minute).
    void setWatchInactivityTimeout(int ms) { m_watchInactivityMs = ms; }
    // How often a forbidden list is tried again, RBAC being changeable while we run (default
    // 5 minutes): the cluster-wide list while in the namespace fallback, and every forbidden
    // scope. Call before start().
    void setAccessRetryInterval(int ms) { m_accessRetryMs = ms; }

    void start();
    // Stops listing and watching; keeps the cache.
    void stop();
    bool isRunning() const { return m_running; }

    // In the namespace fallback, the state of the namespaces that may be read (Forbidden only
    // when none may): limited access that is live is Live, see visibleClusterWide().
    State state() const;
    // Since when the data has not been followed live (Stale), else invalid.
    QDateTime staleSince() const;
    // Why the state is Stale, Forbidden or Error; isOk() otherwise.
    ApiError lastError() const;
    // True once every scope has completed one full list.
    bool hasSynced() const;
    // False when the cluster-wide list was forbidden; see visibleNamespaces().
    bool visibleClusterWide() const { return !m_fallback && !m_clusterForbidden; }
    // In the namespace-scoped fallback: the namespaces that can be listed.
    QStringList visibleNamespaces() const;
    // The last resourceVersion seen (cluster-wide scope, or the first namespace scope).
    QString resourceVersion() const;

    virtual qsizetype size() const = 0;
    virtual QStringList uids() const = 0;

    // Counters for diagnostics and tests.
    int listRequestCount() const { return m_listRequests; }
    int watchRequestCount() const { return m_watchRequests; }
    int relistCount() const { return m_relists; }

Q_SIGNALS:
    void stateChanged(kube::InformerBase::State state);
    // A list completed (first sync and each relist) and was merged into the cache.
    void synced();
    void objectAdded(const QString &uid);
    void objectUpdated(const QString &uid);
    void objectRemoved(const QString &uid);
    // What may be read changed after start: the cluster-wide list became forbidden (objects
    // outside the visible namespaces left the cache) or allowed again, a scope lost or regained
    // access. See visibleClusterWide() and visibleNamespaces().
    void accessChanged();

protected:
    InformerBase(ApiClient *client, ResourceKind kind, QObject *parent);

    // Decodes one LIST page off this thread, applies its items with applyListed() (on this
    // thread, only while isCurrent()) and then calls pageDecoded().
    virtual void decodePage(int scopeId, quint64 generation, QByteArray body) = 0;
    // Decodes watch lines off this thread and applies the events on it, in order: a big burst
    // must not stall the owner's thread. Called with one batch at a time per informer; the
    // implementation calls watchLinesDecoded() (on this thread) once the batch is decoded,
    // applies its events in slices (each only while isCurrent(), using watchResourceVersion(),
    // watchEventSeen() and watchFailed()) and then calls watchBatchApplied().
    virtual void decodeWatchLines(int scopeId, quint64 generation, QList<QByteArray> lines) = 0;
    void watchLinesDecoded();
    void watchBatchApplied(int scopeId, quint64 generation);
    // After a complete list: removes cached objects of the scope's namespace ("" = all) whose
    // UID is not in `seen`.
    virtual void removeUnseen(const QString &ns, const QSet<QString> &seen) = 0;
    // Removes cached objects whose namespace is not one of `namespaces`.
    virtual void removeOutside(const QStringList &namespaces) = 0;

    bool isCurrent(int scopeId, quint64 generation) const;
    // Marks a UID as present in the list being received. Needed only where tracksSeen() (a
    // list into an empty cache has nothing to reconcile).
    void markSeen(int scopeId, const QString &uid);
    bool tracksSeen(int scopeId) const;
    void pageDecoded(int scopeId, quint64 generation, const ListMeta &meta, const QString &error);
    void watchResourceVersion(int scopeId, const QString &resourceVersion);
    void watchFailed(int scopeId, const ApiError &error);
    void watchEventSeen(int scopeId);
    ApiError::Context errorContext(const QString &verb, const QString &ns) const;
    QString scopeNamespace(int scopeId) const;

private:
    struct Scope;
    Scope *scope(int id) const;
    Scope *addScope(const QString &ns);
    void startList(Scope *s);
    void requestPage(Scope *s, const QString &continueToken);
    void requestNextPage(Scope *s, const QString &continueToken);
    void onPageHead(int scopeId, quint64 generation, ApiReply *reply);
    void onPageReply(int scopeId, quint64 generation, ApiReply *reply);
    void maybeFinishList(Scope *s);
    void startWatch(Scope *s);
    void onWatchLines(int scopeId, quint64 generation, const QList<QByteArray> &lines);
    void pumpWatchDecoder();
    void onWatchFinished(int scopeId, quint64 generation, const ApiError &error);
    void finishWatch(Scope *s, const ApiError &error);
    void fail(Scope *s, const ApiError &error);
    void cancel(Scope *s);
    void retryLater(Scope *s, int delayMs, bool relist);
    void startFallback(const ApiError &forbidden);
    void leaveFallback();
    void forbid(Scope *s);
    void scheduleAccessRetry();
    void retryAccess();
    void onAccessProbe(ApiReply *reply);
    void dropAccessProbe();
    // A LIST of the kind in `ns` ("" = cluster-wide), its query still empty.
    ApiRequest listRequest(const QString &ns) const;
    void setScopeState(Scope *s, State state);
    void emitStateIfChanged();

    QPointer<ApiClient> m_client;
    ResourceKind m_kind;
    QStringList m_fallbackNamespaces;
    std::vector<std::unique_ptr<Scope>> m_scopes;
    // Watch lines not yet handed to the decoder, oldest first, across scopes; one batch is
    // decoded at a time so that the events of a watch stay in order.
    struct LineBatch
    {
        int scopeId = 0;
        quint64 generation = 0;
        QList<QByteArray> lines;
        qsizetype bytes = 0;
    };
    std::deque<LineBatch> m_undecoded;
    qsizetype m_undecodedBytes = 0;
    // Watch lines waiting for the decoder beyond this mean it cannot keep up: the watch is
    // dropped and resumed from the last applied event (the server sends the rest again).
    static constexpr qsizetype kMaxUndecodedBytes = qsizetype(256) * 1024 * 1024;
    bool m_decoding = false;
    int m_nextScopeId = 1;
    static constexpr int kMaxPagesInFlight = 3;
    // Failed watches from the same resourceVersion before the informer relists.
    static constexpr int kMaxResumesFromOneVersion = 3;
    int m_pageSize = 500;
    int m_watchInactivityMs = 120000;
    int m_accessRetryMs = 300000;
    QTimer *m_accessRetry = nullptr;
    QPointer<ApiReply> m_accessProbe; // a one-item cluster-wide list while in the fallback
    bool m_running = false;
    bool m_fallback = false;
    bool m_clusterForbidden = false;
    ApiError m_clusterForbiddenError;
    State m_lastEmittedState = State::Syncing;
    int m_listRequests = 0;
    int m_watchRequests = 0;
    int m_relists = 0;
};

} // namespace kube
