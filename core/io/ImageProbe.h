#pragma once
// Reads the pixel dimensions a PNG, WebP or TIFF header declares, without decoding anything, so
// that decompression bombs are refused before a single pixel buffer is allocated.
#include "io/FileFormat.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace pictor {

struct ImageDimensions {
    std::uint64_t width = 0;
    std::uint64_t height = 0;
};

// nullopt when the header is too short or inconsistent (the decoder will then report the error).
std::optional<ImageDimensions> probeDimensions(FileFormat format, const std::uint8_t* data,
                                               std::size_t size);

} // namespace pictor
