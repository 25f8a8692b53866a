#pragma once

#include "language.h"

#include <QString>

namespace amlfw {

// A catalog text in both languages.
struct LocalizedText
{
    QString en;
    QString ja;

    QString text(Language language) const { return language == Language::Japanese ? ja : en; }
    bool isComplete() const { return !en.trimmed().isEmpty() && !ja.trimmed().isEmpty(); }
    bool operator==(const LocalizedText &other) const = default;
};

} // namespace amlfw
