#include "io/ImageProbe.h"

namespace pictor {

namespace {

std::uint32_t be32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}
std::uint32_t le24(const std::uint8_t* p) { return p[0] | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16; }

std::optional<ImageDimensions> probePng(const std::uint8_t* d, std::size_t n) {
    if (n < 24 || be32(d + 12) != 0x49484452u) return std::nullopt; // "IHDR"
    return ImageDimensions{be32(d + 16), be32(d + 20)};
}

std::optional<ImageDimensions> probeWebP(const std::uint8_t* d, std::size_t n) {
    if (n < 30) return std::nullopt;
    if (d[12] == 'V' && d[13] == 'P' && d[14] == '8' && d[15] == 'X')
        return ImageDimensions{le24(d + 24) + 1ull, le24(d + 27) + 1ull};
    if (d[12] == 'V' && d[13] == 'P' && d[14] == '8' && d[15] == 'L') {
        const std::uint32_t bits = d[21] | std::uint32_t(d[22]) << 8 | std::uint32_t(d[23]) << 16 |
                                   std::uint32_t(d[24]) << 24;
        return ImageDimensions{(bits & 0x3FFF) + 1ull, ((bits >> 14) & 0x3FFF) + 1ull};
    }
    if (d[12] == 'V' && d[13] == 'P' && d[14] == '8' && d[15] == ' ')
        return ImageDimensions{(d[26] | std::uint32_t(d[27]) << 8) & 0x3FFFu,
                               (d[28] | std::uint32_t(d[29]) << 8) & 0x3FFFu};
    return std::nullopt;
}

// Largest width × height over the IFD chain (a TIFF may hold several images; the decoder
// reads the first, but a bomb may hide in any).
std::optional<ImageDimensions> probeTiff(const std::uint8_t* d, std::size_t n) {
    if (n < 16) return std::nullopt;
    const bool little = d[0] == 'I';
    const bool big = (little ? d[2] : d[3]) == 43;
    auto u16 = [&](std::size_t o) -> std::uint64_t {
        return little ? d[o] | d[o + 1] << 8 : d[o] << 8 | d[o + 1];
    };
    auto u32 = [&](std::size_t o) -> std::uint64_t {
        return little ? u16(o) | u16(o + 2) << 16 : u16(o) << 16 | u16(o + 2);
    };
    auto u64 = [&](std::size_t o) -> std::uint64_t {
        return little ? u32(o) | u32(o + 4) << 32 : u32(o) << 32 | u32(o + 4);
    };
    std::uint64_t offset = big ? u64(8) : u32(4);
    ImageDimensions best;
    for (int ifd = 0; ifd < 64 && offset != 0; ++ifd) {
        const std::size_t countSize = big ? 8 : 2, entrySize = big ? 20 : 12;
        if (offset + countSize > n) break;
        const std::uint64_t count = big ? u64(offset) : u16(offset);
        const std::size_t first = offset + countSize;
        if (count > 4096 || first + count * entrySize + (big ? 8 : 4) > n) break;
        std::uint64_t width = 0, height = 0;
        for (std::uint64_t i = 0; i < count; ++i) {
            const std::size_t e = first + i * entrySize;
            const std::uint64_t tag = u16(e), type = u16(e + 2);
            const std::size_t valueAt = e + (big ? 12 : 8);
            const std::uint64_t value = type == 3 ? u16(valueAt) : type == 16 ? u64(valueAt) : u32(valueAt);
            if (tag == 256) width = value;
            if (tag == 257) height = value;
        }
        if (width * height > best.width * best.height) best = {width, height};
        const std::size_t next = first + count * entrySize;
        offset = big ? u64(next) : u32(next);
    }
    if (best.width == 0 || best.height == 0) return std::nullopt;
    return best;
}

} // namespace

std::optional<ImageDimensions> probeDimensions(FileFormat format, const std::uint8_t* data,
                                               std::size_t size) {
    switch (format) {
    case FileFormat::Png: return probePng(data, size);
    case FileFormat::WebP: return probeWebP(data, size);
    case FileFormat::Tiff: return probeTiff(data, size);
    default: return std::nullopt;
    }
}

} // namespace pictor
