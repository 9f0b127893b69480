#include "ParseCommand.h"

#include "CliSupport.h"
#include "InstructionsSupport.h"
#include "recipe/RecipeJson.h"

#include <iostream>

namespace pictor::cli {

int runParse(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Parse retouch instructions (plain English, one per line or separated by ';') and print "
        "their canonical form and the recipe they make, or what could not be understood.");
    parser.addHelpOption();
    parser.addOption({"instructions-file", "Read the instructions from FILE instead.", "FILE"});
    parser.addPositionalArgument("TEXT", "The instructions; several arguments are several lines.",
                                 "TEXT…");
    if (!parseOrReport(parser, args, "parse")) return UsageError;

    std::string text;
    if (parser.isSet("instructions-file")) {
        if (!parser.positionalArguments().isEmpty()) {
            printUsageError("give TEXT or --instructions-file, not both", "parse");
            return UsageError;
        }
        auto read = instructionText(parser, "parse");
        if (const int* code = std::get_if<int>(&read)) return *code;
        text = *std::get<std::optional<std::string>>(read);
    } else {
        const QStringList positional = parser.positionalArguments();
        if (positional.isEmpty()) {
            printUsageError("no instructions given", "parse");
            return UsageError;
        }
        text = positional.join('\n').toStdString();
    }

    const ParsedInstructions parsed = parseInstructions(text);
    printInstructionErrors(parsed);
    printInstructionNotes(parsed);
    if (parsed.totalLines == 0 && parsed.errors.empty()) {
        printUsageError("the instructions are empty", "parse");
        return UsageError;
    }
    if (parsed.understoodLines == 0) {
        std::cerr << "pictor-cli: error: no instruction could be understood" << std::endl;
        return Failure;
    }
    if (parsed.understoodLines < parsed.totalLines)
        std::cerr << "pictor-cli: understood " << parsed.understoodLines << " of "
                  << parsed.totalLines << " instructions; the others change nothing" << std::endl;
    // stdout: the canonical instructions, one per line, then the recipe as one line of JSON.
    for (const auto& line : formatInstructionLines(parsed.recipe))
        std::cout << line << '\n';
    std::cout << toJson(parsed.recipe) << std::endl;
    return Success;
}

} // namespace pictor::cli
