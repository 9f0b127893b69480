#pragma once
// A loaded photo: working-space pixels plus everything known about where they came from.
#include "image/Image.h"
#include "io/FileFormat.h"
#include "io/Metadata.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace pictor {

// What the camera recorded about white balance; the pixels have it applied (demosaicing needs
// it), and the Artist changes white balance relative to it.
struct RawInfo {
    std::array<float, 4> asShotMultipliers{1, 1, 1, 1}; // R, G, B, G2 as LibRaw's cam_mul
    double asShotTemperatureK = 0;                      // correlated colour temperature
    double asShotTint = 0; // +3000·Duv: positive for a greenish light, as Lightroom (D65 ≈ +10)
    std::string cameraMake;
    std::string cameraModel;
    int rawWidth = 0;
    int rawHeight = 0;
    bool halfSize = false;
};

struct SourceInfo {
    std::filesystem::path path;
    FileFormat format = FileFormat::Unknown;
    std::uintmax_t fileSize = 0;
    int storedWidth = 0;  // as encoded, before orientation
    int storedHeight = 0;
    bool reduced = false; // the pixels are a fast preview decode (LoadOptions::previewLongEdge)
    int bitsPerSample = 8;
    bool floatingPoint = false;
    std::string colorProfile; // "Display P3 (embedded ICC)", "sRGB (assumed: no profile)", …
    std::optional<RawInfo> raw;
};

struct Photo {
    Image pixels; // linear Rec.2020, upright
    SourceInfo source;
    std::shared_ptr<const SourceMetadata> metadata; // never null after a successful load
};

struct LoadOptions {
    // Decompression-bomb guard: files declaring more pixels are refused before decoding.
    std::uint64_t maxPixels = 250'000'000;
    bool rawHalfSize = false; // fast RAW path for previews (half resolution, no full demosaic)
    // > 0: a fast preview instead of the photo. A JPEG decodes at the smallest DCT scale (n/8)
    // whose long edge is still at least this many pixels: the IDCT, upsampling and colour
    // conversion run on n²/64 of the pixels, several times faster than a full decode. Other
    // formats ignore it. SourceInfo::reduced says whether it applied.
    int previewLongEdge = 0;
};

// The default pixel limit, overridable with PICTOR_MAX_MEGAPIXELS in the environment.
std::uint64_t defaultMaxPixels();

Result<Photo> loadPhoto(const std::filesystem::path& path, const LoadOptions& options = {});
Result<Photo> loadPhotoFromMemory(const std::uint8_t* bytes, std::size_t size,
                                  const std::string& displayName, const LoadOptions& options = {});

} // namespace pictor
