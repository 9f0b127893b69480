#pragma once
// Which codec a file needs, decided from its first bytes (never from its name).
#include <cstddef>
#include <cstdint>
#include <string>

namespace pictor {

enum class FileFormat { Unknown, Jpeg, Png, Tiff, WebP, Heif, Avif, Raw };

// Sniffs the container from magic bytes. TIFF-based RAWs (CR2, NEF, ARW, DNG …) report Tiff here;
// the loader lets LibRaw claim them first (see isCameraRaw()).
FileFormat sniffFormat(const std::uint8_t* data, std::size_t size);
std::string formatName(FileFormat format);

} // namespace pictor
