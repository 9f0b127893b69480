#pragma once
// Small fixtures the tests generate themselves, and access to ../shared/data when present.
#include "image/Image.h"

#include <QTest>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pictor::test {

// ../shared/data (from PICTOR_SHARED_DATA), or an empty path when it is not there.
std::filesystem::path sharedData();

std::vector<std::uint8_t> readBytes(const std::filesystem::path& path);
void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

// An 8-bit sRGB-encoded RGB test pattern: smooth gradients plus saturated patches, so that colour
// and geometry errors both show.
std::vector<std::uint8_t> makePatternRgb8(int width, int height);

// Encodes 8-bit RGB as a baseline JPEG with TurboJPEG (4:4:4), no metadata.
std::vector<std::uint8_t> encodeJpeg(const std::vector<std::uint8_t>& rgb, int width, int height,
                                     int quality = 95);

// Returns `file` (JPEG/PNG/TIFF bytes) with EXIF orientation and/or an ICC profile set by exiv2
// (orientation 0 = leave unset).
std::vector<std::uint8_t> withOrientationAndIcc(const std::vector<std::uint8_t>& file,
                                                int orientation,
                                                const std::vector<std::uint8_t>& icc = {});

// Path of the built pictor-cli (PICTOR_CLI), for tests that drive the command line.
std::string cliPath();

} // namespace pictor::test

// Skips the current test function, with the reason, when ../shared/data/<sub> is absent.
#define PICTOR_REQUIRE_SHARED(sub)                                                                 \
    do {                                                                                           \
        if (pictor::test::sharedData().empty() ||                                                  \
            !std::filesystem::exists(pictor::test::sharedData() / (sub)))                          \
            QSKIP("../shared/data/" sub " is absent: this corpus test needs the shared data");    \
    } while (0)
