#pragma once
// PNG, TIFF (8/16-bit integer and 32-bit float) and WebP, decoded by OpenCV's bundled codecs and
// converted to the working space through the file's ICC profile.
#include "io/DecodedImage.h"

#include <vector>

namespace pictor {

Result<DecodedImage> decodeWithOpenCv(FileFormat format, const std::uint8_t* bytes,
                                      std::size_t size, const std::vector<std::uint8_t>& icc,
                                      const LoadOptions& options);

} // namespace pictor
