#pragma once
// Camera RAW (every format LibRaw supports) → linear Rec.2020 with as-shot white balance recorded.
#include "io/DecodedImage.h"

namespace pictor {

// True when LibRaw recognises the bytes as a camera RAW it can decode (cheap: header only).
bool isCameraRaw(const std::uint8_t* bytes, std::size_t size);

// Demosaics (or half-size bins when options.rawHalfSize), converts with the camera matrix,
// reconstructs highlights. Missing, truncated or garbage sensor data is an Error, never a black
// or noise image.
Result<DecodedImage> decodeRaw(const std::uint8_t* bytes, std::size_t size,
                               const LoadOptions& options);

} // namespace pictor
