#include "EnhanceCommand.h"

#include "CliSupport.h"
#include "ConvertCommand.h"
#include "CritiqueCommand.h"
#include "DeviceOption.h"
#include "EnhanceOne.h"
#include "io/Encoder.h"
#include "io/FileFormat.h"

#include <QDir>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <vector>

namespace pictor::cli {

namespace {

namespace fs = std::filesystem;

// Files in a folder worth trying: known photo extensions (so that a corrupt photo is reported,
// not skipped) or content that sniffs as a photo; hidden files and anything else (sidecars,
// notes) are left out. Sorted by name, not recursive.
std::vector<fs::path> photosIn(const fs::path& folder) {
    static const std::vector<std::string> extensions{
        ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif", ".avif", ".dng",
        ".cr2", ".cr3",  ".nef", ".arw", ".raf",  ".orf",  ".rw2",  ".pef",  ".srw",  ".kdc"};
    std::vector<fs::path> out;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file(ec) || entry.path().filename().string().starts_with("."))
            continue;
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        bool candidate = std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
        if (!candidate) {
            std::uint8_t head[64] = {};
            std::ifstream file(entry.path(), std::ios::binary);
            file.read(reinterpret_cast<char*>(head), sizeof head);
            candidate = sniffFormat(head, std::size_t(file.gcount())) != FileFormat::Unknown;
        }
        if (candidate) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Progress on stderr: a redrawn bar on a terminal, one plain line per photo otherwise (logs).
class Progress {
public:
    explicit Progress(int total)
        : m_total(total)
        , m_tty(isatty(fileno(stderr)) != 0) {}
    void start(int index, const std::string& name) {
        if (!m_tty) return;
        constexpr int kWidth = 30;
        const int filled = m_total ? kWidth * index / m_total : kWidth;
        std::cerr << "\r\033[K[" << std::string(std::size_t(filled), '#')
                  << std::string(std::size_t(kWidth - filled), '-') << "] " << index << "/"
                  << m_total << " " << name << std::flush;
    }
    void done(int index, const std::string& name, const std::string& outcome) {
        if (m_tty) std::cerr << "\r\033[K";
        std::cerr << "[" << index << "/" << m_total << "] " << name << ": " << outcome << std::endl;
    }

private:
    int m_total;
    bool m_tty;
};

std::string scoreText(const EnhanceReport& r) {
    char text[96];
    if (r.changed)
        std::snprintf(text, sizeof text, "score %.0f → %.0f, %d finding%s", r.score, r.scoreAfter,
                      r.findings, r.findings == 1 ? "" : "s");
    else
        std::snprintf(text, sizeof text, "score %.0f, nothing to change", r.score);
    return text;
}

int runBatch(const fs::path& folder, const fs::path& outFolder, const QString& format,
             EnhanceSettings settings, const std::optional<fs::path>& critiqueFolder) {
    std::error_code ec;
    fs::create_directories(outFolder, ec);
    if (ec || !fs::is_directory(outFolder, ec)) {
        printError({"cannot create the output folder '" + outFolder.string() + "'",
                    "Check the path and permissions."});
        return Failure;
    }
    if (critiqueFolder) fs::create_directories(*critiqueFolder, ec);
    const std::vector<fs::path> photos = photosIn(folder);
    if (photos.empty()) {
        printError({"no photos in '" + folder.string() + "'",
                    "Give a folder with JPEG, PNG, TIFF, HEIF or RAW files."});
        return Failure;
    }
    const auto start = std::chrono::steady_clock::now();
    Progress progress(int(photos.size()));
    std::vector<std::pair<std::string, std::string>> failed;
    double scoreSum = 0, scoreAfterSum = 0;
    int index = 0;
    for (const fs::path& input : photos) {
        const std::string name = input.filename().string();
        progress.start(index, name);
        ++index;
        const fs::path output = outFolder / (input.stem().string() + "." + format.toStdString());
        if (critiqueFolder)
            settings.critiqueOut = *critiqueFolder / (input.stem().string() + ".critique.json");
        Result<EnhanceReport> report = Error{};
        if (Status ready = checkOutputBeforeWork(output, settings.exportOptions); !ready)
            report = ready.error();
        else
            report = enhanceOne(input, output, settings);
        if (!report) {
            failed.emplace_back(name, report.error().message());
            progress.done(index, name, "FAILED: " + report.error().message());
            continue;
        }
        scoreSum += report->score;
        scoreAfterSum += report->scoreAfter;
        progress.done(index, name, scoreText(*report) + " → " + output.filename().string());
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int succeeded = int(photos.size() - failed.size());
    char summary[160];
    std::snprintf(summary, sizeof summary, "Enhanced %d of %zu photos in %.1f s", succeeded,
                  photos.size(), seconds);
    std::cout << summary;
    if (succeeded > 0)
        std::printf(" (mean score %.0f → %.0f)", scoreSum / succeeded, scoreAfterSum / succeeded);
    std::fflush(stdout);
    std::cout << "; output in " << outFolder.string() << std::endl;
    if (failed.empty()) return Success;
    std::cerr << "pictor-cli: error: " << failed.size() << " photo"
              << (failed.size() == 1 ? "" : "s") << " failed:\n";
    for (const auto& [name, why] : failed)
        std::cerr << "  " << name << ": " << why << '\n';
    std::cerr.flush();
    return Failure;
}

} // namespace

int runEnhance(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Auto-enhance: critique the photo, render the suggested edit at full "
        "resolution and export it with all metadata and the recipe embedded. "
        "Given a folder, enhances every photo in it into OUT (a folder).");
    parser.addHelpOption();
    parser.addOption({"critique-out",
                      "Also write the critique as JSON (a folder for a folder of photos).", "F"});
    parser.addOption({"format", "Output format for a folder of photos: jpg (default), png or tif.",
                      "EXT", "jpg"});
    addDeviceOption(parser);
    addCriticOptions(parser);
    addExportOptions(parser);
    addLoadOptions(parser);
    parser.addPositionalArgument("in",
                                 "The photo (or folder of photos) to enhance; never modified.");
    if (!parseOrReport(parser, args, "enhance")) return UsageError;
    if (parser.positionalArguments().size() != 1 || !parser.isSet("output")) {
        printUsageError("give one input photo or folder and -o OUT", "enhance");
        return UsageError;
    }
    EnhanceSettings settings;
    auto exportOptions = exportOptionsFrom(parser);
    auto loadOptions = loadOptionsFrom(parser);
    if (!exportOptions || !loadOptions) {
        printError(!exportOptions ? exportOptions.error() : loadOptions.error());
        return UsageError;
    }
    settings.exportOptions = *exportOptions;
    settings.loadOptions = *loadOptions;
    const QString format = parser.value("format").toLower();
    if (format != "jpg" && format != "png" && format != "tif") {
        printUsageError("--format must be jpg, png or tif", "enhance");
        return UsageError;
    }
    const fs::path input = parser.positionalArguments().first().toStdString();
    const fs::path output = parser.value("output").toStdString();
    std::optional<fs::path> critiqueOut;
    if (parser.isSet("critique-out"))
        critiqueOut = fs::path(parser.value("critique-out").toStdString());
    std::error_code ec;
    const bool batch = fs::is_directory(input, ec);
    if (!batch) {
        // Mistakes in the destination are reported before the (slow) decode and critique.
        if (Status ready = checkOutputBeforeWork(output, settings.exportOptions); !ready) {
            printError(ready.error());
            return outputFormatFor(output) ? Failure : UsageError;
        }
        if (critiqueOut && !settings.exportOptions.overwrite && fs::exists(*critiqueOut, ec)) {
            printError({"not writing '" + critiqueOut->string() + "': the file already exists",
                        "Choose another name, or pass --overwrite."});
            return Failure;
        }
    }
    auto device = deviceFromOptions(parser, "enhance");
    if (const int* exitCode = std::get_if<int>(&device)) return *exitCode;
    settings.device = std::get<ComputeDevice>(device).kind;
    auto model = criticModelFrom(parser);
    if (const int* exitCode = std::get_if<int>(&model)) return *exitCode;
    const auto& loadedModel = std::get<std::optional<nn::CriticModel>>(model);
    settings.model = loadedModel ? &*loadedModel : nullptr;

    if (batch) return runBatch(input, output, format, settings, critiqueOut);

    settings.critiqueOut = critiqueOut;
    auto report = enhanceOne(input, output, settings);
    if (!report) {
        printError(report.error());
        return Failure;
    }
    std::cout << "Wrote " << output.string() << " (" << report->exported.width << " × "
              << report->exported.height << ", " << humanBytes(report->exported.bytes) << ", "
              << scoreText(*report) << (report->changed ? ", recipe embedded" : "") << ")"
              << std::endl;
    return Success;
}

} // namespace pictor::cli
