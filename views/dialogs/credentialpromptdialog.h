#pragma once

// What a kubeconfig context's credential plugin tells the user while it runs — typically a
// device-code login: "open https://microsoft.com/devicelogin and enter the code ABCD-EFGH".
// Not modal: the window stays usable; it closes by itself once the plugin has a credential.
#include <QDialog>
#include <QStringList>

class QLabel;
class QPushButton;
class QTextBrowser;

class CredentialPromptDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CredentialPromptDialog(QWidget *parent = nullptr);

    // The context the plugin runs for; clears the lines when it changes.
    void setContext(const QString &context);
    void appendLine(const QString &line);
    QStringList lines() const { return m_lines; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();

    QString m_context;
    QStringList m_lines;
    QLabel *m_intro = nullptr;
    QTextBrowser *m_text = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_close = nullptr;
};
