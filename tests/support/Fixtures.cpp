#include "Fixtures.h"

#include <exiv2/exiv2.hpp>
#include <turbojpeg.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace pictor::test {

std::filesystem::path sharedData() {
    const char* env = std::getenv("PICTOR_SHARED_DATA");
    if (!env || !*env) return {};
    std::error_code ec;
    std::filesystem::path path = std::filesystem::weakly_canonical(env, ec);
    if (ec || !std::filesystem::is_directory(path)) return {};
    return path;
}

std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::uint8_t> makePatternRgb8(int width, int height) {
    std::vector<std::uint8_t> rgb(std::size_t(width) * height * 3);
    static const std::uint8_t patches[6][3] = {{220, 30, 30}, {30, 200, 40}, {30, 40, 210},
                                               {230, 210, 40}, {200, 40, 200}, {40, 200, 210}};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = &rgb[(std::size_t(y) * width + x) * 3];
            if (y < height / 2) { // horizontal grey ramp over a vertical colour ramp
                p[0] = std::uint8_t(255.0 * x / std::max(1, width - 1));
                p[1] = std::uint8_t(255.0 * y / std::max(1, height / 2 - 1));
                p[2] = std::uint8_t(255 - p[0] / 2);
            } else {
                const int patch = std::min(5, x * 6 / std::max(1, width));
                p[0] = patches[patch][0];
                p[1] = patches[patch][1];
                p[2] = patches[patch][2];
            }
        }
    }
    return rgb;
}

std::vector<std::uint8_t> encodeJpeg(const std::vector<std::uint8_t>& rgb, int width, int height,
                                     int quality) {
    tjhandle handle = tjInitCompress();
    unsigned char* out = nullptr;
    unsigned long size = 0;
    const int rc = tjCompress2(handle, rgb.data(), width, 0, height, TJPF_RGB, &out, &size,
                               TJSAMP_444, quality, TJFLAG_ACCURATEDCT);
    std::vector<std::uint8_t> bytes;
    if (rc == 0) bytes.assign(out, out + size);
    tjFree(out);
    tjDestroy(handle);
    if (rc != 0) throw std::runtime_error("TurboJPEG could not encode the fixture");
    return bytes;
}

std::vector<std::uint8_t> withOrientationAndIcc(const std::vector<std::uint8_t>& file,
                                                int orientation,
                                                const std::vector<std::uint8_t>& icc) {
    auto image = Exiv2::ImageFactory::open(file.data(), long(file.size()));
    image->readMetadata();
    if (orientation != 0) {
        Exiv2::ExifData exif = image->exifData();
        exif["Exif.Image.Orientation"] = std::uint16_t(orientation);
        image->setExifData(exif);
    }
    if (!icc.empty()) {
        Exiv2::DataBuf profile(icc.data(), long(icc.size()));
        image->setIccProfile(profile);
    }
    image->writeMetadata();
    Exiv2::BasicIo& io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    std::vector<std::uint8_t> out(std::size_t(io.size()));
    io.read(out.data(), long(out.size()));
    return out;
}

std::string cliPath() {
    const char* env = std::getenv("PICTOR_CLI");
    return env ? env : "pictor-cli";
}

} // namespace pictor::test
