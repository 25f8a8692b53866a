#include "rulescommand.h"

#include "cliapp.h"
#include "csvexporter.h"
#include "jsonexporter.h"
#include "textreport.h"

namespace amlfw {

QString RulesCommand::description() const
{
    return tr("Show the rules a scenario needs.");
}

void RulesCommand::addOptions(QCommandLineParser &parser) const
{
    CliApp::addSelectionOptions(parser);
    parser.addOption(CliApp::formatOption(QStringLiteral("table, csv, json, markdown"), QStringLiteral("table")));
    parser.addOption(CliApp::serviceTagsOption());
    parser.addOption({QStringLiteral("view"),
                      tr("For table and markdown: firewall (Azure Firewall, default), hosts (other firewalls) or all."),
                      QStringLiteral("view"), QStringLiteral("firewall")});
}

int RulesCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    const QString format = parser.value(QStringLiteral("format"));
    const auto view = ruleViewFromId(parser.value(QStringLiteral("view")));
    if (!view)
        return app.fail(
            tr("\"%1\" is not a view: use firewall, hosts or all.").arg(parser.value(QStringLiteral("view"))));
    if (format != u"table" && format != u"csv" && format != u"json" && format != u"markdown")
        return app.fail(tr("\"%1\" is not a format of \"rules\": use table, csv, json or markdown.").arg(format));
    RuleSet set;
    if (!app.loadRuleSet(parser, &set))
        return CliApp::BadInput;

    const Language language = app.language();
    if (format == u"json")
        return app.writeOutput(QStringLiteral("-"), JsonExporter::write(set, language)) ? CliApp::Success
                                                                                        : CliApp::BadInput;
    if (format == u"csv") {
        CsvOptions options;
        options.language = language;
        options.byteOrderMark = false; // a terminal or pipe; "export" writes files with the BOM
        return app.writeOutput(QStringLiteral("-"), CsvExporter::write(set, options)) ? CliApp::Success
                                                                                      : CliApp::BadInput;
    }
    if (format == u"markdown")
        app.out() << TextReport::markdown(set, language, *view);
    else
        app.out() << TextReport::table(set, language, *view, CliApp::terminalWidth());
    app.out().flush();
    return CliApp::Success;
}

} // namespace amlfw
