#pragma once
#include "critic/Critic.h"
#include "nn/CriticModel.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <string>
#include <variant>

namespace pictor::cli {

// pictor-cli critique IN [--json] [--model FILE | --no-model]: what holds the photo back, why,
// a score, and the instructions that fix it.
int runCritique(const QStringList& args);

// Shared with enhance: --model FILE and --no-model.
void addCriticOptions(QCommandLineParser& parser);
// The learned model the options ask for: none with --no-model; --model FILE must load (an error
// otherwise); by default the installed model when it loads, else none with a note on stderr.
std::variant<std::optional<nn::CriticModel>, int> criticModelFrom(const QCommandLineParser& parser);

// The human-readable critique (what `critique` prints without --json).
std::string critiqueText(const critic::Critique& critique, const std::string& name);

} // namespace pictor::cli
