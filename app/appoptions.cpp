#include "app/appoptions.h"

#include "models/metrics/metricssampler.h"
#include "views/language.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions)
};
} // namespace

void AppOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("lang"),
         Tr::tr("User interface language: de or en (default: the system's, else en)."),
         Tr::tr("code")},
        {QStringLiteral("kubeconfig"), Tr::tr("Use this kubeconfig file only."), Tr::tr("file")},
        {QStringLiteral("context"), Tr::tr("The kubeconfig context to show (default: current)."),
         Tr::tr("name")},
        {QStringLiteral("namespace"),
         Tr::tr("A namespace to watch where cluster-wide lists are forbidden (repeatable)."),
         Tr::tr("name")},
        {QStringLiteral("demo"), Tr::tr("Start the built-in demo cluster and show it.")},
        {QStringLiteral("preset"),
         Tr::tr("Demo cluster preset: workshop (default), large or empty."), Tr::tr("name"),
         QStringLiteral("workshop")},
        {QStringLiteral("nodes"), Tr::tr("Nodes of the large demo preset."), Tr::tr("n")},
        {QStringLiteral("pods"), Tr::tr("Pods of the large demo preset."), Tr::tr("n")},
        {QStringLiteral("seed"), Tr::tr("Seed that makes a demo cluster run reproducible."),
         Tr::tr("n")},
        {QStringLiteral("open"), Tr::tr("Show a snapshot file offline, read-only."),
         Tr::tr("file")},
        {QStringLiteral("prometheus"),
         Tr::tr("Prometheus URL for metric history (default: discovered in the cluster)."),
         Tr::tr("url")},
        {QStringLiteral("interval"),
         Tr::tr("Metrics sampling interval in seconds: 5, 15, 30 or 60 (default: the one last "
                "chosen in the View menu, else 15)."),
         Tr::tr("seconds")},
    });
}

AppOptions AppOptions::from(const QCommandLineParser &parser)
{
    AppOptions o;
    o.language = parser.value(QStringLiteral("lang"));
    o.kubeconfig = parser.value(QStringLiteral("kubeconfig"));
    o.context = parser.value(QStringLiteral("context"));
    o.namespaces = parser.values(QStringLiteral("namespace"));
    o.demo = parser.isSet(QStringLiteral("demo"));
    o.preset = parser.value(QStringLiteral("preset"));
    for (const QString &name :
         {QStringLiteral("nodes"), QStringLiteral("pods"), QStringLiteral("seed")}) {
        if (parser.isSet(name))
            o.demoArguments << QStringLiteral("--") + name << parser.value(name);
    }
    o.openFile = parser.value(QStringLiteral("open"));
    o.prometheusUrl = parser.value(QStringLiteral("prometheus"));
    if (parser.isSet(QStringLiteral("interval"))) {
        bool ok = false;
        o.intervalSeconds = parser.value(QStringLiteral("interval")).toInt(&ok);
        if (!ok || !MetricsSampler::allowedIntervalsSeconds().contains(o.intervalSeconds)) {
            o.invalid = Tr::tr("--interval must be 5, 15, 30 or 60 (seconds), not \"%1\".")
                            .arg(parser.value(QStringLiteral("interval")));
            o.intervalSeconds = 0;
        }
    }
    const QString lang = parser.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && !Language::available().contains(lang))
        o.invalid = Tr::tr("--lang must be de or en, not \"%1\".").arg(lang);
    if (!o.preset.isEmpty()
        && !QStringList{QStringLiteral("workshop"), QStringLiteral("large"),
                        QStringLiteral("empty")}
                .contains(o.preset))
        o.invalid = Tr::tr("--preset must be workshop, large or empty, not \"%1\".").arg(o.preset);
    return o;
}
