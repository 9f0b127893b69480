#include "synthetic/DngWriter.h"

#include <tiffio.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace pictor::synthetic {

namespace {

constexpr std::uint16_t kPhotometricLinearRaw = 34892; // DNG; not in libtiff's tiff.h

// A growable in-memory file for TIFFClientOpen.
struct MemoryFile {
    std::vector<std::uint8_t> bytes;
    std::size_t position = 0;
};

tmsize_t memRead(thandle_t h, void* buffer, tmsize_t size) {
    auto* f = static_cast<MemoryFile*>(h);
    const std::size_t available = f->position < f->bytes.size() ? f->bytes.size() - f->position : 0;
    const std::size_t n = std::min<std::size_t>(available, std::size_t(size));
    if (n) std::memcpy(buffer, f->bytes.data() + f->position, n);
    f->position += n;
    return tmsize_t(n);
}

tmsize_t memWrite(thandle_t h, void* buffer, tmsize_t size) {
    auto* f = static_cast<MemoryFile*>(h);
    if (f->position + std::size_t(size) > f->bytes.size())
        f->bytes.resize(f->position + std::size_t(size));
    std::memcpy(f->bytes.data() + f->position, buffer, std::size_t(size));
    f->position += std::size_t(size);
    return size;
}

toff_t memSeek(thandle_t h, toff_t offset, int whence) {
    auto* f = static_cast<MemoryFile*>(h);
    std::size_t base = whence == SEEK_CUR ? f->position : whence == SEEK_END ? f->bytes.size() : 0;
    f->position = std::size_t(base + offset);
    return toff_t(f->position);
}

int memClose(thandle_t) {
    return 0;
}
toff_t memSize(thandle_t h) {
    return toff_t(static_cast<MemoryFile*>(h)->bytes.size());
}
int memMap(thandle_t, void**, toff_t*) {
    return 0;
}
void memUnmap(thandle_t, void*, toff_t) {}

struct TiffCloser {
    void operator()(TIFF* tif) const {
        if (tif) TIFFClose(tif);
    }
};
using TiffPtr = std::unique_ptr<TIFF, TiffCloser>;

TiffPtr openForWriting(MemoryFile& file) {
    TiffPtr tif(TIFFClientOpen("memory.dng", "w", &file, memRead, memWrite, memSeek, memClose,
                               memSize, memMap, memUnmap));
    if (!tif) throw std::runtime_error("libtiff: cannot open an in-memory TIFF for writing");
    return tif;
}

void check(int ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("libtiff: cannot ") + what);
}

} // namespace

