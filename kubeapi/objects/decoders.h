#pragma once

// JSON → objects.h value types. Lists are decoded streaming (SAX over the body, one item's JSON
// at a time) so a 150,000-pod response never becomes one DOM; safe to call off the GUI thread.
#include "kubeapi/objects/namespacepolicy.h"
#include "kubeapi/objects/objects.h"
#include "kubeapi/objects/rfc3339.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <functional>

namespace kube {

class StringPool;

// Every T below is one of: RawObject (any kind: metadata and the object's text), Namespace,
// Node, Pod, ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob, Event,
// HorizontalPodAutoscaler, Service, ResourceQuota, LimitRange, NetworkPolicy, NodeMetrics,
// PodMetrics, Status. Unknown fields are ignored, missing or null ones leave the default; a field of the
// wrong JSON type, or bytes that are not JSON, give `error` (a translated sentence with the JSON
// path, e.g. "items[3].spec.containers: expected an array, found a string") — never a crash.
//
// `pool` (optional) shares repeated strings; keep one per informer across pages and watch
// events to save memory. A pool must not be used from two threads at once.

template<typename T>
struct Decoded
{
    T value;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

template<typename T>
struct DecodedList
{
    ListMeta metadata;
    QList<T> items;
    QString error; // on error, items decoded so far are kept
    bool ok() const { return error.isEmpty(); }
};

enum class WatchEventType : quint8 { Added, Modified, Deleted, Bookmark, Error };

template<typename T>
struct WatchEvent
{
    WatchEventType type = WatchEventType::Error;
    T object;      // ADDED/MODIFIED/DELETED; BOOKMARK: only metadata.resourceVersion is set
    Status status; // ERROR: the Status object (e.g. code 410, reason Expired/Gone)
    QString error; // the line itself could not be decoded
    bool ok() const { return error.isEmpty(); }
};

// One object (GET response).
template<typename T>
Decoded<T> decodeObject(QByteArrayView json, StringPool *pool = nullptr);

// A whole list page (LIST response), collecting the items.
template<typename T>
DecodedList<T> decodeList(QByteArrayView json, StringPool *pool = nullptr);

// A list page, handing each item to `onItem` as soon as it is decoded (nothing is collected).
// Returns "" on success or the error; `metadata` receives resourceVersion/continue.
template<typename T>
QString decodeListStreaming(QByteArrayView json, ListMeta *metadata,
                            const std::function<void(T &&)> &onItem, StringPool *pool = nullptr);

// One line of a watch stream: {"type":"ADDED","object":{...}}.
template<typename T>
WatchEvent<T> decodeWatchEvent(QByteArrayView line, StringPool *pool = nullptr);

// From JSON the caller already parsed. Returns false and sets *error on a type mismatch.
template<typename T>
bool decodeJson(const nlohmann::json &json, T *out, QString *error, StringPool *pool = nullptr);

// True if the body is a Kubernetes Status object ({"kind":"Status",...}); cheap pre-check for
// error bodies. Decode it with decodeObject<Status>.
bool looksLikeStatus(QByteArrayView json);

} // namespace kube
