#include "fqdnlistexporter.h"

#include "azurefirewall.h"
#include "hostname.h"
#include "rulelabels.h"
#include "textreport.h"

#include <QSet>
#include <algorithm>

namespace amlfw {

namespace {

constexpr const char *kContext = "amlfw::FqdnListExporter";

QString text(Language language, const char *source, int n = -1)
{
    return translate(language, kContext, source, n);
}

// The names one rule puts into the list, lower case: "*x" of the 2021 article ("*pytorch.org")
// means the name and every name under it.
QStringList namesOf(const Rule &rule, WildcardStyle style)
{
    QString host = (rule.kind == RuleKind::Url ? hostOfUrl(rule.destination) : rule.destination).toLower();
    if (!host.startsWith(u'*'))
        return {host};
    const bool withDot = host.startsWith(QStringLiteral("*."));
    const QString domain = host.mid(withDot ? 2 : 1);
    if (style == WildcardStyle::Dot)
        return {u'.' + domain}; // ".example.com" is the name and every name under it
    if (withDot)
        return {QStringLiteral("*.") + domain};
    return {QStringLiteral("*.") + domain, domain};
}

bool isListed(const Rule &rule)
{
    return (rule.kind == RuleKind::Fqdn || rule.kind == RuleKind::Url) && !rule.automatic;
}

} // namespace

QStringList FqdnListExporter::headerLines(const RuleSet &set, Language language)
{
    QStringList lines;
    lines << text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter", "Azure Machine Learning behind a firewall: "
                                                                       "written by amlfw %1"))
                 .arg(QStringLiteral(AMLFW_VERSION));
    lines << TextReport::scenarioLine(set, language);
    QStringList featureNames;
    for (const QString &id : set.effectiveFeatures) {
        const Feature *f = set.catalog.feature(id);
        featureNames << (f ? f->name.text(language) : id);
    }
    lines << text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter", "Features: %1"))
                 .arg(featureNames.isEmpty()
                          ? text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter", "none"))
                          : featureNames.join(language == Language::Japanese ? QStringLiteral("、")
                                                                             : QStringLiteral(", ")));
    lines << text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter", "Article: %1 (edition %2, %3)"))
                 .arg(set.catalog.sourceTitle.text(language), set.catalog.edition, set.catalog.sourceUrl);
    return lines;
}

QString FqdnListExporter::commentLines(const QStringList &lines)
{
    QString out;
    for (const QString &line : lines) {
        // A line break inside a catalog text must not end the comment.
        for (const QString &part : line.split(u'\n'))
            out += part.isEmpty() ? QStringLiteral("#\n") : QStringLiteral("# ") + part + u'\n';
    }
    return out;
}

QStringList FqdnListExporter::names(const RuleSet &set, WildcardStyle style, QStringList *covered)
{
    QSet<QString> seen;
    QStringList out;
    for (const Rule &rule : set.rules) {
        if (!isListed(rule) || !rule.unanswered.isEmpty())
            continue;
        for (const QString &name : namesOf(rule, style)) {
            if (!seen.contains(name)) {
                seen.insert(name);
                out << name;
            }
        }
    }
    if (style == WildcardStyle::Dot) {
        // Squid's dstdomain ignores (with a warning) a name that a ".domain" entry covers: leave it out.
        QStringList kept;
        for (const QString &name : std::as_const(out)) {
            bool isCovered = false;
            for (qsizetype dot = name.indexOf(u'.', 1); dot >= 0 && !isCovered; dot = name.indexOf(u'.', dot + 1))
                isCovered = seen.contains(name.mid(dot));
            if (!name.startsWith(u'.') && seen.contains(u'.' + name))
                isCovered = true;
            if (isCovered) {
                if (covered)
                    *covered << name;
            } else {
                kept << name;
            }
        }
        out = kept;
    }
    // Byte order, as `LC_ALL=C sort` has it: the same list on every machine.
    std::sort(out.begin(), out.end());
    if (covered)
        std::sort(covered->begin(), covered->end());
    return out;
}

Problems FqdnListExporter::validate(const RuleSet &set, const ExportOptions &options)
{
    Q_UNUSED(options)
    Problems problems;
    for (const Rule &rule : set.rules) {
        if (!isListed(rule) || rule.unanswered.isEmpty())
            continue;
        for (const TranslatableText &t : AzureFirewall::unansweredTexts(rule))
            problems << Problem::warning(
                rule.id, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter",
                                                                      "left out of the host name list: %1"))
                             .arg(t));
    }
    return problems;
}

QByteArray FqdnListExporter::write(const RuleSet &set, const ExportOptions &options)
{
    const Language language = options.language;
    QStringList covered;
    const QStringList list = names(set, options.wildcardStyle, &covered);

    QStringList header = headerLines(set, language);
    header << text(language, QT_TRANSLATE_N_NOOP("amlfw::FqdnListExporter", "%n host name(s), one per line."),
                   int(list.size()));
    header << (options.wildcardStyle == WildcardStyle::Dot
                   ? text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter",
                                                      "Wildcards as .example.com: the name and every name under it."))
                   : text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter",
                                                      "Wildcards as *.example.com: every name under example.com; "
                                                      "example.com itself is listed when it is needed.")));
    header << text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter",
                                               "The ports and protocols of each name are in the CSV, XLSX and "
                                               "JSON exports."));
    if (!covered.isEmpty())
        header << text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter",
                                                   "Left out because a .domain entry covers them: %1"))
                      .arg(covered.join(QStringLiteral(", ")));
    for (const Rule &rule : set.rules) {
        if (!isListed(rule) || rule.unanswered.isEmpty())
            continue;
        for (const TranslatableText &t : AzureFirewall::unansweredTexts(rule))
            header << text(language, QT_TRANSLATE_NOOP("amlfw::FqdnListExporter", "Left out: %1"))
                          .arg(t.toString(language));
    }

    QString out = commentLines(header);
    for (const QString &name : list)
        out += name + u'\n';
    return out.toUtf8();
}

} // namespace amlfw
