#pragma once

// Writes a snapshot file as a stream: the header, then each kind's objects one after another as
// the informers hold them (the text the server sent, scrubbed object by object), then the
// access notes and the metrics samples. No list is ever one JSON tree in memory. The file
// appears only when everything was written (QSaveFile): a full disk loses nothing old.
#include "kubeapi/informers/resourcekind.h"
#include "kubeapi/objects/objects.h"

#include <QSaveFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

class SnapshotWriter final
{
public:
    explicit SnapshotWriter(const QString &path);

    // False with errorString() when the file cannot be created.
    bool open(const nlohmann::json &header);
    // One kind's list; `objects` are written in namespace/name order.
    void writeList(const kube::ResourceKind &kind, const QString &resourceVersion,
                   std::vector<std::shared_ptr<const kube::RawObject>> objects);
    // Ends the lists and writes `access` (plural → "ok" or why not) and `metrics`.
    bool finish(const nlohmann::json &access, const nlohmann::json &metrics);
    QString errorString() const;

private:
    void write(const QByteArray &bytes);

    QSaveFile m_file;
    bool m_firstList = true;
    bool m_failed = false;
};
