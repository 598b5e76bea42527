#include "views/dialogs/credentialpromptdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

CredentialPromptDialog::CredentialPromptDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("credentialPrompt"));
    setModal(false);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("credentialPromptText"));
    m_text->setOpenExternalLinks(true);
    m_text->setMinimumSize(520, 140);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_lines.join(QLatin1Char('\n'))); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    retranslate();
}

void CredentialPromptDialog::setContext(const QString &context)
{
    if (context == m_context)
        return;
    m_context = context;
    m_lines.clear();
    retranslate();
    render();
}

void CredentialPromptDialog::appendLine(const QString &line)
{
    m_lines << line;
    render();
}

void CredentialPromptDialog::render()
{
    // The plugin's words as plain text, with its web addresses clickable (device-code logins
    // name the page to open).
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"']+))"));
    QString html;
    for (const QString &line : std::as_const(m_lines)) {
        QString escaped = line.toHtmlEscaped();
        escaped.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
        html += QStringLiteral("<p style=\"margin:0\">") + escaped + QStringLiteral("</p>");
    }
    m_text->setHtml(html);
}

void CredentialPromptDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CredentialPromptDialog::retranslate()
{
    setWindowTitle(tr("Sign-in for %1").arg(m_context));
    m_intro->setText(
        tr("The credential plugin of context “%1” asks for your attention:").arg(m_context));
    m_hint->setText(tr("Klarsicht waits for the plugin and connects as soon as it delivers a "
                       "credential; this window then closes by itself."));
    m_copy->setText(tr("Copy"));
}
