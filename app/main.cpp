// Klarsicht: Kubernetes cluster insights on the desktop.
//
//   klarsicht [--demo [--preset P] | --kubeconfig F --context C | --open FILE] [--lang de|en]
//   klarsicht contexts [--kubeconfig F]
//   klarsicht snapshot -o FILE [--context C] [--samples N]
//   klarsicht capture --out DIR [--demo | --context C | --open FILE] [--lang de|en]
#include "app/appcontroller.h"
#include "app/capturecommand.h"
#include "app/contextscommand.h"
#include "app/snapshotcommand.h"
#include "views/language.h"

#include <QApplication>
#include <QCommandLineParser>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Klarsicht"));
    QCoreApplication::setApplicationName(QStringLiteral("klarsicht"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KLARSICHT_VERSION));
}

// The language of the command-line sub-commands: --lang if given, else the system's.
void setCliLanguage(const QStringList &arguments)
{
    const qsizetype i = arguments.indexOf(QStringLiteral("--lang"));
    const QString lang = i >= 0 && i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
    Language::instance().set(Language::resolve(lang));
}

} // namespace

int main(int argc, char *argv[])
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("contexts") || command == QLatin1String("snapshot")) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QStringList arguments = QCoreApplication::arguments().mid(2);
        setCliLanguage(arguments);
        const qsizetype lang = arguments.indexOf(QStringLiteral("--lang"));
        if (lang >= 0)
            arguments.remove(lang, std::min<qsizetype>(2, arguments.size() - lang));
        return command == QLatin1String("contexts") ? runContextsCommand(arguments)
                                                    : runSnapshotCommand(arguments);
    }
    if (command == QLatin1String("capture")) {
        // Rendering to PNG needs no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setApplicationNames();
        return runCaptureCommand(QCoreApplication::arguments().mid(2));
    }

    QApplication app(argc, argv);
    setApplicationNames();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Kubernetes cluster insights on the desktop.\n\n"
                                            "Sub-commands: contexts, snapshot, capture "
                                            "(klarsicht COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    AppOptions::addTo(parser);
    parser.process(app);
    const AppOptions options = AppOptions::from(parser);

    Language::instance().set(Language::resolve(options.language));

    AppController controller(options);
    controller.showWindow();
    controller.start();
    return QApplication::exec();
}
