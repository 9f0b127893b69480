// pictor: the GUI. `pictor [FILE]` opens FILE at start.
#include "BenchUi.h"
#include "Language.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "compute/ComputeDevice.h"
#include "recipe/RecipeJson.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Pictor");
    QApplication::setOrganizationName("Pictor");
    QApplication::setApplicationVersion(QString::fromStdString(pictor::versionString()));

    // The UI speaks the system's language, or the one chosen in Preferences (translations/*.ts).
    pictor::ui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Pictor photo editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QApplication::translate("main", "A photo to open."));
    QCommandLineOption screenshot(
        "screenshot",
        QApplication::translate(
            "main", "Open FILE, render it, save a picture of the window to PNG and quit."),
        "png");
    parser.addOption(screenshot);
    QCommandLineOption benchUi(
        "bench-ui", QApplication::translate("main", "Benchmark the window: open a generated "
                                                    "24-megapixel JPEG, drag a slider, print the "
                                                    "times and quit."));
    parser.addOption(benchUi);
    QCommandLineOption runs(
        "runs", QApplication::translate("main", "--bench-ui: runs; the median is printed."), "N",
        "3");
    parser.addOption(runs);
    QCommandLineOption recipe(
        "recipe",
        QApplication::translate("main", "--bench-ui: the photo opens with this recipe (JSON), "
                                        "e.g. tests/reliability/full-recipe.json."),
        "file");
    parser.addOption(recipe);
    parser.process(app);

    auto device = pictor::chooseComputeDevice();
    pictor::ui::MainWindowOptions options;
    options.remember = !parser.isSet(benchUi); // its photo is not a recent file
    options.device = device ? device->kind : pictor::DeviceKind::Cpu;
    pictor::ui::MainWindow window(QString::fromStdString(device ? device->description : "CPU"),
                                  nullptr, options);
    window.show();
    if (parser.isSet(benchUi)) {
        pictor::Recipe edit;
        if (parser.isSet(recipe)) {
            QFile file(parser.value(recipe));
            auto parsed = file.open(QIODevice::ReadOnly)
                              ? pictor::recipeFromJson(file.readAll().toStdString())
                              : pictor::Result<pictor::ParsedRecipe>(pictor::Error{
                                    "cannot read " + parser.value(recipe).toStdString(), ""});
            if (!parsed) {
                std::fprintf(stderr, "pictor: %s\n", parsed.error().message().c_str());
                return 2;
            }
            edit = parsed->recipe;
        }
        return pictor::ui::benchUi(window, std::max(1, parser.value(runs).toInt()), edit);
    }
    if (parser.isSet(screenshot)) {
        if (parser.positionalArguments().isEmpty()) parser.showHelp(2);
        return pictor::ui::takeScreenshot(window, parser.positionalArguments().first(),
                                          parser.value(screenshot));
    }
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());
    return app.exec();
}
