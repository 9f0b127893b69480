#include "io/DecodedImage.h"

#include <cstdlib>
#include <string>

namespace pictor {

std::uint64_t defaultMaxPixels() {
    if (const char* env = std::getenv("PICTOR_MAX_MEGAPIXELS")) {
        char* end = nullptr;
        const double megapixels = std::strtod(env, &end);
        if (end != env && megapixels > 0 && megapixels < 1e6)
            return std::uint64_t(megapixels * 1e6);
    }
    return LoadOptions{}.maxPixels;
}

Status checkPixelLimit(std::uint64_t width, std::uint64_t height, const LoadOptions& options) {
    if (width == 0 || height == 0)
        return Error{"The image declares zero width or height", "The file is damaged."};
    // Each dimension is bounded too, so that width × height cannot overflow on the way.
    if (width > 1'000'000 || height > 1'000'000 || width * height > options.maxPixels) {
        const auto mp = [](std::uint64_t p) { return std::to_string((p + 500'000) / 1'000'000); };
        return Error{"The image is " + std::to_string(width) + " × " + std::to_string(height) +
                         " pixels, over the limit of " + mp(options.maxPixels) + " megapixels",
                     "If the file is genuine, raise the limit with --max-megapixels or "
                     "PICTOR_MAX_MEGAPIXELS."};
    }
    return Ok{};
}

} // namespace pictor
