#include "answers.h"

#include "catalog.h"

#include <QRegularExpression>
#include <algorithm>

namespace amlfw {

namespace {

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace

QString AnswersValidator::suggestion(const QString &input, const QStringList &candidates)
{
    const QString needle = input.toLower().remove(u' ').remove(u'-').remove(u'_');
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &candidate : candidates) {
        const QString c = candidate.toLower().remove(u'-');
        const int d = editDistance(needle, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    // Only near misses: a third of the length, at least 2 edits.
    return bestDistance <= std::max<qsizetype>(2, needle.size() / 3) ? best : QString();
}

TranslatableText AnswersValidator::storageNameText(const QString &name)
{
    if (name.isEmpty())
        return TranslatableText(
            "amlfw::AnswersValidator",
            QT_TRANSLATE_NOOP(
                "amlfw::AnswersValidator",
                "The storage account name is empty: enter the name of the workspace's default storage account."));
    if (name.size() < 3)
        return TranslatableText(
                   "amlfw::AnswersValidator",
                   QT_TRANSLATE_NOOP(
                       "amlfw::AnswersValidator",
                       "The storage account name \"%1\" is too short: it must be 3 to 24 characters long."))
            .arg(name);
    if (name.size() > 24)
        return TranslatableText("amlfw::AnswersValidator",
                                QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                  "The storage account name \"%1\" is too long (%2 "
                                                  "characters): it must be 3 to 24 characters long."))
            .arg(name)
            .arg(qint64(name.size()));
    for (QChar c : name) {
        if (c >= u'A' && c <= u'Z')
            return TranslatableText("amlfw::AnswersValidator",
                                    QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                      "The storage account name \"%1\" contains the upper-case letter "
                                                      "\"%2\": use lower-case letters and digits only."))
                .arg(name, QString(c));
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!ok)
            return TranslatableText(
                       "amlfw::AnswersValidator",
                       QT_TRANSLATE_NOOP(
                           "amlfw::AnswersValidator",
                           "The storage account name \"%1\" contains \"%2\": use lower-case letters and digits only."))
                .arg(name, QString(c));
    }
    return {};
}

QString AnswersValidator::storageNameError(const QString &name)
{
    return storageNameText(name).toString();
}

QString AnswersValidator::storageAccountFromAddress(const QString &text, QString *host)
{
    if (host)
        host->clear();
    const QString input = text.trimmed();
    // A connection string: "DefaultEndpointsProtocol=https;AccountName=mystore;AccountKey=...".
    static const QRegularExpression accountName(QStringLiteral("(?:^|;)\\s*AccountName\\s*=\\s*([^;]*)"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = accountName.match(input); m.hasMatch())
        return m.captured(1).trimmed().toLower();

    // A URL or a host name: the host is what comes before the path, query or fragment, after any
    // scheme and user information, without a port.
    QString name = input;
    if (const qsizetype scheme = name.indexOf(QStringLiteral("://")); scheme >= 0)
        name = name.mid(scheme + 3);
    static const QRegularExpression hostEnd(QStringLiteral("[/?#\\s]"));
    if (const qsizetype end = name.indexOf(hostEnd); end >= 0)
        name.truncate(end);
    name = name.mid(name.lastIndexOf(u'@') + 1);
    if (const qsizetype port = name.indexOf(u':'); port >= 0)
        name.truncate(port);
    name = name.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);

    // <account>[-secondary].[privatelink.|z<n>.]<service>.<suffix of the cloud>
    static const QStringList suffixes{QStringLiteral("core.windows.net"), QStringLiteral("core.usgovcloudapi.net"),
                                      QStringLiteral("core.chinacloudapi.cn"), QStringLiteral("storage.azure.net")};
    static const QStringList services{QStringLiteral("blob"),  QStringLiteral("dfs"),   QStringLiteral("file"),
                                      QStringLiteral("queue"), QStringLiteral("table"), QStringLiteral("web")};
    static const QRegularExpression middle(QStringLiteral("^(privatelink|z[0-9]{1,2})$"));
    for (const QString &suffix : suffixes) {
        if (!name.endsWith(u'.' + suffix))
            continue;
        QStringList labels = name.left(name.size() - suffix.size() - 1).split(u'.');
        if (labels.size() < 2 || labels.size() > 3 || !services.contains(labels.last()))
            return {};
        if (labels.size() == 3 && !middle.match(labels.at(1)).hasMatch())
            return {};
        QString account = labels.first();
        if (account.endsWith(QStringLiteral("-secondary")))
            account.chop(int(qstrlen("-secondary")));
        if (account.isEmpty())
            return {};
        if (host)
            *host = name;
        return account;
    }
    return {};
}

