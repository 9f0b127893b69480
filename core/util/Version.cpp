#include "util/Version.h"

namespace pictor {

std::string versionString() { return PICTOR_VERSION; }
std::string softwareName() { return std::string("Pictor ") + PICTOR_VERSION; }

} // namespace pictor
