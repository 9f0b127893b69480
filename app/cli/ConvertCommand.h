#pragma once
#include "io/Export.h"

#include <QCommandLineParser>
#include <QStringList>

namespace pictor::cli {
// pictor-cli convert IN -o OUT [--quality N] [--colorspace …] [--depth 8|16] [--long-edge PX]
//                              [--strip gps|all] [--overwrite]
int runConvert(const QStringList& args);

// The export options shared by convert, apply and enhance: declared, then read back.
void addExportOptions(QCommandLineParser& parser);
Result<ExportOptions> exportOptionsFrom(const QCommandLineParser& parser);

// Refuses an unknown output format or an existing file (without --overwrite) before any work.
Status checkOutputBeforeWork(const std::filesystem::path& output, const ExportOptions& options);
} // namespace pictor::cli
