// The main window's titles and menus follow the language, switched at runtime.
#include "views/language.h"
#include "views/mainwindow.h"

#include <QMenuBar>
#include <QTabWidget>
#include <QtTest>

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Language::instance().set(QStringLiteral("en")); }

    void resolvesLanguage()
    {
        QCOMPARE(Language::resolve(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(Language::resolve(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(Language::resolve(QStringLiteral("xx")), QStringLiteral("en"));
        QVERIFY(!Language::instance().set(QStringLiteral("xx")));
    }

    void switchesLanguageAtRuntime()
    {
        QVERIFY(Language::instance().set(QStringLiteral("en")));
        MainWindow window;
        window.show();
        QCOMPARE(window.tabs()->tabText(1), QStringLiteral("Nodes"));
        QCOMPARE(menuTitles(window), QStringList({QStringLiteral("&File"), QStringLiteral("&View"),
                                                  QStringLiteral("&Help")}));

        QVERIFY(Language::instance().set(QStringLiteral("de")));
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("Klarsicht — Kubernetes-Einblicke"));
        QCOMPARE(window.tabs()->tabText(1), QStringLiteral("Knoten"));
        QCOMPARE(menuTitles(window),
                 QStringList({QStringLiteral("&Datei"), QStringLiteral("&Ansicht"),
                              QStringLiteral("&Hilfe")}));
        QCOMPARE(QLocale().toString(1.5, 'f', 1), QStringLiteral("1,5"));

        QVERIFY(Language::instance().set(QStringLiteral("en")));
        QTRY_COMPARE(window.tabs()->tabText(1), QStringLiteral("Nodes"));
    }

private:
    static QStringList menuTitles(const MainWindow &window)
    {
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        return titles;
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
