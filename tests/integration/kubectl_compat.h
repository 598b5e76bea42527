#pragma once

// What the integration tests adapt to the kubectl they find: Debian 12 ships kubectl 1.20
// (package kubernetes-client), newer machines 1.2x/1.3x. The tests check our server and client,
// not kubectl's features, so they ask only what every one of these versions can do.
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace kubectlcompat {

// The client's minor version (20 for Debian 12's 1.20.2); 0 if it cannot be told.
inline int clientMinor(const QString &kubectl)
{
    static QHash<QString, int> known;
    if (const auto it = known.constFind(kubectl); it != known.constEnd())
        return *it;
    QProcess p;
    p.start(kubectl, {QStringLiteral("version"), QStringLiteral("--client"), QStringLiteral("-o"),
                      QStringLiteral("json")});
    p.waitForFinished(30000);
    const QJsonObject client =
        QJsonDocument::fromJson(p.readAllStandardOutput()).object()[u"clientVersion"].toObject();
    // "32", or "32+" on some builds.
    QString minor = client[u"minor"].toString();
    while (!minor.isEmpty() && !minor.back().isDigit())
        minor.chop(1);
    return known[kubectl] = minor.toInt();
}

// kubectl before 1.27 validates `apply -f`/`create -f` against OpenAPI v2 in protobuf, which the
// demo cluster does not serve (it serves /openapi/v3, which newer kubectl uses); with such a
// client the tests skip client-side validation, as a trainer with Debian's kubectl would.
inline QStringList adjust(const QString &kubectl, QStringList args)
{
    const QString verb = args.value(0);
    if ((verb == u"apply" || verb == u"create") && args.contains(QStringLiteral("-f"))) {
        const int minor = clientMinor(kubectl);
        if (minor > 0 && minor < 27)
            args.insert(1, QStringLiteral("--validate=false"));
    }
    return args;
}

} // namespace kubectlcompat
