#pragma once
#include <QStringList>

namespace pictor::cli {
// pictor-cli enhance IN -o OUT [--critique-out F] [--device auto|cpu|cuda] [export options]:
// critique, render the suggested edit at full resolution, export with metadata and the recipe.
// pictor-cli enhance DIR -o OUTDIR [--format jpg|png|tif] …: every photo in DIR, with progress;
// exit 1 listing the files that failed (the others are still written).
int runEnhance(const QStringList& args);
} // namespace pictor::cli
