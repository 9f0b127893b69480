#pragma once
#include <QStringList>

namespace pictor::cli {
// pictor-cli bench io: decode and export timings on generated 24-megapixel photos.
int runBench(const QStringList& args);
} // namespace pictor::cli
