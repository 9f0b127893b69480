#pragma once
// Export: working-space pixels + the source's metadata → a finished file on disk, written
// atomically, never over the source, never over an existing file unless asked.
#include "io/Encoder.h"
#include "io/Metadata.h"

#include <filesystem>
#include <string>

namespace pictor {

struct ExportOptions {
    EncodeOptions encode;     // format is taken from the output file name
    int longEdge = 0;         // 0 = full size
    MetadataStrip strip = MetadataStrip::None;
    bool overwrite = false;
    std::string extraXmpPacket; // e.g. the edit recipe
};

struct ExportReport {
    int width = 0;
    int height = 0;
    std::uintmax_t bytes = 0;
};

// `sourcePath` (may be empty) is refused as destination. Nothing is left on disk on failure.
Result<ExportReport> exportImage(const Image& image, const SourceMetadata* metadata,
                                 const std::filesystem::path& sourcePath,
                                 const std::filesystem::path& outputPath, ExportOptions options);

} // namespace pictor
