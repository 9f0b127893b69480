#pragma once
// Shared pieces of the pictor-cli commands: output streams, error reporting, common options.
#include "io/Photo.h"
#include "util/Result.h"

#include <QCommandLineParser>
#include <QStringList>

#include <string>

namespace pictor::cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

void printError(const Error& error);            // "pictor-cli: error: …" on stderr
void printUsageError(const std::string& message, const std::string& command);
void printLine(const std::string& text);         // stdout

// --max-megapixels N (shared by every command that loads photos).
void addLoadOptions(QCommandLineParser& parser);
Result<LoadOptions> loadOptionsFrom(const QCommandLineParser& parser);

// Parses `args` (the command's own arguments, program name first); prints usage errors itself.
bool parseOrReport(QCommandLineParser& parser, const QStringList& args, const std::string& command);

std::string humanBytes(std::uintmax_t bytes);

} // namespace pictor::cli
