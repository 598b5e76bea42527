#include "views/mainwindow.h"

#include "views/language.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

namespace {
// The insight tabs, in the order of Container insights. Titles are translated when shown.
const char *const kTabTitles[] = {
    QT_TRANSLATE_NOOP("MainWindow", "Cluster"),
    QT_TRANSLATE_NOOP("MainWindow", "Nodes"),
    QT_TRANSLATE_NOOP("MainWindow", "Controllers"),
    QT_TRANSLATE_NOOP("MainWindow", "Containers"),
};
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    for (int i = 0; i < int(std::size(kTabTitles)); ++i) {
        auto *page = new QLabel(m_tabs);
        page->setAlignment(Qt::AlignCenter);
        page->setObjectName(QStringLiteral("emptyPage"));
        m_tabs->addTab(page, QString());
    }
    setCentralWidget(m_tabs);

    m_connectionLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_connectionLabel);

    createMenus();
    retranslate();
    resize(1280, 800);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString &code : Language::available()) {
        // Each language is named in itself, so a user who cannot read the current one finds it.
        auto *action = m_languageMenu->addAction(code == QLatin1String("de")
                                                     ? QStringLiteral("Deutsch")
                                                     : QStringLiteral("English"));
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == Language::instance().current());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [code] { Language::instance().set(code); });
    }
    connect(&Language::instance(), &Language::changed, this, [this](const QString &code) {
        for (QAction *action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == code);
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About Klarsicht"),
                           tr("<b>Klarsicht %1</b><p>Kubernetes cluster insights on the desktop: "
                              "nodes, controllers and containers with CPU and memory trends, "
                              "live.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::setConnectionText(const QString &text)
{
    m_connectionText = text;
    retranslate();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Klarsicht — Kubernetes insights"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Klarsicht"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setTabText(i, tr(kTabTitles[i]));
        if (auto *empty = qobject_cast<QLabel *>(m_tabs->widget(i));
            empty && empty->objectName() == QLatin1String("emptyPage"))
            empty->setText(m_connectionText.isEmpty() ? tr("Not connected to a cluster.")
                                                      : m_connectionText);
    }
    m_connectionLabel->setText(m_connectionText.isEmpty() ? tr("Not connected")
                                                          : m_connectionText);
}
