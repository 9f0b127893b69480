#pragma once
// JPEG decode and encode with libjpeg-turbo. Entropy coding runs on the calling thread while the
// colour conversion of the previous strip runs on a second one (see StripPipeline.h): a 24 MP
// JPEG converts in about the time libjpeg alone needs.
#include "image/ColorSpace.h"
#include "io/DecodedImage.h"

#include <vector>

namespace pictor {

// Decodes to the working space through `icc` (sRGB when empty). The header is read first, so
// oversized images are refused before allocation. Truncated or corrupt entropy data is an Error
// (not a photo with a grey lower half); harmless warnings (extraneous bytes) are tolerated.
// options.previewLongEdge asks for a reduced DCT-scaled decode (Photo.h).
Result<DecodedImage> decodeJpeg(const std::uint8_t* bytes, std::size_t size,
                                const std::vector<std::uint8_t>& icc, const LoadOptions& options);

// Encodes a working-space image through `transform`: 4:4:4 chroma at quality ≥ 90 (what a
// photographer expects at high quality), 4:2:0 below.
Result<std::vector<std::uint8_t>> encodeJpeg(const Image& image, const OutputTransform& transform,
                                             int quality);

} // namespace pictor
