#include "BenchInstructions.h"

#include "CliSupport.h"
#include "image/Resize.h"
#include "instructions/EffectMeasures.h"
#include "instructions/Instructions.h"
#include "pipeline/Render.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <vector>

namespace pictor::cli {

namespace {

constexpr double kAny = std::numeric_limits<double>::quiet_NaN();
// A change smaller than this (in L*, C*ab or detail units) is below float32 render precision.
constexpr double kMinChange = 1e-5;

// A phrasing and the param value it must give on an empty recipe (kAny: only its sign counts).
struct Phrasing {
    const char* text;
    const char* op;
    const char* param;
    double value; // expected value, or kAny
    int sign;     // expected sign of (value − neutral)
};

const Phrasing kPhrasings[] = {
    {"Increase exposure by 0.7 EV", "exposure", "exposure", 0.7, 1},
    {"Decrease exposure by 1.3 stops", "exposure", "exposure", -1.3, -1},
    {"set exposure to +1", "exposure", "exposure", 1, 1},
    {"exposure -0.5", "exposure", "exposure", -0.5, -1},
    {"+0.3 EV", "exposure", "exposure", 0.3, 1},
    {"Make it brighter", "exposure", "exposure", kAny, 1},
    {"darker please", "exposure", "exposure", kAny, -1},
    {"Make it a bit warmer", "white_balance", "temperature", kAny, 1},
    {"warmer by 800 K", "white_balance", "temperature", 6504 + 800, 1},
    {"Cool it down a touch", "white_balance", "temperature", kAny, -1},
    {"set the white balance to 5000K", "white_balance", "temperature", 5000, -1},
    {"more magenta", "white_balance", "tint", kAny, 1},
    {"tint -12", "white_balance", "tint", -12, -1},
    {"a little greener", "white_balance", "tint", kAny, -1},
    {"More contrast", "tone", "contrast", kAny, 1},
    {"flatter", "tone", "contrast", kAny, -1},
    {"Reduce contrast by 15%", "tone", "contrast", -15, -1},
    {"Lift the shadows a lot", "tone", "shadows", kAny, 1},
    {"open up the shadows", "tone", "shadows", kAny, 1},
    {"Shadows +25", "tone", "shadows", 25, 1},
    {"Recover the highlights", "tone", "highlights", kAny, -1},
    {"pull down highlights by 30", "tone", "highlights", -30, -1},
    {"raise the whites slightly", "tone", "whites", kAny, 1},
    {"Crush the blacks", "tone", "blacks", kAny, -1},
    {"lift black point", "tone", "blacks", kAny, 1},
    {"Less saturation", "color", "saturation", kAny, -1},
    {"More saturated", "color", "saturation", kAny, 1},
    {"desaturate strongly", "color", "saturation", kAny, -1},
    {"Boost vibrance", "color", "vibrance", kAny, 1},
    {"vibrancy +10", "color", "vibrance", 10, 1},
    {"Remove haze", "dehaze", "amount", kAny, 1},
    {"dehaze 30", "dehaze", "amount", 30, 1},
    {"add clarity", "clarity", "amount", kAny, 1},
    {"less local contrast", "clarity", "amount", kAny, -1},
    {"Reduce noise (strength 40)", "denoise", "luminance", 40, 1},
    {"denoise a bit", "denoise", "luminance", kAny, 1},
    {"reduce colour noise by 20", "denoise", "chroma", 20, 1},
    {"Sharpen moderately", "sharpen", "amount", kAny, 1},
    {"more sharpness", "sharpen", "amount", kAny, 1},
    {"set sharpening radius to 1.5 px", "sharpen", "radius", 1.5, 1},
    {"Add a vignette", "vignette", "amount", kAny, -1},
    {"darken the corners a lot", "vignette", "amount", kAny, -1},
    {"Straighten by -1.5°", "straighten", "angle", -1.5, -1},
    {"rotate 2 degrees", "straighten", "angle", 2, 1},
    {"more saturation in the reds", "hsl", "saturation_red", kAny, 1},
    {"blue luminance -20", "hsl", "luminance_blue", -20, -1},
    {"shift the orange hue by +10", "hsl", "hue_orange", 10, 1},
    {"LIFT THE SHADOWS!", "tone", "shadows", kAny, 1},
};

// Graded series: the same change with stronger words must move the measure further.
struct Series {
    const char* op;
    const char* param;
    const char* templ; // "%s" = the grade
};
const Series kSeries[] = {
    {"exposure", "exposure", "Make it %s brighter"},
    {"exposure", "exposure", "Make it %s darker"},
    {"white_balance", "temperature", "Make it %s warmer"},
    {"white_balance", "temperature", "Make it %s cooler"},
    {"white_balance", "tint", "%s more magenta"},
    {"white_balance", "tint", "%s more green"},
    {"tone", "contrast", "Increase contrast %s"},
    {"tone", "contrast", "Reduce contrast %s"},
    {"tone", "highlights", "Recover the highlights %s"},
    {"tone", "shadows", "Lift the shadows %s"},
    {"tone", "whites", "Raise the whites %s"},
    {"tone", "blacks", "Deepen the blacks %s"},
    {"color", "vibrance", "%s more vibrance"},
    {"color", "saturation", "Boost saturation %s"},
    {"color", "saturation", "Desaturate %s"},
    {"dehaze", "amount", "Remove haze %s"},
    {"clarity", "amount", "Add clarity %s"},
    {"denoise", "luminance", "Reduce noise %s"},
    {"sharpen", "amount", "Sharpen %s"},
    {"vignette", "amount", "Darken the corners %s"},
};
const char* const kGrades[] = {"a touch", "moderately", "a lot"};

struct ExposureCase {
    const char* text;
    double ev;
};
const ExposureCase kExposure[] = {{"Increase exposure by 0.7 EV", 0.7},
                                  {"Decrease exposure by 1.3 stops", -1.3},
                                  {"exposure +0.25 EV", 0.25},
                                  {"+1.5 EV", 1.5}};

std::string fill(const char* templ, const char* grade) {
    std::string s = templ;
    const auto at = s.find("%s");
    if (at != std::string::npos) s.replace(at, 2, grade);
    return s;
}

bool isPhoto(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    for (const char* e : {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".avif",
                          ".dng", ".cr2", ".nef", ".arw", ".raf", ".orf", ".rw2"})
        if (ext == e) return true;
    return false;
}

double percent(int good, int total) {
    return total ? 100.0 * good / total : 100.0;
}

} // namespace

int benchInstructions(const QCommandLineParser& parser) {
    if (!parser.isSet("photos")) {
        printUsageError("bench instructions needs --photos DIR", "bench");
        return UsageError;
    }
    const std::filesystem::path dir = parser.value("photos").toStdString();
    const int longEdge = std::max(64, parser.value("long-edge").toInt());
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file() && isPhoto(it->path())) files.push_back(it->path());
    if (ec || files.empty()) {
        printError({"no photos found in '" + dir.string() + "'",
                    "Give a folder of JPEG, PNG, TIFF or RAW files."});
        return Failure;
    }
    std::sort(files.begin(), files.end());
    const auto start = std::chrono::steady_clock::now();

