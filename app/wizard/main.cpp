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
#include <optional>

namespace {

struct Arguments
{
    std::optional<amlfw::Language> language;
    QString profile;
};

} // namespace

int main(int argc, char *argv[])
{
    // Without a display QApplication aborts: answer --version and --help first, and check the
    // arguments while errors can still go to the terminal.
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("amlfw-wizard %s\n", AMLFW_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0) {
            std::printf("Usage: amlfw-wizard [--lang en|ja] [--profile FILE]\n\n"
                        "  --lang en|ja     language of the wizard (default: the last one used, else the system's)\n"
                        "  --profile FILE   start with the answers of a profile file\n"
                        "  --version        show the version\n");
            return 0;
        }
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            args.language = amlfw::languageFromCode(QString::fromLocal8Bit(argv[++i]));
            if (!args.language) {
                std::fprintf(stderr, "amlfw-wizard: \"%s\" is not a language: use en or ja.\n", argv[i]);
                return 2;
            }
        } else if (std::strcmp(argv[i], "--profile") == 0 && i + 1 < argc) {
            args.profile = QString::fromLocal8Bit(argv[++i]);
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("amlfw"));
    QApplication::setApplicationName(QStringLiteral("amlfw-wizard"));
    QApplication::setApplicationVersion(QStringLiteral(AMLFW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("amlfw-wizard"));
    QApplication::setWindowIcon(amlfw::appIcon());

    amlfw::WizardSettings settings;
    const amlfw::Language language = args.language.value_or(settings.language().value_or(amlfw::systemLanguage()));
    amlfw::applyLanguage(language);

    amlfw::Problems problems;
    const amlfw::Catalog catalog = amlfw::Catalog::builtIn(&problems);
    if (!catalog.isValid()) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "amlfw"),
                              QApplication::translate("main", "The built-in rule catalog cannot be used:\n\n%1")
                                  .arg(amlfw::formatProblems(problems)));
        return 1;
    }

    amlfw::WizardState state(catalog);
    state.setLanguage(language);
    if (const auto answers = settings.lastAnswers())
        state.setAnswers(*answers);

    amlfw::FirewallWizard wizard(&state, &settings);
    wizard.show();
    if (!args.profile.isEmpty())
        QTimer::singleShot(0, &wizard, [&wizard, &args] { wizard.loadProfile(args.profile); });
    return app.exec();
}
