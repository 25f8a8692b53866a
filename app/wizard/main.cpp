#include "appicon.h"
#include "catalog.h"
#include "firewallwizard.h"
#include "language.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <cstdio>
#include <cstring>

namespace {

// The value of "--name value" or "--name=value"; empty if not given.
QString optionValue(const QStringList &arguments, const QString &name)
{
    const QString prefix = name + QLatin1Char('=');
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == name && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(prefix))
            return arguments.at(i).mid(prefix.size());
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    // Without a display QApplication aborts: answer --version and --help first.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("amlfw-wizard %s\n", AMLFW_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0) {
            std::printf("Usage: amlfw-wizard [--lang en|ja] [--profile FILE]\n\n"
                        "  --lang en|ja     language of the wizard (default: the profile's, the last one used, else "
                        "the system's)\n"
                        "  --profile FILE   start with the answers of a profile file\n"
                        "  --version        show the version\n");
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("amlfw"));
    QApplication::setApplicationName(QStringLiteral("amlfw-wizard"));
    QApplication::setApplicationVersion(QStringLiteral(AMLFW_VERSION));
    // The installed .desktop file and AppStream id (installer/): Wayland shows its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.amlfw.amlfw"));
    QApplication::setWindowIcon(amlfw::appIcon());

    const QStringList arguments = QApplication::arguments();
    amlfw::WizardSettings settings;
    amlfw::Language language = settings.language().value_or(amlfw::systemLanguage());
    amlfw::applyLanguage(language);
    if (const QString code = optionValue(arguments, QStringLiteral("--lang")); !code.isEmpty()) {
        const auto chosen = amlfw::languageFromCode(code);
        if (!chosen) {
            const QString message
                = QCoreApplication::translate("amlfw::Wizard", "\"%1\" is not a language: use en or ja.").arg(code);
            std::fprintf(stderr, "amlfw-wizard: %s\n", qPrintable(message));
            return 2;
        }
        language = *chosen;
        amlfw::applyLanguage(language);
    }

    // Every edition is loaded once: the first page switches between them.
    QList<amlfw::Catalog> catalogs;
    for (const QString &edition : amlfw::Catalog::builtInEditions()) {
        amlfw::Problems problems;
        const amlfw::Catalog catalog = amlfw::Catalog::builtIn(edition, &problems);
        if (!catalog.isValid()) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "amlfw"),
                                  QApplication::translate("main", "The built-in rule catalog cannot be used:\n\n%1")
                                      .arg(amlfw::formatProblems(problems)));
            return 1;
        }
        catalogs << catalog;
    }

    // A returning user's edition is in the remembered answers; a first start gets the newest.
    const auto lastAnswers = settings.lastAnswers();
    amlfw::WizardState state(catalogs, lastAnswers ? lastAnswers->edition : amlfw::Catalog::newestEdition());
    state.setLanguage(language);
    if (lastAnswers)
        state.setSavedAnswers(*lastAnswers);

    amlfw::FirewallWizard wizard(&state, &settings);
    wizard.show();

    // Hidden test hook (tests/package): render the first page into a PNG file and quit.
    if (const QString file = optionValue(arguments, QStringLiteral("--screenshot")); !file.isEmpty()) {
        QApplication::processEvents();
        if (!wizard.grab().save(file, "PNG")) {
            const QString message
                = QCoreApplication::translate("amlfw::Wizard", "cannot write the screenshot \"%1\"").arg(file);
            std::fprintf(stderr, "amlfw-wizard: %s\n", qPrintable(message));
            return 1;
        }
        return 0;
    }

    const QString profile = optionValue(arguments, QStringLiteral("--profile"));
    // The profile's language, unless --lang says otherwise (as the command-line tool does).
    const auto profileLanguage = optionValue(arguments, QStringLiteral("--lang")).isEmpty()
                                     ? amlfw::FirewallWizard::ProfileLanguage::Use
                                     : amlfw::FirewallWizard::ProfileLanguage::Keep;
    if (!profile.isEmpty())
        QTimer::singleShot(0, &wizard,
                           [&wizard, profile, profileLanguage] { wizard.loadProfile(profile, profileLanguage); });
    return app.exec();
}
