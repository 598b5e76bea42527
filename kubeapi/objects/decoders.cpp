#include "kubeapi/objects/decoders.h"

#include "kubeapi/objects/decodecontext.h"
#include "kubeapi/objects/jsonview.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include <string>
#include <vector>

namespace kube {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Decoders)
};

QString parseErrorText(const QString &what)
{
    // The parser's message names the byte offset, never the input, so no credential can leak
    // through it.
    return Tr::tr("The response is not valid JSON: %1").arg(what);
}

// Parses a small document (one object, one watch event).
const JsonNode *parseDocument(JsonParser &parser, QByteArrayView bytes, QString *error)
{
    const JsonNode *root = parser.parseDocument(bytes);
    if (!root)
        *error = parseErrorText(parser.error());
    return root;
}

template<typename T>
bool decodeNode(const JsonNode &node, T *out, QString *error, StringPool *pool)
{
    DecodeContext c(pool);
    decodeInto(c, node, out);
    if (c.failed()) {
        if (error)
            *error = c.error();
        return false;
    }
    return true;
}

} // namespace

template<typename T>
bool decodeJson(const nlohmann::json &j, T *out, QString *error, StringPool *pool)
{
    // For callers that already hold a DOM (rare, small): its text goes through the same decoder.
    const std::string text = j.dump();
    JsonParser parser;
    QString parseError;
    const JsonNode *root = parseDocument(
        parser, QByteArrayView(text.data(), qsizetype(text.size())), &parseError);
    if (!root) {
        if (error)
            *error = parseError;
        return false;
    }
    return decodeNode(*root, out, error, pool);
}

template<typename T>
Decoded<T> decodeObject(QByteArrayView bytes, StringPool *pool)
{
    Decoded<T> result;
    JsonParser parser;
    if (const JsonNode *root = parseDocument(parser, bytes, &result.error))
        decodeNode(*root, &result.value, &result.error, pool);
    return result;
}

// A list body: {"kind":..,"metadata":{..},"items":[{..},{..}]}. Only one item's nodes exist at a
// time; members other than "metadata" and "items" are checked for syntax and dropped.
template<typename T>
QString decodeListStreaming(QByteArrayView bytes, ListMeta *metadata,
                            const std::function<void(T &&)> &onItem, StringPool *pool)
{
    JsonParser parser;
    parser.start(bytes);
    ListMeta meta;
    QString error;
    qsizetype index = 0;
    auto syntax = [&] {
        if (error.isEmpty())
            error = parseErrorText(parser.error());
        return false;
    };
    auto items = [&]() -> bool {
        const char open = parser.peek();
        if (open == 'n')
            return parser.skipValue() || syntax(); // "items": null carries nothing
        if (open != '[') {
            error = Tr::tr("items: expected an array");
            return false;
        }
        parser.expect('[');
        if (parser.peek() == ']')
            return parser.expect(']');
        for (;;) {
            const char first = parser.peek();
            const JsonNode *item = parser.value();
            if (!item)
                return syntax();
            if (!item->is_null()) {
                if (first != '{') {
                    error = Tr::tr("items[%1]: expected an object").arg(index);
                    return false;
                }
                DecodeContext c(pool);
                DecodeContext::Scope inItems(c, "items");
                DecodeContext::Scope at(c, index);
                T value;
                decodeInto(c, *item, &value);
                if (c.failed()) {
                    error = c.error();
                    return false;
                }
                onItem(std::move(value));
            }
            ++index;
            if (parser.peek() == ',') {
                parser.expect(',');
                continue;
            }
            return parser.expect(']') || syntax();
        }
    };
    auto body = [&]() -> bool {
        const char open = parser.peek();
        if (open == '[') {
            error = Tr::tr("Expected a list object, found an array");
            return false;
        }
        if (open != '{') {
            if (parser.skipValue())
                error = Tr::tr("Expected a list object, found a single value");
            return false;
        }
        parser.expect('{');
        if (parser.peek() == '}')
            return parser.expect('}');
        for (;;) {
            std::string_view key;
            if (!parser.key(&key))
                return syntax();
            if (key == "items") {
                if (!items())
                    return false;
            } else if (key == "metadata") {
                const JsonNode *m = parser.value();
                if (!m)
                    return syntax();
                if (!m->is_null()) {
                    DecodeContext c(pool);
                    DecodeContext::Scope s(c, "metadata");
                    decodeListMeta(c, *m, &meta);
                    if (c.failed()) {
                        error = c.error();
                        return false;
                    }
                }
            } else if (!parser.skipValue()) {
                return syntax();
            }
            if (parser.peek() == ',') {
                parser.expect(',');
                continue;
            }
            return parser.expect('}') || syntax();
        }
    };
    if (body() && !parser.finish())
        syntax();
    if (error.isEmpty() && parser.failed())
        syntax();
    if (metadata)
        *metadata = meta;
    return error;
}

