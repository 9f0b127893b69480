#include "PhotoCache.h"

#include "image/Resize.h"
#include "io/Photo.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cstdio>

namespace pictor::trainapp {

std::vector<CachedPhoto> loadPhotoCache(const std::filesystem::path& folder, int shortSide,
                                        std::size_t limit) {
    std::filesystem::path dir = folder / "images";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) dir = folder;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string ext = entry.path().extension().string();
        std::string lower = ext;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (entry.is_regular_file() && (lower == ".jpg" || lower == ".jpeg" || lower == ".png" ||
                                        lower == ".tif" || lower == ".tiff" || lower == ".webp"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (limit > 0 && files.size() > limit) files.resize(limit);
    std::vector<CachedPhoto> photos;
    for (const auto& file : files) {
        auto photo = loadPhoto(file);
        if (!photo) {
            std::fprintf(stderr, "skipped %s: %s\n", file.filename().c_str(),
                         photo.error().message().c_str());
            continue;
        }
        const Image& full = photo->pixels;
        const int small = std::min(full.width(), full.height());
        Image reduced =
            small > shortSide
                ? resize(full,
                         std::max(1, int(std::lround(double(full.width()) * shortSide / small))),
                         std::max(1, int(std::lround(double(full.height()) * shortSide / small))))
                : resizeToLongEdge(full, std::max(full.width(), full.height()));
        at::Tensor t =
            at::from_blob(reduced.data(), {reduced.height(), reduced.width(), 3}, at::kFloat)
                .to(at::kHalf)
                .clone();
        photos.push_back({file.filename().string(), t});
    }
    return photos;
}

} // namespace pictor::trainapp
