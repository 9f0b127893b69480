#pragma once
// exiv2 0.27 writes a PNG's iCCP chunk with the profile name it read from the file — empty for a
// freshly encoded PNG. The PNG specification requires a 1–79 byte keyword, and libpng refuses the
// chunk ("iCCP: bad keyword") and with it the colour profile, so readers saw an untagged image.
#include <cstdint>
#include <string_view>
#include <vector>

namespace pictor {

// Gives an iCCP chunk with an empty profile name the name `name` (CRC recomputed). Other files and
// chunks are left as they are. True when a chunk was renamed.
bool nameUnnamedPngIccProfile(std::vector<std::uint8_t>& png,
                              std::string_view name = "ICC Profile");

} // namespace pictor
