#pragma once
// Exporting edited photos: each photo is loaded at full resolution (or taken from the window when
// it is the open one), its recipe rendered and written with all metadata and the recipe
// embedded. An export never replaces an existing file, let alone an original: a taken name gets
// a number ("name-2.jpg").
#include "compute/ComputeDevice.h"
#include "image/ColorSpace.h"
#include "io/Metadata.h"
#include "recipe/Recipe.h"
#include "util/Result.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace pictor {
struct Photo;
}

namespace pictor::ui {

struct ExportSettings {
    QString extension = QStringLiteral("jpg"); // jpg, png, tif
    int quality = 92;                          // JPEG
    OutputColorSpace colorSpace = OutputColorSpace::SRgb;
    int depth = 0;    // 8 or 16; 0 = the format's best
    int longEdge = 0; // 0 = full size
    MetadataStrip strip = MetadataStrip::None;
    QString nameTemplate = QStringLiteral("{name}-edit"); // {name}, {n}, {date}
    QString destination;                                  // folder; empty = the photo's own folder
};

// "{name}-edit" for "/a/IMG_1.CR2", n = 3 → "IMG_1-edit.jpg". Characters that cannot be in a file
// name are replaced by '_'; an empty result falls back to the photo's name.
QString exportFileName(const QString& nameTemplate, const QString& sourcePath, int n,
                       const QString& extension);

// What to export: the photo's path, and optionally the photo and recipe already in memory
// (the open photo); otherwise the photo is loaded and its recipe read from the sidecar.
struct ExportItem {
    QString path;
    std::shared_ptr<const Photo> photo;
    std::optional<Recipe> recipe;
};

// Exports one photo, rendering on `device`; `progress` gets 0…1 and returns false to cancel.
// Returns the written path.
Result<QString> exportPhoto(const ExportItem& item, int n, const ExportSettings& settings,
                            const std::function<bool(double)>& progress = {},
                            DeviceKind device = DeviceKind::Cpu);

} // namespace pictor::ui
