#include "io/HeifDecoder.h"

#include "image/ColorSpace.h"

#include <libheif/heif.h>

#include <cmath>
#include <cstring>
#include <memory>

namespace pictor {

namespace {

struct ContextFree { void operator()(heif_context* c) const { heif_context_free(c); } };
struct HandleFree { void operator()(heif_image_handle* h) const { heif_image_handle_release(h); } };
struct ImageFree { void operator()(heif_image* i) const { heif_image_release(i); } };
struct NclxFree { void operator()(heif_color_profile_nclx* n) const { heif_nclx_color_profile_free(n); } };

Error heifError(const char* what, const heif_error& e) {
    return Error{std::string(what) + " (" + (e.message ? e.message : "libheif error") + ")",
                 "The file is damaged or uses a HEIF/AVIF feature libheif cannot decode."};
}

// HDR curves are mapped so that reference ("diffuse") white is 1.0, as in BT.2408.
double pqToLinear(double v) {
    const double m1 = 2610.0 / 16384, m2 = 2523.0 / 4096 * 128, c1 = 3424.0 / 4096,
                 c2 = 2413.0 / 4096 * 32, c3 = 2392.0 / 4096 * 32;
    const double p = std::pow(std::max(v, 0.0), 1 / m2);
    const double nits = 10000 * std::pow(std::max(p - c1, 0.0) / (c2 - c3 * p), 1 / m1);
    return nits / 203.0;
}
double hlgToLinear(double v) {
    const double a = 0.17883277, b = 0.28466892, c = 0.55991073;
    const double scene = v <= 0.5 ? v * v / 3 : (std::exp((v - c) / a) + b) / 12;
    return scene / 0.26496256; // HLG reference white (75 % signal) → 1.0
}
double srgbToLinear(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }
double bt709ToLinear(double v) { return v < 0.081 ? v / 4.5 : std::pow((v + 0.099) / 1.099, 1 / 0.45); }

InputTransform nclxTransform(const heif_color_profile_nclx* nclx) {
    std::array<double, 8> xy{0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290};
    std::string primaries = "BT.709";
    if (nclx) {
        switch (nclx->color_primaries) {
        case heif_color_primaries_ITU_R_BT_2020_2_and_2100_0:
            xy = {0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290};
            primaries = "BT.2020";
            break;
        case heif_color_primaries_SMPTE_EG_432_1:
            xy = {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290};
            primaries = "Display P3";
            break;
        case heif_color_primaries_SMPTE_RP_431_2:
            xy = {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.314, 0.351};
            primaries = "DCI-P3";
            break;
        default:
            // Other code points are rare in photos: take the primaries libheif reports.
            if (nclx->color_primaries != heif_color_primaries_ITU_R_BT_709_5 &&
                nclx->color_primaries != heif_color_primaries_unspecified) {
                xy = {nclx->color_primary_red_x,   nclx->color_primary_red_y,
                      nclx->color_primary_green_x, nclx->color_primary_green_y,
                      nclx->color_primary_blue_x,  nclx->color_primary_blue_y,
                      nclx->color_primary_white_x, nclx->color_primary_white_y};
                primaries = "primaries #" + std::to_string(int(nclx->color_primaries));
            }
        }
    }
    double (*curve)(double) = srgbToLinear;
    std::string transfer = "sRGB curve";
    if (nclx) {
        switch (nclx->transfer_characteristics) {
        case heif_transfer_characteristic_ITU_R_BT_2100_0_PQ: curve = pqToLinear; transfer = "PQ (HDR)"; break;
        case heif_transfer_characteristic_ITU_R_BT_2100_0_HLG: curve = hlgToLinear; transfer = "HLG (HDR)"; break;
        case heif_transfer_characteristic_linear: curve = [](double v) { return v; }; transfer = "linear"; break;
        case heif_transfer_characteristic_ITU_R_BT_709_5:
        case heif_transfer_characteristic_ITU_R_BT_601_6:
        case heif_transfer_characteristic_ITU_R_BT_2020_2_10bit:
        case heif_transfer_characteristic_ITU_R_BT_2020_2_12bit: curve = bt709ToLinear; transfer = "BT.709 curve"; break;
        default: break;
        }
    }
    return InputTransform::fromPrimariesAndCurve(xy, curve, primaries + ", " + transfer + " (nclx)");
}

std::vector<std::uint8_t> metadataBlock(heif_image_handle* handle, const char* type) {
    heif_item_id ids[16];
    const int count = heif_image_handle_get_list_of_metadata_block_IDs(handle, type, ids, 16);
    for (int i = 0; i < count; ++i) {
        if (std::strcmp(type, "mime") == 0) {
            const char* contentType = heif_image_handle_get_metadata_content_type(handle, ids[i]);
            if (!contentType || std::strcmp(contentType, "application/rdf+xml") != 0) continue;
        }
        const std::size_t size = heif_image_handle_get_metadata_size(handle, ids[i]);
        if (size == 0 || size > (64u << 20)) continue;
        std::vector<std::uint8_t> data(size);
        if (heif_image_handle_get_metadata(handle, ids[i], data.data()).code == heif_error_Ok)
            return data;
    }
    return {};
}

} // namespace

Result<DecodedImage> decodeHeif(const std::uint8_t* bytes, std::size_t size,
                                const LoadOptions& options) {
    std::unique_ptr<heif_context, ContextFree> context(heif_context_alloc());
    if (!context) return Error{"Cannot start the HEIF decoder", "The system is low on memory."};
    heif_error err = heif_context_read_from_memory_without_copy(context.get(), bytes, size, nullptr);
    if (err.code != heif_error_Ok) return heifError("The HEIF/AVIF container is damaged", err);

    heif_image_handle* rawHandle = nullptr;
    err = heif_context_get_primary_image_handle(context.get(), &rawHandle);
    std::unique_ptr<heif_image_handle, HandleFree> handle(rawHandle);
    if (err.code != heif_error_Ok) return heifError("The HEIF/AVIF file has no readable image", err);

    const int width = heif_image_handle_get_width(handle.get());
    const int height = heif_image_handle_get_height(handle.get());
    if (width <= 0 || height <= 0)
        return Error{"The HEIF/AVIF image declares no size", "The file is damaged."};
    if (Status limit = checkPixelLimit(std::uint64_t(width), std::uint64_t(height), options); !limit)
        return limit.error();

    const int bits = std::max(8, heif_image_handle_get_luma_bits_per_pixel(handle.get()));
    const bool deep = bits > 8;
    heif_image* rawImage = nullptr;
    err = heif_decode_image(handle.get(), &rawImage, heif_colorspace_RGB,
                            deep ? heif_chroma_interleaved_RRGGBB_LE : heif_chroma_interleaved_RGB,
                            nullptr);
    std::unique_ptr<heif_image, ImageFree> image(rawImage);
    if (err.code != heif_error_Ok) return heifError("The HEIF/AVIF image data cannot be decoded", err);

    const int outWidth = heif_image_get_width(image.get(), heif_channel_interleaved);
    const int outHeight = heif_image_get_height(image.get(), heif_channel_interleaved);
    int stride = 0;
    const std::uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
    if (!plane || outWidth <= 0 || outHeight <= 0)
        return Error{"The HEIF/AVIF decoder returned no pixels", "The file is damaged."};

    DecodedImage out;
    // Colour: an ICC profile wins; otherwise the nclx code points (default sRGB).
    Result<InputTransform> transform = InputTransform::srgb();
    const auto profileType = heif_image_handle_get_color_profile_type(handle.get());
    if (profileType == heif_color_profile_type_prof || profileType == heif_color_profile_type_rICC) {
        out.icc.resize(heif_image_handle_get_raw_color_profile_size(handle.get()));
        if (!out.icc.empty() &&
            heif_image_handle_get_raw_color_profile(handle.get(), out.icc.data()).code == heif_error_Ok)
            transform = InputTransform::fromIcc(out.icc);
        if (!transform) transform = InputTransform::srgb();
    } else {
        heif_color_profile_nclx* nclx = nullptr;
        if (heif_image_handle_get_nclx_color_profile(handle.get(), &nclx).code != heif_error_Ok)
            heif_image_get_nclx_color_profile(image.get(), &nclx);
        std::unique_ptr<heif_color_profile_nclx, NclxFree> owned(nclx);
        transform = nclxTransform(nclx);
    }

    out.pixels = Image(outWidth, outHeight);
    if (deep) {
        // libheif gives the native bit depth in 16-bit words; widen to the full 16-bit range.
        std::vector<std::uint16_t> samples(std::size_t(outWidth) * outHeight * 3);
        const int shift = 16 - std::min(bits, 16);
        for (int y = 0; y < outHeight; ++y) {
            const auto* row = reinterpret_cast<const std::uint16_t*>(plane + std::size_t(y) * stride);
            std::uint16_t* dst = samples.data() + std::size_t(y) * outWidth * 3;
            for (int i = 0; i < outWidth * 3; ++i) {
                const std::uint32_t v = row[i];
                dst[i] = std::uint16_t(std::min<std::uint32_t>(65535, (v << shift) | (v >> (bits - shift))));
            }
        }
        transform->apply(samples.data(), 3, std::size_t(outWidth) * 3, out.pixels);
    } else {
        transform->apply(plane, 3, std::size_t(stride), out.pixels);
    }
    out.storedWidth = width;
    out.storedHeight = height;
    out.bitsPerSample = bits;
    out.colorProfile = transform->description();
    out.orientationApplied = true; // libheif applies the irot/imir transforms of the container

    // EXIF blocks start with a 4-byte offset to the TIFF header.
    std::vector<std::uint8_t> exif = metadataBlock(handle.get(), "Exif");
    if (exif.size() > 4) {
        const std::uint32_t skip = std::uint32_t(exif[0]) << 24 | exif[1] << 16 | exif[2] << 8 | exif[3];
        exif.erase(exif.begin(), exif.begin() + std::min<std::size_t>(exif.size(), 4 + skip));
    }
    const std::vector<std::uint8_t> xmp = metadataBlock(handle.get(), "mime");
    auto metadata = metadataFromBlocks(exif, std::string(xmp.begin(), xmp.end()), out.icc);
    if (metadata) out.metadata = *metadata;
    return out;
}

} // namespace pictor
