#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

// Switches the UI language at runtime: installs the embedded translation for a language code
// ("de", "en") so that widgets receive QEvent::LanguageChange and re-translate themselves.
class Language final : public QObject
{
    Q_OBJECT
public:
    static Language &instance();

    // Language codes with an embedded translation, English first.
    static QStringList available();
    // The language for a --lang value or, when empty, for the system locale; English otherwise.
    static QString resolve(const QString &requested);

    QString current() const { return m_current; }
    // Installs the translation for `code`; false (and nothing changed) if there is none.
    bool set(const QString &code);

Q_SIGNALS:
    void changed(const QString &code);

private:
    Language() = default;
    QTranslator *m_translator = nullptr;
    QString m_current = QStringLiteral("en");
};
