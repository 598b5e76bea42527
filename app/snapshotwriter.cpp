#include "app/snapshotwriter.h"

#include "app/snapshot.h"

#include <algorithm>

namespace {

QByteArray dumped(const nlohmann::json &value)
{
    const std::string text = value.dump();
    return QByteArray(text.data(), qsizetype(text.size()));
}

// Only objects that carry what a hand-over drops are parsed and written again; the rest go out
// as the server sent them.
QByteArray scrubbed(const QByteArray &object)
{
    if (!object.contains("\"managedFields\"")
        && !object.contains("kubectl.kubernetes.io/last-applied-configuration"))
        return object;
    nlohmann::json tree = nlohmann::json::parse(object.constBegin(), object.constEnd(), nullptr,
                                                /*allow_exceptions=*/false);
    if (tree.is_discarded())
        return object; // the decoder read it, so this does not happen; keep it rather than lose it
    snapshot::scrub(tree);
    return dumped(tree);
}

} // namespace

SnapshotWriter::SnapshotWriter(const QString &path)
    : m_file(path)
{}

bool SnapshotWriter::open(const nlohmann::json &header)
{
    if (!m_file.open(QIODevice::WriteOnly))
        return false;
    QByteArray head = dumped(header);
    head.chop(1); // the header's closing brace: the lists follow
    write(head + (header.empty() ? "" : ",") + "\"lists\":{");
    return !m_failed;
}

void SnapshotWriter::writeList(const kube::ResourceKind &kind, const QString &resourceVersion,
                               std::vector<std::shared_ptr<const kube::RawObject>> objects)
{
    std::sort(objects.begin(), objects.end(), [](const auto &a, const auto &b) {
        return std::tie(a->metadata.namespaceName, a->metadata.name)
               < std::tie(b->metadata.namespaceName, b->metadata.name);
    });
    const QString apiVersion = kind.group.isEmpty() ? kind.version
                                                    : kind.group + QLatin1Char('/') + kind.version;
    const nlohmann::json meta = {{"resourceVersion", resourceVersion.toStdString()}};
    QByteArray head = m_firstList ? QByteArray() : QByteArray(",");
    m_firstList = false;
    head += "\"" + kind.plural.toUtf8() + "\":{\"kind\":\"" + kind.kind.toUtf8()
            + "List\",\"apiVersion\":\"" + apiVersion.toUtf8() + "\",\"metadata\":" + dumped(meta)
            + ",\"items\":[";
    write(head);
    bool first = true;
    for (const auto &object : objects) {
        if (!first)
            write(",");
        first = false;
        write(scrubbed(object->json));
    }
    write("]}");
}

bool SnapshotWriter::finish(const nlohmann::json &access, const nlohmann::json &metrics)
{
    write("},\"access\":" + dumped(access) + ",\"metrics\":" + dumped(metrics) + "}\n");
    return !m_failed && m_file.commit();
}

QString SnapshotWriter::errorString() const
{
    return m_file.errorString();
}

void SnapshotWriter::write(const QByteArray &bytes)
{
    if (!m_failed && m_file.write(bytes) != bytes.size())
        m_failed = true;
}
