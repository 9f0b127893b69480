#include "io/JpegCodec.h"

#include "util/StripPipeline.h"

#include <csetjmp>
#include <cstdio>
#include <jerror.h>
#include <jpeglib.h>

#include <algorithm>
#include <array>

namespace pictor {

namespace {

constexpr int kStripRows = 64;
constexpr int kSlots = 3;

// libjpeg reports errors by calling error_exit, which must not return: we longjmp back into the
// small wrapper that made the libjpeg call. Those wrappers hold no C++ objects with destructors,
// so the jump skips nothing that needs cleaning up.
struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool fatalWarning;
};

void onError(j_common_ptr info) {
    auto* err = reinterpret_cast<ErrorManager*>(info->err);
    (*info->err->format_message)(info, err->message);
    std::longjmp(err->jump, 1);
}

// Warnings that mean the pixels are wrong (missing or undecodable data) stop decoding; the rest
// (extraneous bytes between markers, unknown JFIF revisions …) are common in camera files and
// harmless.
void onMessage(j_common_ptr info, int level) {
    if (level != -1) return;
    const int code = info->err->msg_code;
    if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE ||
        code == JWRN_MUST_RESYNC) {
        auto* err = reinterpret_cast<ErrorManager*>(info->err);
        (*info->err->format_message)(info, err->message);
        err->fatalWarning = true;
        std::longjmp(err->jump, 1);
    }
}

void installErrorManager(jpeg_common_struct* info, ErrorManager& err) {
    info->err = jpeg_std_error(&err.pub);
    err.pub.error_exit = onError;
    err.pub.emit_message = onMessage;
    err.message[0] = '\0';
    err.fatalWarning = false;
}

// --- decompression, one libjpeg call per wrapper ---------------------------------------------

bool readHeader(jpeg_decompress_struct* info, ErrorManager* err, const std::uint8_t* bytes,
                std::size_t size) {
    if (setjmp(err->jump)) return false;
    jpeg_mem_src(info, bytes, static_cast<unsigned long>(size));
    jpeg_read_header(info, TRUE);
    return true;
}

bool startDecompress(jpeg_decompress_struct* info, ErrorManager* err) {
    if (setjmp(err->jump)) return false;
    info->dct_method = JDCT_ISLOW;
    jpeg_start_decompress(info);
    return true;
}

bool readRows(jpeg_decompress_struct* info, ErrorManager* err, JSAMPROW* rows, int count) {
    if (setjmp(err->jump)) return false;
    int done = 0;
    while (done < count) {
        const JDIMENSION n = jpeg_read_scanlines(info, rows + done, JDIMENSION(count - done));
        if (n == 0) return false;
        done += int(n);
    }
    return true;
}

// --- compression ---------------------------------------------------------------------------

bool startCompress(jpeg_compress_struct* info, ErrorManager* err, unsigned char** out,
                   unsigned long* outSize, int width, int height, int quality) {
    if (setjmp(err->jump)) return false;
    jpeg_mem_dest(info, out, outSize);
    info->image_width = JDIMENSION(width);
    info->image_height = JDIMENSION(height);
    info->input_components = 3;
    info->in_color_space = JCS_RGB;
    jpeg_set_defaults(info);
    jpeg_set_quality(info, quality, TRUE);
    info->dct_method = JDCT_ISLOW;
    const int sampling = quality >= 90 ? 1 : 2;
    info->comp_info[0].h_samp_factor = sampling;
    info->comp_info[0].v_samp_factor = sampling;
    jpeg_start_compress(info, TRUE);
    return true;
}

bool writeRows(jpeg_compress_struct* info, ErrorManager* err, JSAMPROW* rows, int count) {
    if (setjmp(err->jump)) return false;
    int done = 0;
    while (done < count) done += int(jpeg_write_scanlines(info, rows + done, JDIMENSION(count - done)));
    return true;
}

bool finishCompress(jpeg_compress_struct* info, ErrorManager* err) {
    if (setjmp(err->jump)) return false;
    jpeg_finish_compress(info);
    return true;
}

} // namespace

