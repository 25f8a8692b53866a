#pragma once

#include "translatabletext.h"

#include <QList>
#include <QString>

namespace amlfw {

// An error or warning about user input or data: what is wrong, and where. The message is kept as
// source text and arguments and translated when shown, so a language switch needs no re-run.
struct Problem
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString location; // e.g. "catalog.json: rules[12] (ci-public-file).ports[1]" or "--region"
    TranslatableText text;

    static Problem error(const QString &location, const TranslatableText &text)
    {
        return {Severity::Error, location, text};
    }
    static Problem warning(const QString &location, const TranslatableText &text)
    {
        return {Severity::Warning, location, text};
    }
    // A message already translated (or not translatable): it stays in the language it was made in.
    static Problem error(const QString &location, const QString &message)
    {
        return error(location, TranslatableText::plain(message));
    }
    static Problem warning(const QString &location, const QString &message)
    {
        return warning(location, TranslatableText::plain(message));
    }

    bool isError() const { return severity == Severity::Error; }
    QString message() const { return text.toString(); } // in the current language
    QString toString() const { return location.isEmpty() ? message() : location + QStringLiteral(": ") + message(); }
};

using Problems = QList<Problem>;

inline bool hasErrors(const Problems &problems)
{
    for (const Problem &p : problems) {
        if (p.isError())
            return true;
    }
    return false;
}

QString formatProblems(const Problems &problems); // one per line, errors and warnings labelled

} // namespace amlfw
