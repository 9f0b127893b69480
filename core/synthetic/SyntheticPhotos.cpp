#include "synthetic/SyntheticPhotos.h"

#include "image/ColorSpace.h"
#include "io/JpegCodec.h"
#include "synthetic/DngWriter.h"

#include <exiv2/exiv2.hpp>

#include <cmath>

namespace pictor::synthetic {

std::vector<std::uint8_t> makeSceneRgb8(int width, int height, std::uint32_t seed) {
    std::vector<std::uint8_t> rgb(std::size_t(width) * height * 3);
#pragma omp parallel for schedule(static)
    for (int y = 0; y < height; ++y) {
        std::uint32_t state = seed * 2654435761u + std::uint32_t(y) * 40503u + 1u;
        for (int x = 0; x < width; ++x) {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5; // xorshift32
            const float noise = float(state & 0xFF) / 255.0f - 0.5f;
            const float u = float(x) / width, v = float(y) / height;
            const float sky = v < 0.45f ? 1.0f : 0.0f;
            const float texture = 0.08f * std::sin(x * 0.21f) * std::sin(y * 0.17f) +
                                  0.05f * std::sin((x + 2 * y) * 0.013f);
            float r = sky ? 0.45f + 0.3f * v : 0.35f + 0.3f * u + texture;
            float g = sky ? 0.6f + 0.25f * v : 0.45f + 0.2f * std::sin(u * 9.0f) + texture;
            float b = sky ? 0.85f - 0.1f * u : 0.25f + 0.15f * v + texture;
            if (!sky && std::fmod(u * 7.0f, 1.0f) < 0.04f) r = g = b = 0.1f; // hard edges
            std::uint8_t* p = &rgb[(std::size_t(y) * width + x) * 3];
            p[0] = std::uint8_t(std::clamp(r + 0.04f * noise, 0.0f, 1.0f) * 255.0f + 0.5f);
            p[1] = std::uint8_t(std::clamp(g + 0.04f * noise, 0.0f, 1.0f) * 255.0f + 0.5f);
            p[2] = std::uint8_t(std::clamp(b + 0.04f * noise, 0.0f, 1.0f) * 255.0f + 0.5f);
        }
    }
    return rgb;
}

namespace {
// 8-bit sRGB → JPEG through the codec itself (sRGB in, sRGB out: the codes survive exactly).
Result<std::vector<std::uint8_t>> encodeSrgb8(const std::vector<std::uint8_t>& rgb, int width,
                                              int height, int quality) {
    Image image(width, height);
    InputTransform::srgb().apply(rgb.data(), 3, std::size_t(width) * 3, image);
    return encodeJpeg(image, OutputTransform(OutputColorSpace::SRgb), quality);
}
} // namespace

std::vector<std::uint8_t> makeCameraJpeg(int width, int height, int quality, std::uint32_t seed) {
    const auto rgb = makeSceneRgb8(width, height, seed);
    auto jpeg = encodeSrgb8(rgb, width, height, quality);
    if (!jpeg) return {};
    try {
        auto image = Exiv2::ImageFactory::open(jpeg->data(), long(jpeg->size()));
        image->readMetadata();
        Exiv2::ExifData exif;
        exif["Exif.Image.Make"] = "Pictor";
        exif["Exif.Image.Model"] = "Synthetic Camera";
        exif["Exif.Image.Orientation"] = std::uint16_t(1);
        exif["Exif.Photo.DateTimeOriginal"] = "2026:06:21 12:00:00";
        exif["Exif.Photo.ExposureTime"] = Exiv2::URational(1, 250);
        exif["Exif.Photo.FNumber"] = Exiv2::URational(56, 10);
        exif["Exif.Photo.ISOSpeedRatings"] = std::uint16_t(200);
        exif["Exif.Photo.FocalLength"] = Exiv2::URational(35, 1);
        exif["Exif.Photo.LensModel"] = "Synthetic 35mm F1.8";
        exif["Exif.Photo.PixelXDimension"] = std::uint32_t(width);
        exif["Exif.Photo.PixelYDimension"] = std::uint32_t(height);
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
        exif["Exif.GPSInfo.GPSLatitude"] = "48/1 8/1 3000/100";
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
        exif["Exif.GPSInfo.GPSLongitude"] = "11/1 34/1 1200/100";
        const auto thumbRgb = makeSceneRgb8(160, 120, seed);
        if (auto thumb = encodeSrgb8(thumbRgb, 160, 120, 80))
            Exiv2::ExifThumb(exif).setJpegThumbnail(thumb->data(), long(thumb->size()));
        Exiv2::IptcData iptc;
        iptc["Iptc.Application2.Keywords"] = "benchmark";
        iptc["Iptc.Application2.City"] = "Munich";
        Exiv2::XmpData xmp;
        xmp["Xmp.dc.subject"] = "benchmark";
        xmp["Xmp.xmp.Rating"] = "4";
        image->setExifData(exif);
        image->setIptcData(iptc);
        image->setXmpData(xmp);
        const auto& icc = iccProfile(OutputColorSpace::SRgb);
        Exiv2::DataBuf profile(icc.data(), long(icc.size()));
        image->setIccProfile(profile);
        image->writeMetadata();
        Exiv2::BasicIo& io = image->io();
        io.seek(0, Exiv2::BasicIo::beg);
        std::vector<std::uint8_t> out(io.size());
        io.read(out.data(), long(out.size()));
        return out;
    } catch (const std::exception&) {
        return {};
    }
}

std::vector<std::uint8_t> makeCameraDng(int width, int height, std::uint32_t seed) {
    const auto rgb = makeSceneRgb8(width, height, seed);
    DngSpec spec;
    spec.width = width;
    spec.height = height;
    spec.whiteLevel = 16383;
    spec.blackLevel = 0;
    // XYZ → camera = XYZ → linear sRGB: the camera "sees" sRGB primaries.
    spec.colorMatrix1 = {3.2404542f, -1.5371385f, -0.4985314f, -0.9692660f, 1.8760108f,
                         0.0415560f, 0.0556434f,  -0.2040259f, 1.0572252f};
    spec.cfa.resize(std::size_t(width) * height);
    float linear[256];
    for (int i = 0; i < 256; ++i) {
        const double v = i / 255.0;
        linear[i] = float(v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4));
    }
#pragma omp parallel for schedule(static)
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int channel = spec.cfaPattern[(y % 2) * 2 + (x % 2)]; // RGGB
            const float value = linear[rgb[(std::size_t(y) * width + x) * 3 + channel]];
            spec.cfa[std::size_t(y) * width + x] = std::uint16_t(value * 0.8f * spec.whiteLevel + 0.5f);
        }
    try {
        return writeDng(spec).bytes;
    } catch (const std::exception&) {
        return {};
    }
}

} // namespace pictor::synthetic
