#include "io/StandardDecoder.h"

#include "image/ColorSpace.h"
#include "io/ImageProbe.h"

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <iostream>
#include <mutex>
#include <streambuf>

namespace pictor {

namespace {
void quietOpenCv() {
    static std::once_flag once;
    std::call_once(once, [] { cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT); });
}

// cv::imdecode catches its codecs' exceptions and prints them straight to std::cerr
// ("imdecode_(''): can't read data: …", OpenCV 4.6 loadsave.cpp), bypassing the log level: a
// damaged TIFF would add that line to the CLI's one-line error. std::cerr discards while any
// imdecode runs (decodes in other threads go on in parallel: the discarding buffer keeps no
// state); the empty result becomes our own error. Pictor writes to std::cerr only from the CLI's
// main thread, never during a decode, so none of its own messages is lost.
class SilencedCerr {
public:
    SilencedCerr() {
        std::lock_guard lock(state().mutex);
        if (state().active++ == 0) state().saved = std::cerr.rdbuf(&state().discard);
    }
    ~SilencedCerr() {
        std::lock_guard lock(state().mutex);
        if (--state().active == 0) std::cerr.rdbuf(state().saved);
    }
    SilencedCerr(const SilencedCerr&) = delete;
    SilencedCerr& operator=(const SilencedCerr&) = delete;

private:
    struct Discard : std::streambuf {
        int_type overflow(int_type c) override { return traits_type::not_eof(c); }
        std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
    };
    struct State {
        std::mutex mutex;
        int active = 0;
        std::streambuf* saved = nullptr;
        Discard discard;
    };
    static State& state() {
        static State s;
        return s;
    }
};
} // namespace

Result<DecodedImage> decodeWithOpenCv(FileFormat format, const std::uint8_t* bytes,
                                      std::size_t size, const std::vector<std::uint8_t>& icc,
                                      const LoadOptions& options) {
    quietOpenCv();
    const auto dims = probeDimensions(format, bytes, size);
    if (!dims)
        return Error{"The " + formatName(format) + " header is damaged or incomplete",
                     "The file is corrupt; use another copy of it."};
    if (Status limit = checkPixelLimit(dims->width, dims->height, options); !limit)
        return limit.error();

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(size), CV_8U, const_cast<std::uint8_t*>(bytes));
        const SilencedCerr silenced;
        decoded = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const std::exception& e) {
        return Error{"The " + formatName(format) + " data is corrupt (" + e.what() + ")",
                     "Use another copy of the photo."};
    }
    if (decoded.empty())
        return Error{"The " + formatName(format) + " data is truncated, corrupt or of an "
                     "unsupported kind",
                     "Use another copy of the photo, or re-save it from its original application."};
    // The header said one size; the codec may have read another image of the file (TIFF pages).
    if (Status limit = checkPixelLimit(std::uint64_t(decoded.cols), std::uint64_t(decoded.rows), options);
        !limit)
        return limit.error();

    // OpenCV hands out BGR(A); our transforms take RGB(A).
    const int channels = decoded.channels();
    if (channels == 3) cv::cvtColor(decoded, decoded, cv::COLOR_BGR2RGB);
    else if (channels == 4) cv::cvtColor(decoded, decoded, cv::COLOR_BGRA2RGBA);
    else if (channels != 1)
        return Error{"The " + formatName(format) + " has " + std::to_string(channels) +
                         " channels, which Pictor does not read",
                     "Convert it to RGB first."};

    const int depth = decoded.depth();
    if (depth != CV_8U && depth != CV_16U && depth != CV_32F)
        return Error{"The " + formatName(format) + " uses an unsupported sample type",
                     "Save it as 8-bit, 16-bit or 32-bit float."};

    Result<InputTransform> transform = InputTransform::srgb();
    if (!icc.empty()) {
        transform = InputTransform::fromIcc(icc);
        if (!transform) transform = InputTransform::srgb(); // damaged profile: sRGB, as viewers do
    } else if (depth == CV_32F) {
        // Floating-point TIFFs without a profile are scene-linear by convention (Rec.709 primaries).
        transform = InputTransform::fromPrimariesAndCurve(
            {0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290}, [](double v) { return v; },
            "Linear sRGB (assumed: floating-point data without a profile)");
    }

    DecodedImage out;
    out.pixels = Image(decoded.cols, decoded.rows);
    const std::size_t stride = decoded.step1();
    if (depth == CV_8U) transform->apply(decoded.ptr<std::uint8_t>(), channels, stride, out.pixels);
    else if (depth == CV_16U) transform->apply(decoded.ptr<std::uint16_t>(), channels, stride, out.pixels);
    else transform->apply(decoded.ptr<float>(), channels, stride, out.pixels);
    out.storedWidth = decoded.cols;
    out.storedHeight = decoded.rows;
    out.bitsPerSample = depth == CV_8U ? 8 : depth == CV_16U ? 16 : 32;
    out.floatingPoint = depth == CV_32F;
    out.colorProfile = transform->description();
    out.icc = icc;
    return out;
}

} // namespace pictor