    // 1. Parse rate over the phrasing table (text only).
    int parsedOk = 0, numericTotal = 0, numericExact = 0;
    double numericWorst = 0;
    std::vector<std::string> misses;
    for (const auto& ph : kPhrasings) {
        const auto parsed = parseInstructions(ph.text);
        const OpSpec* op = findOpSpec(ph.op);
        const ParamSpec* p = op ? op->param(ph.param) : nullptr;
        const double neutral =
            p ? (p->relativeToSourceWhite ? sourceWhiteValue(*p, {}) : p->neutral) : 0;
        const double v = parsed.recipe.value(ph.op, ph.param);
        bool ok = parsed.understoodLines == 1 && ((v - neutral) * ph.sign > 0);
        if (!std::isnan(ph.value)) {
            ++numericTotal;
            const double err = std::abs(v - ph.value) / std::max(1e-9, std::abs(ph.value));
            numericWorst = std::max(numericWorst, err);
            if (err == 0) ++numericExact;
            ok = ok && err == 0;
        }
        if (ok)
            ++parsedOk;
        else
            misses.push_back(std::string(ph.text) +
                             (parsed.errors.empty() ? ""
                                                    : " → " + parsed.errors[0].message + " — " +
                                                          parsed.errors[0].suggestion));
    }

