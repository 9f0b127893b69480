#pragma once
// Metadata (EXIF, IPTC, XMP, ICC) read with exiv2 from any photo, summarised for people, and
// copied into exported files. exiv2 types stay behind SourceMetadata so that few files include it.
#include "util/Result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pictor {

struct GpsPosition {
    double latitude = 0;  // degrees, north positive
    double longitude = 0; // degrees, east positive
    std::optional<double> altitude; // metres above sea level
};

// What a photographer wants to see about a file; every field is empty when the file lacks it.
struct MetadataSummary {
    std::string cameraMake;
    std::string cameraModel;
    std::string lens;
    std::string exposureTime;          // as the camera wrote it, e.g. "1/250 s"
    std::optional<double> exposureSeconds;
    std::optional<double> fNumber;
    std::optional<int> iso;
    std::optional<double> focalLengthMm;
    std::optional<GpsPosition> gps;
    std::string captureTime;           // "YYYY-MM-DD HH:MM:SS" from DateTimeOriginal
    std::optional<int> rating;         // 0–5 (−1 = rejected)
    std::vector<std::string> keywords; // IPTC keywords and XMP dc:subject, de-duplicated
    int orientation = 1;               // EXIF orientation 1–8 (1 when absent or invalid)
    std::string iccDescription;        // the embedded profile's description; empty if none
    std::size_t iccSize = 0;
    int exifCount = 0;
    int iptcCount = 0;
    int xmpCount = 0;
};

// The metadata of a source file as exiv2 read it (opaque: exiv2 types do not leak out of io/).
class SourceMetadata {
public:
    struct Data;
    explicit SourceMetadata(std::unique_ptr<Data> data);
    ~SourceMetadata();
    SourceMetadata(const SourceMetadata&) = delete;
    SourceMetadata& operator=(const SourceMetadata&) = delete;

    const Data& data() const { return *m_data; }
    MetadataSummary summary() const;
    const std::vector<std::uint8_t>& iccProfile() const;

private:
    std::unique_ptr<Data> m_data;
};

// Reads all metadata of an in-memory file with exiv2. A file exiv2 cannot parse gives an Error;
// a file with no metadata gives an empty SourceMetadata.
Result<std::shared_ptr<const SourceMetadata>> readMetadata(const std::uint8_t* bytes,
                                                           std::size_t size);

// Builds SourceMetadata from raw EXIF (TIFF-structured bytes) and XMP packets, for containers whose
// metadata exiv2 cannot reach itself (HEIF/AVIF, which libheif hands us as blocks).
Result<std::shared_ptr<const SourceMetadata>>
metadataFromBlocks(const std::vector<std::uint8_t>& exifTiff, const std::string& xmpPacket,
                   const std::vector<std::uint8_t>& icc);

enum class MetadataStrip { None, Gps, All };

struct MetadataWriteOptions {
    MetadataStrip strip = MetadataStrip::None;
    int width = 0;  // pixel dimensions of the written image
    int height = 0;
    std::string software;                 // written to Exif.Image.Software (CreatorTool is kept)
    std::vector<std::uint8_t> iccProfile; // the output colour space's profile (always embedded)
    std::string extraXmpPacket;           // optional XMP properties to merge (e.g. the recipe)
};

// Writes metadata into an encoded file held in memory (JPEG, PNG or TIFF bytes): all EXIF
// (GPS and maker notes included), IPTC and XMP of the source, with orientation reset to 1,
// dimensions updated, stale thumbnails and RAW image-structure tags removed, Software set.
Status embedMetadata(std::vector<std::uint8_t>& encodedFile, const SourceMetadata* source,
                     const MetadataWriteOptions& options);

} // namespace pictor
