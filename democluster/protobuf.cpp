#include "democluster/protobuf.h"

#include "democluster/apierrors.h"

#include <cstdint>
#include <map>
#include <vector>

namespace demo {

using nlohmann::json;

namespace {

enum class F {
    String,
    Int,
    Bool,
    Message,     // nested message `type`
    StringMap,   // map<string,string>
    QuantityMap, // map<string,Quantity>
    Strings,     // repeated string
    Messages,    // repeated message `type`
    IntOrString,
    Time,
    Quantity,
};

struct Field
{
    const char *name;
    F kind;
    const char *type = nullptr;
};

using Schema = std::map<int, Field>;

// Field numbers from k8s.io/api generated.proto (v0.32).
const std::map<std::string, Schema> &schemas()
{
    static const std::map<std::string, Schema> all = {
        {"TypeMeta", {{1, {"apiVersion", F::String}}, {2, {"kind", F::String}}}},
        {"ObjectMeta",
         {{1, {"name", F::String}},
          {2, {"generateName", F::String}},
          {3, {"namespace", F::String}},
          {5, {"uid", F::String}},
          {6, {"resourceVersion", F::String}},
          {7, {"generation", F::Int}},
          {8, {"creationTimestamp", F::Time}},
          {11, {"labels", F::StringMap}},
          {12, {"annotations", F::StringMap}},
          {13, {"ownerReferences", F::Messages, "OwnerReference"}},
          {14, {"finalizers", F::Strings}}}},
        {"OwnerReference",
         {{1, {"kind", F::String}},
          {3, {"name", F::String}},
          {4, {"uid", F::String}},
          {5, {"apiVersion", F::String}},
          {6, {"controller", F::Bool}},
          {7, {"blockOwnerDeletion", F::Bool}}}},
        {"LabelSelector",
         {{1, {"matchLabels", F::StringMap}},
          {2, {"matchExpressions", F::Messages, "LabelSelectorRequirement"}}}},
        {"LabelSelectorRequirement",
         {{1, {"key", F::String}}, {2, {"operator", F::String}}, {3, {"values", F::Strings}}}},
        {"Namespace",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "NamespaceSpec"}}}},
        {"NamespaceSpec", {{1, {"finalizers", F::Strings}}}},
        {"ConfigMap", {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"data", F::StringMap}}}},
        {"Pod",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "PodSpec"}}}},
        {"PodTemplateSpec",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "PodSpec"}}}},
        {"PodSpec",
         {{2, {"containers", F::Messages, "Container"}},
          {3, {"restartPolicy", F::String}},
          {4, {"terminationGracePeriodSeconds", F::Int}},
          {5, {"activeDeadlineSeconds", F::Int}},
          {6, {"dnsPolicy", F::String}},
          {7, {"nodeSelector", F::StringMap}},
          {8, {"serviceAccountName", F::String}},
          {10, {"nodeName", F::String}},
          {11, {"hostNetwork", F::Bool}},
          {19, {"schedulerName", F::String}},
          {20, {"initContainers", F::Messages, "Container"}},
          {24, {"priorityClassName", F::String}}}},
        {"Container",
         {{1, {"name", F::String}},
          {2, {"image", F::String}},
          {3, {"command", F::Strings}},
          {4, {"args", F::Strings}},
          {5, {"workingDir", F::String}},
          {6, {"ports", F::Messages, "ContainerPort"}},
          {7, {"env", F::Messages, "EnvVar"}},
          {8, {"resources", F::Message, "ResourceRequirements"}},
          {13, {"terminationMessagePath", F::String}},
          {14, {"imagePullPolicy", F::String}},
          {20, {"terminationMessagePolicy", F::String}}}},
        {"ContainerPort",
         {{1, {"name", F::String}},
          {2, {"hostPort", F::Int}},
          {3, {"containerPort", F::Int}},
          {4, {"protocol", F::String}}}},
        {"EnvVar", {{1, {"name", F::String}}, {2, {"value", F::String}}}},
        {"ResourceRequirements",
         {{1, {"limits", F::QuantityMap}}, {2, {"requests", F::QuantityMap}}}},
        {"Service",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "ServiceSpec"}}}},
        {"ServiceSpec",
         {{1, {"ports", F::Messages, "ServicePort"}},
          {2, {"selector", F::StringMap}},
          {3, {"clusterIP", F::String}},
          {4, {"type", F::String}},
          {10, {"externalName", F::String}}}},
        {"ServicePort",
         {{1, {"name", F::String}},
          {2, {"protocol", F::String}},
          {3, {"port", F::Int}},
          {4, {"targetPort", F::IntOrString}},
          {5, {"nodePort", F::Int}}}},
        {"Deployment",
         {{1, {"metadata", F::Message, "ObjectMeta"}},
          {2, {"spec", F::Message, "DeploymentSpec"}}}},
        {"DeploymentSpec",
         {{1, {"replicas", F::Int}},
          {2, {"selector", F::Message, "LabelSelector"}},
          {3, {"template", F::Message, "PodTemplateSpec"}},
          {4, {"strategy", F::Message, "DeploymentStrategy"}},
          {5, {"minReadySeconds", F::Int}},
          {6, {"revisionHistoryLimit", F::Int}},
          {7, {"paused", F::Bool}},
          {9, {"progressDeadlineSeconds", F::Int}}}},
        {"DeploymentStrategy",
         {{1, {"type", F::String}}, {2, {"rollingUpdate", F::Message, "RollingUpdateDeployment"}}}},
        {"RollingUpdateDeployment",
         {{1, {"maxUnavailable", F::IntOrString}}, {2, {"maxSurge", F::IntOrString}}}},
        {"Job",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "JobSpec"}}}},
        {"JobSpec",
         {{1, {"parallelism", F::Int}},
          {2, {"completions", F::Int}},
          {3, {"activeDeadlineSeconds", F::Int}},
          {4, {"selector", F::Message, "LabelSelector"}},
          {6, {"template", F::Message, "PodTemplateSpec"}},
          {7, {"backoffLimit", F::Int}}}},
        {"CronJob",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "CronJobSpec"}}}},
        {"CronJobSpec",
         {{1, {"schedule", F::String}},
          {3, {"concurrencyPolicy", F::String}},
          {4, {"suspend", F::Bool}},
          {5, {"jobTemplate", F::Message, "JobTemplateSpec"}},
          {8, {"timeZone", F::String}}}},
        {"JobTemplateSpec",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"spec", F::Message, "JobSpec"}}}},
        {"SelfSubjectAccessReview",
         {{1, {"metadata", F::Message, "ObjectMeta"}},
          {2, {"spec", F::Message, "SelfSubjectAccessReviewSpec"}}}},
        {"SelfSubjectAccessReviewSpec",
         {{1, {"resourceAttributes", F::Message, "ResourceAttributes"}},
          {2, {"nonResourceAttributes", F::Message, "NonResourceAttributes"}}}},
        {"ResourceAttributes",
         {{1, {"namespace", F::String}},
          {2, {"verb", F::String}},
          {3, {"group", F::String}},
          {4, {"version", F::String}},
          {5, {"resource", F::String}},
          {6, {"subresource", F::String}},
          {7, {"name", F::String}}}},
        {"NonResourceAttributes", {{1, {"path", F::String}}, {2, {"verb", F::String}}}},
        {"SelfSubjectRulesReview",
         {{1, {"metadata", F::Message, "ObjectMeta"}},
          {2, {"spec", F::Message, "SelfSubjectRulesReviewSpec"}}}},
        {"SelfSubjectRulesReviewSpec", {{1, {"namespace", F::String}}}},
        // rbac.authorization.k8s.io/v1 (kubectl create role/rolebinding/clusterrolebinding).
        {"Role",
         {{1, {"metadata", F::Message, "ObjectMeta"}}, {2, {"rules", F::Messages, "PolicyRule"}}}},
        {"ClusterRole",
         {{1, {"metadata", F::Message, "ObjectMeta"}},
          {2, {"rules", F::Messages, "PolicyRule"}},
          {3, {"aggregationRule", F::Message, "AggregationRule"}}}},
        {"AggregationRule", {{1, {"clusterRoleSelectors", F::Messages, "LabelSelector"}}}},
        {"PolicyRule",
         {{1, {"verbs", F::Strings}},
          {2, {"apiGroups", F::Strings}},
          {3, {"resources", F::Strings}},
          {4, {"resourceNames", F::Strings}},
          {5, {"nonResourceURLs", F::Strings}}}},
        {"RoleBinding",
         {{1, {"metadata", F::Message, "ObjectMeta"}},
          {2, {"subjects", F::Messages, "Subject"}},
          {3, {"roleRef", F::Message, "RoleRef"}}}},
        {"ClusterRoleBinding",
         {{1, {"metadata", F::Message, "ObjectMeta"}},
          {2, {"subjects", F::Messages, "Subject"}},
          {3, {"roleRef", F::Message, "RoleRef"}}}},
        {"RoleRef",
         {{1, {"apiGroup", F::String}}, {2, {"kind", F::String}}, {3, {"name", F::String}}}},
        {"Subject",
         {{1, {"kind", F::String}},
          {2, {"apiGroup", F::String}},
          {3, {"name", F::String}},
          {4, {"namespace", F::String}}}},
        {"Unknown",
         {{1, {"typeMeta", F::Message, "TypeMeta"}},
          {2, {"raw", F::String}},
          {3, {"contentEncoding", F::String}},
          {4, {"contentType", F::String}}}},
        {"MapEntry", {{1, {"key", F::String}}, {2, {"value", F::String}}}},
        {"Quantity", {{1, {"string", F::String}}}},
        {"IntOrString",
         {{1, {"type", F::Int}}, {2, {"intVal", F::Int}}, {3, {"strVal", F::String}}}},
        {"Timestamp", {{1, {"seconds", F::Int}}, {2, {"nanos", F::Int}}}},
    };
    return all;
}