template<typename T>
DecodedList<T> decodeList(QByteArrayView bytes, StringPool *pool)
{
    DecodedList<T> result;
    result.error = decodeListStreaming<T>(
        bytes, &result.metadata, [&result](T &&item) { result.items.append(std::move(item)); },
        pool);
    return result;
}

template<typename T>
WatchEvent<T> decodeWatchEvent(QByteArrayView line, StringPool *pool)
{
    WatchEvent<T> event;
    JsonParser parser;
    const JsonNode *root = parseDocument(parser, line, &event.error);
    if (!root)
        return event;
    const JsonNode &j = *root;
    DecodeContext c(pool);
    if (!c.requireObject(j)) {
        event.error = c.error();
        return event;
    }
    const QString type = c.string(j, "type");
    const JsonNode *object = c.object(j, "object");
    if (c.failed()) {
        event.error = c.error();
        return event;
    }
    if (type == u"ADDED")
        event.type = WatchEventType::Added;
    else if (type == u"MODIFIED")
        event.type = WatchEventType::Modified;
    else if (type == u"DELETED")
        event.type = WatchEventType::Deleted;
    else if (type == u"BOOKMARK")
        event.type = WatchEventType::Bookmark;
    else if (type == u"ERROR")
        event.type = WatchEventType::Error;
    else {
        event.error = Tr::tr("Unknown watch event type “%1”").arg(type.left(32));
        return event;
    }
    if (!object) {
        event.error = Tr::tr("The watch event has no object");
        return event;
    }
    DecodeContext::Scope s(c, "object");
    if (event.type == WatchEventType::Error)
        decodeInto(c, *object, &event.status);
    else
        decodeInto(c, *object, &event.object);
    if (c.failed())
        event.error = c.error();
    return event;
}

bool looksLikeStatus(QByteArrayView bytes)
{
    JsonParser parser;
    const JsonNode *root = parser.parseDocument(bytes);
    if (!root || !root->is_object())
        return false;
    const auto it = root->find("kind");
    return it != root->end() && it->is_string() && it->string() == "Status";
}

#define KUBE_INSTANTIATE_DECODERS(T)                                                          \
    template bool decodeJson<T>(const nlohmann::json &, T *, QString *, StringPool *);        \
    template Decoded<T> decodeObject<T>(QByteArrayView, StringPool *);                        \
    template DecodedList<T> decodeList<T>(QByteArrayView, StringPool *);                      \
    template QString decodeListStreaming<T>(QByteArrayView, ListMeta *,                       \
                                            const std::function<void(T &&)> &, StringPool *); \
    template WatchEvent<T> decodeWatchEvent<T>(QByteArrayView, StringPool *);

KUBE_INSTANTIATE_DECODERS(RawObject)
KUBE_INSTANTIATE_DECODERS(Namespace)
KUBE_INSTANTIATE_DECODERS(Node)
KUBE_INSTANTIATE_DECODERS(Pod)
KUBE_INSTANTIATE_DECODERS(ReplicaSet)
KUBE_INSTANTIATE_DECODERS(Deployment)
KUBE_INSTANTIATE_DECODERS(StatefulSet)
KUBE_INSTANTIATE_DECODERS(DaemonSet)
KUBE_INSTANTIATE_DECODERS(Job)
KUBE_INSTANTIATE_DECODERS(CronJob)
KUBE_INSTANTIATE_DECODERS(Event)
KUBE_INSTANTIATE_DECODERS(HorizontalPodAutoscaler)
KUBE_INSTANTIATE_DECODERS(Service)
KUBE_INSTANTIATE_DECODERS(ResourceQuota)
KUBE_INSTANTIATE_DECODERS(LimitRange)
KUBE_INSTANTIATE_DECODERS(NetworkPolicy)
KUBE_INSTANTIATE_DECODERS(Status)
KUBE_INSTANTIATE_DECODERS(NodeMetrics)
KUBE_INSTANTIATE_DECODERS(PodMetrics)

} // namespace kube
