#include "views/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

Language &Language::instance()
{
    static Language language;
    return language;
}

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString Language::resolve(const QString &requested)
{
    const QString wanted = requested.isEmpty() ? QLocale::system().name().left(2) : requested;
    return available().contains(wanted) ? wanted : QStringLiteral("en");
}

bool Language::set(const QString &code)
{
    if (!available().contains(code))
        return false;
    auto *translator = new QTranslator(this);
    if (!translator->load(QStringLiteral(":/i18n/klarsicht_%1.qm").arg(code))) {
        delete translator;
        return false;
    }
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        m_translator->deleteLater();
    }
    QCoreApplication::installTranslator(translator);
    m_translator = translator;
    // Numbers and dates follow the language too ("1,5 GiB", "26.11.2026 14:03").
    QLocale::setDefault(
        QLocale(code == QLatin1String("de") ? QLocale::German : QLocale::English,
                code == QLatin1String("de") ? QLocale::Germany : QLocale::UnitedStates));
    m_current = code;
    Q_EMIT changed(code);
    return true;
}
