#include "io/JpegCodec.h"

#include "image/ColorSpace.h"

#include <turbojpeg.h>

#include <memory>

namespace pictor {

namespace {
struct TjHandle {
    tjhandle handle;
    explicit TjHandle(tjhandle h) : handle(h) {}
    ~TjHandle() { if (handle) tjDestroy(handle); }
};
} // namespace

Result<DecodedImage> decodeJpeg(const std::uint8_t* bytes, std::size_t size,
                                const std::vector<std::uint8_t>& icc, const LoadOptions& options) {
    TjHandle tj(tjInitDecompress());
    if (!tj.handle) return Error{"Cannot start the JPEG decoder", "The system is low on memory."};
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (tjDecompressHeader3(tj.handle, bytes, static_cast<unsigned long>(size), &width, &height,
                            &subsampling, &colorspace) != 0)
        return Error{std::string("The JPEG header is damaged (") + tjGetErrorStr2(tj.handle) + ")",
                     "The file is corrupt; use another copy of it."};
    if (Status limit = checkPixelLimit(std::uint64_t(width), std::uint64_t(height), options); !limit)
        return limit.error();
    if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK)
        return Error{"This is a CMYK JPEG (made for print), which Pictor does not read",
                     "Convert it to RGB in its original application first."};

    const bool grey = colorspace == TJCS_GRAY;
    const int channels = grey ? 1 : 3;
    std::vector<std::uint8_t> samples(std::size_t(width) * std::size_t(height) * channels);
    // STOPONWARNING: a truncated file must be an error, not a photo with a grey bottom half.
    if (tjDecompress2(tj.handle, bytes, static_cast<unsigned long>(size), samples.data(), width, 0,
                      height, grey ? TJPF_GRAY : TJPF_RGB, TJFLAG_STOPONWARNING) != 0) {
        const bool warning = tjGetErrorCode(tj.handle) == TJERR_WARNING;
        return Error{std::string("The JPEG data is ") + (warning ? "truncated or damaged" : "corrupt") +
                         " (" + tjGetErrorStr2(tj.handle) + ")",
                     "Use another copy of the photo; this one is incomplete."};
    }

    auto transform = InputTransform::fromIcc(icc);
    if (!transform) transform = InputTransform::srgb();
    DecodedImage out;
    out.pixels = Image(width, height);
    transform->apply(samples.data(), channels, std::size_t(width) * channels, out.pixels);
    out.storedWidth = width;
    out.storedHeight = height;
    out.bitsPerSample = 8;
    out.colorProfile = transform->description();
    out.icc = icc;
    return out;
}

Result<std::vector<std::uint8_t>> encodeJpeg(const std::uint8_t* rgb, int width, int height,
                                             int quality) {
    TjHandle tj(tjInitCompress());
    if (!tj.handle) return Error{"Cannot start the JPEG encoder", "The system is low on memory."};
    unsigned char* buffer = nullptr;
    unsigned long length = 0;
    const int sampling = quality >= 90 ? TJSAMP_444 : TJSAMP_420;
    if (tjCompress2(tj.handle, rgb, width, 0, height, TJPF_RGB, &buffer, &length, sampling, quality,
                    0) != 0) {
        tjFree(buffer);
        return Error{std::string("JPEG encoding failed (") + tjGetErrorStr2(tj.handle) + ")",
                     "Try another output format."};
    }
    std::vector<std::uint8_t> encoded(buffer, buffer + length);
    tjFree(buffer);
    return encoded;
}

} // namespace pictor
