#pragma once
#include "io/Export.h"
#include "io/Photo.h"

#include <QCommandLineParser>
#include <QStringList>

#include <string>
#include <variant>

namespace pictor::cli {
// pictor-cli convert IN -o OUT [--quality N] [--colorspace …] [--depth 8|16] [--long-edge PX]
//                              [--strip gps|all] [--overwrite]
int runConvert(const QStringList& args);

// The export options shared by convert, apply and enhance: declared, then read back.
void addExportOptions(QCommandLineParser& parser);
Result<ExportOptions> exportOptionsFrom(const QCommandLineParser& parser);

// Refuses an unknown output format or an existing file (without --overwrite) before any work.
Status checkOutputBeforeWork(const std::filesystem::path& output, const ExportOptions& options);

// What convert, apply and enhance share: IN, -o OUT, the export and load options.
struct ExportCommand {
    std::filesystem::path input;
    std::filesystem::path output;
    ExportOptions exportOptions;
    LoadOptions loadOptions;
};
// Declares the shared options on `parser` (add the command's own first), parses and checks
// them; on a usage error it has printed the message and returns the exit code instead.
std::variant<ExportCommand, int> parseExportCommand(QCommandLineParser& parser, const QStringList& args,
                                                   const std::string& command);
} // namespace pictor::cli
