#include "app/snapshotcommand.h"

#include "app/snapshot.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/informers/followedkinds.h"
#include "models/cluster/snapshotreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

using namespace kube;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotCommand)
};

// Sends one request and waits for it (the snapshot command is headless and sequential).
ApiReply *sendAndWait(ApiClient *client, ApiRequest request)
{
    ApiReply *reply = client->send(std::move(request));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &ApiReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply;
}

// All pages of one list, as one List object; on failure the error is returned instead.
nlohmann::json fetchList(ApiClient *client, const ResourceKind &kind, ApiError *error)
{
    nlohmann::json list;
    QString continueToken;
    do {
        ApiRequest request;
        request.path = kind.collectionPath();
        request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
        if (!continueToken.isEmpty())
            request.query.addQueryItem(QStringLiteral("continue"), continueToken);
        request.verb = QStringLiteral("list");
        request.resource = kind.plural;
        request.group = kind.group;
        ApiReply *reply = sendAndWait(client, request);
        reply->deleteLater();
        if (!reply->error().isOk()) {
            *error = reply->error();
            return {};
        }
        const QByteArray body = reply->takeBody();
        nlohmann::json page = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr,
                                                    /*allow_exceptions=*/false);
        if (page.is_discarded() || !page.is_object()) {
            *error = ApiError::decode(reply->errorContext(),
                                      Tr::tr("the server's answer is not JSON"));
            return {};
        }
        auto items = page.find("items");
        if (items != page.end() && items->is_array()) {
            for (auto &item : *items)
                snapshot::scrub(item);
        }
        if (list.is_null()) {
            list = std::move(page);
        } else if (items != page.end() && items->is_array()) {
            for (auto &item : *items)
                list["items"].push_back(std::move(item));
            list["metadata"] = page["metadata"];
        }
        continueToken = QString::fromStdString(
            list.value("metadata", nlohmann::json::object()).value("continue", std::string()));
    } while (!continueToken.isEmpty());
    list["metadata"].erase("continue");
    return list;
}

nlohmann::json fetchRaw(ApiClient *client, const QString &path)
{
    ApiRequest request;
    request.path = path;
    request.verb = QStringLiteral("list");
    request.resource = path.section(u'/', -1);
    request.group = QStringLiteral("metrics.k8s.io");
    ApiReply *reply = sendAndWait(client, request);
    reply->deleteLater();
    if (!reply->error().isOk())
        return nullptr;
    const QByteArray body = reply->takeBody();
    nlohmann::json json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    return json.is_discarded() ? nlohmann::json(nullptr) : json;
}

} // namespace

int runSnapshotCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Writes what the screens show as a JSON snapshot."));
    parser.addHelpOption();
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("output")},
                                       Tr::tr("The snapshot file to write."), Tr::tr("file"));
    const QCommandLineOption kubeconfigOption(
        QStringLiteral("kubeconfig"), Tr::tr("Use this kubeconfig file only."), Tr::tr("file"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           Tr::tr("The kubeconfig context (default: current)."),
                                           Tr::tr("name"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"),
                                           Tr::tr("Metric samples to take (default 1)."),
                                           Tr::tr("n"), QStringLiteral("1"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            Tr::tr("Seconds between metric samples (default 15)."),
                                            Tr::tr("seconds"), QStringLiteral("15"));
    parser.addOptions({outOption, kubeconfigOption, contextOption, samplesOption, intervalOption});
    parser.process(QStringList{QStringLiteral("klarsicht snapshot")} + arguments);

    if (!parser.isSet(outOption)) {
        err << Tr::tr("klarsicht snapshot: the output file is missing (-o FILE).") << Qt::endl;
        return 2;
    }
    bool okSamples = false, okInterval = false;
    const int samples = parser.value(samplesOption).toInt(&okSamples);
    const int interval = parser.value(intervalOption).toInt(&okInterval);
    if (!okSamples || samples < 0 || !okInterval || interval < 1) {
        err << Tr::tr("klarsicht snapshot: --samples needs a whole number ≥ 0 and --interval one "
                      "≥ 1.")
            << Qt::endl;
        return 2;
    }

    QString error;
    const auto config = Kubeconfig::load(parser.value(kubeconfigOption), &error);
    if (!config) {
        err << error << Qt::endl;
        return 1;
    }
    const QString contextName = parser.isSet(contextOption) ? parser.value(contextOption)
                                                            : config->currentContext();
    const auto connection = config->resolve(contextName, &error);
    if (!connection) {
        err << error << Qt::endl;
        return 1;
    }
    ApiClient client(*connection);

    nlohmann::json doc;
    doc["kind"] = "KlarsichtSnapshot";
    doc["formatVersion"] = kSnapshotFormatVersion;
    doc["capturedAt"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    doc["context"] = contextName.toStdString();
    doc["server"] = client.displayServer().toString().toStdString();
    doc["lists"] = nlohmann::json::object();
    doc["access"] = nlohmann::json::object();
    for (const ResourceKind &kind : followedKinds()) {
        const QString &plural = kind.plural;
        ApiError listError;
        nlohmann::json list = fetchList(&client, kind, &listError);
        if (!listError.isOk()) {
            // A view the user may not see is recorded as such, not silently left out.
            doc["access"][plural.toStdString()] = listError.explanation().toStdString();
            err << plural << QStringLiteral(": ") << listError.explanation() << Qt::endl;
            continue;
        }
        doc["access"][plural.toStdString()] = "ok";
        doc["lists"][plural.toStdString()] = std::move(list);
    }

    doc["metrics"] = nlohmann::json::array();
    for (int i = 0; i < samples; ++i) {
        if (i > 0) {
            QEventLoop wait;
            QTimer::singleShot(interval * 1000, &wait, &QEventLoop::quit);
            wait.exec();
        }
        nlohmann::json sample;
        sample["capturedAt"] =
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        sample["nodes"] = fetchRaw(&client, QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes"));
        sample["pods"] = fetchRaw(&client, QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods"));
        doc["metrics"].push_back(std::move(sample));
    }

    QSaveFile out(parser.value(outOption));
    if (!out.open(QIODevice::WriteOnly)) {
        err << Tr::tr("Cannot write %1: %2").arg(out.fileName(), out.errorString()) << Qt::endl;
        return 1;
    }
    const std::string text = doc.dump(1);
    out.write(text.data(), qint64(text.size()));
    if (!out.commit()) {
        err << Tr::tr("Cannot write %1: %2").arg(out.fileName(), out.errorString()) << Qt::endl;
        return 1;
    }
    return 0;
}
