#include "InfoCommand.h"

#include "CliSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace pictor::cli {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QJsonObject toJson(const Photo& photo) {
    const SourceInfo& src = photo.source;
    const MetadataSummary m = photo.metadata->summary();
    QJsonObject o;
    o["file"] = q(src.path.string());
    o["format"] = q(formatName(src.format));
    o["fileSize"] = double(src.fileSize);
    o["width"] = photo.pixels.width();
    o["height"] = photo.pixels.height();
    o["storedWidth"] = src.storedWidth;
    o["storedHeight"] = src.storedHeight;
    o["bitsPerSample"] = src.bitsPerSample;
    o["floatingPoint"] = src.floatingPoint;
    o["colorProfile"] = q(src.colorProfile);
    o["orientation"] = m.orientation;
    auto setText = [&o](const char* key, const std::string& v) { if (!v.empty()) o[key] = q(v); };
    setText("cameraMake", m.cameraMake);
    setText("cameraModel", m.cameraModel);
    setText("lens", m.lens);
    setText("exposureTime", m.exposureTime);
    if (m.exposureSeconds) o["exposureSeconds"] = *m.exposureSeconds;
    if (m.fNumber) o["fNumber"] = *m.fNumber;
    if (m.iso) o["iso"] = *m.iso;
    if (m.focalLengthMm) o["focalLengthMm"] = *m.focalLengthMm;
    setText("captureTime", m.captureTime);
    if (m.rating) o["rating"] = *m.rating;
    if (m.gps) {
        QJsonObject gps{{"latitude", m.gps->latitude}, {"longitude", m.gps->longitude}};
        if (m.gps->altitude) gps["altitude"] = *m.gps->altitude;
        o["gps"] = gps;
    }
    QJsonArray keywords;
    for (const auto& k : m.keywords) keywords.append(q(k));
    o["keywords"] = keywords;
    if (m.iccSize > 0) o["icc"] = QJsonObject{{"description", q(m.iccDescription)}, {"size", double(m.iccSize)}};
    o["metadataCounts"] = QJsonObject{{"exif", m.exifCount}, {"iptc", m.iptcCount}, {"xmp", m.xmpCount}};
    if (src.raw) {
        const RawInfo& r = *src.raw;
        o["raw"] = QJsonObject{{"asShotTemperatureK", r.asShotTemperatureK},
                               {"asShotTint", r.asShotTint},
                               {"asShotMultipliers", QJsonArray{r.asShotMultipliers[0], r.asShotMultipliers[1],
                                                                r.asShotMultipliers[2], r.asShotMultipliers[3]}},
                               {"rawWidth", r.rawWidth},
                               {"rawHeight", r.rawHeight}};
    }
    return o;
}

std::string fmt(const char* format, double v) {
    char text[64];
    std::snprintf(text, sizeof text, format, v);
    return text;
}

void printHuman(const Photo& photo) {
    const SourceInfo& src = photo.source;
    const MetadataSummary m = photo.metadata->summary();
    auto row = [](const std::string& label, const std::string& value) {
        if (!value.empty()) std::cout << label << std::string(14 - std::min<std::size_t>(13, label.size()), ' ') << value << '\n';
    };
    row("File", src.path.string());
    row("Format", formatName(src.format) + ", " + std::to_string(src.bitsPerSample) + "-bit" +
                      (src.floatingPoint ? " float" : "") + ", " + humanBytes(src.fileSize));
    row("Size", std::to_string(photo.pixels.width()) + " × " + std::to_string(photo.pixels.height()) +
                    " px (" + fmt("%.1f", photo.pixels.pixelCount() / 1e6) + " MP)" +
                    (m.orientation != 1 ? ", orientation " + std::to_string(m.orientation) + " applied" : ""));
    row("Colour", src.colorProfile);
    // Many cameras repeat the make in the model ("Canon" / "Canon EOS 550D").
    const bool modelHasMake = !m.cameraMake.empty() && m.cameraModel.rfind(m.cameraMake, 0) == 0;
    row("Camera", modelHasMake || m.cameraMake.empty() ? m.cameraModel
                  : m.cameraModel.empty()              ? m.cameraMake
                                                       : m.cameraMake + " " + m.cameraModel);
    row("Lens", m.lens);
    std::string exposure = m.exposureTime;
    if (m.fNumber) exposure += (exposure.empty() ? "" : "  ") + fmt("f/%.1f", *m.fNumber);
    if (m.iso) exposure += (exposure.empty() ? "" : "  ") + ("ISO " + std::to_string(*m.iso));
    if (m.focalLengthMm) exposure += (exposure.empty() ? "" : "  ") + fmt("%.0f mm", *m.focalLengthMm);
    row("Exposure", exposure);
    row("Captured", m.captureTime);
    if (m.gps)
        row("GPS", fmt("%.6f", m.gps->latitude) + ", " + fmt("%.6f", m.gps->longitude) +
                       (m.gps->altitude ? fmt(", %.1f m", *m.gps->altitude) : ""));
    if (m.rating) row("Rating", std::to_string(*m.rating));
    std::string keywords;
    for (const auto& k : m.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
    row("Keywords", keywords);
    if (src.raw)
        row("As shot WB", fmt("%.0f K", src.raw->asShotTemperatureK) + fmt(", tint %+.0f", src.raw->asShotTint));
    row("Metadata", std::to_string(m.exifCount) + " EXIF, " + std::to_string(m.iptcCount) + " IPTC, " +
                        std::to_string(m.xmpCount) + " XMP" +
                        (m.iccSize ? ", ICC " + humanBytes(m.iccSize) : ""));
}

} // namespace

int runInfo(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Show what a photo is: format, size, colour profile, camera, "
                                     "exposure, GPS and metadata counts.");
    parser.addHelpOption();
    parser.addOption({"json", "Print JSON instead of text."});
    parser.addOption({"half-size", "Decode RAW files at half size (faster)."});
    addLoadOptions(parser);
    parser.addPositionalArgument("file", "The photo.");
    if (!parseOrReport(parser, args, "info")) return UsageError;
    if (parser.positionalArguments().size() != 1) {
        printUsageError("give exactly one FILE", "info");
        return UsageError;
    }
    auto options = loadOptionsFrom(parser);
    if (!options) { printError(options.error()); return UsageError; }
    options->rawHalfSize = parser.isSet("half-size");

    auto photo = loadPhoto(parser.positionalArguments().first().toStdString(), *options);
    if (!photo) {
        printError(photo.error());
        return Failure;
    }
    if (parser.isSet("json")) std::cout << QJsonDocument(toJson(*photo)).toJson().toStdString();
    else printHuman(*photo);
    return Success;
}

} // namespace pictor::cli
