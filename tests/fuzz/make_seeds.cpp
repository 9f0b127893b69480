// Writes the seed corpus for fuzz_load_photo: one small, valid file of every format Pictor
// reads, made here (so the corpus needs no downloads). Shared malformed files are added by
// tests/fuzz/run-fuzzers.sh when ../shared/data is present.
#include "synthetic/DngWriter.h"
#include "synthetic/SyntheticPhotos.h"

#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {
void write(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                std::streamsize(bytes.size()));
}
} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds OUTPUT_FOLDER\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    write(dir / "camera.jpg", pictor::synthetic::makeCameraJpeg(48, 32, 80));
    write(dir / "camera.dng", pictor::synthetic::makeCameraDng(48, 32));
    const auto rgb = pictor::synthetic::makeSceneRgb8(48, 32);
    cv::Mat bgr(32, 48, CV_8UC3, const_cast<std::uint8_t*>(rgb.data()));
    for (const char* ext : {".png", ".tiff", ".webp"}) {
        std::vector<std::uint8_t> bytes;
        cv::imencode(ext, bgr, bytes);
        write(dir / (std::string("scene") + ext), bytes);
    }
    cv::Mat deep;
    bgr.convertTo(deep, CV_16UC3, 257.0);
    std::vector<std::uint8_t> bytes;
    cv::imencode(".png", deep, bytes);
    write(dir / "scene16.png", bytes);
    return 0;
}
