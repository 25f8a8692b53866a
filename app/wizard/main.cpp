#include "language.h"
#include "mainwindow.h"

#include <QApplication>

#include <cstdio>
#include <cstring>

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
    amlfw::applyLanguage(amlfw::systemLanguage());
    amlfw::MainWindow window;
    window.show();
    return app.exec();
}
