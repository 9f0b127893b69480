#include "BenchQuality.h"

#include "CliSupport.h"
#include "critic/Critic.h"
#include "image/ImageMetrics.h"
#include "image/Resize.h"
#include "io/Photo.h"
#include "nn/CriticModel.h"
#include "pipeline/Render.h"
#include "train/Degradations.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

namespace pictor::cli {

namespace {

using train::Defect;
using train::Degradation;

// The fixed suite. Directions and kinds alternate with the photo's index (even: under-exposed,
// cool, flat, dull, tilted clockwise …; odd: the opposite), so each row holds both.
struct SuiteRow {
    std::string label;
    std::vector<Defect> defects;
    double strength;
};

std::vector<SuiteRow> suite() {
    std::vector<SuiteRow> rows = {{"none", {}, 0}};
    const char* names[train::kDefectCount] = {"exposure", "colour cast", "contrast", "saturation",
                                              "noise",    "blur",        "haze",     "tilt"};
    for (int k = 0; k < train::kDefectCount; ++k) {
        rows.push_back({std::string(names[k]) + " mild", {Defect(k)}, 0.3});
        rows.push_back({std::string(names[k]) + " strong", {Defect(k)}, 0.8});
    }
    rows.push_back({"exposure + cast", {Defect::Exposure, Defect::ColorCast}, 0.5});
    rows.push_back({"cast + contrast + saturation",
                    {Defect::ColorCast, Defect::Contrast, Defect::Saturation},
                    0.5});
    rows.push_back({"exposure + noise", {Defect::Exposure, Defect::Noise}, 0.5});
    rows.push_back({"haze + cast", {Defect::Haze, Defect::ColorCast}, 0.5});
    return rows;
}

Degradation degradationFor(const SuiteRow& row, std::size_t photoIndex) {
    Degradation d;
    const int sign = photoIndex % 2 ? 1 : -1;
    for (Defect k : row.defects) {
        const Degradation one = train::fixedDegradation(k, row.strength, sign, int(photoIndex % 3));
        switch (k) {
        case Defect::Exposure:
            d.exposure = one.exposure;
            break;
        case Defect::ColorCast:
            d.temperature = one.temperature;
            d.tint = one.tint;
            break;
        case Defect::Contrast:
            d.contrast = one.contrast;
            d.highlights = one.highlights;
            d.shadows = one.shadows;
            break;
        case Defect::Saturation:
            d.saturation = one.saturation;
            break;
        case Defect::Noise:
            d.noiseLevel = one.noiseLevel;
            break;
        case Defect::Blur: {
            // Defocus on even photos, motion blur (30°) on odd ones.
            const Degradation blur =
                train::fixedDegradation(k, row.strength, sign, int(photoIndex % 2));
            d.blurSigma = blur.blurSigma;
            d.motionLength = blur.motionLength;
            d.motionAngle = blur.motionAngle;
            break;
        }
        case Defect::Haze:
            d.haze = one.haze;
            break;
        case Defect::Tilt:
            d.tiltDegrees = one.tiltDegrees;
            break;
        }
    }
    return d;
}

at::Tensor tensorOf(const Image& image) {
    return at::from_blob(const_cast<float*>(image.data()), {image.height(), image.width(), 3},
                         at::kFloat);
}

Image imageOf(const at::Tensor& t) {
    const at::Tensor c = t.to(at::kFloat).contiguous();
    Image image(int(c.size(1)), int(c.size(0)));
    std::memcpy(image.data(), c.data_ptr<float>(), std::size_t(c.numel()) * sizeof(float));
    return image;
}

// The centre of `image` at w × h (the clean reference for a straightened, cropped result).
Image centreCrop(const Image& image, int w, int h) {
    if (w == image.width() && h == image.height()) return imageOf(tensorOf(image));
    const int x0 = (image.width() - w) / 2, y0 = (image.height() - h) / 2;
    return imageOf(tensorOf(image).narrow(0, y0, h).narrow(1, x0, w));
}

// The classical baseline: grey-world white balance (channel gains that make the mean grey, in
// linear light), then auto-levels (the encoded luminance's 0.5 % and 99.5 % points stretched to
// black and white, the same for all channels so that hues stay).
Image classicalBaseline(const Image& image) {
    at::Tensor x = tensorOf(image).clone().clamp_min(0);
    const at::Tensor mean = x.reshape({-1, 3}).mean(0) + 1e-6;
    const at::Tensor grey = (mean * at::tensor({0.2627f, 0.6780f, 0.0593f})).sum();
    x = x * (grey / mean);
    at::Tensor e = at::pow(x.clamp(0, 1), 1 / 2.2);
    const at::Tensor y = (e * at::tensor({0.2627f, 0.6780f, 0.0593f})).sum(-1).flatten();
    const at::Tensor q = at::quantile(y, at::tensor({0.005f, 0.995f}));
    const float lo = q[0].item<float>(), hi = std::max(q[1].item<float>(), lo + 0.05f);
    e = ((e - lo) / (hi - lo)).clamp(0, 1);
    return imageOf(at::pow(e, 2.2));
}

// The Critic's findings as defect classes (Highlights and Shadows are contrast problems). A
// finding without a fix is a note ("4 % clipped, nothing brings it back"), not a defect the
// Critic says to correct: it does not count as a detection.
std::array<bool, train::kDefectCount> detected(const critic::Critique& c) {
    std::array<bool, train::kDefectCount> out{};
    for (const auto& f : c.findings) {
        if (f.fix.empty()) continue;
        switch (f.aspect) {
        case critic::Aspect::Exposure:
            out[int(Defect::Exposure)] = true;
            break;
        case critic::Aspect::Highlights:
        case critic::Aspect::Shadows:
        case critic::Aspect::Contrast:
            out[int(Defect::Contrast)] = true;
            break;
        case critic::Aspect::WhiteBalance:
            out[int(Defect::ColorCast)] = true;
            break;
        case critic::Aspect::Saturation:
            out[int(Defect::Saturation)] = true;
            break;
        case critic::Aspect::Noise:
            out[int(Defect::Noise)] = true;
            break;
        case critic::Aspect::Sharpness:
            out[int(Defect::Blur)] = true;
            break;
        case critic::Aspect::Haze:
            out[int(Defect::Haze)] = true;
            break;
        case critic::Aspect::Tilt:
            out[int(Defect::Tilt)] = true;
            break;
        }
    }
    return out;
}

struct Sums {
    // [nothing, baseline, pictor, oracle][psnr, ssim, ΔE00]; the oracle renders the exact
    // inverse recipe: the Artist's ceiling, apart from the Critic's estimation error.
    double q[4][3] = {};
    int count = 0;
    void add(int method, const ImageQuality& quality) {
        q[method][0] += quality.psnr;
        q[method][1] += quality.ssim;
        q[method][2] += quality.deltaE00;
    }
};

struct Counts {
    double tp = 0, fp = 0, fn = 0;
    void add(const std::array<bool, train::kDefectCount>& truth,
             const std::array<bool, train::kDefectCount>& said) {
        for (int k = 0; k < train::kDefectCount; ++k) {
            tp += truth[k] && said[k];
            fp += !truth[k] && said[k];
            fn += truth[k] && !said[k];
        }
    }
    double precision() const { return tp / std::max(1.0, tp + fp); }
    double recall() const { return tp / std::max(1.0, tp + fn); }
    double f1() const {
        return 2 * precision() * recall() / std::max(1e-9, precision() + recall());
    }
};

} // namespace

int benchQuality(const QCommandLineParser& parser) {
    const std::filesystem::path dir = parser.value("photos").toStdString();
    if (dir.empty()) {
        printUsageError("bench quality needs --photos DIR", "bench");
        return UsageError;
    }
    const unsigned long long seed = parser.value("seed").toULongLong();
    const int longEdge =
        parser.isSet("long-edge") ? std::max(32, parser.value("long-edge").toInt()) : 768;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    std::filesystem::path images = dir / "images";
    if (!std::filesystem::is_directory(images, ec)) images = dir;
    for (const auto& entry : std::filesystem::directory_iterator(images, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        printError(
            {"no photos in '" + dir.string() + "'", "Point --photos at a folder of photos."});
        return Failure;
    }

    const std::filesystem::path modelPath =
        parser.isSet("model") ? std::filesystem::path(parser.value("model").toStdString())
                              : nn::defaultCriticModelPath();
    auto model = nn::loadCriticModel(modelPath);
    critic::CriticOptions options;
    options.scoreAfter = false;
    if (model) options.model = &model.value();

    auto rows = suite();
    if (parser.isSet("rows")) {
        // A subset of the suite (for looking into one defect); "none" stays: do no harm.
        const QStringList wanted = parser.value("rows").split(',', Qt::SkipEmptyParts);
        std::erase_if(rows, [&wanted](const SuiteRow& row) {
            if (row.defects.empty()) return false;
            for (const QString& w : wanted)
                if (QString::fromStdString(row.label).contains(w.trimmed())) return false;
            return true;
        });
    }
    const bool printCases = parser.isSet("cases");
    const bool oracle = parser.isSet("oracle");
    std::printf("Pictor bench quality — %zu photos from %s (long edge ≤ %d px), %zu degradations "
                "each, seed %llu\n",
                files.size(), dir.c_str(), longEdge, rows.size(), seed);
    std::printf("Auto-enhance: the Critic %s\n",
                model ? ("with the learned model " + model->description()).c_str()
                      : ("analysis-only (" + model.error().message() + ")").c_str());
    std::fflush(stdout);

    std::vector<Sums> perRow(rows.size());
    Counts findings, modelDetections;
    double harm = 0, harmMax = 0, harmBaseline = 0, critiqueSeconds = 0;
    int harmCount = 0, critiques = 0, failures = 0;
    for (std::size_t p = 0; p < files.size(); ++p) {
        auto photo = loadPhoto(files[p]);
        if (!photo) {
            printError(photo.error());
            ++failures;
            continue;
        }
        const Image clean = resizeToLongEdge(photo->pixels, longEdge);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const Degradation d = degradationFor(rows[r], p);
            const Image degraded = imageOf(
                train::applyDegradation(tensorOf(clean), d, seed * 1000003ULL + p * 64 + r));
            const auto start = std::chrono::steady_clock::now();
            auto critique = critic::critique(degraded, options);
            critiqueSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            ++critiques;
            if (!critique) {
                printError(critique.error());
                ++failures;
                continue;
            }
            auto enhanced = renderRecipe(degraded, critique->recipe);
            if (!enhanced) {
                printError(enhanced.error());
                ++failures;
                continue;
            }
            const Image baseline = classicalBaseline(degraded);
            auto score = [&](const Image& result) {
                return compareImages(result, centreCrop(clean, result.width(), result.height()));
            };
            Sums& s = perRow[r];
            const ImageQuality pictorQuality = score(*enhanced);
            const ImageQuality baselineQuality = score(baseline);
            std::optional<ImageQuality> idealQuality;
            if (oracle) {
                auto ideal = renderRecipe(degraded, d.targetRecipe());
                if (!ideal) {
                    printError(ideal.error());
                    ++failures;
                    continue;
                }
                idealQuality = score(*ideal);
            }
            s.add(0, score(degraded));
            s.add(1, baselineQuality);
            s.add(2, pictorQuality);
            if (idealQuality) s.add(3, *idealQuality);
            ++s.count;
            const auto truth = d.present();
            findings.add(truth, detected(*critique));
            if (printCases) {
                std::string said = critique->instructions;
                std::replace(said.begin(), said.end(), '\n', ';');
                std::string found;
                const auto classes = detected(*critique);
                for (int k = 0; k < train::kDefectCount; ++k)
                    if (classes[std::size_t(k)])
                        found += (found.empty() ? "" : ",") + std::string(defectName(Defect(k)));
                std::printf("case %s | %s | %s | ΔE00 %.2f → %.2f | found %s | %s\n",
                            files[p].filename().c_str(), rows[r].label.c_str(),
                            d.describe().c_str(), score(degraded).deltaE00, pictorQuality.deltaE00,
                            found.empty() ? "-" : found.c_str(),
                            said.empty() ? "(no change)" : said.c_str());
            }
            if (model) {
                auto prediction =
                    model->predict(degraded, critic::analysisFeatures(critique->analysis));
                if (prediction) {
                    std::array<bool, train::kDefectCount> said{};
                    for (int k = 0; k < train::kDefectCount; ++k)
                        said[k] = prediction->defects[std::size_t(k)].probability >= 0.5;
                    modelDetections.add(truth, said);
                }
            }
            if (d.clean()) {
                harm += pictorQuality.deltaE00;
                harmBaseline += baselineQuality.deltaE00;
                harmMax = std::max(harmMax, pictorQuality.deltaE00);
                ++harmCount;
            }
        }
        std::fprintf(stderr, "\r  %zu/%zu photos", p + 1, files.size());
    }
    std::fprintf(stderr, "\n");

    std::printf("\n| degradation | ΔE00 nothing | ΔE00 baseline | ΔE00 Pictor | PSNR nothing | "
                "PSNR baseline | "
                "PSNR Pictor | SSIM nothing | SSIM baseline | SSIM Pictor |%s\n"
                "|---|---|---|---|---|---|---|---|---|---|%s\n",
                oracle ? " ΔE00 oracle | PSNR oracle |" : "", oracle ? "---|---|" : "");
    auto oracleCells = [oracle](const Sums& s, double n, bool bold) {
        if (!oracle) return std::string();
        char cells[64];
        std::snprintf(cells, sizeof cells, bold ? " **%.2f** | **%.1f** |" : " %.2f | %.1f |",
                      s.q[3][2] / n, s.q[3][0] / n);
        return std::string(cells);
    };
    Sums overall;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Sums& s = perRow[r];
        if (s.count == 0) continue;
        const double n = s.count;
        std::printf("| %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %.3f | %.3f | %.3f |%s\n",
                    rows[r].label.c_str(), s.q[0][2] / n, s.q[1][2] / n, s.q[2][2] / n,
                    s.q[0][0] / n, s.q[1][0] / n, s.q[2][0] / n, s.q[0][1] / n, s.q[1][1] / n,
                    s.q[2][1] / n, oracleCells(s, n, false).c_str());
        if (r == 0) continue; // "none" is the do-no-harm row, not a degradation
        for (int m = 0; m < 4; ++m)
            for (int k = 0; k < 3; ++k)
                overall.q[m][k] += s.q[m][k];
        overall.count += s.count;
    }
    if (overall.count > 0) {
        const double n = overall.count;
        std::printf("| **overall (degraded)** | **%.2f** | **%.2f** | **%.2f** | **%.1f** | "
                    "**%.1f** | **%.1f** | "
                    "**%.3f** | **%.3f** | **%.3f** |%s\n",
                    overall.q[0][2] / n, overall.q[1][2] / n, overall.q[2][2] / n,
                    overall.q[0][0] / n, overall.q[1][0] / n, overall.q[2][0] / n,
                    overall.q[0][1] / n, overall.q[1][1] / n, overall.q[2][1] / n,
                    oracleCells(overall, n, true).c_str());
    }
    std::printf("\nDefect detection (8 classes per case), the Critic's findings: precision %.3f, "
                "recall %.3f, F1 %.3f\n",
                findings.precision(), findings.recall(), findings.f1());
    if (model)
        std::printf("Defect detection, the learned model alone (p ≥ 0.5): precision %.3f, recall "
                    "%.3f, F1 %.3f\n",
                    modelDetections.precision(), modelDetections.recall(), modelDetections.f1());
    if (harmCount > 0)
        std::printf("Do no harm (clean photos): ΔE00 after Auto-enhance mean %.2f, max %.2f "
                    "(baseline mean %.2f)\n",
                    harm / harmCount, harmMax, harmBaseline / harmCount);
    std::printf("Critic (analysis + model) per photo: %.0f ms mean, %d critiques; %d failures\n",
                1000 * critiqueSeconds / std::max(1, critiques), critiques, failures);
    return failures == 0 ? Success : Failure;
}

} // namespace pictor::cli
