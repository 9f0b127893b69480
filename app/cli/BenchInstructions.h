#pragma once
#include <QCommandLineParser>

namespace pictor::cli {
// pictor-cli bench instructions --photos DIR: over its own table of phrasings and the photos in
// DIR, prints the parse rate, direction accuracy, graded-series monotonicity and numeric accuracy
// of the instruction language (goal: 100 %, 100 %, 100 %, within 5 %).
int benchInstructions(const QCommandLineParser& parser);
} // namespace pictor::cli
