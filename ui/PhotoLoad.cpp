#include "PhotoLoad.h"

#include "DisplayImage.h"
#include "image/Resize.h"
#include "recipe/Sidecar.h"

#include <QCoreApplication>

#include <chrono>

namespace pictor::ui {

SourceWhite sourceWhiteOf(const Photo& photo) {
    if (photo.source.raw && photo.source.raw->asShotTemperatureK > 0)
        return {photo.source.raw->asShotTemperatureK, photo.source.raw->asShotTint};
    return {};
}

std::shared_ptr<LoadedPhoto> loadForEditing(const QString& path, int previewLongEdge,
                                            int draftLongEdge) {
    const auto start = std::chrono::steady_clock::now();
    auto result = std::make_shared<LoadedPhoto>();
    result->path = path;
    LoadOptions options;
    options.maxPixels = defaultMaxPixels();
    options.previewLongEdge = previewLongEdge;
    auto photo = loadPhoto(path.toStdString(), options);
    if (!photo) {
        result->error = QString::fromStdString(photo.error().message());
        return result;
    }
    auto shared = std::make_shared<Photo>(std::move(photo).value());
    const Image& decoded = shared->pixels;
    auto preview =
        std::make_shared<Image>(std::max(decoded.width(), decoded.height()) > previewLongEdge
                                    ? resizeToLongEdge(decoded, previewLongEdge)
                                    : decoded);
    result->fullWidth = decoded.width();
    result->fullHeight = decoded.height();
    if (shared->source.reduced) { // the stored size, turned upright as the pixels were
        const int orientation = shared->metadata ? shared->metadata->summary().orientation : 1;
        const bool turned = orientation >= 5 && orientation <= 8;
        result->fullWidth = turned ? shared->source.storedHeight : shared->source.storedWidth;
        result->fullHeight = turned ? shared->source.storedWidth : shared->source.storedHeight;
    }
    result->pixelScale = double(preview->width()) / result->fullWidth;
    result->white = sourceWhiteOf(*shared);
    result->before = toDisplayImage(*preview);
    result->beforeHistogram = computeHistogram(result->before);

    // "5312 × 2988 · JPEG · sRGB …"; RAW colour descriptions already name the format.
    const QString format = QString::fromStdString(formatName(shared->source.format));
    const QString colour = QString::fromStdString(shared->source.colorProfile);
    result->summary =
        QStringLiteral("%1 × %2 · %3")
            .arg(result->fullWidth)
            .arg(result->fullHeight)
            .arg(colour.startsWith(format) ? colour : format + QStringLiteral(" · ") + colour);

    auto saved = readSidecar(path.toStdString());
    if (saved) {
        result->recipe = saved->recipe;
        for (const auto& note : saved->notes)
            result->notes << QString::fromStdString(note);
    } else { // the photo still opens; the user is told why the edit did not come back
        result->notes << QCoreApplication::translate("pictor::ui::MainWindow",
                                                     "The saved edit could not be read: %1")
                             .arg(QString::fromStdString(saved.error().message()));
    }
    if (shared->source.reduced) {
        shared->pixels = Image(); // only the preview is kept until the full photo comes
        result->description = std::move(shared);
    } else {
        result->description = result->photo = std::move(shared);
    }
    if (draftLongEdge > 0 && std::max(preview->width(), preview->height()) > draftLongEdge)
        result->draft = std::make_shared<Image>(resizeToLongEdge(*preview, draftLongEdge));
    result->preview = std::move(preview);
    result->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

FullPhoto loadFullPhoto(const QString& path) {
    LoadOptions options;
    options.maxPixels = defaultMaxPixels();
    auto photo = loadPhoto(path.toStdString(), options);
    if (!photo) return {nullptr, QString::fromStdString(photo.error().message())};
    return {std::make_shared<Photo>(std::move(photo).value()), {}};
}

} // namespace pictor::ui
