// libFuzzer target: any bytes → loadPhotoFromMemory (format sniffing, every decoder, exiv2
// metadata, LibRaw, libheif). It must return a photo or an Error — never crash, hang or leak.
#include "io/Photo.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pictor::LoadOptions options;
    options.maxPixels = 4'000'000; // keeps each run fast; bigger inputs are refused as designed
    options.rawHalfSize = true;
    auto photo = pictor::loadPhotoFromMemory(data, size, "fuzz-input", options);
    if (photo.ok()) {
        // Touch the result so that a decoder reporting success with bad buffers is caught.
        volatile float sum = 0;
        const auto& image = photo->pixels;
        for (std::size_t i = 0; i < image.pixelCount() * 3; i += 4099) sum = sum + image.data()[i];
        (void)photo->metadata->summary();
    }
    return 0;
}
