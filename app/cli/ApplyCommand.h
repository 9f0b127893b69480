#pragma once
#include <QStringList>

namespace pictor::cli {
// pictor-cli apply IN -o OUT --recipe F [export options]: render a recipe and export it, with
// the recipe embedded in the output's XMP.
int runApply(const QStringList& args);
} // namespace pictor::cli
