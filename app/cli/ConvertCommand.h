#pragma once
#include <QCommandLineParser>
#include <QStringList>

namespace pictor::cli {
// pictor-cli convert IN -o OUT [--quality N] [--colorspace …] [--depth 8|16] [--long-edge PX]
//                              [--strip gps|all] [--overwrite]
int runConvert(const QStringList& args);

// The export options shared by convert, apply and enhance.
void addExportOptions(QCommandLineParser& parser);
} // namespace pictor::cli
