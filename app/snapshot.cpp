#include "app/snapshot.h"

#include <QCoreApplication>
#include <QFile>

namespace snapshot {

QStringList kinds()
{
    return {QStringLiteral("namespaces"), QStringLiteral("nodes"),
            QStringLiteral("deployments"), QStringLiteral("replicasets"),
            QStringLiteral("statefulsets"), QStringLiteral("daemonsets"),
            QStringLiteral("cronjobs"), QStringLiteral("jobs"),
            QStringLiteral("services"), QStringLiteral("pods")};
}

void scrub(nlohmann::json &object)
{
    if (!object.is_object())
        return;
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return;
    meta->erase("managedFields");
    auto annotations = meta->find("annotations");
    if (annotations != meta->end() && annotations->is_object())
        annotations->erase("kubectl.kubernetes.io/last-applied-configuration");
}

static std::optional<Loaded> check(const QString &path, Loaded loaded, QString *error);

std::optional<Loaded> load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Snapshot", "Cannot read %1: %2")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    Loaded loaded;
    try {
        const QByteArray bytes = file.readAll();
        loaded.document = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::parse_error &e) {
        *error = QCoreApplication::translate("Snapshot", "%1 is not valid JSON (byte %2).")
                     .arg(path)
                     .arg(qulonglong(e.byte));
        return std::nullopt;
    }
    try {
        return check(path, std::move(loaded), error);
    } catch (const nlohmann::json::exception &) {
        *error = QCoreApplication::translate("Snapshot", "%1 is not a Klarsicht snapshot.").arg(path);
        return std::nullopt;
    }
}

static std::optional<Loaded> check(const QString &path, Loaded loaded, QString *error)
{
    const nlohmann::json &doc = loaded.document;
    if (!doc.is_object() || doc.value("kind", std::string()) != "KlarsichtSnapshot"
        || !doc.contains("lists") || !doc["lists"].is_object()) {
        *error = QCoreApplication::translate("Snapshot", "%1 is not a Klarsicht snapshot.").arg(path);
        return std::nullopt;
    }
    if (doc.value("formatVersion", 0) > kFormatVersion) {
        *error = QCoreApplication::translate("Snapshot",
                                             "%1 was written by a newer Klarsicht (format %2).")
                     .arg(path)
                     .arg(doc.value("formatVersion", 0));
        return std::nullopt;
    }
    loaded.context = QString::fromStdString(doc.value("context", std::string()));
    loaded.server = QString::fromStdString(doc.value("server", std::string()));
    loaded.capturedAt = QDateTime::fromString(
        QString::fromStdString(doc.value("capturedAt", std::string())), Qt::ISODateWithMs);
    return loaded;
}

} // namespace snapshot
