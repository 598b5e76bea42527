#include "kubeapi/decoders.h"

#include "kubeapi/decodecontext.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace kube {
namespace {

using json = nlohmann::json;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Decoders)
};

QString parseErrorText(const std::string &what)
{
    // nlohmann's message names the byte offset and the token; it never contains more than a
    // few bytes of the input, so no credential can leak through it.
    return Tr::tr("The response is not valid JSON: %1").arg(QString::fromStdString(what));
}

// Builds the DOM of one value from SAX events (one list item or the list's metadata).
class DomBuilder final
{
public:
    bool active() const { return m_active; }
    void begin()
    {
        m_root = json();
        m_stack.clear();
        m_active = true;
        m_done = false;
    }
    bool done() const { return m_done; }
    json &root() { return m_root; }

    void value(json &&v)
    {
        if (m_stack.empty()) {
            m_root = std::move(v);
            finish();
            return;
        }
        json &parent = *m_stack.back();
        if (parent.is_array())
            parent.push_back(std::move(v));
        else
            parent[m_key] = std::move(v);
    }
    void key(std::string &k) { m_key = std::move(k); }
    void open(json::value_t type)
    {
        if (m_stack.empty()) {
            m_root = json(type);
            m_stack.push_back(&m_root);
            return;
        }
        json &parent = *m_stack.back();
        json *child;
        if (parent.is_array()) {
            parent.push_back(json(type));
            child = &parent.back();
        } else {
            child = &(parent[m_key] = json(type));
        }
        m_stack.push_back(child);
    }
    void close()
    {
        m_stack.pop_back();
        if (m_stack.empty())
            finish();
    }

private:
    void finish()
    {
        m_active = false;
        m_done = true;
    }
    json m_root;
    std::vector<json *> m_stack;
    std::string m_key;
    bool m_active = false;
    bool m_done = false;
};

// SAX handler for a list body: {"kind":..,"metadata":{..},"items":[{..},{..}]}. Only one item's
// DOM exists at a time; everything outside "metadata" and "items" is skipped.
class ListSax final : public nlohmann::json_sax<json>
{
public:
    using ItemFn = std::function<bool(json &)>; // false = stop (the item had an error)
    ListSax(ItemFn onItem, std::function<void(json &)> onMeta)
        : m_onItem(std::move(onItem)), m_onMeta(std::move(onMeta))
    {
    }

    QString error;

    bool null() override { return scalar(json()); }
    bool boolean(bool v) override { return scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t &) override { return scalar(json(v)); }
    bool string(string_t &v) override { return scalar(json(std::move(v))); }
    bool binary(binary_t &) override { return scalar(json()); }

    bool start_object(std::size_t) override
    {
        if (m_depth == 0) {
            ++m_depth;
            return true;
        }
        if (!startContainer(json::value_t::object))
            return false;
        ++m_depth;
        return true;
    }
    bool key(string_t &k) override
    {
        if (m_depth == 1) {
            m_topKey = k;
            return true;
        }
        if (m_builder.active())
            m_builder.key(k);
        return true;
    }
    bool end_object() override { return endContainer(); }
    bool start_array(std::size_t) override
    {
        if (m_depth == 0) {
            error = Tr::tr("Expected a list object, found an array");
            return false;
        }
        if (m_depth == 1 && m_topKey == "items") {
            m_inItems = true;
            ++m_depth;
            return true;
        }
        if (!startContainer(json::value_t::array))
            return false;
        ++m_depth;
        return true;
    }
    bool end_array() override
    {
        if (m_depth == 2 && m_inItems && !m_builder.active()) {
            m_inItems = false;
            --m_depth;
            return true;
        }
        return endContainer();
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &ex) override
    {
        if (error.isEmpty())
            error = parseErrorText(ex.what());
        return false;
    }

private:
    bool scalar(json &&v)
    {
        if (m_depth == 0) {
            error = Tr::tr("Expected a list object, found a single value");
            return false;
        }
        if (m_builder.active()) {
            m_builder.value(std::move(v));
            return true;
        }
        if (m_depth == 2 && m_inItems) {
            if (v.is_null())
                return true; // a null item carries nothing
            error = Tr::tr("items[%1]: expected an object").arg(m_itemIndex);
            return false;
        }
        if (m_depth == 1 && m_topKey == "items" && !v.is_null()) {
            error = Tr::tr("items: expected an array");
            return false;
        }
        return true; // other top-level scalars (kind, apiVersion) are not needed
    }
    bool startContainer(json::value_t type)
    {
        if (m_builder.active()) {
            m_builder.open(type);
            return true;
        }
        const bool item = m_depth == 2 && m_inItems;
        const bool meta = m_depth == 1 && m_topKey == "metadata";
        if (item && type != json::value_t::object) {
            error = Tr::tr("items[%1]: expected an object").arg(m_itemIndex);
            return false;
        }
        if (m_depth == 1 && m_topKey == "items") {
            error = Tr::tr("items: expected an array");
            return false;
        }
        if (item || meta) {
            m_builderIsItem = item;
            m_builder.begin();
            m_builder.open(type);
        }
        return true;
    }
    bool endContainer()
    {
        --m_depth;
        if (!m_builder.active())
            return true;
        m_builder.close();
        if (!m_builder.done())
            return true;
        if (m_builderIsItem) {
            ++m_itemIndex;
            return m_onItem(m_builder.root());
        }
        m_onMeta(m_builder.root());
        return true;
    }

