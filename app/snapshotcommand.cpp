#include "app/snapshotcommand.h"

#include "app/snapshotwriter.h"
#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/informers/followedkinds.h"
#include "kubeapi/informers/informer.h"
#include "models/cluster/snapshotreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QRegularExpression>
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

// kubectl's --request-timeout: "0" (none), a plain number of seconds, or a duration such as
// "30s", "2m", "1h"; -1 when it is none of these.
int parseTimeoutSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)(s|m|h)?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return -1;
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 seconds = unit == u"h" ? n * 3600 : unit == u"m" ? n * 60 : n;
    return seconds > 86400 * 7 ? -1 : int(seconds);
}

// Runs the event loop until `done` holds or the deadline passes; false on the deadline.
template<typename Condition>
bool runUntil(Condition done, QDeadlineTimer deadline)
{
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    tick.start(50);
    if (!done())
        loop.exec();
    return done();
}

void waitFor(int seconds)
{
    QEventLoop wait;
    QTimer::singleShot(seconds * 1000, &wait, &QEventLoop::quit);
    wait.exec();
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
    const QCommandLineOption namespaceOption(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        Tr::tr("A namespace to list when the cluster-wide list is forbidden (besides the "
               "context's namespace; may be given more than once)."),
        Tr::tr("name"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"),
                                           Tr::tr("Metric samples to take (default 1)."),
                                           Tr::tr("n"), QStringLiteral("1"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            Tr::tr("Seconds between metric samples (default 15)."),
                                            Tr::tr("seconds"), QStringLiteral("15"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("request-timeout"),
        Tr::tr("How long to wait for the lists, like kubectl's flag: 30s, 2m, 0 for no limit "
               "(default 60s)."),
        Tr::tr("duration"), QStringLiteral("60s"));
    const QCommandLineOption watchOption(
        QStringLiteral("watch"),
        Tr::tr("Keep following the cluster this many seconds after the lists, then write what "
               "the window would show at that moment."),
        Tr::tr("seconds"), QStringLiteral("0"));
    parser.addOptions({outOption, kubeconfigOption, contextOption, namespaceOption, samplesOption,
                       intervalOption, timeoutOption, watchOption});
    parser.process(QStringList{QStringLiteral("klarsicht snapshot")} + arguments);

    if (!parser.isSet(outOption)) {
        err << Tr::tr("klarsicht snapshot: the output file is missing (-o FILE).") << Qt::endl;
        return 2;
    }
    bool okSamples = false, okInterval = false, okWatch = false;
    const int samples = parser.value(samplesOption).toInt(&okSamples);
    const int interval = parser.value(intervalOption).toInt(&okInterval);
    const int watchSeconds = parser.value(watchOption).toInt(&okWatch);
    const int timeoutSeconds = parseTimeoutSeconds(parser.value(timeoutOption));
    if (!okSamples || samples < 0 || !okInterval || interval < 1) {
        err << Tr::tr("klarsicht snapshot: --samples needs a whole number ≥ 0 and --interval one "
                      "≥ 1.")
            << Qt::endl;
        return 2;
    }
    if (!okWatch || watchSeconds < 0 || timeoutSeconds < 0) {
        err << Tr::tr("klarsicht snapshot: --watch needs a whole number of seconds ≥ 0 and "
                      "--request-timeout a duration such as 30s, 2m or 0.")
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
    if (const QString warning = Kubeconfig::plainTextCredentialWarning(*connection);
        !warning.isEmpty())
        err << warning << Qt::endl;
    ApiClient client(*connection);

    // The same informers as the window, with its namespace fallback: a user who may only see
    // one namespace hands over that namespace, not an empty file.
    std::vector<std::unique_ptr<Informer<RawObject>>> informers;
    for (const ResourceKind &kind : followedKinds()) {
        auto informer = std::make_unique<Informer<RawObject>>(&client, kind);
        informer->setFallbackNamespaces(parser.values(namespaceOption));
        informer->start();
        informers.push_back(std::move(informer));
    }
    const auto settled = [&informers] {
        return std::all_of(informers.begin(), informers.end(), [](const auto &informer) {
            return informer->hasSynced() || informer->state() == InformerBase::State::Forbidden;
        });
    };
    const QDeadlineTimer deadline = timeoutSeconds == 0
                                        ? QDeadlineTimer(QDeadlineTimer::Forever)
                                        : QDeadlineTimer(qint64(timeoutSeconds) * 1000);
    bool complete = runUntil(settled, deadline);
    if (complete && watchSeconds > 0) {
        err << Tr::tr("Following the cluster for %1 s…").arg(watchSeconds) << Qt::endl;
        waitFor(watchSeconds);
        complete = settled();
    }

    nlohmann::json access = nlohmann::json::object();
    nlohmann::json metrics = nlohmann::json::array();
    for (int i = 0; i < samples; ++i) {
        if (i > 0)
            waitFor(interval);
        nlohmann::json sample;
        sample["capturedAt"] =
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        sample["nodes"] = fetchRaw(&client, QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes"));
        sample["pods"] = fetchRaw(&client, QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods"));
        metrics.push_back(std::move(sample));
    }
    for (const auto &informer : informers)
        informer->stop();

    nlohmann::json header;
    header["kind"] = "KlarsichtSnapshot";
    header["formatVersion"] = kSnapshotFormatVersion;
    header["capturedAt"] =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    header["context"] = contextName.toStdString();
    header["server"] = client.displayServer().toString().toStdString();
    SnapshotWriter out(parser.value(outOption));
    if (!out.open(header)) {
        err << Tr::tr("Cannot write %1: %2").arg(parser.value(outOption), out.errorString())
            << Qt::endl;
        return 1;
    }
    for (const auto &informer : informers) {
        const std::string plural = informer->kind().plural.toStdString();
        const bool synced = informer->hasSynced();
        if (!informer->visibleClusterWide()) {
            // What was seen and what was not, said per kind (the window says the same).
            const QStringList seen = informer->visibleNamespaces();
            const QString why = informer->lastError().explanation();
            access[plural] = (seen.isEmpty() ? why
                                             : Tr::tr("only the namespaces %1 (%2)")
                                                   .arg(seen.join(QStringLiteral(", ")), why))
                                 .toStdString();
        } else if (!synced) {
            access[plural] = Tr::tr("not listed within the request timeout: %1")
                                 .arg(informer->lastError().isOk()
                                          ? Tr::tr("no answer")
                                          : informer->lastError().explanation())
                                 .toStdString();
        } else {
            access[plural] = "ok";
        }
        if (access[plural] != "ok")
            err << informer->kind().plural << QStringLiteral(": ")
                << QString::fromStdString(access[plural].get<std::string>()) << Qt::endl;
        if (!synced && informer->visibleNamespaces().isEmpty())
            continue;
        std::vector<std::shared_ptr<const RawObject>> objects;
        objects.reserve(std::size_t(informer->size()));
        for (const auto &object : informer->objects())
            objects.push_back(object);
        out.writeList(informer->kind(), informer->resourceVersion(), std::move(objects));
    }
    if (!out.finish(access, metrics)) {
        err << Tr::tr("Cannot write %1: %2").arg(parser.value(outOption), out.errorString())
            << Qt::endl;
        return 1;
    }
    return complete ? 0 : 1;
}
