#pragma once
#include "recipe/Recipe.h"

#include <QCommandLineParser>

namespace pictor::cli {
// pictor-cli bench apply [--runs N]: a generated 24-megapixel JPEG edited with `recipe` and
// exported by `pictor-cli apply` end to end (a separate process: start, decode, render, encode,
// metadata), against `darktable-cli IN OUT.jpg --core --configdir TMP` exporting the same file
// with darktable's defaults, in the same run; prints both medians, their ratio and the goal
// (Pictor ≤ a third of darktable). Without darktable-cli on PATH the comparison is skipped with
// a message (Pictor's time is still printed).
int benchApply(const QCommandLineParser& parser, const Recipe& recipe);
} // namespace pictor::cli
