#pragma once

#include <QMainWindow>

class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

// The Klarsicht main window: the insight tabs (Cluster, Nodes, Controllers, Containers), the
// menus and the connection state. It re-translates itself on QEvent::LanguageChange.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // Shown in the status bar and the empty pages: what the window is connected to.
    void setConnectionText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void retranslate();

    QTabWidget *m_tabs = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QString m_connectionText;
};
