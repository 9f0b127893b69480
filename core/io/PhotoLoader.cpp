// loadPhoto: reads the bytes once, sniffs the format, reads metadata with exiv2, decodes with the
// codec for the format, applies EXIF orientation. Every failure is an Error naming the file.
#include "image/Orientation.h"
#include "io/FileIo.h"
#include "io/HeifDecoder.h"
#include "io/JpegCodec.h"
#include "io/Photo.h"
#include "io/RawDecoder.h"
#include "io/StandardDecoder.h"

#include <cctype>
#include <new>

namespace pictor {

namespace {

// Files without readable metadata still get a (empty) SourceMetadata, so callers need no null checks.
std::shared_ptr<const SourceMetadata> emptyMetadata() {
    auto metadata = metadataFromBlocks({}, {}, {});
    return metadata ? *metadata : nullptr;
}

Result<DecodedImage> decode(FileFormat format, const std::uint8_t* bytes, std::size_t size,
                            const SourceMetadata* metadata, const LoadOptions& options) {
    static const std::vector<std::uint8_t> noProfile;
    const auto& icc = metadata ? metadata->iccProfile() : noProfile;
    switch (format) {
    case FileFormat::Jpeg: return decodeJpeg(bytes, size, icc, options);
    case FileFormat::Png:
    case FileFormat::Tiff:
    case FileFormat::WebP: return decodeWithOpenCv(format, bytes, size, icc, options);
    case FileFormat::Heif:
    case FileFormat::Avif: return decodeHeif(bytes, size, options);
    case FileFormat::Raw: return decodeRaw(bytes, size, options);
    case FileFormat::Unknown: break;
    }
    return Error{"This is not a photo format Pictor reads",
                 "Pictor opens JPEG, PNG, TIFF, WebP, HEIC/AVIF and camera RAW files."};
}

Result<Photo> load(const std::uint8_t* bytes, std::size_t size, const std::string& name,
                   const LoadOptions& options) {
    auto fail = [&name](const Error& e) -> Result<Photo> {
        // "Cannot open 'x': the JPEG data is …" — lower-case the reason unless it starts with an
        // acronym ("JPEG", "HEIF").
        std::string reason = e.what;
        if (reason.size() > 1 && std::isupper(static_cast<unsigned char>(reason[0])) &&
            !std::isupper(static_cast<unsigned char>(reason[1])))
            reason[0] = char(std::tolower(static_cast<unsigned char>(reason[0])));
        return Error{"Cannot open '" + name + "': " + reason, e.hint};
    };
    if (size == 0) return fail({"the file is empty (0 bytes)", "Use another copy of the photo."});

    FileFormat format = sniffFormat(bytes, size);
    // TIFF-based RAWs (DNG, CR2, NEF, ARW …) and RAWs with their own containers: LibRaw decides.
    if ((format == FileFormat::Tiff || format == FileFormat::Unknown) && isCameraRaw(bytes, size))
        format = FileFormat::Raw;
    if (format == FileFormat::Unknown)
        return fail({"this is not a photo format Pictor reads (unrecognised file content)",
                     "Pictor opens JPEG, PNG, TIFF, WebP, HEIC/AVIF and camera RAW files."});

    // Metadata is secondary: a photo whose metadata exiv2 cannot parse still opens, without it.
    std::shared_ptr<const SourceMetadata> metadata;
    if (format != FileFormat::Heif && format != FileFormat::Avif) {
        auto read = readMetadata(bytes, size);
        if (read) metadata = *read;
    }

    Result<DecodedImage> decoded = decode(format, bytes, size, metadata.get(), options);
    if (!decoded) return fail(decoded.error());

    Photo photo;
    photo.source.format = format;
    photo.source.fileSize = size;
    photo.source.storedWidth = decoded->storedWidth;
    photo.source.storedHeight = decoded->storedHeight;
    photo.source.reduced = decoded->reduced;
    photo.source.bitsPerSample = decoded->bitsPerSample;
    photo.source.floatingPoint = decoded->floatingPoint;
    photo.source.colorProfile = decoded->colorProfile;
    photo.source.raw = decoded->raw;
    if (decoded->metadata) metadata = decoded->metadata;
    photo.metadata = metadata ? metadata : emptyMetadata();

    const int orientation = photo.metadata ? photo.metadata->summary().orientation : 1;
    photo.pixels = decoded->orientationApplied
                       ? std::move(decoded->pixels)
                       : applyOrientation(std::move(decoded->pixels), orientation);
    return photo;
}

} // namespace

Result<Photo> loadPhotoFromMemory(const std::uint8_t* bytes, std::size_t size,
                                  const std::string& displayName, const LoadOptions& options) {
    try {
        return load(bytes, size, displayName, options);
    } catch (const std::bad_alloc&) {
        return Error{"Cannot open '" + displayName + "': not enough memory to decode it",
                     "Close other programs, or lower the pixel limit to refuse such files."};
    } catch (const std::exception& e) {
        return Error{"Cannot open '" + displayName + "': " + e.what(),
                     "The file is damaged or of an unsupported kind."};
    }
}

Result<Photo> loadPhoto(const std::filesystem::path& path, const LoadOptions& options) {
    auto bytes = readFileBytes(path);
    if (!bytes) return bytes.error();
    auto photo = loadPhotoFromMemory(bytes->data(), bytes->size(), path.string(), options);
    if (photo) photo->source.path = path;
    return photo;
}

} // namespace pictor
