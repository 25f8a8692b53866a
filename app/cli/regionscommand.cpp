#include "regionscommand.h"

#include "cliapp.h"
#include "texttable.h"

namespace amlfw {

QString RegionsCommand::description() const
{
    return tr("List the regions of a cloud.");
}

void RegionsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("cloud"), tr("Cloud: public, usgov or china."), QStringLiteral("cloud")});
    parser.addOption(CliApp::editionOption());
    parser.addOption(CliApp::catalogOption());
}

int RegionsCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    Catalog catalog;
    if (!app.loadCatalog(parser, &catalog))
        return CliApp::BadInput;
    const QString cloud = parser.value(QStringLiteral("cloud"));
    if (cloud.isEmpty())
        return app.fail(tr("choose the cloud with --cloud %1.").arg(catalog.cloudIds().join(u'|')));
    const Problems problems = AnswersValidator::validateCloud(catalog, cloud);
    if (hasErrors(problems)) {
        app.printProblems(problems);
        return CliApp::BadInput;
    }
    const Language language = app.language();
    const QStringList header{tr("Region"), tr("Name"), tr("Azure ML"), tr("Paired region"), tr("Geography")};
    QList<QStringList> rows;
    for (const Region &r : catalog.regions.value(cloud)) {
        const Geography *g = catalog.geography(r.geography);
        rows << QStringList{r.name, r.display.text(language), r.aml ? tr("yes") : tr("no"),
                            r.pair.isEmpty() ? QStringLiteral("-") : r.pair, g ? g->name.text(language) : r.geography};
    }
    app.out() << TextTable::render(header, rows, {});
    app.out().flush();
    return CliApp::Success;
}

} // namespace amlfw
