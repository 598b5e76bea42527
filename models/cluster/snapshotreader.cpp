#include "models/cluster/snapshotreader.h"

#include "kubeapi/informers/followedkinds.h"
#include "kubeapi/metrics/metricsserverparse.h"
#include "kubeapi/objects/decoders.h"
#include "kubeapi/objects/jsonview.h"
#include "models/cluster/clusterstore.h"

#include <QCoreApplication>
#include <QFile>

#include <map>
#include <string>
#include <vector>

using namespace kube;

namespace {

// One metrics sample: when it was taken and the two answers as they came.
struct RawSample
{
    QString capturedAt;
    QByteArrayView pods;
    QByteArrayView nodes;
};

// The file's parts, as spans of its text (nothing decoded yet).
struct RawSnapshot
{
    QString kind;
    std::int64_t formatVersion = 0;
    SnapshotHeader header;
    bool hasLists = false;
    std::map<std::string, QByteArrayView> lists; // plural → the List object's text
    std::vector<RawSample> samples;
};

bool readString(JsonParser *parser, QString *out)
{
    const JsonNode *node = parser->value();
    if (!node)
        return false;
    if (node->is_string())
        *out = QString::fromUtf8(node->string().data(), qsizetype(node->string().size()));
    return true;
}

// Walks the members of the object at the cursor, calling onMember(name) for each; onMember
// consumes the value.
template<typename F>
bool forEachMember(JsonParser *parser, F &&onMember)
{
    if (!parser->expect('{'))
        return false;
    if (parser->peek() == '}')
        return parser->expect('}');
    for (;;) {
        std::string_view name;
        if (!parser->key(&name))
            return false;
        const std::string copy(name); // the parser may reuse the name's storage
        if (!onMember(copy))
            return false;
        if (parser->peek() == ',') {
            parser->expect(',');
            continue;
        }
        return parser->expect('}');
    }
}

bool readSample(JsonParser *parser, RawSample *sample)
{
    return forEachMember(parser, [&](const std::string &name) {
        if (name == "capturedAt")
            return readString(parser, &sample->capturedAt);
        if (name == "pods")
            return parser->skipRaw(&sample->pods);
        if (name == "nodes")
            return parser->skipRaw(&sample->nodes);
        return parser->skipValue();
    });
}

bool readSamples(JsonParser *parser, std::vector<RawSample> *samples)
{
    if (parser->peek() != '[')
        return parser->skipValue();
    parser->expect('[');
    if (parser->peek() == ']')
        return parser->expect(']');
    for (;;) {
        if (parser->peek() == '{') {
            RawSample sample;
            if (!readSample(parser, &sample))
                return false;
            samples->push_back(sample);
        } else if (!parser->skipValue()) {
            return false;
        }
        if (parser->peek() == ',') {
            parser->expect(',');
            continue;
        }
        return parser->expect(']');
    }
}

bool readTopLevel(JsonParser *parser, RawSnapshot *raw)
{
    return forEachMember(parser, [&](const std::string &name) {
        if (name == "kind")
            return readString(parser, &raw->kind);
        if (name == "context")
            return readString(parser, &raw->header.context);
        if (name == "server")
            return readString(parser, &raw->header.server);
        if (name == "capturedAt") {
            QString text;
            if (!readString(parser, &text))
                return false;
            raw->header.capturedAt = QDateTime::fromString(text, Qt::ISODateWithMs);
            return true;
        }
        if (name == "formatVersion") {
            const JsonNode *node = parser->value();
            if (node && node->is_number_integer())
                node->toInt64(&raw->formatVersion);
            return node != nullptr;
        }
        if (name == "lists") {
            if (parser->peek() != '{')
                return parser->skipValue();
            raw->hasLists = true;
            return forEachMember(parser, [&](const std::string &plural) {
                QByteArrayView span;
                if (!parser->skipRaw(&span))
                    return false;
                raw->lists[plural] = span;
                return true;
            });
        }
        if (name == "metrics")
            return readSamples(parser, &raw->samples);
        return parser->skipValue();
    });
}

qint64 msOf(const QString &text)
{
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

} // namespace

std::optional<SnapshotHeader> SnapshotReader::read(const QString &path, ClusterStore *store,
                                                   const RoundSink &onRound, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    JsonParser parser;
    parser.start(bytes);
    RawSnapshot raw;
    if (parser.peek() != '{') {
        *error = tr("%1 is not a Klarsicht snapshot.").arg(path);
        return std::nullopt;
    }
    if (!readTopLevel(&parser, &raw) || !parser.finish()) {
        *error = tr("%1 is not valid JSON: %2").arg(path, parser.error());
        return std::nullopt;
    }
    if (raw.kind != u"KlarsichtSnapshot" || !raw.hasLists) {
        *error = tr("%1 is not a Klarsicht snapshot.").arg(path);
        return std::nullopt;
    }
    if (raw.formatVersion > kSnapshotFormatVersion) {
        *error = tr("%1 was written by a newer Klarsicht (format %2).")
                     .arg(path)
                     .arg(qlonglong(raw.formatVersion));
        return std::nullopt;
    }

    // The followed kinds in their order (owners first), each through its own decoder.
    QString damaged;
    forEachFollowedKind([&]<typename T>() {
        if (!damaged.isEmpty())
            return;
        const auto it = raw.lists.find(resourceKindOf<T>().plural.toStdString());
        if (it == raw.lists.end())
            return;
        ListMeta meta;
        const QString listError = decodeListStreaming<T>(
            it->second, &meta, [store](T &&object) { store->upsert(std::move(object)); });
        if (!listError.isEmpty())
            damaged = tr("The list “%1” in %2 is damaged: %3")
                          .arg(resourceKindOf<T>().plural, path, listError);
    });
    if (!damaged.isEmpty()) {
        store->clear();
        *error = damaged;
        return std::nullopt;
    }

    for (const RawSample &sample : raw.samples) {
        MetricsRound round;
        round.timestampMs = msOf(sample.capturedAt);
        if (!sample.pods.isEmpty())
            round.containers = parsePodMetricsList(sample.pods, round.timestampMs).containers;
        if (!sample.nodes.isEmpty())
            round.nodes = parseNodeMetricsList(sample.nodes, round.timestampMs).nodes;
        if (onRound)
            onRound(round);
    }
    return raw.header;
}
