#include "ConvertCommand.h"

#include "CliSupport.h"
#include "io/Export.h"

#include <chrono>
#include <iostream>

namespace pictor::cli {

Result<ExportOptions> exportOptionsFrom(const QCommandLineParser& parser) {
    ExportOptions options;
    if (parser.isSet("quality")) {
        bool ok = false;
        options.encode.quality = parser.value("quality").toInt(&ok);
        if (!ok || options.encode.quality < 1 || options.encode.quality > 100)
            return Error{"--quality must be a whole number from 1 to 100", "For example --quality 92."};
    }
    if (parser.isSet("colorspace")) {
        const auto space = parseColorSpace(parser.value("colorspace").toStdString());
        if (!space)
            return Error{"unknown colour space '" + parser.value("colorspace").toStdString() + "'",
                         "Use srgb, p3, adobergb or rec2020."};
        options.encode.colorSpace = *space;
    }
    if (parser.isSet("depth")) {
        const QString depth = parser.value("depth");
        if (depth != "8" && depth != "16") return Error{"--depth must be 8 or 16", ""};
        options.encode.depth = depth.toInt();
    }
    if (parser.isSet("long-edge")) {
        bool ok = false;
        options.longEdge = parser.value("long-edge").toInt(&ok);
        if (!ok || options.longEdge < 1 || options.longEdge > 1'000'000)
            return Error{"--long-edge must be a positive number of pixels", "For example --long-edge 2048."};
    }
    if (parser.isSet("strip")) {
        const QString strip = parser.value("strip");
        if (strip == "gps") options.strip = MetadataStrip::Gps;
        else if (strip == "all") options.strip = MetadataStrip::All;
        else return Error{"--strip must be gps or all", ""};
    }
    options.overwrite = parser.isSet("overwrite");
    return options;
}

Status checkOutputBeforeWork(const std::filesystem::path& output, const ExportOptions& options) {
    if (!outputFormatFor(output))
        return Error{"cannot write '" + output.string() + "': unknown output format",
                     "Name the output .jpg, .png or .tif."};
    std::error_code ec;
    if (!options.overwrite && std::filesystem::exists(output, ec))
        return Error{"not writing '" + output.string() + "': the file already exists",
                     "Choose another name, or pass --overwrite to replace it."};
    return Ok{};
}

void addExportOptions(QCommandLineParser& parser) {
    parser.addOption({{"o", "output"}, "Output file; its extension (.jpg, .png, .tif) picks the format.", "OUT"});
    parser.addOption({"quality", "JPEG quality 1–100 (default 92).", "N"});
    parser.addOption({"colorspace", "Output colour space: srgb (default), p3, adobergb, rec2020.", "SPACE"});
    parser.addOption({"depth", "Bits per sample: 8 or 16 (default: 8 for JPEG, 16 for PNG/TIFF).", "BITS"});
    parser.addOption({"long-edge", "Resize so that the longer side is PX pixels (never enlarges).", "PX"});
    parser.addOption({"strip", "Remove metadata: 'gps' (location only) or 'all'.", "WHAT"});
    parser.addOption({"overwrite", "Replace OUT if it exists (the source photo is never replaced)."});
}

std::variant<ExportCommand, int> parseExportCommand(QCommandLineParser& parser, const QStringList& args,
                                                   const std::string& command) {
    parser.addHelpOption();
    addExportOptions(parser);
    addLoadOptions(parser);
    parser.addPositionalArgument("in", "The source photo (never modified).");
    if (!parseOrReport(parser, args, command)) return int(UsageError);
    if (parser.positionalArguments().size() != 1 || !parser.isSet("output")) {
        printUsageError("give one input photo and -o OUT", command);
        return int(UsageError);
    }
    auto exportOptions = exportOptionsFrom(parser);
    auto loadOptions = loadOptionsFrom(parser);
    if (!exportOptions || !loadOptions) {
        printError(!exportOptions ? exportOptions.error() : loadOptions.error());
        return int(UsageError);
    }
    ExportCommand parsed{parser.positionalArguments().first().toStdString(),
                         parser.value("output").toStdString(), *exportOptions, *loadOptions};
    // Check the destination before the (slow) decode, so mistakes are reported at once.
    if (Status ready = checkOutputBeforeWork(parsed.output, parsed.exportOptions); !ready) {
        printError(ready.error());
        return int(outputFormatFor(parsed.output) ? Failure : UsageError);
    }
    return parsed;
}

int runConvert(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Convert a photo to JPEG, PNG or TIFF, colour-managed, keeping "
                                     "all its metadata (EXIF, GPS, maker notes, IPTC, XMP).");
    auto parsed = parseExportCommand(parser, args, "convert");
    if (const int* exitCode = std::get_if<int>(&parsed)) return *exitCode;
    auto& [input, output, exportOptions, loadOptions] = std::get<ExportCommand>(parsed);

    auto photo = loadPhoto(input, loadOptions);
    if (!photo) {
        printError(photo.error());
        return Failure;
    }
    auto report = exportImage(photo->pixels, photo->metadata.get(), input, output, exportOptions);
    if (!report) {
        printError(report.error());
        return Failure;
    }
    std::cout << "Wrote " << output.string() << " (" << report->width << " × " << report->height
              << ", " << colorSpaceName(exportOptions.encode.colorSpace) << ", "
              << humanBytes(report->bytes) << ")" << std::endl;
    return Success;
}

} // namespace pictor::cli
