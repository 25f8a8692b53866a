#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

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
            std::printf("Usage: amlfw-wizard [--lang en|ja]\n");
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("amlfw-wizard"));
    QApplication::setApplicationVersion(QStringLiteral(AMLFW_VERSION));
    // The installed .desktop file and AppStream id (installer/): Wayland shows its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.amlfw.amlfw"));
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/amlfw-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    const QStringList arguments = QApplication::arguments();
    amlfw::applyLanguage(amlfw::systemLanguage());
    if (const QString code = optionValue(arguments, QStringLiteral("--lang")); !code.isEmpty()) {
        const auto language = amlfw::languageFromCode(code);
        if (!language) {
            const QString message
                = QCoreApplication::translate("amlfw::Wizard", "\"%1\" is not a language: use en or ja.").arg(code);
            std::fprintf(stderr, "amlfw-wizard: %s\n", qPrintable(message));
            return 2;
        }
        amlfw::applyLanguage(*language);
    }

    amlfw::MainWindow window;
    window.show();

    // Hidden test hook (tests/package): render the first window into a PNG file and quit.
    if (const QString file = optionValue(arguments, QStringLiteral("--screenshot")); !file.isEmpty()) {
        QApplication::processEvents();
        if (!window.grab().save(file, "PNG")) {
            const QString message
                = QCoreApplication::translate("amlfw::Wizard", "cannot write the screenshot \"%1\"").arg(file);
            std::fprintf(stderr, "amlfw-wizard: %s\n", qPrintable(message));
            return 1;
        }
        return 0;
    }
    return app.exec();
}
