#pragma once
#include <string>

namespace pictor {

std::string versionString();  // "0.1.0"
std::string softwareName();   // "Pictor 0.1.0", written to exported files' Software tag

} // namespace pictor
