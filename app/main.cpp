// Klarsicht: Kubernetes cluster insights on the desktop.
#include "views/language.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Klarsicht"));
    QCoreApplication::setApplicationName(QStringLiteral("klarsicht"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KLARSICHT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kubernetes cluster insights on the desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language: de or en "
                                                       "(default: the system locale, else en)."),
                                        QStringLiteral("code"));
    parser.addOption(langOption);
    parser.process(app);

    Language::instance().set(Language::resolve(parser.value(langOption)));

    MainWindow window;
    window.show();
    return QApplication::exec();
}
