#include "BenchCommand.h"

#include "BenchApply.h"
#include "BenchInstructions.h"
#include "BenchQuality.h"

#include "CliSupport.h"
#include "DeviceOption.h"
#include "image/ColorSpace.h"
#include "image/Resize.h"
#include "io/Export.h"
#include "io/FileIo.h"
#include "pipeline/Render.h"
#include "pipeline/Renderer.h"
#include "synthetic/SyntheticPhotos.h"

#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
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

// CPU seconds used by the whole process so far (all threads): on a shared machine the wall time
// of a run grows with other people's load, its CPU time much less.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// The median wall time of `runs` calls with the CPU time of that same call.
struct Timed {
    double wall = 0, cpu = 0;
};
Timed medianTimed(int runs, const std::function<Status()>& work) {
    std::vector<Timed> times;
    for (int i = 0; i < runs; ++i) {
        const double cpu = processCpuSeconds();
        const double wall = medianSeconds(1, work);
        times.push_back({wall, processCpuSeconds() - cpu});
    }
    std::sort(times.begin(), times.end(),
              [](const Timed& a, const Timed& b) { return a.wall < b.wall; });
    return times[times.size() / 2];
}

void report(const std::string& label, double seconds, const char* note = "") {
    // Pad by characters, not bytes: labels contain UTF-8 ("→").
    std::size_t width = 0;
    for (unsigned char c : label)
        width += (c & 0xC0) != 0x80;
    const std::string padding(width < 48 ? 48 - width : 1, ' ');
    std::printf("  %s%s%8.3f s  %s\n", label.c_str(), padding.c_str(), seconds, note);
    std::fflush(stdout);
}

void report(const std::string& label, const Timed& t, const std::string& note = "") {
    char text[160];
    std::snprintf(text, sizeof text, "(CPU %.3f s) %s", t.cpu, note.c_str());
    report(label, t.wall, text);
}

int benchIo(const QCommandLineParser& parser) {
    const int runs = std::max(1, parser.value("runs").toInt());
    const int width = 6000, height = 4000; // 24 megapixels
    QTemporaryDir folder;
    if (!folder.isValid()) {
        printError(
            {"cannot create a temporary folder for the benchmark", "Check TMPDIR and disk space."});
        return Failure;
    }
    const std::filesystem::path dir = folder.path().toStdString();

    std::printf(
        "Pictor bench io — %d × %d (24 MP) generated photos, median of %d runs, %d threads\n",
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
        auto r = exportImage(loaded->pixels, loaded->metadata.get(), jpegPath, dir / "convert.jpg",
                             options);
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
               auto r = exportImage(loaded->pixels, loaded->metadata.get(), dngPath,
                                    dir / "raw.jpg", options);
               if (!r) return r.error();
               return Ok{};
           }));
    return Success;
}

// A recipe that touches every op, as an edit after Auto-enhance would.
Recipe fullRecipe() {
    Recipe recipe;
    const std::tuple<const char*, const char*, double> values[] = {
        {"denoise", "luminance", 20},
        {"denoise", "chroma", 30},
        {"white_balance", "temperature", 5800},
        {"white_balance", "tint", 5},
        {"exposure", "exposure", 0.4},
        {"dehaze", "amount", 15},
        {"tone", "contrast", 20},
        {"tone", "highlights", -30},
        {"tone", "shadows", 25},
        {"tone", "whites", 10},
        {"tone", "blacks", -5},
        {"color", "vibrance", 20},
        {"color", "saturation", 5},
        {"hsl", "saturation_blue", 15},
        {"clarity", "amount", 15},
        {"sharpen", "amount", 40},
        {"straighten", "angle", 1.5},
        {"vignette", "amount", -15}};
    for (const auto& [op, param, value] : values)
        (void)recipe.set(op, param, value);
    (void)recipe.setPoints("tone_curve", "points", {{0, 0}, {0.25, 0.22}, {0.75, 0.8}, {1, 1}});
    return recipe;
}

