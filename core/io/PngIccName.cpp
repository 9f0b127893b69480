#include "io/PngIccName.h"

#include <array>
#include <cstring>

namespace pictor {

namespace {

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xffffffffu;
    for (std::size_t i = 0; i < size; ++i)
        c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

std::uint32_t readBe32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

void writeBe32(std::uint8_t* p, std::uint32_t v) {
    p[0] = std::uint8_t(v >> 24);
    p[1] = std::uint8_t(v >> 16);
    p[2] = std::uint8_t(v >> 8);
    p[3] = std::uint8_t(v);
}

} // namespace

bool nameUnnamedPngIccProfile(std::vector<std::uint8_t>& png, std::string_view name) {
    static const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (png.size() < 8 || std::memcmp(png.data(), signature, 8) != 0) return false;
    std::size_t pos = 8;
    while (pos + 12 <= png.size()) {
        const std::size_t length = readBe32(&png[pos]);
        if (length > png.size() - pos - 12) return false; // damaged: leave it alone
        const std::uint8_t* type = &png[pos + 4];
        if (std::memcmp(type, "IDAT", 4) == 0 || std::memcmp(type, "IEND", 4) == 0) return false;
        if (std::memcmp(type, "iCCP", 4) == 0 && length > 0 && png[pos + 8] == 0) {
            // Chunk: length, "iCCP", name '\0' method data…, CRC over type and data.
            std::vector<std::uint8_t> chunk(12 + length + name.size());
            writeBe32(&chunk[0], std::uint32_t(length + name.size()));
            std::memcpy(&chunk[4], "iCCP", 4);
            std::memcpy(&chunk[8], name.data(), name.size());
            std::memcpy(&chunk[8 + name.size()], &png[pos + 8], length);
            writeBe32(&chunk[8 + name.size() + length], crc32(&chunk[4], 4 + name.size() + length));
            png.erase(png.begin() + long(pos), png.begin() + long(pos + 12 + length));
            png.insert(png.begin() + long(pos), chunk.begin(), chunk.end());
            return true;
        }
        pos += 12 + length;
    }
    return false;
}

} // namespace pictor
