#include "CritiqueCommand.h"

#include "CliSupport.h"
#include "critic/CritiqueJson.h"

#include <iostream>
#include <sstream>

namespace pictor::cli {

void addCriticOptions(QCommandLineParser& parser) {
    parser.addOption(
        {"model", "The learned Critic model (.pnn; default: the installed one).", "FILE"});
    parser.addOption({"no-model", "Use the measured analysis only, no learned model."});
}

std::variant<std::optional<nn::CriticModel>, int>
criticModelFrom(const QCommandLineParser& parser) {
    if (parser.isSet("no-model")) return std::optional<nn::CriticModel>{};
    if (parser.isSet("model")) {
        auto model = nn::loadCriticModel(parser.value("model").toStdString());
        if (!model) {
            printError(model.error());
            return int(Failure);
        }
        return std::optional<nn::CriticModel>(std::move(model).value());
    }
    const std::filesystem::path path = nn::defaultCriticModelPath();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::optional<nn::CriticModel>{};
    auto model = nn::loadCriticModel(path);
    if (!model) {
        // The analysis-only Critic still works: say why the model is not used, and go on.
        std::cerr << "pictor-cli: note: the learned model is not used: " << model.error().message()
                  << std::endl;
        return std::optional<nn::CriticModel>{};
    }
    return std::optional<nn::CriticModel>(std::move(model).value());
}

std::string critiqueText(const critic::Critique& c, const std::string& name) {
    std::ostringstream out;
    out << name << ": " << c.summary << '\n';
    int index = 0;
    for (const critic::Finding& f : c.findings) {
        out << '\n'
            << ++index << ". " << critic::aspectLabel(f.aspect) << " ("
            << critic::severityLabel(f.severity) << ")\n";
        std::string evidence;
        for (const critic::Evidence& e : f.evidence)
            evidence += (evidence.empty() ? "" : ", ") + e.text();
        out << "   measured: " << evidence << '\n';
        out << "   " << f.reasoning << '\n';
        if (!f.instruction.empty()) {
            // One instruction per line (a white-balance fix is two), aligned under the arrow.
            std::string lines = f.instruction;
            for (std::size_t at = lines.find('\n'); at != std::string::npos;
                 at = lines.find('\n', at + 1))
                lines.insert(at + 1, "     ");
            out << "   → " << lines << '\n';
        }
    }
    if (!c.instructions.empty()) {
        out << "\nInstructions:\n";
        std::istringstream lines(c.instructions);
        for (std::string line; std::getline(lines, line);)
            out << "  " << line << '\n';
    }
    for (const std::string& note : c.notes)
        out << "\nNote: " << note << '\n';
    out << "\n(" << (c.model.empty() ? std::string("analysis only") : "model " + c.model) << ", "
        << int(c.seconds * 1000 + 0.5) << " ms)\n";
    return out.str();
}

int runCritique(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Critique a photo: what holds it back and why, with the numbers "
        "measured, a score 0–100 and the instructions that fix it.");
    parser.addHelpOption();
    parser.addOption({"json", "Print the critique as JSON."});
    addCriticOptions(parser);
    addLoadOptions(parser);
    parser.addPositionalArgument("in", "The photo to critique.");
    if (!parseOrReport(parser, args, "critique")) return UsageError;
    if (parser.positionalArguments().size() != 1) {
        printUsageError("give one photo", "critique");
        return UsageError;
    }
    auto loadOptions = loadOptionsFrom(parser);
    if (!loadOptions) {
        printError(loadOptions.error());
        return UsageError;
    }
    auto model = criticModelFrom(parser);
    if (const int* exitCode = std::get_if<int>(&model)) return *exitCode;
    const auto& loadedModel = std::get<std::optional<nn::CriticModel>>(model);

    const std::filesystem::path input = parser.positionalArguments().first().toStdString();
    auto photo = loadPhoto(input, *loadOptions);
    if (!photo) {
        printError(photo.error());
        return Failure;
    }
    critic::CriticOptions options;
    options.model = loadedModel ? &*loadedModel : nullptr;
    auto result = critic::critique(*photo, options);
    if (!result) {
        printError(result.error());
        return Failure;
    }
    if (parser.isSet("json"))
        std::cout << critic::critiqueToJsonText(*result);
    else
        std::cout << critiqueText(*result, input.filename().string());
    std::cout.flush();
    return Success;
}

} // namespace pictor::cli
