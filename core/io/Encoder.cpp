#include "io/Encoder.h"

#include "io/JpegCodec.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace pictor {

std::optional<OutputFormat> outputFormatFor(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".jpg" || ext == ".jpeg") return OutputFormat::Jpeg;
    if (ext == ".png") return OutputFormat::Png;
    if (ext == ".tif" || ext == ".tiff") return OutputFormat::Tiff;
    return std::nullopt;
}

int effectiveDepth(const EncodeOptions& options) {
    if (options.depth != 0) return options.depth;
    return options.format == OutputFormat::Jpeg ? 8 : 16;
}

Result<std::vector<std::uint8_t>> encodeImage(const Image& image, const EncodeOptions& options) {
    if (image.empty()) return Error{"There is no image to write", "Open a photo first."};
    const int depth = effectiveDepth(options);
    if (depth != 8 && depth != 16)
        return Error{"Unsupported bit depth " + std::to_string(depth), "Use --depth 8 or 16."};
    if (options.format == OutputFormat::Jpeg && depth != 8)
        return Error{"JPEG stores 8 bits per sample only", "Use --depth 8, or write TIFF or PNG for 16 bits."};
    if (options.quality < 1 || options.quality > 100)
        return Error{"JPEG quality must be between 1 and 100", "Use --quality 1…100 (92 is a good default)."};

    const OutputTransform transform(options.colorSpace);
    const int w = image.width(), h = image.height();
    try {
        if (options.format == OutputFormat::Jpeg) return encodeJpeg(image, transform, options.quality);
        // OpenCV's PNG and TIFF writers (libpng, libtiff) take BGR.
        cv::Mat samples(h, w, depth == 8 ? CV_8UC3 : CV_16UC3);
        if (depth == 8) transform.toU8(image, samples.ptr<std::uint8_t>());
        else transform.toU16(image, samples.ptr<std::uint16_t>());
        cv::cvtColor(samples, samples, cv::COLOR_RGB2BGR);
        std::vector<std::uint8_t> encoded;
        std::vector<int> params;
        if (options.format == OutputFormat::Png) params = {cv::IMWRITE_PNG_COMPRESSION, 3};
        const bool ok = cv::imencode(options.format == OutputFormat::Png ? ".png" : ".tiff", samples,
                                     encoded, params);
        if (!ok || encoded.empty())
            return Error{"The image could not be encoded", "Try another output format."};
        return encoded;
    } catch (const std::exception& e) {
        return Error{std::string("Encoding failed: ") + e.what(), "Try another output format."};
    }
}

} // namespace pictor
