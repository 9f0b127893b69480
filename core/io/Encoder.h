#pragma once
// Working-space image → encoded file bytes (JPEG, PNG, TIFF) in an output colour space. Metadata
// is added afterwards by embedMetadata(); this only makes pixels.
#include "image/ColorSpace.h"
#include "image/Image.h"
#include "util/Result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace pictor {

enum class OutputFormat { Jpeg, Png, Tiff };

// From the file name's extension (.jpg/.jpeg, .png, .tif/.tiff, any case).
std::optional<OutputFormat> outputFormatFor(const std::filesystem::path& path);

struct EncodeOptions {
    OutputFormat format = OutputFormat::Jpeg;
    OutputColorSpace colorSpace = OutputColorSpace::SRgb;
    int quality = 92; // JPEG 1–100
    int depth = 0;    // 8 or 16 bits per sample; 0 = the format's best (JPEG 8, PNG/TIFF 16)
};

int effectiveDepth(const EncodeOptions& options);

Result<std::vector<std::uint8_t>> encodeImage(const Image& image, const EncodeOptions& options);

} // namespace pictor
