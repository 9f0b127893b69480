#pragma once
// What a format decoder hands to the loader: working-space pixels and how they were stored.
#include "image/Image.h"
#include "io/Photo.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pictor {

struct DecodedImage {
    Image pixels;                 // linear Rec.2020
    int storedWidth = 0;
    int storedHeight = 0;
    bool reduced = false;         // smaller than stored: LoadOptions::previewLongEdge
    int bitsPerSample = 8;
    bool floatingPoint = false;
    std::string colorProfile;     // description for `info`
    std::vector<std::uint8_t> icc; // the embedded profile, if any
    bool orientationApplied = false; // true when the codec already turned the pixels upright
    std::optional<RawInfo> raw;
    // Metadata the codec extracted itself (HEIF); null when exiv2 reads the file directly.
    std::shared_ptr<const SourceMetadata> metadata;
};

// Refuses sizes over the limit before anything is allocated.
Status checkPixelLimit(std::uint64_t width, std::uint64_t height, const LoadOptions& options);

} // namespace pictor
