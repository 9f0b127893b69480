#pragma once
// HEIC and AVIF with libheif: 8–12-bit, ICC or nclx colour (sRGB, Display P3, Rec.2020, PQ and
// HLG), with the container's rotation/mirroring applied and EXIF/XMP extracted for exiv2.
#include "io/DecodedImage.h"

namespace pictor {

Result<DecodedImage> decodeHeif(const std::uint8_t* bytes, std::size_t size,
                                const LoadOptions& options);

} // namespace pictor
