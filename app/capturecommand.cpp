#include "app/capturecommand.h"

#include "app/appcontroller.h"
#include "views/language.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaptureCommand)
};

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

int runCaptureCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Renders each tab of Klarsicht to a PNG file."));
    parser.addHelpOption();
    AppOptions::addTo(parser);
    const QCommandLineOption outOption(QStringLiteral("out"), Tr::tr("Folder for the PNG files."),
                                       Tr::tr("folder"));
    const QCommandLineOption waitOption(QStringLiteral("wait"),
                                        Tr::tr("Longest wait for data, in seconds (default 60)."),
                                        Tr::tr("seconds"), QStringLiteral("60"));
    const QCommandLineOption settleOption(
        QStringLiteral("settle"),
        Tr::tr("Seconds to let metrics arrive after the objects have loaded (default 5)."),
        Tr::tr("seconds"), QStringLiteral("5"));
    parser.addOptions({outOption, waitOption, settleOption});
    parser.process(QStringList{QStringLiteral("klarsicht capture")} + arguments);
    if (!parser.isSet(outOption)) {
        err << Tr::tr("klarsicht capture: the output folder is missing (--out DIR).") << Qt::endl;
        return 2;
    }
    AppOptions options = AppOptions::from(parser);
    options.interactive = false;
    if (options.openFile.isEmpty() && options.context.isEmpty() && options.kubeconfig.isEmpty())
        options.demo = true;
    const QString language = Language::resolve(options.language);
    Language::instance().set(language);

    const QDir dir(parser.value(outOption));
    if (!QDir().mkpath(dir.absolutePath())) {
        err << Tr::tr("Cannot create the folder %1.").arg(dir.absolutePath()) << Qt::endl;
        return 1;
    }

    AppController controller(options);
    QString failure;
    QEventLoop loading;
    QObject::connect(&controller, &AppController::loaded, &loading, &QEventLoop::quit);
    QObject::connect(&controller, &AppController::failed, &loading, [&](const QString &message) {
        failure = message;
        loading.quit();
    });
    QTimer::singleShot(parser.value(waitOption).toInt() * 1000, &loading, &QEventLoop::quit);
    controller.window()->resize(1500, 900);
    controller.showWindow();
    controller.start();
    if (!controller.isLoaded() && failure.isEmpty())
        loading.exec();
    if (!failure.isEmpty()) {
        err << failure << Qt::endl;
        return 1;
    }
    if (!controller.isLoaded()) {
        err << Tr::tr("No data arrived within %n seconds.", nullptr, parser.value(waitOption).toInt())
            << Qt::endl;
        return 1;
    }
    settle(parser.value(settleOption).toInt() * 1000);

    QTabWidget *tabs = controller.window()->tabs();
    static const char *const names[] = {"cluster", "nodes", "controllers", "containers"};
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        settle(300);
        const QString name = i < int(std::size(names)) ? QString::fromLatin1(names[i])
                                                       : QStringLiteral("tab%1").arg(i);
        const QString path = dir.filePath(name + u'-' + language + QStringLiteral(".png"));
        if (!controller.window()->grab().save(path)) {
            err << Tr::tr("Cannot write %1.").arg(path) << Qt::endl;
            return 1;
        }
        out << path << Qt::endl;
    }
    return 0;
}
