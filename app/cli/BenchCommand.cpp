#include "BenchCommand.h"

#include "CliSupport.h"
#include "io/Export.h"
#include "io/FileIo.h"
#include "synthetic/SyntheticPhotos.h"

#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>

namespace pictor::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Median wall time of `runs` calls, in seconds; aborts the benchmark on the first failure.
double medianSeconds(int runs, const std::function<Status()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        if (Status s = work(); !s) {
            printError(s.error());
            std::exit(Failure);
        }
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const std::string& label, double seconds, const char* note = "") {
    // Pad by characters, not bytes: labels contain UTF-8 ("→").
    std::size_t width = 0;
    for (unsigned char c : label) width += (c & 0xC0) != 0x80;
    const std::string padding(width < 48 ? 48 - width : 1, ' ');
    std::printf("  %s%s%8.3f s  %s\n", label.c_str(), padding.c_str(), seconds, note);
    std::fflush(stdout);
}

int benchIo(const QCommandLineParser& parser) {
    const int runs = std::max(1, parser.value("runs").toInt());
    const int width = 6000, height = 4000; // 24 megapixels
    QTemporaryDir folder;
    if (!folder.isValid()) {
        printError({"cannot create a temporary folder for the benchmark", "Check TMPDIR and disk space."});
        return Failure;
    }
    const std::filesystem::path dir = folder.path().toStdString();

    std::printf("Pictor bench io — %d × %d (24 MP) generated photos, median of %d runs, %d threads\n",
                width, height, runs, QThread::idealThreadCount());
    const auto jpegBytes = synthetic::makeCameraJpeg(width, height, 92);
    if (jpegBytes.empty()) {
        printError({"could not generate the benchmark JPEG", ""});
        return Failure;
    }
    const auto jpegPath = dir / "camera.jpg";
    if (Status s = writeFileAtomically(jpegPath, jpegBytes.data(), jpegBytes.size()); !s) {
        printError(s.error());
        return Failure;
    }
    std::printf("JPEG source: %s, EXIF+GPS+IPTC+XMP+ICC\n", humanBytes(jpegBytes.size()).c_str());

    Photo photo;
    const double decode = medianSeconds(runs, [&]() -> Status {
        auto loaded = loadPhoto(jpegPath);
        if (!loaded) return loaded.error();
        photo = std::move(loaded).value();
        return Ok{};
    });
    report("decode JPEG → linear Rec.2020 float", decode);

    auto exportAs = [&](const char* name, ExportOptions options) {
        options.overwrite = true;
        return medianSeconds(runs, [&]() -> Status {
            auto r = exportImage(photo.pixels, photo.metadata.get(), jpegPath, dir / name, options);
            if (!r) return r.error();
            return Ok{};
        });
    };
    const double jpegExport = exportAs("out.jpg", {});
    report("export JPEG q92 sRGB + metadata", jpegExport);
    ExportOptions tiff;
    report("export 16-bit TIFF sRGB + metadata", exportAs("out.tif", tiff));
    report("export 16-bit PNG sRGB + metadata", exportAs("out.png", tiff));

    const double convert = medianSeconds(runs, [&]() -> Status {
        auto loaded = loadPhoto(jpegPath);
        if (!loaded) return loaded.error();
        ExportOptions options;
        options.overwrite = true;
        auto r = exportImage(loaded->pixels, loaded->metadata.get(), jpegPath, dir / "convert.jpg", options);
        if (!r) return r.error();
        return Ok{};
    });
    report("convert JPEG → JPEG with metadata (end to end)", convert,
           convert <= 1.0 ? "(goal ≤ 1.0 s: met)" : "(goal ≤ 1.0 s: NOT met)");

    const auto dngBytes = synthetic::makeCameraDng(width, height);
    const auto dngPath = dir / "camera.dng";
    if (dngBytes.empty() || !writeFileAtomically(dngPath, dngBytes.data(), dngBytes.size())) {
        printError({"could not generate the benchmark DNG", ""});
        return Failure;
    }
    std::printf("RAW source: %s 14-bit RGGB DNG\n", humanBytes(dngBytes.size()).c_str());
    LoadOptions half;
    half.rawHalfSize = true;
    report("decode DNG, half size (preview path)", medianSeconds(runs, [&]() -> Status {
               auto loaded = loadPhoto(dngPath, half);
               if (!loaded) return loaded.error();
               return Ok{};
           }));
    report("decode DNG, full AHD demosaic → Rec.2020", medianSeconds(runs, [&]() -> Status {
               auto loaded = loadPhoto(dngPath);
               if (!loaded) return loaded.error();
               photo = std::move(loaded).value();
               return Ok{};
           }));
    report("convert DNG → JPEG with metadata (end to end)", medianSeconds(runs, [&]() -> Status {
               auto loaded = loadPhoto(dngPath);
               if (!loaded) return loaded.error();
               ExportOptions options;
               options.overwrite = true;
               auto r = exportImage(loaded->pixels, loaded->metadata.get(), dngPath, dir / "raw.jpg", options);
               if (!r) return r.error();
               return Ok{};
           }));
    return Success;
}

} // namespace

int runBench(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Benchmarks. 'io': decode and export times for generated "
                                     "24-megapixel JPEG and RAW (DNG) photos.");
    parser.addHelpOption();
    parser.addOption({"runs", "Runs per measurement; the median is printed (default 3).", "N", "3"});
    parser.addPositionalArgument("what", "io");
    if (!parseOrReport(parser, args, "bench")) return UsageError;
    const QStringList what = parser.positionalArguments();
    if (what.size() != 1 || what.first() != "io") {
        printUsageError("say what to benchmark: io", "bench");
        return UsageError;
    }
    return benchIo(parser);
}

} // namespace pictor::cli
