// pictor: the GUI. `pictor [FILE]` opens FILE at start.
#include "MainWindow.h"
#include "compute/ComputeDevice.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Pictor");
    QApplication::setOrganizationName("Pictor");
    QApplication::setApplicationVersion(QString::fromStdString(pictor::versionString()));

    // The UI speaks the user's language where a translation exists (translations/*.ts).
    QTranslator translator;
    if (translator.load(QLocale(), "pictor", "_", ":/i18n")) QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Pictor photo editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QApplication::translate("main", "A photo to open."));
    parser.process(app);

    auto device = pictor::chooseComputeDevice();
    pictor::ui::MainWindow window(QString::fromStdString(device ? device->description : "CPU"));
    window.show();
    if (!parser.positionalArguments().isEmpty()) window.openFile(parser.positionalArguments().first());
    return app.exec();
}