ApiError malformed()
{
    return errors::badRequest("the protobuf body could not be decoded");
}

class Reader
{
public:
    Reader(const char *data, std::size_t size)
        : m_p(data)
        , m_end(data + size)
    {}
    bool atEnd() const { return m_p >= m_end; }
    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end)
                throw malformed();
            const auto b = static_cast<unsigned char>(*m_p++);
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        throw malformed();
    }
    std::string bytes()
    {
        const std::uint64_t n = varint();
        if (n > static_cast<std::uint64_t>(m_end - m_p))
            throw malformed();
        std::string s(m_p, static_cast<std::size_t>(n));
        m_p += n;
        return s;
    }
    void skip(int wireType)
    {
        switch (wireType) {
        case 0:
            varint();
            return;
        case 1:
            advance(8);
            return;
        case 2:
            bytes();
            return;
        case 5:
            advance(4);
            return;
        default:
            throw malformed();
        }
    }

private:
    void advance(std::size_t n)
    {
        if (static_cast<std::size_t>(m_end - m_p) < n)
            throw malformed();
        m_p += n;
    }
    const char *m_p;
    const char *m_end;
};

json decodeMessage(const std::string &data, const std::string &type, int depth = 0);

json decodeValue(const Field &field, Reader &in, int wireType, int depth)
{
    auto expect = [&](int wanted) {
        if (wireType != wanted)
            throw malformed();
    };
    switch (field.kind) {
    case F::String:
    case F::Strings:
        expect(2);
        return in.bytes();
    case F::Int:
        expect(0);
        return static_cast<std::int64_t>(in.varint());
    case F::Bool:
        expect(0);
        return in.varint() != 0;
    case F::Message:
    case F::Messages:
        expect(2);
        return decodeMessage(in.bytes(), field.type, depth + 1);
    case F::StringMap:
    case F::QuantityMap: {
        expect(2);
        const json entry = decodeMessage(in.bytes(), "MapEntry", depth + 1);
        json value = entry.value("value", std::string());
        if (field.kind == F::QuantityMap)
            value = decodeMessage(value.get<std::string>(), "Quantity", depth + 1)
                        .value("string", std::string());
        return json{{"key", entry.value("key", std::string())}, {"value", value}};
    }
    case F::IntOrString: {
        expect(2);
        const json v = decodeMessage(in.bytes(), "IntOrString", depth + 1);
        if (v.value("type", 0) == 1)
            return v.value("strVal", std::string());
        return v.value("intVal", 0);
    }
    case F::Time: {
        expect(2);
        const json t = decodeMessage(in.bytes(), "Timestamp", depth + 1);
        const std::time_t seconds = t.value("seconds", std::int64_t(0));
        if (seconds <= 0)
            return nullptr;
        std::tm tm{};
        gmtime_r(&seconds, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return std::string(buf);
    }
    case F::Quantity:
        expect(2);
        return decodeMessage(in.bytes(), "Quantity", depth + 1).value("string", std::string());
    }
    throw malformed();
}

json decodeMessage(const std::string &data, const std::string &type, int depth)
{
    if (depth > 32)
        throw malformed();
    const auto schema = schemas().find(type);
    if (schema == schemas().end())
        throw malformed();
    json out = json::object();
    Reader in(data.data(), data.size());
    while (!in.atEnd()) {
        const std::uint64_t tag = in.varint();
        const int number = static_cast<int>(tag >> 3);
        const int wireType = static_cast<int>(tag & 7);
        const auto field = schema->second.find(number);
        if (field == schema->second.end()) {
            in.skip(wireType);
            continue;
        }
        const Field &f = field->second;
        json value = decodeValue(f, in, wireType, depth);
        if (f.kind == F::Strings || f.kind == F::Messages) {
            out[f.name].push_back(std::move(value));
        } else if (f.kind == F::StringMap || f.kind == F::QuantityMap) {
            if (!out.contains(f.name))
                out[f.name] = json::object();
            out[f.name][value["key"].get<std::string>()] = value["value"];
        } else if (!(value.is_string() && value.get<std::string>().empty()) && !value.is_null()) {
            // gogo-protobuf writes every non-pointer field; an empty string means "unset" and
            // must not block the server's defaulting.
            out[f.name] = std::move(value);
        }
    }
    return out;
}

} // namespace

bool isProtobufContentType(const std::string &contentType)
{
    return contentType.rfind("application/vnd.kubernetes.protobuf", 0) == 0;
}

json decodeProtobufObject(const std::string &body)
{
    if (body.size() < 4 || body.compare(0, 4, std::string("k8s\0", 4)) != 0)
        throw errors::badRequest("the protobuf body does not start with the k8s magic number");
    const json unknown = decodeMessage(body.substr(4), "Unknown");
    const std::string kind = unknown.value("/typeMeta/kind"_json_pointer, std::string());
    const std::string apiVersion = unknown.value("/typeMeta/apiVersion"_json_pointer,
                                                 std::string());
    if (kind.empty() || !schemas().count(kind) || kind == "Unknown" || kind == "TypeMeta") {
        ApiError e(415, "UnsupportedMediaType",
                   "the body of the request was in an unknown format - accepted media types "
                   "include: application/json, application/yaml");
        throw e;
    }
    json object = decodeMessage(unknown.value("raw", std::string()), kind);
    object["kind"] = kind;
    object["apiVersion"] = apiVersion;
    return object;
}

} // namespace demo
