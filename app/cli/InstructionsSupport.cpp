#include "InstructionsSupport.h"

#include "CliSupport.h"
#include "io/FileIo.h"

#include <algorithm>
#include <iostream>

namespace pictor::cli {

void addInstructionOptions(QCommandLineParser& parser) {
    parser.addOption({"instructions",
                      "Retouch instructions in plain English, one per line or separated by ';' "
                      "(e.g. \"Increase exposure by 0.7 EV; make it a bit warmer\").",
                      "TEXT"});
    parser.addOption({"instructions-file", "Read the retouch instructions from FILE.", "FILE"});
}

std::variant<std::optional<std::string>, int> instructionText(const QCommandLineParser& parser,
                                                              const std::string& command) {
    const bool text = parser.isSet("instructions"), file = parser.isSet("instructions-file");
    if (text && file) {
        printUsageError("give --instructions or --instructions-file, not both", command);
        return int(UsageError);
    }
    if (text) return std::optional<std::string>(parser.value("instructions").toStdString());
    if (!file) return std::optional<std::string>();
    const std::filesystem::path path = parser.value("instructions-file").toStdString();
    auto bytes = readFileBytes(path, kMaxInstructionBytes);
    if (!bytes) {
        printError({"cannot read the instructions: " + bytes.error().what, bytes.error().hint});
        return int(Failure);
    }
    return std::optional<std::string>(
        std::string(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

namespace {

bool printable(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

void printError(const InstructionError& e, const InstructionLine* line) {
    std::cerr << "pictor-cli: instructions line " << e.line << ", column " << e.column << ": "
              << e.message;
    if (!e.suggestion.empty()) std::cerr << " — " << e.suggestion;
    std::cerr << '\n';
    // The instruction with a caret under the offending words (when it prints as it is).
    if (line && printable(line->text) && line->text.size() <= 200) {
        const int at = std::clamp(e.column - line->column, 0, int(line->text.size()));
        const int len = std::clamp(e.length, 1, std::max(1, int(line->text.size()) - at));
        std::cerr << "    " << line->text << "\n    " << std::string(at, ' ')
                  << std::string(len, '^') << '\n';
    }
}

} // namespace

void printInstructionErrors(const ParsedInstructions& parsed) {
    std::size_t shown = 0;
    for (const auto& line : parsed.lines)
        for (const auto& e : line.errors) {
            printError(e, &line);
            ++shown;
        }
    if (shown == 0) // errors about the text as a whole (too long, too many lines)
        for (const auto& e : parsed.errors)
            printError(e, nullptr);
}

void printInstructionNotes(const ParsedInstructions& parsed) {
    for (const auto& note : parsed.notes)
        std::cerr << "pictor-cli: instructions: " << note << '\n';
}

} // namespace pictor::cli