Result<DecodedImage> decodeJpeg(const std::uint8_t* bytes, std::size_t size,
                                const std::vector<std::uint8_t>& icc, const LoadOptions& options) {
    jpeg_decompress_struct info{};
    ErrorManager err{};
    installErrorManager(reinterpret_cast<jpeg_common_struct*>(&info), err);
    jpeg_create_decompress(&info);
    struct Destroy {
        jpeg_decompress_struct* info;
        ~Destroy() { jpeg_destroy_decompress(info); }
    } destroy{&info};

    if (!readHeader(&info, &err, bytes, size))
        return Error{std::string("The JPEG header is damaged (") + err.message + ")",
                     "The file is corrupt; use another copy of it."};
    if (Status limit = checkPixelLimit(info.image_width, info.image_height, options); !limit)
        return limit.error();
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK)
        return Error{"This is a CMYK JPEG (made for print), which Pictor does not read",
                     "Convert it to RGB in its original application first."};
    const bool grey = info.jpeg_color_space == JCS_GRAYSCALE;
    info.out_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    if (options.previewLongEdge > 0) { // libjpeg scales in the DCT domain by n/8, rounding up
        const unsigned longEdge = std::max(info.image_width, info.image_height);
        unsigned n = 1;
        while (n < 8 && (longEdge * n + 7) / 8 < unsigned(options.previewLongEdge)) ++n;
        info.scale_num = n;
        info.scale_denom = 8;
    }
    if (!startDecompress(&info, &err))
        return Error{std::string("The JPEG data is corrupt (") + err.message + ")",
                     "Use another copy of the photo."};

    auto transform = InputTransform::fromIcc(icc);
    if (!transform) transform = InputTransform::srgb();
    const int width = int(info.output_width), height = int(info.output_height);
    const int channels = grey ? 1 : 3;
    const std::size_t stride = std::size_t(width) * channels;
    DecodedImage out;
    out.pixels = Image(width, height);
    std::array<PixelBuffer<std::uint8_t>, kSlots> strips;
    for (auto& strip : strips) strip = PixelBuffer<std::uint8_t>(stride * kStripRows);

    const int stripCount = (height + kStripRows - 1) / kStripRows;
    auto rowsIn = [&](int strip) { return std::min(kStripRows, height - strip * kStripRows); };
    const bool complete = runStripPipeline(
        stripCount, kSlots,
        [&](int strip, int slot) { // libjpeg: entropy decoding, IDCT, upsampling (this thread)
            JSAMPROW rows[kStripRows];
            for (int r = 0; r < rowsIn(strip); ++r) rows[r] = strips[slot].data() + r * stride;
            return readRows(&info, &err, rows, rowsIn(strip));
        },
        [&](int strip, int slot) { // colour: file profile → linear Rec.2020 (worker thread)
            transform->applyRows(strips[slot].data(), channels, stride, out.pixels,
                                 strip * kStripRows, rowsIn(strip));
            return true;
        },
        /*firstStageOnWorker=*/false);
    if (!complete)
        return Error{std::string("The JPEG data is ") +
                         (err.fatalWarning ? "truncated or damaged" : "corrupt") + " (" +
                         (err.message[0] ? err.message : "decoding stopped early") + ")",
                     "Use another copy of the photo; this one is incomplete."};

    out.storedWidth = int(info.image_width);
    out.storedHeight = int(info.image_height);
    out.reduced = width < out.storedWidth;
    out.bitsPerSample = 8;
    out.colorProfile = transform->description();
    out.icc = icc;
    return out;
}

Result<std::vector<std::uint8_t>> encodeJpeg(const Image& image, const OutputTransform& transform,
                                             int quality) {
    jpeg_compress_struct info{};
    ErrorManager err{};
    installErrorManager(reinterpret_cast<jpeg_common_struct*>(&info), err);
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long length = 0;
    struct Destroy {
        jpeg_compress_struct* info;
        unsigned char** buffer;
        ~Destroy() {
            jpeg_destroy_compress(info);
            std::free(*buffer); // jpeg_mem_dest's buffer is malloc()ed
        }
    } destroy{&info, &buffer};

    const int width = image.width(), height = image.height();
    if (!startCompress(&info, &err, &buffer, &length, width, height, quality))
        return Error{std::string("JPEG encoding failed (") + err.message + ")", "Try another output format."};

    const std::size_t stride = std::size_t(width) * 3;
    std::array<PixelBuffer<std::uint8_t>, kSlots> strips;
    for (auto& strip : strips) strip = PixelBuffer<std::uint8_t>(stride * kStripRows);
    const int stripCount = (height + kStripRows - 1) / kStripRows;
    auto rowsIn = [&](int strip) { return std::min(kStripRows, height - strip * kStripRows); };
    const bool complete = runStripPipeline(
        stripCount, kSlots,
        [&](int strip, int slot) { // colour: linear Rec.2020 → output space, 8-bit (worker)
            transform.toU8Rows(image, strip * kStripRows, rowsIn(strip), strips[slot].data());
            return true;
        },
        [&](int strip, int slot) { // libjpeg: DCT and entropy coding (this thread)
            JSAMPROW rows[kStripRows];
            for (int r = 0; r < rowsIn(strip); ++r) rows[r] = strips[slot].data() + r * stride;
            return writeRows(&info, &err, rows, rowsIn(strip));
        },
        /*firstStageOnWorker=*/true);
    if (!complete || !finishCompress(&info, &err))
        return Error{std::string("JPEG encoding failed (") + err.message + ")", "Try another output format."};
    return std::vector<std::uint8_t>(buffer, buffer + length);
}

} // namespace pictor
