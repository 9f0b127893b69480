#pragma once
// Synthetic photos for benchmarks and tests: generated, so nothing needs downloading and every
// figure is reproducible. Not part of the editor itself.
#include <cstdint>
#include <vector>

namespace pictor::synthetic {

// An 8-bit sRGB scene with smooth gradients, edges, fine texture and seeded noise, so that JPEG
// sizes and codec times resemble a real photo's.
std::vector<std::uint8_t> makeSceneRgb8(int width, int height, std::uint32_t seed = 1);

// A JPEG of that scene carrying what a camera writes: EXIF (camera, lens, exposure, GPS, a
// thumbnail), IPTC keywords, XMP and an sRGB ICC profile. Empty on failure.
std::vector<std::uint8_t> makeCameraJpeg(int width, int height, int quality = 92,
                                         std::uint32_t seed = 1);

// A 14-bit RGGB DNG of the same scene, as a camera would record it (linear sensor values, a
// camera matrix equal to sRGB's, daylight white balance). Empty on failure.
std::vector<std::uint8_t> makeCameraDng(int width, int height, std::uint32_t seed = 1);

} // namespace pictor::synthetic
