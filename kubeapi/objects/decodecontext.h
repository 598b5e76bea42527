#pragma once

// Internal to the decoders: typed, tolerant access to one parsed JSON object (JsonNode) with the
// JSON path of the first type error, and optional string interning. Not for use outside kubeapi/.
#include "kubeapi/objects/namespacepolicy.h"
#include "kubeapi/objects/objects.h"

#include <QString>
#include <QStringList>

#include "kubeapi/objects/jsonview.h"

#include <string_view>
#include <vector>

namespace kube {

class StringPool;

class DecodeContext final
{
public:
    using json = JsonNode;

    explicit DecodeContext(StringPool *pool)
        : m_pool(pool)
    {}

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    // Records the first error only, prefixed by the current JSON path.
    void fail(const QString &what);
    void failType(const json &value, const char *expectedTranslated);

    // A path segment for error messages; keys must outlive the scope (string literals do).
    class Scope final
    {
    public:
        Scope(DecodeContext &c, std::string_view key)
            : m_c(c)
        {
            c.m_path.push_back({key, -1});
        }
        Scope(DecodeContext &c, qsizetype index)
            : m_c(c)
        {
            c.m_path.push_back({{}, index});
        }
        ~Scope() { m_c.m_path.pop_back(); }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        DecodeContext &m_c;
    };

    // The member `key` of `obj` if present, not null and of the expected kind; nullptr when
    // missing or null; nullptr plus an error when of another type.
    const json *object(const json &obj, std::string_view key);
    const json *array(const json &obj, std::string_view key);

    enum class Intern { No, Yes };
    QString string(const json &obj, std::string_view key, Intern intern = Intern::No);
    // Integers also accept integral floats ("3.0"); out-of-range or other types are errors.
    qint64 integer(const json &obj, std::string_view key, qint64 fallback = 0);
    bool boolean(const json &obj, std::string_view key, bool fallback = false);
    OptionalBool optionalBool(const json &obj, std::string_view key);
    Timestamp time(const json &obj, std::string_view key);
    Quantity quantity(const json &obj, std::string_view key);
    // int-or-string fields (targetPort, maxSurge) as text.
    QString intOrString(const json &obj, std::string_view key);
    StringPairs stringMap(const json &obj, std::string_view key, Intern values = Intern::Yes);
    QStringList stringList(const json &obj, std::string_view key, Intern intern = Intern::No);
    // A map of resource names to quantities (spec.hard, limits[].max, …).
    ResourceList quantityMap(const json &obj, std::string_view key);

    QString text(std::string_view utf8, Intern intern);

    // `build()`'s result, shared with every earlier value decoded from the same JSON text when a
    // pool is set (pods of one ReplicaSet repeat their containers, labels and owners verbatim).
    template<typename T, typename F>
    T shared(char tag, const json &source, F &&build)
    {
        if (!m_pool)
            return build();
        std::string key(1, tag);
        key += source.raw(); // the same text decodes to the same value
        if (const T *hit = findShared<T>(key))
            return *hit;
        T value = build();
        if (!failed())
            storeShared(std::move(key), value);
        return value;
    }
    bool requireObject(const json &value);

private:
    template<typename T>
    const T *findShared(const std::string &key) const;
    template<typename T>
    void storeShared(std::string key, const T &value);

    struct Segment
    {
        std::string_view key;
        qsizetype index;
    };
    QString path() const;

    StringPool *m_pool;
    QString m_error;
    std::vector<Segment> m_path;
};

// Calls f(element) for each object of the array member `key` (null elements skipped), with
// the index on the error path.
template<typename F>
void forEachObject(DecodeContext &c, const JsonNode &obj, std::string_view key, F &&f)
{
    const JsonNode *a = c.array(obj, key);
    if (!a)
        return;
    DecodeContext::Scope s(c, key);
    qsizetype i = 0;
    for (const JsonNode &e : *a) {
        DecodeContext::Scope is(c, i++);
        if (e.is_null() || !c.requireObject(e))
            continue;
        f(e);
    }
}

// The per-kind decoders (decodecore.cpp, decodeworkloads.cpp, decodepolicy.cpp). Each leaves `out` partly filled
// and the error in `c` on a type mismatch.
void decodeObjectMeta(DecodeContext &c, const JsonNode &obj, ObjectMeta *out);
void decodeContainer(DecodeContext &c, const JsonNode &obj, Container *out);
void decodePodTemplate(DecodeContext &c, const JsonNode &spec, PodTemplateSummary *out);
void decodeLabelSelector(DecodeContext &c, const JsonNode &obj, LabelSelector *out);
// The selector under `key`; false when it is absent or null (an empty one, {}, is present).
bool decodeLabelSelectorAt(DecodeContext &c, const JsonNode &obj, std::string_view key,
                           LabelSelector *out);
void decodeConditions(DecodeContext &c, const JsonNode &status, QList<Condition> *out);
void decodeListMeta(DecodeContext &c, const JsonNode &obj, ListMeta *out);

void decodeInto(DecodeContext &c, const JsonNode &j, RawObject *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Namespace *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Node *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Pod *out);
void decodeInto(DecodeContext &c, const JsonNode &j, ReplicaSet *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Deployment *out);
void decodeInto(DecodeContext &c, const JsonNode &j, StatefulSet *out);
void decodeInto(DecodeContext &c, const JsonNode &j, DaemonSet *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Job *out);
void decodeInto(DecodeContext &c, const JsonNode &j, CronJob *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Event *out);
void decodeInto(DecodeContext &c, const JsonNode &j, HorizontalPodAutoscaler *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Service *out);
void decodeInto(DecodeContext &c, const JsonNode &j, ResourceQuota *out);
void decodeInto(DecodeContext &c, const JsonNode &j, LimitRange *out);
void decodeInto(DecodeContext &c, const JsonNode &j, NetworkPolicy *out);
void decodeInto(DecodeContext &c, const JsonNode &j, Status *out);
void decodeInto(DecodeContext &c, const JsonNode &j, NodeMetrics *out);
void decodeInto(DecodeContext &c, const JsonNode &j, PodMetrics *out);

} // namespace kube

#include "kubeapi/objects/stringpool.h"

namespace kube {

template<typename T>
const T *DecodeContext::findShared(const std::string &key) const
{
    return m_pool->findShared<T>(key);
}

template<typename T>
void DecodeContext::storeShared(std::string key, const T &value)
{
    m_pool->storeShared(std::move(key), value);
}

} // namespace kube
