#pragma once
// Writes small DNG files with libtiff for the RAW decoder tests: a CFA image with known values,
// the colour tags that make its expected output computable, and layouts that allow truncating or
// zeroing the pixel data while the directory stays intact.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pictor::synthetic {

struct DngSpec {
    int width = 0;
    int height = 0;
    // width × height raw samples, row-major, in the CFA layout; or, when linearRaw, width ×
    // height × 3 interleaved RGB samples (PhotometricInterpretation LinearRaw, no CFA).
    std::vector<std::uint16_t> cfa;
    bool linearRaw = false;
    std::array<std::uint8_t, 4> cfaPattern{0, 1, 1, 2}; // 2×2 repeat; 0 = R, 1 = G, 2 = B (RGGB)
    std::array<float, 9> colorMatrix1{};                // XYZ → camera, row-major
    int calibrationIlluminant1 = 21;                    // EXIF LightSource: 21 = D65
    std::array<float, 3> asShotNeutral{1, 1, 1};        // camera response to the as-shot white
    float blackLevel = 0;
    std::uint32_t whiteLevel = 65535;
    std::string make = "Pictor";
    std::string model = "Test Camera";
    std::string uniqueCameraModel = "Pictor Test Camera";
    int orientation = 1; // TIFF Orientation
    // Directory (IFD) before the pixel data, so that cutting the file's tail removes pixels,
    // not the directory (libtiff's default puts the directory last).
    bool directoryFirst = false;
};

struct DngFile {
    std::vector<std::uint8_t> bytes;
    std::size_t dataOffset = 0; // where the (single) strip of pixel data lies in `bytes`
    std::size_t dataSize = 0;
};

// Throws std::runtime_error when libtiff fails.
DngFile writeDng(const DngSpec& spec);

// An ordinary 8-bit RGB TIFF (with Make/Model tags, as cameras write them): not a camera RAW.
std::vector<std::uint8_t> writePlainTiff(const std::vector<std::uint8_t>& rgb, int width,
                                         int height);

// An ordinary 16-bit single-channel TIFF with a Make tag, like a thermal camera's: LibRaw opens
// these as if they were Bayer RAWs.
std::vector<std::uint8_t> writeGreyTiff16(const std::vector<std::uint16_t>& grey, int width,
                                          int height, const std::string& make,
                                          const std::string& model);

} // namespace pictor::synthetic
