#pragma once
// The training photos, decoded once and kept in memory reduced (short side ≤ 400 px, float16):
// decoding ~190 large JPEGs per epoch would cost more than the training itself.
#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>
#include <vector>

namespace pictor::trainapp {

struct CachedPhoto {
    std::string name;
    at::Tensor pixels; // [H, W, 3] float16, linear Rec.2020
};

// Every photo in `folder`/images (or `folder` itself) whose name sorts into the first `limit`
// (0 = all), in name order (reproducible). Files that fail to load are reported and skipped.
std::vector<CachedPhoto> loadPhotoCache(const std::filesystem::path& folder, int shortSide,
                                        std::size_t limit);

} // namespace pictor::trainapp