DngFile writeDng(const DngSpec& spec) {
    const int samples = spec.linearRaw ? 3 : 1;
    if (spec.width <= 0 || spec.height <= 0 ||
        spec.cfa.size() != std::size_t(spec.width) * std::size_t(spec.height) * samples)
        throw std::runtime_error("writeDng: sample count does not match width × height");

    MemoryFile file;
    TiffPtr tif = openForWriting(file);
    TIFF* t = tif.get();

    check(TIFFSetField(t, TIFFTAG_SUBFILETYPE, 0), "set SubfileType");
    check(TIFFSetField(t, TIFFTAG_IMAGEWIDTH, std::uint32_t(spec.width)), "set ImageWidth");
    check(TIFFSetField(t, TIFFTAG_IMAGELENGTH, std::uint32_t(spec.height)), "set ImageLength");
    check(TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 16), "set BitsPerSample");
    check(TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, samples), "set SamplesPerPixel");
    check(TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_NONE), "set Compression");
    check(TIFFSetField(t, TIFFTAG_PHOTOMETRIC,
                       spec.linearRaw ? kPhotometricLinearRaw : PHOTOMETRIC_CFA),
          "set Photometric");
    check(TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG), "set PlanarConfig");
    check(TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, std::uint32_t(spec.height)), "set RowsPerStrip");
    check(TIFFSetField(t, TIFFTAG_ORIENTATION, std::uint16_t(spec.orientation)), "set Orientation");
    check(TIFFSetField(t, TIFFTAG_MAKE, spec.make.c_str()), "set Make");
    check(TIFFSetField(t, TIFFTAG_MODEL, spec.model.c_str()), "set Model");
    check(TIFFSetField(t, TIFFTAG_SOFTWARE, "Pictor tests"), "set Software");

    const std::uint8_t version[4] = {1, 4, 0, 0};
    const std::uint8_t backward[4] = {1, 1, 0, 0};
    check(TIFFSetField(t, TIFFTAG_DNGVERSION, version), "set DNGVersion");
    check(TIFFSetField(t, TIFFTAG_DNGBACKWARDVERSION, backward), "set DNGBackwardVersion");
    check(TIFFSetField(t, TIFFTAG_UNIQUECAMERAMODEL, spec.uniqueCameraModel.c_str()),
          "set UniqueCameraModel");
    if (!spec.linearRaw) {
        const std::uint16_t repeat[2] = {2, 2};
        check(TIFFSetField(t, TIFFTAG_CFAREPEATPATTERNDIM, repeat), "set CFARepeatPatternDim");
        check(TIFFSetField(t, TIFFTAG_CFAPATTERN, 4, spec.cfaPattern.data()), "set CFAPattern");
    }
    check(TIFFSetField(t, TIFFTAG_COLORMATRIX1, 9, spec.colorMatrix1.data()), "set ColorMatrix1");
    check(
        TIFFSetField(t, TIFFTAG_CALIBRATIONILLUMINANT1, std::uint16_t(spec.calibrationIlluminant1)),
        "set CalibrationIlluminant1");
    check(TIFFSetField(t, TIFFTAG_ASSHOTNEUTRAL, 3, spec.asShotNeutral.data()),
          "set AsShotNeutral");
    const float black = spec.blackLevel;
    check(TIFFSetField(t, TIFFTAG_BLACKLEVEL, 1, &black), "set BlackLevel");
    const std::uint32_t white = spec.whiteLevel;
    check(TIFFSetField(t, TIFFTAG_WHITELEVEL, 1, &white), "set WhiteLevel");

    if (spec.directoryFirst) {
        // Write the directory now, with room for the strip offset/size filled in afterwards.
        // (The sequence GDAL uses for cloud-optimised GeoTIFFs.)
        check(TIFFDeferStrileArrayWriting(t), "defer the strip arrays");
        check(TIFFWriteCheck(t, 0, "writeDng"), "prepare the strips");
        check(TIFFWriteDirectory(t), "write the directory first");
        check(TIFFSetDirectory(t, 0), "reopen the directory");
    }
    std::vector<std::uint16_t> pixels = spec.cfa;
    check(TIFFWriteEncodedStrip(t, 0, pixels.data(), tmsize_t(pixels.size() * 2)) >= 0,
          "write the pixel data");
    if (spec.directoryFirst) check(TIFFForceStrileArrayWriting(t), "write the strip arrays");

    DngFile result;
    result.dataOffset = std::size_t(TIFFGetStrileOffset(t, 0));
    result.dataSize = std::size_t(TIFFGetStrileByteCount(t, 0));
    tif.reset(); // TIFFClose flushes everything
    result.bytes = std::move(file.bytes);
    if (result.dataSize != pixels.size() * 2 ||
        result.dataOffset + result.dataSize > result.bytes.size())
        throw std::runtime_error("writeDng: unexpected strip layout");
    return result;
}

std::vector<std::uint8_t> writePlainTiff(const std::vector<std::uint8_t>& rgb, int width,
                                         int height) {
    MemoryFile file;
    {
        TiffPtr tif = openForWriting(file);
        TIFF* t = tif.get();
        check(TIFFSetField(t, TIFFTAG_IMAGEWIDTH, std::uint32_t(width)), "set ImageWidth");
        check(TIFFSetField(t, TIFFTAG_IMAGELENGTH, std::uint32_t(height)), "set ImageLength");
        check(TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8), "set BitsPerSample");
        check(TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 3), "set SamplesPerPixel");
        check(TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB), "set Photometric");
        check(TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG), "set PlanarConfig");
        check(TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, std::uint32_t(height)), "set RowsPerStrip");
        check(TIFFSetField(t, TIFFTAG_MAKE, "Canon"), "set Make");
        check(TIFFSetField(t, TIFFTAG_MODEL, "Canon EOS 550D"), "set Model");
        std::vector<std::uint8_t> copy = rgb;
        check(TIFFWriteEncodedStrip(t, 0, copy.data(), tmsize_t(copy.size())) >= 0,
              "write the pixel data");
    }
    return std::move(file.bytes);
}

std::vector<std::uint8_t> writeGreyTiff16(const std::vector<std::uint16_t>& grey, int width,
                                          int height, const std::string& make,
                                          const std::string& model) {
    MemoryFile file;
    {
        TiffPtr tif = openForWriting(file);
        TIFF* t = tif.get();
        check(TIFFSetField(t, TIFFTAG_IMAGEWIDTH, std::uint32_t(width)), "set ImageWidth");
        check(TIFFSetField(t, TIFFTAG_IMAGELENGTH, std::uint32_t(height)), "set ImageLength");
        check(TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 16), "set BitsPerSample");
        check(TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 1), "set SamplesPerPixel");
        check(TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK), "set Photometric");
        check(TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, std::uint32_t(height)), "set RowsPerStrip");
        check(TIFFSetField(t, TIFFTAG_MAKE, make.c_str()), "set Make");
        check(TIFFSetField(t, TIFFTAG_MODEL, model.c_str()), "set Model");
        std::vector<std::uint16_t> copy = grey;
        check(TIFFWriteEncodedStrip(t, 0, copy.data(), tmsize_t(copy.size() * 2)) >= 0,
              "write the pixel data");
    }
    return std::move(file.bytes);
}

} // namespace pictor::synthetic
