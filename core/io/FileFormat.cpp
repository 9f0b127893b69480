#include "io/FileFormat.h"

#include <cstring>

namespace pictor {

FileFormat sniffFormat(const std::uint8_t* d, std::size_t n) {
    auto has = [&](std::size_t offset, const char* magic) {
        const std::size_t len = std::strlen(magic);
        return n >= offset + len && std::memcmp(d + offset, magic, len) == 0;
    };
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return FileFormat::Jpeg;
    if (has(0, "\x89PNG\r\n\x1a\n")) return FileFormat::Png;
    if (has(0, "RIFF") && has(8, "WEBP")) return FileFormat::WebP;
    if (has(0, "II*\0") || has(0, "MM\0*") || has(0, "II+\0") || has(0, "MM\0+"))
        return FileFormat::Tiff;
    if (has(4, "ftyp")) {
        // ISO BMFF: the major brand (and compatible brands) say HEIF or AVIF; "crx " is Canon CR3.
        if (has(8, "crx ")) return FileFormat::Raw;
        if (has(8, "avif") || has(8, "avis")) return FileFormat::Avif;
        if (has(8, "heic") || has(8, "heix") || has(8, "mif1") || has(8, "msf1") ||
            has(8, "heim") || has(8, "heis") || has(8, "hevc") || has(8, "hevx"))
            return FileFormat::Heif;
    }
    // Other RAW containers (CRW, RAF, ORF "IIRO", RW2 "IIU", MRW, X3F …) are found by LibRaw.
    return FileFormat::Unknown;
}

std::string formatName(FileFormat format) {
    switch (format) {
    case FileFormat::Jpeg: return "JPEG";
    case FileFormat::Png: return "PNG";
    case FileFormat::Tiff: return "TIFF";
    case FileFormat::WebP: return "WebP";
    case FileFormat::Heif: return "HEIF";
    case FileFormat::Avif: return "AVIF";
    case FileFormat::Raw: return "Camera RAW";
    case FileFormat::Unknown: break;
    }
    return "unknown";
}

} // namespace pictor
