#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <memory>

namespace amlfw {

namespace {

Language g_current = Language::English;
std::unique_ptr<QTranslator> g_amlfwTranslator;
std::unique_ptr<QTranslator> g_qtTranslator;

std::unique_ptr<QTranslator> loadTranslator(const QString &name, const QStringList &directories)
{
    auto translator = std::make_unique<QTranslator>();
    for (const QString &directory : directories) {
        if (translator->load(name, directory))
            return translator;
    }
    return nullptr;
}

} // namespace

QString languageCode(Language language)
{
    return languageIds.toId(language);
}

std::optional<Language> languageFromCode(const QString &code)
{
    // "ja_JP", "ja-JP": the language part only.
    const QString c = code.trimmed().toLower();
    const qsizetype end = c.indexOf(QRegularExpression(QStringLiteral("[_-]")));
    return languageIds.fromId(QStringView(c).left(end < 0 ? c.size() : end));
}

QStringList languageCodes()
{
    QStringList codes;
    for (const EnumId<Language> &entry : languageIds.entries())
        codes << QString::fromLatin1(entry.id);
    return codes;
}

Language systemLanguage()
{
    return languageFromPreferences(QLocale::system().uiLanguages());
}

Language languageFromPreferences(const QStringList &uiLanguages)
{
    // The user's languages in order of preference ("fr-FR", "ja-JP", "en-US"): the first one amlfw
    // speaks wins, whatever the formats' locale says.
    for (const QString &code : uiLanguages) {
        if (const auto language = languageFromCode(code))
            return *language;
    }
    return Language::English;
}

Language currentLanguage()
{
    return g_current;
}

QString translate(Language language, const char *context, const char *source, int n)
{
    if (language == g_current)
        return QCoreApplication::translate(context, source, nullptr, n);
    QString text;
    // Loaded once per language and kept: asked for while the other language is installed. English
    // has a translator too, for its plural forms.
    static std::unique_ptr<QTranslator> other[2];
    std::unique_ptr<QTranslator> &translator = other[int(language) % 2];
    if (!translator)
        translator = loadTranslator(QStringLiteral("amlfw_") + languageCode(language), {QStringLiteral(":/i18n")});
    if (translator)
        text = translator->translate(context, source, nullptr, n);
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    return n >= 0 ? text.replace(QStringLiteral("%n"), QString::number(n)) : text;
}

bool applyLanguage(Language language)
{
    auto *app = QCoreApplication::instance();
    if (g_amlfwTranslator) {
        if (app)
            QCoreApplication::removeTranslator(g_amlfwTranslator.get());
        g_amlfwTranslator.reset();
    }
    if (g_qtTranslator) {
        if (app)
            QCoreApplication::removeTranslator(g_qtTranslator.get());
        g_qtTranslator.reset();
    }
    g_current = language;

    // English too: its translator holds the plural forms ("1 endpoint", "2 endpoints").
    const QString code = languageCode(language);
    bool ok = true;
    g_amlfwTranslator = loadTranslator(QStringLiteral("amlfw_") + code, {QStringLiteral(":/i18n")});
    if (g_amlfwTranslator && app)
        QCoreApplication::installTranslator(g_amlfwTranslator.get());
    else
        ok = false;
    if (language == Language::English)
        return ok;

    // Qt's own strings (dialog buttons, ...): the copy embedded at build time, else the system's.
    g_qtTranslator
        = loadTranslator(QStringLiteral("qtbase_") + code,
                         {QStringLiteral(":/i18n"), QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                          QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
                          QCoreApplication::applicationDirPath() + QStringLiteral("/../share/amlfw/translations")});
    if (g_qtTranslator && app)
        QCoreApplication::installTranslator(g_qtTranslator.get());
    return ok;
}

} // namespace amlfw
