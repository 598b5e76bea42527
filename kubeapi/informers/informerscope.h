#pragma once

// The state of one list/watch loop of an informer: the whole cluster, or one namespace when
// the cluster-wide list is forbidden (informerfallback.cpp). Private to the informer's files.
#include "kubeapi/client/apierror.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/client/backoff.h"
#include "kubeapi/client/watchstream.h"
#include "kubeapi/informers/informerbase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <vector>

namespace kube {

struct InformerBase::Scope
{
    // One LIST page in flight. The next page is asked for as soon as this one's continue token
    // is known, usually from the first bytes of its body, so several can be in flight.
    struct Fetch
    {
        QPointer<ApiReply> reply;
        bool continued = false;  // asked with a continue token (a 410 then restarts the list)
        bool tokenKnown = false; // its continue token (or its absence) was read from the head
        bool headGaveUp = false; // the head did not say: the token comes with the whole body
    };

    // Where the next list reads from, as client-go's reflector chooses: the API server's watch
    // cache for the first list (resourceVersion=0) and for a relist after a failed list
    // (resourceVersion=<last>, unpaged: not older than what we have, still from the cache);
    // a consistent read from etcd (resourceVersion unset, paged) only when our version is gone
    // (410) or unusable (watches from it keep failing), so a relist storm spares etcd.
    enum class ListFrom { WatchCache, NotOlderThanLast, Consistent };

    int id = 0;
    QString ns; // "" = cluster-wide
    ListFrom listFrom = ListFrom::WatchCache;
    State state = State::Syncing;
    ApiError error;
    QDateTime staleSince;
    QString resourceVersion; // last seen: list RV, then watch events and bookmarks
    QString deferredToken;   // the next page's token while too many pages are in flight
    QString listResourceVersion;
    quint64 generation = 0; // bumped whenever running work is abandoned
    bool synced = false;
    bool inWatch = false;
    bool watchOpened = false;   // the current watch got its 2xx headers
    bool awaitingToken = false; // the next page's continue token comes from the decoder
    bool lastPageReceived = false;
    bool trackSeen = true; // false while a list fills an empty cache: nothing can be unseen
    int decodesInFlight = 0;
    int expiredInARow = 0;
    // Watches that failed to resume from one resourceVersion (e.g. "Too large resource
    // version" from an API server whose cache lags): after a few, the version is given up.
    QString resumeFailedAt;
    int resumeFailures = 0;
    QSet<QString> seen;
    std::vector<Fetch> fetches;
    QPointer<WatchStream> watch;
    QTimer *retryTimer = nullptr;
    Backoff backoff;
    QElapsedTimer watchClock;
    int watchEvents = 0;
    int watchBatchesPending = 0; // received, not yet applied (decoding or queued)
    bool finishDeferred = false; // the watch ended while batches were pending
    ApiError deferredFinishError;

    ~Scope()
    {
        // Deferred: the scope may go away inside the timer's own timeout (fallback switch).
        if (retryTimer)
            retryTimer->deleteLater();
    }
};

} // namespace kube
