#include "diffcommand.h"

#include "answers.h"
#include "cliapp.h"
#include "diffreport.h"
#include "rulediff.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace amlfw {

namespace {

const QString defaultFrom = QStringLiteral("2021-11");

// A built-in edition, or a catalog file of any edition.
bool loadEdition(CliApp &app, const QString &value, Catalog *catalog)
{
    Problems problems;
    if (Catalog::builtInEditions().contains(value)) {
        *catalog = Catalog::builtIn(value, &problems);
    } else if (QFileInfo(value).isFile()) {
        *catalog = Catalog::fromFile(value, &problems);
    } else {
        app.fail(DiffCommand::tr("\"%1\" is not an edition (%2) nor a catalog file.")
                     .arg(value, Catalog::builtInEditions().join(QStringLiteral(", "))));
        return false;
    }
    app.printProblems(problems);
    return catalog->isValid();
}

} // namespace

QString DiffCommand::description() const
{
    return tr("Show what changed between two editions of the article for a scenario.");
}

void DiffCommand::addOptions(QCommandLineParser &parser) const
{
    CliApp::addSelectionOptions(parser, false);
    parser.addOption({QStringLiteral("from"),
                      tr("The older edition, or a catalog file (default: %1).").arg(defaultFrom),
                      QStringLiteral("edition"), defaultFrom});
    parser.addOption(
        {QStringLiteral("to"),
         tr("The newer edition, or a catalog file (default: the newest, %1).").arg(Catalog::newestEdition()),
         QStringLiteral("edition"), Catalog::newestEdition()});
    parser.addOption(CliApp::formatOption(QStringLiteral("table, json, csv, markdown"), QStringLiteral("table")));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      tr("File to write (\"-\" for standard output, the default).") + u' ' + CliApp::outputNote(),
                      QStringLiteral("file"),
                      QStringLiteral("-")});
}

int DiffCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"table" && format != u"csv" && format != u"json" && format != u"markdown")
        return app.fail(tr("\"%1\" is not a format of \"diff\": use table, json, csv or markdown.").arg(format));
    if (parser.isSet(QStringLiteral("edition")) || parser.isSet(QStringLiteral("catalog")))
        return app.fail(tr("\"diff\" compares two editions: name them with --from and --to."));
    const QString output = parser.value(QStringLiteral("output"));
    Catalog from;
    Catalog to;
    if (!loadEdition(app, parser.value(QStringLiteral("from")).trimmed(), &from)
        || !loadEdition(app, parser.value(QStringLiteral("to")).trimmed(), &to) || !app.checkOutput(output))
        return CliApp::BadInput;
    Answers fromAnswers;
    Answers toAnswers;
    if (!app.buildAnswers(parser, from, &fromAnswers) || !app.buildAnswers(parser, to, &toAnswers))
        return CliApp::BadInput;
    for (const Catalog *catalog : {&from, &to}) {
        if (!catalog->hasNetwork(toAnswers.network))
            return app.fail(tr("the %1 edition knows no managed virtual network: --network managed compares only "
                               "editions that have one, such as %2.")
                                .arg(catalog->edition, Catalog::newestEdition()));
    }
    // The same scenario in both editions: a feature one edition lacks becomes its nearest there.
    fromAnswers.features = featuresForEdition(from, fromAnswers.features, &to);
    toAnswers.features = featuresForEdition(to, toAnswers.features, &from);

    RuleSet fromSet;
    RuleSet toSet;
    if (!app.generateRuleSet(from, fromAnswers, &fromSet) || !app.generateRuleSet(to, toAnswers, &toSet))
        return CliApp::BadInput;

    const DiffReport report(fromSet, toSet, app.language());
    QByteArray data;
    if (format == u"json")
        data = QJsonDocument(report.json()).toJson(QJsonDocument::Indented);
    else if (format == u"csv")
        data = report.csv(output != u"-"); // files get the BOM for Excel, as "export" writes them
    else if (format == u"markdown")
        data = report.markdown().toUtf8();
    else
        data = report.table(output == u"-" ? CliApp::terminalWidth() : 0).toUtf8();
    return app.writeOutput(output, data) ? CliApp::Success : CliApp::Failure;
}

} // namespace amlfw
