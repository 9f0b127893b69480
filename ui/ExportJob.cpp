#include "ExportJob.h"

#include "PhotoLoad.h"
#include "image/Resize.h"
#include "io/Export.h"
#include "io/Photo.h"
#include "pipeline/Render.h"
#include "recipe/Sidecar.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <filesystem>

namespace pictor::ui {

QString exportFileName(const QString& nameTemplate, const QString& sourcePath, int n,
                       const QString& extension) {
    const QString base = QFileInfo(sourcePath).completeBaseName();
    QString name = nameTemplate;
    name.replace(QStringLiteral("{name}"), base);
    name.replace(QStringLiteral("{n}"), QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0')));
    name.replace(QStringLiteral("{date}"), QDate::currentDate().toString(Qt::ISODate));
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]"));
    name.replace(unsafe, QStringLiteral("_"));
    name = name.trimmed();
    if (name.isEmpty() || name == "." || name == "..") name = base;
    return name + '.' + extension;
}

namespace {
// "x.jpg" → "x-2.jpg", "x-3.jpg" … until the name is free.
std::filesystem::path freeName(const std::filesystem::path& wanted) {
    if (!std::filesystem::exists(wanted)) return wanted;
    for (int i = 2; i < 10000; ++i) {
        auto candidate = wanted.parent_path() / (wanted.stem().string() + "-" + std::to_string(i) +
                                                 wanted.extension().string());
        if (!std::filesystem::exists(candidate)) return candidate;
    }
    return wanted; // exportImage then refuses: nothing is overwritten
}
} // namespace

Result<QString> exportPhoto(const ExportItem& item, int n, const ExportSettings& settings,
                            const std::function<bool(double)>& progress, DeviceKind device) {
    const auto report = [&](double f) { return !progress || progress(f); };
    std::shared_ptr<const Photo> photo = item.photo;
    if (!photo) {
        LoadOptions options;
        options.maxPixels = defaultMaxPixels();
        auto loaded = loadPhoto(item.path.toStdString(), options);
        if (!loaded) return loaded.error();
        photo = std::make_shared<Photo>(std::move(loaded).value());
    }
    if (!report(0.2)) return Error{"Export cancelled", ""};
    Recipe recipe;
    if (item.recipe)
        recipe = *item.recipe;
    else {
        auto saved = readSidecar(item.path.toStdString());
        if (!saved) return saved.error();
        recipe = saved->recipe;
    }
    const SourceWhite white = sourceWhiteOf(*photo);
    // Rendering at the output size is faster and the ops are scale-aware (pixelScale).
    const Image& full = photo->pixels;
    const bool reduce =
        settings.longEdge > 0 && std::max(full.width(), full.height()) > settings.longEdge;
    Image reduced;
    if (reduce) reduced = resizeToLongEdge(full, settings.longEdge);
    const Image& input = reduce ? reduced : full;
    Image rendered;
    const bool neutral = recipe.isNeutral(white);
    if (!neutral) {
        RenderSettings rs;
        rs.sourceWhite = white;
        rs.device = device;
        rs.pixelScale = double(input.width()) / full.width();
        rs.progress = [&](double f) { return report(0.2 + 0.6 * f); };
        auto result = renderRecipe(input, recipe, rs);
        if (!result) return result.error();
        rendered = std::move(result).value();
    }
    if (!report(0.8)) return Error{"Export cancelled", ""};

    const QString folder =
        settings.destination.isEmpty() ? QFileInfo(item.path).absolutePath() : settings.destination;
    const std::filesystem::path wanted =
        (QDir(folder).filePath(
             exportFileName(settings.nameTemplate, item.path, n, settings.extension)))
            .toStdString();
    const std::filesystem::path target = freeName(wanted);
    ExportOptions options;
    auto format = outputFormatFor(target);
    if (!format)
        return Error{"Unsupported export format '" + settings.extension.toStdString() + "'",
                     "Choose JPEG, PNG or TIFF."};
    options.encode.format = *format;
    options.encode.colorSpace = settings.colorSpace;
    options.encode.quality = settings.quality;
    options.encode.depth = settings.depth;
    options.strip = settings.strip;
    options.overwrite = false;
    if (!recipe.isNeutral(white)) {
        auto packet = recipeXmpPacket(recipe);
        if (!packet) return packet.error();
        options.extraXmpPacket = *packet;
    }
    auto written = exportImage(neutral ? input : rendered, photo->metadata.get(),
                               item.path.toStdString(), target, options);
    if (!written) return written.error();
    report(1.0);
    return QString::fromStdString(target.string());
}

} // namespace pictor::ui