// Peak resident memory of the process so far (Linux: ru_maxrss in KiB).
std::string peakMemory() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return humanBytes(std::uintmax_t(usage.ru_maxrss) * 1024u);
}

Status rendered(const Result<std::shared_ptr<const Image>>& out) {
    if (!out) return out.error();
    return Ok{};
}

int benchRender(const QCommandLineParser& parser) {
    const int runs = std::max(1, parser.value("runs").toInt());
    auto chosen = deviceFromOptions(parser, "bench");
    if (const int* exitCode = std::get_if<int>(&chosen)) return *exitCode;
    const ComputeDevice device = std::get<ComputeDevice>(chosen);
    const Recipe recipe = fullRecipe();
    const int threads = cpuThreads();
    std::printf(
        "Pictor bench render — a recipe using every op (%zu active), median of %d runs, %s\n",
        recipe.activeOps().size(), runs, device.description.c_str());
    RenderSettings settings;
    settings.device = device.kind;
    // --size WxH renders one size only (profiling); default: the 2 MP preview and 24 MP photo.
    std::vector<std::array<int, 2>> sizes = {{1920, 1080}, {6000, 4000}};
    if (parser.isSet("size")) {
        const QStringList wh = parser.value("size").split('x');
        const int w = wh.value(0).toInt(), h = wh.size() == 2 ? wh[1].toInt() : 0;
        if (w < 16 || h < 16) {
            printUsageError("--size wants WIDTHxHEIGHT, e.g. 6000x4000", "bench");
            return UsageError;
        }
        sizes = {{w, h}};
    }
    for (const auto& size : sizes) {
        const auto rgb = synthetic::makeSceneRgb8(size[0], size[1]);
        Image image(size[0], size[1]);
        InputTransform::srgb().apply(rgb.data(), 3, std::size_t(size[0]) * 3, image);
        const std::string name = std::to_string(size[0]) + " × " + std::to_string(size[1]);
        auto full = [&]() -> Status {
            auto out = renderRecipe(image, recipe, settings);
            if (!out) return out.error();
            return Ok{};
        };
        report("full render, all ops, " + name, medianTimed(runs, full));
        if (device.kind == DeviceKind::Cpu) { // where the time goes: one more run, by stage
            RenderSettings timed = settings;
            std::string line;
            // Wall time from the renderer; the process's CPU time since the previous stage.
            double cpuMark = processCpuSeconds();
            timed.onStage = [&line, &cpuMark](const std::string& stage, double seconds) {
                const double cpu = processCpuSeconds();
                char text[128];
                std::snprintf(text, sizeof text, "%s%s %.0f ms (CPU %.0f)",
                              line.empty() ? "" : ", ", stage.c_str(), seconds * 1000,
                              (cpu - cpuMark) * 1000);
                cpuMark = cpu;
                line += text;
            };
            (void)renderRecipe(image, recipe, timed);
            std::printf("    stages: %s\n", line.c_str());
        }
        // The other thread count: 1 when the default uses more, else every available core.
        const int otherThreads = threads > 1 ? 1 : availableCpuCores();
        if (device.kind == DeviceKind::Cpu && otherThreads != threads) {
            setCpuThreads(otherThreads);
            report("  the same on " + std::to_string(otherThreads) +
                       (otherThreads == 1 ? " thread" : " threads"),
                   medianTimed(runs, full));
            setCpuThreads(threads);
        }

        // Slider moves on an open photo: the Renderer's stage cache keeps the unchanged stages.
        Renderer renderer(image);
        if (Status s = rendered(renderer.render(recipe, settings)); !s) {
            printError(s.error());
            return Failure;
        }
        // A drag in progress: each run moves the slider to a value not rendered before (a step
        // from a to b, so that no run is served whole from the cache), after a few untimed steps
        // (the stage cache then recycles the memory of the oldest outputs, as in a real drag).
        const int warmSteps = int(StageCache::kPerSlot);
        auto slider = [&](const char* op, const char* param, double a, double b) {
            Recipe moved = recipe;
            int turn = 0;
            auto step = [&]() -> Status {
                (void)moved.set(op, param, a + (b - a) * (turn++ + 0.5) / (warmSteps + runs));
                return rendered(renderer.render(moved, settings));
            };
            for (int i = 0; i < warmSteps; ++i)
                (void)step();
            return medianTimed(runs, step);
        };
        report("one slider, cached: vignette (last stage), " + name,
               slider("vignette", "amount", -20, -25));
        report("one slider, cached: clarity (mid pipeline), " + name,
               slider("clarity", "amount", 20, 25));
        report("one slider, cached: exposure (early stage), " + name,
               slider("exposure", "exposure", 0.45, 0.6));

        // A preview of 1280 px on the long edge from the pyramid: first render, then a slider.
        const double scale = std::min(1.0, 1280.0 / double(std::max(size[0], size[1])));
        report("preview 1280 px, first render, " + name, medianTimed(runs, [&]() -> Status {
                   renderer.cache().clear();
                   return rendered(renderer.render(recipe, settings, scale));
               }));
        Recipe moved = recipe;
        int turn = 0;
        auto previewStep = [&]() -> Status {
            (void)moved.set("exposure", "exposure",
                            0.45 + 0.15 * (turn++ + 0.5) / (warmSteps + runs));
            return rendered(renderer.render(moved, settings, scale));
        };
        for (int i = 0; i < warmSteps; ++i)
            (void)previewStep();
        report("preview 1280 px, one slider (exposure), " + name, medianTimed(runs, previewStep));
        std::printf("  peak memory so far: %s\n", peakMemory().c_str());
    }
    return Success;
}

} // namespace

