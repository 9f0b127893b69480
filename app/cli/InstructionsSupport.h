#pragma once
// The instruction language on the command line: reading --instructions / --instructions-file and
// reporting what could not be understood, shared by 'parse' and 'apply'.
#include "instructions/Instructions.h"

#include <QCommandLineParser>

#include <optional>
#include <string>
#include <variant>

namespace pictor::cli {

// Declares --instructions TEXT and --instructions-file FILE.
void addInstructionOptions(QCommandLineParser& parser);
// The instruction text given (nullopt: neither option), or an exit code after printing why
// (both options, an unreadable or too large file).
std::variant<std::optional<std::string>, int> instructionText(const QCommandLineParser& parser,
                                                              const std::string& command);

// Prints every error to stderr: "pictor-cli: instructions line 1, column 6: unknown target
// 'shadws' — did you mean 'shadows'?", then the instruction with a caret under the words.
void printInstructionErrors(const ParsedInstructions& parsed);
// Prints clamping notes to stderr.
void printInstructionNotes(const ParsedInstructions& parsed);

} // namespace pictor::cli
