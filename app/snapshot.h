#pragma once

// A support hand-over snapshot: the API objects the screens show, as the server sent them (minus
// managed fields and last-applied manifests), plus raw metrics.k8s.io samples. Never credentials
// and never Secret objects. Format: docs/snapshot.md.
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace snapshot {

inline constexpr int kFormatVersion = 1;

// The list kinds a snapshot holds, in the order they are fetched and loaded.
QStringList kinds();

// Removes what a hand-over must not carry or does not need from one API object, in place.
void scrub(nlohmann::json &object);

struct Loaded
{
    QString context;
    QString server;
    QDateTime capturedAt;
    nlohmann::json document;
};
// Reads and checks a snapshot file; nullopt with a translated *error on bad input.
std::optional<Loaded> load(const QString &path, QString *error);

} // namespace snapshot
