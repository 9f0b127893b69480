#pragma once
#include <QStringList>

namespace pictor::cli {
// pictor-cli info FILE [--json]: format, size, colour profile, camera, exposure, GPS, metadata.
int runInfo(const QStringList& args);
} // namespace pictor::cli
