// The main window's titles and menus follow the language, switched at runtime; the sampling
// interval menu and the metrics line of the status bar.
#include "views/dialogs/credentialpromptdialog.h"
#include "views/filterbar.h"
#include "views/language.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QWheelEvent>
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
        QCOMPARE(window.tabs()->tabText(MainWindow::NodesTab), QStringLiteral("Nodes"));
        QCOMPARE(menuTitles(window), QStringList({QStringLiteral("&File"), QStringLiteral("&View"),
                                                  QStringLiteral("&Help")}));

        QVERIFY(Language::instance().set(QStringLiteral("de")));
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("Klarsicht — Kubernetes-Einblicke"));
        QCOMPARE(window.tabs()->tabText(MainWindow::NodesTab), QStringLiteral("Knoten"));
        QCOMPARE(menuTitles(window),
                 QStringList({QStringLiteral("&Datei"), QStringLiteral("&Ansicht"),
                              QStringLiteral("&Hilfe")}));
        QCOMPARE(QLocale().toString(1.5, 'f', 1), QStringLiteral("1,5"));

        QVERIFY(Language::instance().set(QStringLiteral("en")));
        QTRY_COMPARE(window.tabs()->tabText(MainWindow::NodesTab), QStringLiteral("Nodes"));
    }

    void samplingIntervalMenu()
    {
        QVERIFY(Language::instance().set(QStringLiteral("en")));
        MainWindow window;
        QMenu *menu = subMenu(window, QStringLiteral("&Sampling interval"));
        QVERIFY(menu);
        QStringList texts;
        for (QAction *action : menu->actions())
            texts << action->text();
        QCOMPARE(
            texts,
            QStringList({QStringLiteral("Every 5 seconds"), QStringLiteral("Every 15 seconds"),
                         QStringLiteral("Every 30 seconds"), QStringLiteral("Every 60 seconds")}));
        QCOMPARE(checkedSeconds(menu), 15);

        window.setSamplingInterval(30);
        QCOMPARE(checkedSeconds(menu), 30);

        QSignalSpy requested(&window, &MainWindow::samplingIntervalRequested);
        menu->actions().constLast()->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toInt(), 60);
        QCOMPARE(checkedSeconds(menu), 60);

        QVERIFY(Language::instance().set(QStringLiteral("de")));
        QTRY_COMPARE(menu->actions().constFirst()->text(), QStringLiteral("Alle 5 Sekunden"));
        QCOMPARE(menu->title(), QStringLiteral("&Abtastintervall"));
    }

    void metricsStateIsShownInTheStatusBar()
    {
        MainWindow window;
        window.setMetricsState(
            QStringLiteral("Metrics: kubelets, every 15 s — no data since 10:02"),
            QStringLiteral("Source: https://127.0.0.1:6443 …"), false);
        QLabel *label = nullptr;
        for (QLabel *candidate : window.statusBar()->findChildren<QLabel *>()) {
            if (candidate->text().contains(QStringLiteral("no data since 10:02")))
                label = candidate;
        }
        QVERIFY(label);
        QVERIFY(label->text().contains(QStringLiteral("#c62828"))); // missing data is red
        QCOMPARE(label->toolTip(), QStringLiteral("Source: https://127.0.0.1:6443 …"));

        window.setMetricsState(QStringLiteral("Metrics: Prometheus, every 15 s"), QString(), true);
        QCOMPARE(label->text(), QStringLiteral("Metrics: Prometheus, every 15 s"));
    }

    void indicatorTellsLimitedFromDown()
    {
        QVERIFY(Language::instance().set(QStringLiteral("en")));
        MainWindow window;
        window.setResourceState(QStringLiteral("pods"), QStringLiteral("live"),
                                MainWindow::ResourceHealth::Live);
        window.setResourceState(QStringLiteral("nodes"), QStringLiteral("no access"),
                                MainWindow::ResourceHealth::Limited);
        QVERIFY(statusText(window, QStringLiteral("live, limited access to 1 of 2 resources")));
        window.setResourceState(QStringLiteral("pods"), QStringLiteral("stale since 10:02"),
                                MainWindow::ResourceHealth::Down);
        QVERIFY(statusText(window, QStringLiteral("1 of 2 resources not live")));
        window.setResourceState(QStringLiteral("pods"), QStringLiteral("live"),
                                MainWindow::ResourceHealth::Live);
        window.setResourceState(QStringLiteral("nodes"), QStringLiteral("live"),
                                MainWindow::ResourceHealth::Live);
        QVERIFY(statusText(window, QStringLiteral("</span> live")));
    }

    // A credential plugin's device-code prompt shows at once, its address clickable, in a
    // dialog that leaves the window usable and goes when the plugin is done.
    void credentialPromptShowsAndCloses()
    {
        QVERIFY(Language::instance().set(QStringLiteral("en")));
        MainWindow window;
        window.show();
        QVERIFY(!window.credentialPrompt());
        window.showCredentialPrompt(
            QStringLiteral("aks-prod"),
            QStringLiteral(
                "To sign in, open https://microsoft.com/devicelogin and enter ABCD-1234"));
        CredentialPromptDialog *dialog = window.credentialPrompt();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QVERIFY(dialog->windowTitle().contains(u"aks-prod"));
        auto *text = dialog->findChild<QTextBrowser *>(QStringLiteral("credentialPromptText"));
        QVERIFY(text);
        QVERIFY(text->toPlainText().contains(u"ABCD-1234"));
        QVERIFY(text->toHtml().contains(u"href=\"https://microsoft.com/devicelogin\""));
        window.showCredentialPrompt(QStringLiteral("aks-prod"), QStringLiteral("still waiting"));
        QCOMPARE(dialog->lines().size(), 2);
        window.closeCredentialPrompt();
        QVERIFY(!dialog->isVisible());
        // A notice is shown in the status bar and kept in the indicator's tool tip.
        window.setResourceState(QStringLiteral("pods"), QStringLiteral("live"),
                                MainWindow::ResourceHealth::Live);
        window.showNotice(QStringLiteral("pods: access across the cluster returned"));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("pods: access across the cluster returned"));
        bool inToolTip = false;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            inToolTip = inToolTip || label->toolTip().contains(u"access across the cluster");
        QVERIFY(inToolTip);
    }

    void contextSwitcherIgnoresTheWheelAndTheCurrentContext()
    {
        MainWindow window;
        window.setContexts({QStringLiteral("demo"), QStringLiteral("demo-viewer")},
                           QStringLiteral("demo"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *combo = window.filterBar()->findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("demo"));
        QVERIFY(!combo->hasFocus()); // arrow keys go to the tabs, not to the cluster switcher
        QSignalSpy requested(&window, &MainWindow::contextRequested);

        QWheelEvent wheel(QPointF(5, 5), combo->mapToGlobal(QPointF(5, 5)), QPoint(),
                          QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(combo, &wheel);
        QCOMPARE(combo->currentText(), QStringLiteral("demo"));

        Q_EMIT combo->activated(0); // the current one picked again
        QCOMPARE(requested.size(), 0);
        combo->setCurrentIndex(1);
        Q_EMIT combo->activated(1);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("demo-viewer"));
    }

private:
    static bool statusText(const MainWindow &window, const QString &part)
    {
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            if (label->text().contains(part))
                return true;
        }
        return false;
    }

    static QMenu *subMenu(const MainWindow &window, const QString &title)
    {
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
            if (menu->title() == title)
                return menu;
        }
        return nullptr;
    }

    static int checkedSeconds(const QMenu *menu)
    {
        for (QAction *action : menu->actions()) {
            if (action->isChecked())
                return action->data().toInt();
        }
        return 0;
    }

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