    ItemFn m_onItem;
    std::function<void(json &)> m_onMeta;
    DomBuilder m_builder;
    std::string m_topKey;
    int m_depth = 0;
    qsizetype m_itemIndex = 0;
    bool m_inItems = false;
    bool m_builderIsItem = false;
};

// Parses a small document (one object, one watch event) into a DOM.
bool parseDom(QByteArrayView bytes, json *out, QString *error)
{
    *out = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (out->is_discarded()) {
        // Re-run with exceptions only to get nlohmann's description of the problem.
        try {
            const json again = json::parse(bytes.begin(), bytes.end());
            Q_UNUSED(again);
        } catch (const json::exception &e) {
            *error = parseErrorText(e.what());
            return false;
        }
        *error = Tr::tr("The response is not valid JSON");
        return false;
    }
    return true;
}

} // namespace

template<typename T>
bool decodeJson(const nlohmann::json &j, T *out, QString *error, StringPool *pool)
{
    DecodeContext c(pool);
    decodeInto(c, j, out);
    if (c.failed()) {
        if (error)
            *error = c.error();
        return false;
    }
    return true;
}

template<typename T>
Decoded<T> decodeObject(QByteArrayView bytes, StringPool *pool)
{
    Decoded<T> result;
    json j;
    if (!parseDom(bytes, &j, &result.error))
        return result;
    decodeJson(j, &result.value, &result.error, pool);
    return result;
}

template<typename T>
QString decodeListStreaming(QByteArrayView bytes, ListMeta *metadata,
                            const std::function<void(T &&)> &onItem, StringPool *pool)
{
    QString itemError;
    qsizetype index = 0;
    ListMeta meta;
    ListSax sax(
        [&](json &item) {
            DecodeContext c(pool);
            {
                DecodeContext::Scope items(c, "items");
                DecodeContext::Scope at(c, index++);
                T value;
                decodeInto(c, item, &value);
                if (c.failed()) {
                    itemError = c.error();
                    return false;
                }
                onItem(std::move(value));
            }
            return true;
        },
        [&](json &m) {
            DecodeContext c(pool);
            DecodeContext::Scope s(c, "metadata");
            decodeListMeta(c, m, &meta);
            if (c.failed() && itemError.isEmpty())
                itemError = c.error();
        });
    json::sax_parse(bytes.begin(), bytes.end(), &sax);
    if (metadata)
        *metadata = meta;
    if (!itemError.isEmpty())
        return itemError;
    return sax.error;
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
    json j;
    if (!parseDom(line, &j, &event.error))
        return event;
    DecodeContext c(pool);
    if (!c.requireObject(j)) {
        event.error = c.error();
        return event;
    }
    const QString type = c.string(j, "type");
    const json *object = c.object(j, "object");
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
    const json j = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (!j.is_object())
        return false;
    const auto it = j.find("kind");
    return it != j.end() && it->is_string() && it->get_ref<const std::string &>() == "Status";
}

#define KUBE_INSTANTIATE_DECODERS(T)                                                               \
    template bool decodeJson<T>(const nlohmann::json &, T *, QString *, StringPool *);            \
    template Decoded<T> decodeObject<T>(QByteArrayView, StringPool *);                             \
    template DecodedList<T> decodeList<T>(QByteArrayView, StringPool *);                           \
    template QString decodeListStreaming<T>(QByteArrayView, ListMeta *,                            \
                                            const std::function<void(T &&)> &, StringPool *);      \
    template WatchEvent<T> decodeWatchEvent<T>(QByteArrayView, StringPool *);

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
KUBE_INSTANTIATE_DECODERS(Status)
KUBE_INSTANTIATE_DECODERS(NodeMetrics)
KUBE_INSTANTIATE_DECODERS(PodMetrics)

} // namespace kube
