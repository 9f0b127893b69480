#include "CliSupport.h"

#include <cstdio>
#include <iostream>

namespace pictor::cli {

void printError(const Error& error) { std::cerr << "pictor-cli: error: " << error.message() << std::endl; }

void printUsageError(const std::string& message, const std::string& command) {
    std::cerr << "pictor-cli " << command << ": " << message << "\nRun 'pictor-cli " << command
              << " --help' for usage." << std::endl;
}

void printLine(const std::string& text) { std::cout << text << '\n'; }

void addLoadOptions(QCommandLineParser& parser) {
    parser.addOption({"max-megapixels",
                      "Refuse images larger than N megapixels (decompression-bomb guard; default "
                      "250, or PICTOR_MAX_MEGAPIXELS).",
                      "N"});
}

Result<LoadOptions> loadOptionsFrom(const QCommandLineParser& parser) {
    LoadOptions options;
    options.maxPixels = defaultMaxPixels();
    if (parser.isSet("max-megapixels")) {
        bool ok = false;
        const double mp = parser.value("max-megapixels").toDouble(&ok);
        if (!ok || mp <= 0 || mp > 1e6)
            return Error{"--max-megapixels needs a positive number", "For example --max-megapixels 100."};
        options.maxPixels = std::uint64_t(mp * 1e6);
    }
    return options;
}

bool parseOrReport(QCommandLineParser& parser, const QStringList& args, const std::string& command) {
    if (!parser.parse(args)) {
        printUsageError(parser.errorText().toStdString(), command);
        return false;
    }
    if (parser.isSet("help")) {
        // Qt names the executable's path in "Usage: …"; name the command as the user typed it.
        QString help = parser.helpText();
        const int from = help.indexOf("Usage: ") + 7, to = help.indexOf(" [options]");
        if (from >= 7 && to > from) help.replace(from, to - from, QString::fromStdString("pictor-cli " + command));
        std::cout << help.toStdString();
        std::exit(Success);
    }
    return true;
}

std::string humanBytes(std::uintmax_t bytes) {
    char text[32];
    if (bytes >= (1u << 20)) std::snprintf(text, sizeof text, "%.1f MiB", bytes / 1048576.0);
    else if (bytes >= 1024) std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
    else std::snprintf(text, sizeof text, "%ju bytes", bytes);
    return text;
}

} // namespace pictor::cli