    // 2. On the photos: direction, graded monotonicity, measured exposure.
    int directionOk = 0, directionTotal = 0, monotonicOk = 0, monotonicTotal = 0, photos = 0;
    double exposureWorst = 0;
    std::vector<std::string> failures;
    const auto render = [&](const Image& image,
                            const std::string& text) -> std::optional<EffectMeasures> {
        const auto parsed = parseInstructions(text);
        if (parsed.understoodLines != parsed.totalLines || parsed.totalLines == 0)
            return std::nullopt;
        auto out = renderRecipe(image, parsed.recipe);
        if (!out) return std::nullopt;
        return measureEffect(*out);
    };
    for (const auto& file : files) {
        auto photo = loadPhoto(file);
        if (!photo) {
            std::fprintf(stderr, "pictor-cli: skipping %s: %s\n", file.string().c_str(),
                         photo.error().message().c_str());
            continue;
        }
        ++photos;
        const Image image = resizeToLongEdge(photo->pixels, longEdge);
        const EffectMeasures before = measureEffect(image);
        for (const auto& s : kSeries) {
            const ExpectedEffect effect = expectedEffect(s.op, s.param);
            std::vector<double> values;
            int sign = 0;
            for (const char* grade : kGrades) {
                const std::string text = fill(s.templ, grade);
                const auto parsed = parseInstructions(text);
                const OpSpec* op = findOpSpec(s.op);
                const ParamSpec* p = op ? op->param(s.param) : nullptr;
                const double neutral =
                    p ? (p->relativeToSourceWhite ? sourceWhiteValue(*p, {}) : p->neutral) : 0;
                sign = (parsed.recipe.value(s.op, s.param) > neutral ? 1 : -1) * effect.sign;
                const auto after = render(image, text);
                ++directionTotal;
                if (!after) {
                    failures.push_back(file.filename().string() + ": '" + text +
                                       "' did not render");
                    values.push_back(kAny);
                    continue;
                }
                const double delta =
                    quantity(*after, effect.quantity) - quantity(before, effect.quantity);
                values.push_back(quantity(*after, effect.quantity));
                if (delta * sign > kMinChange)
                    ++directionOk;
                else
                    failures.push_back(file.filename().string() + ": '" + text + "' moved " +
                                       effect.quantity + " by " + std::to_string(delta));
            }
            ++monotonicTotal;
            bool strict = true;
            for (std::size_t k = 1; k < values.size(); ++k)
                strict = strict && (values[k] - values[k - 1]) * sign > kMinChange;
            if (strict) ++monotonicOk;
            if (!strict) {
                std::string text = file.filename().string() + ": '" + fill(s.templ, "…") +
                                   "' is not strictly ordered (" + effect.quantity + " ";
                text += std::to_string(quantity(before, effect.quantity));
                text += " →";
                for (const double x : values) {
                    text += ' ';
                    text += std::to_string(x);
                }
                failures.push_back(text + ")");
            }
        }
        for (const auto& e : kExposure) {
            const auto after = render(image, e.text);
            if (!after) continue;
            const double measured = std::log2(after->meanLinearY / before.meanLinearY);
            exposureWorst = std::max(exposureWorst, std::abs(measured - e.ev) / std::abs(e.ev));
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf(
        "Pictor bench instructions — %zu phrasings, %d photos from %s (long edge %d px), %.1f s\n",
        std::size(kPhrasings), photos, dir.string().c_str(), longEdge, seconds);
    std::printf("  %-58s %6.1f %%  (%d/%zu)\n", "parse rate (understood, right param and sign)",
                percent(parsedOk, int(std::size(kPhrasings))), parsedOk, std::size(kPhrasings));
    std::printf("  %-58s %6.1f %%  (%d/%d)\n", "direction accuracy (measure moves the right way)",
                percent(directionOk, directionTotal), directionOk, directionTotal);
    std::printf("  %-58s %6.1f %%  (%d/%d)\n",
                "graded series strictly monotonic (a touch < moderately < a lot)",
                percent(monotonicOk, monotonicTotal), monotonicOk, monotonicTotal);
    std::printf("  %-58s %6.2f %%  (%d/%d exact)\n", "numeric amounts: worst parsed-value error",
                100 * numericWorst, numericExact, numericTotal);
    std::printf("  %-58s %6.3f %%\n",
                "numeric amounts: worst measured exposure error (log2 mean Y)",
                100 * exposureWorst);
    for (const auto& m : misses)
        std::printf("  not parsed as expected: %s\n", m.c_str());
    for (std::size_t k = 0; k < failures.size() && k < 60; ++k)
        std::printf("  failed: %s\n", failures[k].c_str());
    if (failures.size() > 60) std::printf("  … and %zu more failures\n", failures.size() - 60);
    return Success;
}

} // namespace pictor::cli
