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
#include "app/terminationsignals.h"
#include "views/language.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <string_view>

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
    QString lang;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang" && i + 1 < arguments.size())
            lang = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(u"--lang="))
            lang = arguments.at(i).mid(7);
    }
    Language::instance().set(Language::resolve(lang));
}

void configureParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Kubernetes cluster insights on the desktop.\n\n"
                                            "Sub-commands: contexts, snapshot, capture "
                                            "(klarsicht COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    AppOptions::addTo(parser);
}

bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
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
        setCliLanguage(QCoreApplication::arguments());
        quitOnTerminationSignals();
        return runCaptureCommand(QCoreApplication::arguments().mid(2));
    }

    if (asksForHelpOrVersion(argc, argv)) {
        // Answered without a display, so `klarsicht --help` works over ssh and in scripts.
        QCoreApplication app(argc, argv);
        setApplicationNames();
        setCliLanguage(QCoreApplication::arguments());
        QCommandLineParser parser;
        configureParser(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    setCliLanguage(QCoreApplication::arguments()); // for the option errors below

    QCommandLineParser parser;
    configureParser(parser);
    parser.process(app);
    const AppOptions options = AppOptions::from(parser);
    if (!options.invalid.isEmpty()) {
        std::fprintf(stderr, "klarsicht: %s\n", qPrintable(options.invalid));
        return 2;
    }

    Language::instance().set(Language::resolve(options.language));

    quitOnTerminationSignals();
    AppController controller(options);
    controller.showWindow();
    controller.start();
    return QApplication::exec();
}