Problems AnswersValidator::validateCloud(const Catalog &catalog, const QString &cloud)
{
    if (cloud.isEmpty())
        return {Problem::error(
            QStringLiteral("cloud"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "No cloud given: choose one of %1."))
                .arg(catalog.cloudIds().join(QStringLiteral(", "))))};
    if (!catalog.cloud(cloud)) {
        return {Problem::error(
            QStringLiteral("cloud"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "Unknown cloud \"%1\": choose one of %2."))
                .arg(cloud, catalog.cloudIds().join(QStringLiteral(", "))))};
    }
    return {};
}

Problems AnswersValidator::validateRegion(const Catalog &catalog, const QString &cloud, const QString &region)
{
    const Cloud *c = catalog.cloud(cloud);
    if (!c)
        return {};
    if (region.isEmpty())
        return {Problem::error(
            QStringLiteral("region"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "No region given: choose a region of %1."))
                .arg(TranslatableText::localized(c->name)))};
    const Region *r = catalog.region(cloud, region);
    if (!r) {
        QStringList names;
        for (const Region &known : catalog.regions.value(cloud))
            names << known.name;
        // A region of another cloud is a common slip: say so.
        for (const Cloud &other : catalog.clouds) {
            if (other.id != cloud && catalog.region(other.id, region))
                return {Problem::error(
                    QStringLiteral("region"),
                    TranslatableText(
                        "amlfw::AnswersValidator",
                        QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "The region \"%1\" belongs to %2, not to %3."))
                        .arg(region, TranslatableText::localized(other.name), TranslatableText::localized(c->name)))};
        }
        const QString guess = suggestion(region, names);
        if (!guess.isEmpty())
            return {
                Problem::error(QStringLiteral("region"),
                               TranslatableText("amlfw::AnswersValidator",
                                                QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                                  "Unknown region \"%1\" in %2. Did you mean \"%3\"?"))
                                   .arg(region, TranslatableText::localized(c->name), guess))};
        return {Problem::error(
            QStringLiteral("region"),
            TranslatableText(
                "amlfw::AnswersValidator",
                QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                  "Unknown region \"%1\" in %2; \"amlfw regions --cloud %3\" lists the regions."))
                .arg(region, TranslatableText::localized(c->name), cloud))};
    }
    if (!r->aml)
        return {Problem::warning(
            QStringLiteral("region"),
            TranslatableText(
                "amlfw::AnswersValidator",
                QT_TRANSLATE_NOOP(
                    "amlfw::AnswersValidator",
                    "Azure Machine Learning is not offered in %1 (%2): check the region of the workspace."))
                .arg(TranslatableText::localized(r->display), r->name))};
    return {};
}

