#pragma once

#include "enumtable.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

// The two languages amlfw speaks. Catalog texts carry both; UI strings come from Qt Linguist.
enum class Language { English, Japanese };
inline constexpr EnumTable languageIds{std::to_array<EnumId<Language>>({
    {Language::English, "en"},
    {Language::Japanese, "ja"},
})};

QString languageCode(Language language);                       // "en" / "ja"
std::optional<Language> languageFromCode(const QString &code); // accepts "en", "ja", "ja_JP", ...
Language systemLanguage(); // from QLocale::system().uiLanguages(), the order the user set
Language languageFromPreferences(const QStringList &uiLanguages); // the first of them amlfw speaks, else English
QStringList languageCodes();

// Installs amlfw's and Qt's translators for `language` on the running application,
// replacing any installed before. Returns false if a translation could not be loaded.
bool applyLanguage(Language language);
Language currentLanguage();

// `source` of `context` in `language`, whatever language is installed: for output asked for in a
// language of its own (an export with --lang). Falls back to the source text.
QString translate(Language language, const char *context, const char *source, int n = -1);

} // namespace amlfw
