#include "io/Export.h"

#include "image/Resize.h"
#include "io/FileIo.h"
#include "util/Version.h"

namespace pictor {

namespace fs = std::filesystem;

Result<ExportReport> exportImage(const Image& image, const SourceMetadata* metadata,
                                 const fs::path& sourcePath, const fs::path& outputPath,
                                 ExportOptions options) {
    const std::string name = "'" + outputPath.string() + "'";
    const auto format = outputFormatFor(outputPath);
    if (!format)
        return Error{"Cannot write " + name + ": unknown output format '" +
                         outputPath.extension().string() + "'",
                     "Name the output .jpg, .png or .tif."};
    options.encode.format = *format;

    // Originals are never written: refuse the source itself, whatever the path spelling.
    std::error_code ec;
    if (!sourcePath.empty() &&
        (sameFile(sourcePath, outputPath) ||
         fs::weakly_canonical(sourcePath, ec) == fs::weakly_canonical(outputPath, ec)))
        return Error{"Refusing to write " + name + ": it is the original photo",
                     "Choose another output name; Pictor never modifies originals."};

    try {
        // (A reference when not resized: a copy of a 100 MP image is another 1.2 GB.)
        Image resized;
        if (options.longEdge > 0) resized = resizeToLongEdge(image, options.longEdge);
        const Image& sized = options.longEdge > 0 ? resized : image;
        auto encoded = encodeImage(sized, options.encode);
        if (!encoded)
            return Error{"Cannot write " + name + ": " + encoded.error().what,
                         encoded.error().hint};

        MetadataWriteOptions meta;
        meta.strip = options.strip;
        meta.width = sized.width();
        meta.height = sized.height();
        meta.software = softwareName();
        meta.iccProfile = iccProfile(options.encode.colorSpace);
        meta.extraXmpPacket = options.extraXmpPacket;
        if (Status embedded = embedMetadata(*encoded, metadata, meta); !embedded)
            return Error{"Cannot write " + name + ": " + embedded.error().what,
                         embedded.error().hint};

        if (Status written = writeFileAtomically(outputPath, encoded->data(), encoded->size(),
                                                 {options.overwrite});
            !written)
            return written.error();
        return ExportReport{sized.width(), sized.height(), encoded->size()};
    } catch (const std::bad_alloc&) {
        return Error{"Cannot write " + name + ": not enough memory",
                     "Close other programs or export with --long-edge."};
    }
}

} // namespace pictor