// A feature of another edition: name this edition's nearest features, from the catalog's mapping.
TranslatableText AnswersValidator::featureOfOtherEdition(const Catalog &catalog, const QString &id)
{
    const FeatureMapping mapping = catalog.featureMap.value(id);
    const bool why = !mapping.text.en.isEmpty();
    if (mapping.nearest.isEmpty()) {
        TranslatableText text(
            "amlfw::AnswersValidator",
            why ? QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "The feature \"%1\" is not in the %2 edition: %3")
                : QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                    "The feature \"%1\" is not in the %2 edition, and it has no "
                                    "counterpart there."));
        text.arg(id, catalog.edition);
        return why ? text.arg(TranslatableText::localized(mapping.text)) : text;
    }
    TranslatableText text("amlfw::AnswersValidator",
                          why ? QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                  "The feature \"%1\" is not in the %2 edition; its nearest there: "
                                                  "%3. %4")
                              : QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                  "The feature \"%1\" is not in the %2 edition; its nearest there: "
                                                  "%3."));
    text.arg(id, catalog.edition, mapping.nearest.join(QStringLiteral(", ")));
    return why ? text.arg(TranslatableText::localized(mapping.text)) : text;
}

Problems AnswersValidator::validateFeatures(const Catalog &catalog, const QStringList &features)
{
    Problems problems;
    const QStringList known = catalog.featureIds();
    for (const QString &f : features) {
        if (catalog.feature(f))
            continue;
        if (catalog.featureMap.contains(f)) {
            problems << Problem::error(QStringLiteral("features"), featureOfOtherEdition(catalog, f));
            continue;
        }
        const QString guess = suggestion(f, known);
        if (!guess.isEmpty())
            problems << Problem::error(
                QStringLiteral("features"),
                TranslatableText(
                    "amlfw::AnswersValidator",
                    QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "Unknown feature \"%1\". Did you mean \"%2\"?"))
                    .arg(f, guess));
        else
            problems << Problem::error(
                QStringLiteral("features"),
                TranslatableText(
                    "amlfw::AnswersValidator",
                    QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "Unknown feature \"%1\"; known features: %2."))
                    .arg(f, known.join(QStringLiteral(", "))));
    }
    return problems;
}

TranslatableText AnswersValidator::acrText(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{5,50}$"));
    if (name.isEmpty() || pattern.match(name).hasMatch())
        return {};
    return TranslatableText("amlfw::AnswersValidator",
                            QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                              "The container registry name \"%1\" is not valid: it must be 5 to 50 "
                                              "letters and digits (the part before .azurecr.io)."))
        .arg(name);
}

TranslatableText AnswersValidator::workspaceIdText(const QString &id)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"));
    if (id.isEmpty() || pattern.match(id).hasMatch())
        return {};
    return TranslatableText("amlfw::AnswersValidator",
                            QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                              "The workspace ID \"%1\" is not valid: it is a GUID such as "
                                              "0a1b2c3d-4e5f-6789-abcd-ef0123456789 (Properties of the workspace in "
                                              "the Azure portal)."))
        .arg(id);
}

Problems AnswersValidator::validate(const Catalog &catalog, const Answers &answers)
{
    Problems problems;
    if (!answers.edition.isEmpty() && answers.edition != catalog.edition)
        problems << Problem::error(
            QStringLiteral("edition"),
            TranslatableText(
                "amlfw::AnswersValidator",
                QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                  "The answers are for the %1 edition, but the catalog is the %2 edition."))
                .arg(answers.edition, catalog.edition));
    if (answers.network == NetworkKind::Managed && !catalog.hasNetwork(NetworkKind::Managed))
        problems << Problem::error(
            QStringLiteral("network"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                               "The %1 edition knows no managed virtual network: choose the "
                                               "customer network, or a newer edition."))
                .arg(catalog.edition));
    problems << validateCloud(catalog, answers.cloud);
    problems << validateRegion(catalog, answers.cloud, answers.region);
    const TranslatableText storageError = storageNameText(answers.storage);
    if (!storageError.isEmpty())
        problems << Problem::error(QStringLiteral("storage"), storageError);
    problems << validateFeatures(catalog, answers.features);
    if (const TranslatableText acr = acrText(answers.acr); !acr.isEmpty())
        problems << Problem::error(QStringLiteral("acr"), acr);
    if (const TranslatableText id = workspaceIdText(answers.workspaceId); !id.isEmpty())
        problems << Problem::error(QStringLiteral("workspace-id"), id);
    return problems;
}

} // namespace amlfw
