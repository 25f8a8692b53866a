#pragma once

#include <QList>
#include <QString>

namespace amlfw {

// An error or warning about user input or data: what is wrong, and where.
// Messages are translated when they are created.
struct Problem
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString location; // e.g. "catalog.json: rules[12] (ci-public-file).ports[1]" or "--region"
    QString message;

    static Problem error(const QString &location, const QString &message)
    {
        return {Severity::Error, location, message};
    }
    static Problem warning(const QString &location, const QString &message)
    {
        return {Severity::Warning, location, message};
    }

    bool isError() const { return severity == Severity::Error; }
    QString toString() const { return location.isEmpty() ? message : location + QStringLiteral(": ") + message; }
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
