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
    out << tr("Features of the %1 edition (article of %2):").arg(catalog.edition, catalog.sourceDate)
        << QStringLiteral("\n\n");
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
    if (!catalog.featureMap.isEmpty()) {
        // Ids of the other editions, and what stands for them here: a profile may still name them.
        out << tr("Features of other editions, and their nearest here:") << u'\n';
        QStringList ids = catalog.featureMap.keys();
        ids.sort();
        for (const QString &id : std::as_const(ids)) {
            const FeatureMapping &m = catalog.featureMap[id];
            const QString nearest = m.nearest.isEmpty() ? tr("(none)") : m.nearest.join(QStringLiteral(", "));
            out << QStringLiteral("  ") << id.leftJustified(18) << QStringLiteral(" -> ") << nearest << u'\n';
            if (!m.text.en.isEmpty())
                out << QStringLiteral("  ") << indent << m.text.text(language) << u'\n';
        }
    }
    out.flush();
    return CliApp::Success;
}

} // namespace amlfw
