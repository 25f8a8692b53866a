#include "featurescommand.h"

#include "cliapp.h"

namespace amlfw {

QString FeaturesCommand::description() const
{
    return tr("List the feature ids.");
}

void FeaturesCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(CliApp::editionOption());
    parser.addOption(CliApp::catalogOption());
}

int FeaturesCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    Catalog catalog;
    if (!app.loadCatalog(parser, &catalog))
        return CliApp::BadInput;
    const Language language = app.language();
    QTextStream &out = app.out();
    const QString indent(19, u' ');
    for (const FeatureGroup &group : catalog.featureGroups) {
        out << group.name.text(language) << u'\n';
        for (const Feature &f : catalog.features) {
            if (f.group != group.id)
                continue;
            out << QStringLiteral("  ") << f.id.leftJustified(18) << u' ' << f.name.text(language) << u'\n';
            out << QStringLiteral("  ") << indent << f.description.text(language) << u'\n';
            if (!f.implies.isEmpty())
                out << QStringLiteral("  ") << indent << tr("Includes: %1").arg(f.implies.join(QStringLiteral(", ")))
                    << u'\n';
        }
        out << u'\n';
    }
    out.flush();
    return CliApp::Success;
}

} // namespace amlfw
