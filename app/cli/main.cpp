// pictor-cli: Pictor's command line. Each command lives in its own file.
#include "ApplyCommand.h"
#include "BenchCommand.h"
#include "CliSupport.h"
#include "ConvertCommand.h"
#include "CritiqueCommand.h"
#include "EnhanceCommand.h"
#include "InfoCommand.h"
#include "ParseCommand.h"
#include "compute/ComputeDevice.h"
#include "util/Version.h"

#include <QCoreApplication>

#include <iostream>

namespace {

const char* kUsage = R"(Usage: pictor-cli COMMAND [options] …

Pictor edits photos non-destructively: a Critic explains what holds a photo back, an Artist
renders the fix at full resolution.

Commands:
  info FILE [--json]         Format, size, colour profile, camera, exposure, GPS, metadata.
  convert IN -o OUT          Convert to JPEG/PNG/TIFF with colour management and all metadata.
  apply IN -o OUT --recipe F Render an edit recipe (JSON) and export, recipe embedded.
  apply IN -o OUT --instructions TEXT
                             Render plain-English retouch instructions ("a bit warmer").
  critique IN [--json]       What holds the photo back and why, a score, the fixing instructions.
  enhance IN -o OUT          Auto-enhance: critique, render the fix, export (metadata + recipe).
  enhance DIR -o OUTDIR      Auto-enhance every photo in a folder, with progress and a summary.
  parse TEXT                 Show how instructions are understood: canonical form and recipe.
  bench io|render            Time photo I/O (24 MP JPEG and DNG), or rendering a full recipe.

Options:
  -h, --help                 This help; 'pictor-cli COMMAND --help' shows a command's options.
  -v, --version              Version and compute device (CPU or CUDA).
)";

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("pictor-cli");
    QCoreApplication::setApplicationVersion(QString::fromStdString(pictor::versionString()));
    QStringList args = QCoreApplication::arguments();

    if (args.size() < 2 || args[1] == "-h" || args[1] == "--help" || args[1] == "help") {
        std::cout << kUsage;
        return args.size() < 2 ? pictor::cli::UsageError : pictor::cli::Success;
    }
    const QString command = args[1];
    if (command == "-v" || command == "--version" || command == "version") {
        auto device = pictor::chooseComputeDevice();
        std::cout << pictor::softwareName() << "\nCompute device: "
                  << (device ? device->description : "unavailable: " + device.error().message())
                  << std::endl;
        return pictor::cli::Success;
    }
    args.removeAt(1); // the command's parser sees "pictor-cli ARGS…"
    if (command == "info") return pictor::cli::runInfo(args);
    if (command == "convert") return pictor::cli::runConvert(args);
    if (command == "apply") return pictor::cli::runApply(args);
    if (command == "critique") return pictor::cli::runCritique(args);
    if (command == "enhance") return pictor::cli::runEnhance(args);
    if (command == "parse") return pictor::cli::runParse(args);
    if (command == "bench") return pictor::cli::runBench(args);
    std::cerr << "pictor-cli: unknown command '" << command.toStdString()
              << "'. Run 'pictor-cli --help' for the list of commands." << std::endl;
    return pictor::cli::UsageError;
}
