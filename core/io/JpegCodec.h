#pragma once
// JPEG decode and encode with TurboJPEG (libjpeg-turbo): fast, and it reads the header before
// allocating, so oversized JPEGs are refused cheaply.
#include "io/DecodedImage.h"

#include <vector>

namespace pictor {

// Decodes to encoded 8-bit samples and converts them to the working space with `icc` (sRGB when
// empty). Truncated or corrupt data is an Error.
Result<DecodedImage> decodeJpeg(const std::uint8_t* bytes, std::size_t size,
                                const std::vector<std::uint8_t>& icc, const LoadOptions& options);

// Encodes 8-bit RGB; 4:4:4 chroma at quality ≥ 90 (what a photographer expects at high quality),
// 4:2:0 below.
Result<std::vector<std::uint8_t>> encodeJpeg(const std::uint8_t* rgb, int width, int height,
                                             int quality);

} // namespace pictor
