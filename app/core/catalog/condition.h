#pragma once

#include "translatabletext.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>

namespace amlfw {

// A feature condition from the catalog, e.g. "compute-cluster | (compute-instance & !no-public-ip)".
// Identifiers are feature ids; operators are | (or), & (and), ! (not) and parentheses.
// An empty condition is always true.
class Condition
{
public:
    Condition() = default;

    // Parses `text`; on a syntax error returns an always-true condition and sets *error.
    static Condition parse(const QString &text, QString *error);
    static Condition parse(const QString &text, TranslatableText *error); // the message translated when shown

    bool isAlways() const { return !m_root; }
    bool evaluate(const QSet<QString> &features) const;
    QString text() const { return m_text; }
    QStringList identifiers() const;         // every feature id mentioned
    QStringList positiveIdentifiers() const; // ids not under a negation: the features that require the rule

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    QString m_text;
};

} // namespace amlfw