int runBench(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Benchmarks. 'io': decode and export times for generated "
        "24-megapixel JPEG and RAW (DNG) photos. 'render': the Artist's "
        "render time for a recipe using every op, at 2 and 24 MP. 'apply': "
        "pictor-cli apply end to end on a 24 MP JPEG against darktable-cli.");
    parser.addHelpOption();
    parser.addOption(
        {"runs", "Runs per measurement; the median is printed (default 3).", "N", "3"});
    addDeviceOption(parser); // render: where to render
    parser.addPositionalArgument("what", "io | render | apply | instructions | quality");
    parser.addOption({"size", "render: one image size instead of 1920x1080 and 6000x4000.", "WxH"});
    parser.addOption({"photos", "instructions: the folder of photos to measure on.", "DIR"});
    parser.addOption({"seed", "quality: seed of the degradations' noise (default 1).", "N", "1"});
    parser.addOption(
        {"model", "quality: the learned model file (default: the installed one).", "FILE"});
    parser.addOption(
        {"cases",
         "quality: also print one line per photo and degradation (the instructions, ΔE00)."});
    parser.addOption({"oracle", "quality: also render each case's exact inverse recipe (the "
                                "renderer's ceiling, without the Critic's estimation error)."});
    parser.addOption(
        {"rows",
         "quality: only the suite rows whose label contains one of these (comma-separated).",
         "TEXT"});
    parser.addOption({"long-edge",
                      "instructions: photos are downscaled to this long edge (default 384).", "PX",
                      "384"});
    if (!parseOrReport(parser, args, "bench")) return UsageError;
    const QStringList what = parser.positionalArguments();
    if (what.size() == 1 && what.first() == "instructions") return benchInstructions(parser);
    if (what.size() == 1 && what.first() == "quality") return benchQuality(parser);
    if (what.size() == 1 && what.first() == "apply") return benchApply(parser, fullRecipe());
    if (what.size() != 1 || (what.first() != "io" && what.first() != "render")) {
        printUsageError("say what to benchmark: io, render, apply, instructions or quality",
                        "bench");
        return UsageError;
    }
    return what.first() == "io" ? benchIo(parser) : benchRender(parser);
}

} // namespace pictor::cli
