#include "pipeline/Render.h"

#include "ops/GlobalOps.h"
#include "ops/LocalOps.h"
#include "ops/OpSpec.h"
#include "pipeline/FastLocalOps.h"
#include "pipeline/Lut3d.h"
#include "pipeline/StageCache.h"

#include <ATen/ATen.h>

#include <chrono>
#include <cstring>
#include <list>
#include <mutex>
#include <stdexcept>

namespace pictor {

namespace {

at::Tensor scalar(double value) {
    return at::scalar_tensor(value, at::kFloat);
}

// One global op through its tensor implementation, on [N, 3] colours.
at::Tensor applyGlobal(const RecipeOp& op, const at::Tensor& rgb, const SourceWhite& white) {
    auto v = [&](const char* name) { return scalar(op.value(name, white)); };
    if (op.id == "white_balance") return ops::whiteBalance(rgb, v("temperature"), v("tint"), white);
    if (op.id == "exposure") return ops::exposure(rgb, v("exposure"));
    if (op.id == "tone")
        return ops::tone(rgb,
                         {v("contrast"), v("highlights"), v("shadows"), v("whites"), v("blacks")});
    if (op.id == "tone_curve") {
        const auto points = op.curve("points");
        if (points.size() < 2) return rgb;
        at::Tensor t = at::empty({std::int64_t(points.size()), 2}, at::kFloat);
        for (std::size_t i = 0; i < points.size(); ++i) {
            t[std::int64_t(i)][0] = float(points[i].x);
            t[std::int64_t(i)][1] = float(points[i].y);
        }
        return ops::toneCurve(rgb, t);
    }
    if (op.id == "color") return ops::color(rgb, v("vibrance"), v("saturation"));
    if (op.id == "hsl") {
        at::Tensor hue = at::empty({8}, at::kFloat), sat = at::empty({8}, at::kFloat),
                   lum = at::empty({8}, at::kFloat);
        for (std::size_t i = 0; i < hslBands().size(); ++i) {
            const std::string& band = hslBands()[i];
            hue[std::int64_t(i)] = float(op.value("hue_" + band, white));
            sat[std::int64_t(i)] = float(op.value("saturation_" + band, white));
            lum[std::int64_t(i)] = float(op.value("luminance_" + band, white));
        }
        return ops::hsl(rgb, hue, sat, lum);
    }
    throw std::invalid_argument("no global implementation for op '" + op.id + "'");
}

// One local or geometry op on an [H, W, 3] image tensor.
at::Tensor applyLocal(const RecipeOp& op, const at::Tensor& image, const SourceWhite& white,
                      double pixelScale) {
    auto v = [&](const char* name) { return scalar(op.value(name, white)); };
    auto d = [&](const char* name) { return op.value(name, white); };
    if (op.id == "denoise") return ops::denoise(image, v("luminance"), v("chroma"), pixelScale);
    if (op.id == "dehaze") return ops::dehaze(image, v("amount"), pixelScale);
    if (op.id == "clarity") return ops::clarity(image, v("amount"), pixelScale);
    if (op.id == "sharpen")
        return ops::sharpen(image, v("amount"), v("radius"), v("masking"), pixelScale);
    if (op.id == "vignette")
        return ops::vignette(image, v("amount"), v("midpoint"), v("feather"), pixelScale);
    if (op.id == "straighten") return ops::straighten(image, v("angle"), pixelScale);
    if (op.id == "crop") return ops::crop(image, d("left"), d("top"), d("right"), d("bottom"));
    throw std::invalid_argument("no local implementation for op '" + op.id + "'");
}

bool isLinear(const std::string& id) {
    return id == "white_balance" || id == "exposure";
}

at::Tensor asTensor(const Image& image) {
    // Read-only view: the ops never write into their input.
    return at::from_blob(const_cast<float*>(image.data()), {image.height(), image.width(), 3},
                         at::kFloat);
}

Image toImage(const at::Tensor& tensor) {
    const at::Tensor t = tensor.detach().to(at::kCPU, at::kFloat).contiguous();
    Image out(int(t.size(1)), int(t.size(0)));
    std::memcpy(out.data(), t.data_ptr<float>(), out.pixelCount() * 3 * sizeof(float));
    return out;
}

// The LUT of a run of global ops, baked by their tensor code, or the same run's LUT from one of the
// last few renders (a slider in another stage leaves it unchanged; baking costs ~0.2 s).
std::shared_ptr<const Lut3d> cachedLut(const std::vector<const RecipeOp*>& ops,
                                       const SourceWhite& white) {
    static std::mutex mutex;
    static std::list<std::pair<std::uint64_t, std::shared_ptr<const Lut3d>>> recent;
    std::uint64_t key = 0x4c5554ull; // "LUT"
    for (const RecipeOp* op : ops)
        key = mixKey(key, op->hash(white));
    {
        std::lock_guard lock(mutex);
        for (auto it = recent.begin(); it != recent.end(); ++it)
            if (it->first == key) {
                recent.splice(recent.begin(), recent, it);
                return recent.front().second;
            }
    }
    auto lut = std::make_shared<const Lut3d>(bakeLut3d([&](const at::Tensor& rgb) {
        at::NoGradGuard noGrad;
        at::Tensor x = rgb;
        for (const RecipeOp* op : ops)
            x = applyGlobal(*op, x, white);
        return x;
    }));
    std::lock_guard lock(mutex);
    recent.emplace_front(key, lut);
    if (recent.size() > 4) recent.pop_back();
    return lut;
}

// A run of consecutive global ops → out = LUT(M · in): the leading linear ops become the exact
// matrix M, the rest are baked into the LUT (skipped when there are none). Written into `out`,
// which is either `image` itself (in place) or an image of its size.
void applyGlobalRun(const std::vector<const RecipeOp*>& run, const Image& image,
                    const SourceWhite& white, Image& out) {
    std::size_t linearCount = 0;
    while (linearCount < run.size() && isLinear(run[linearCount]->id))
        ++linearCount;
    // M's columns are the images of the basis colours under the linear ops.
    at::Tensor basis = at::eye(3, at::kFloat);
    for (std::size_t i = 0; i < linearCount; ++i)
        basis = applyGlobal(*run[i], basis, white);
    const at::Tensor columns = basis.t().contiguous().to(at::kFloat);
    ColorMatrix m{};
    std::memcpy(m.data(), columns.data_ptr<float>(), sizeof(float) * 9);

    std::vector<const RecipeOp*> rest(run.begin() + std::ptrdiff_t(linearCount), run.end());
    if (rest.empty()) {
        applyColorMatrix(m, image, out);
        return;
    }
    const std::shared_ptr<const Lut3d> lut = cachedLut(rest, white);
    applyLut3d(*lut, &m, image, out);
}

// A pipeline stage: a run of global ops (one LUT) or one local/geometry op.
struct Stage {
    std::vector<const RecipeOp*> ops;
    bool global = false;
};

std::vector<Stage> planStages(const std::vector<RecipeOp>& active) {
    std::vector<Stage> stages;
    for (const RecipeOp& op : active) {
        const OpSpec* spec = op.spec();
        if (!spec) continue; // activeOps lists known ops only; be safe
        const bool global = spec->kind == OpKind::Global;
        if (global && !stages.empty() && stages.back().global)
            stages.back().ops.push_back(&op);
        else
            stages.push_back({{&op}, global});
    }
    return stages;
}

// What, besides the ops, changes a stage's output.
std::uint64_t settingsKey(const RenderSettings& s) {
    std::uint64_t key = 0x5049435452454e44ull; // "PICTREND"
    auto bitsOf = [](double v) {
        std::uint64_t b;
        std::memcpy(&b, &v, sizeof b);
        return b;
    };
    key = mixKey(key, bitsOf(s.pixelScale));
    key = mixKey(key, bitsOf(s.sourceWhite.temperature));
    key = mixKey(key, bitsOf(s.sourceWhite.tint));
    key = mixKey(key, std::uint64_t(s.path) * 16 + std::uint64_t(s.device));
    return mixKey(key, std::uint64_t(std::int64_t(s.guideFactor)));
}

struct Cancelled {};

// Every op's own tensor code on the whole image, on the chosen device.
Image renderTensorPath(const Image& input, const std::vector<RecipeOp>& active,
                       const RenderSettings& settings, const std::function<bool()>& report) {
    const at::Device device =
        settings.device == DeviceKind::Cuda ? at::Device(at::kCUDA) : at::Device(at::kCPU);
    at::Tensor x = asTensor(input).to(device);
    for (const RecipeOp& op : active) {
        if (!report()) throw Cancelled{};
        const OpSpec* spec = op.spec();
        if (!spec) continue;
        x = spec->kind == OpKind::Global
                ? applyGlobal(op, x, settings.sourceWhite)
                : applyLocal(op, x, settings.sourceWhite, settings.pixelScale);
    }
    return toImage(x);
}

} // namespace

namespace {

// renderRecipeCached; `owned`, when given, holds `input` and nobody else does: the first stage may
// then write into it.
Result<std::shared_ptr<const Image>>
renderStages(const Image& input, std::shared_ptr<const Image> owned, std::uint64_t imageKey,
             const Recipe& recipe, const RenderSettings& settings, StageCache* cache) {
    try {
        at::NoGradGuard noGrad;
        useCpuThreads(); // libtorch may have set this thread's OpenMP to fewer
        const std::vector<RecipeOp> active = recipe.activeOps(settings.sourceWhite);
        std::size_t done = 0;
        auto report = [&]() {
            return !settings.progress ||
                   settings.progress(double(done) /
                                     double(std::max<std::size_t>(1, active.size())));
        };
        const bool tensorPath =
            settings.path == RenderPath::Tensor || settings.device == DeviceKind::Cuda;
        if (settings.device == DeviceKind::Cuda) {
            if (auto device = chooseComputeDevice(DeviceKind::Cuda); !device) return device.error();
        }
        if (tensorPath) {
            Image out = renderTensorPath(input, active, settings, [&]() {
                const bool go = report();
                ++done;
                return go;
            });
            done = active.size();
            if (!report()) throw Cancelled{};
            return std::shared_ptr<const Image>(std::make_shared<Image>(std::move(out)));
        }

        const std::vector<Stage> stages = planStages(active);
        std::vector<std::uint64_t> keys;
        std::uint64_t key = mixKey(imageKey, settingsKey(settings));
        for (const Stage& stage : stages) {
            for (const RecipeOp* op : stage.ops)
                key = mixKey(key, op->hash(settings.sourceWhite));
            keys.push_back(key);
        }
        // Resume after the last stage whose output is cached.
        std::shared_ptr<const Image> current = std::move(owned);
        std::size_t first = 0;
        if (cache)
            for (std::size_t i = stages.size(); i-- > 0;)
                if ((current = cache->find(keys[i]))) {
                    first = i + 1;
                    break;
                }
        for (std::size_t i = 0; i < first; ++i)
            done += stages[i].ops.size();

        fast::FastSettings fastSettings;
        fastSettings.pixelScale = settings.pixelScale;
        fastSettings.guideFactor = settings.guideFactor;
        for (std::size_t i = first; i < stages.size(); ++i) {
            if (!report()) throw Cancelled{};
            const Stage& stage = stages[i];
            const Image& in = current ? *current : input;
            useCpuThreads(); // again: the previous stage's tensor code may have reset it
            const auto start = std::chrono::steady_clock::now();
            // Nobody else holds the previous stage's image (no cache; not the caller's input):
            // the stage may rewrite it in place (no 288 MB allocation and one memory stream less
            // at 24 MP).
            const bool own = !cache && current && current.use_count() == 1;
            if (stage.global && own) {
                Image& image = const_cast<Image&>(*current);
                applyGlobalRun(stage.ops, image, settings.sourceWhite, image);
            } else if (own) {
                Image& image = const_cast<Image&>(*current);
                current = std::make_shared<Image>(fast::applyLocalOp(
                    *stage.ops.front(), std::move(image), settings.sourceWhite, fastSettings));
            } else if (stage.global) {
                auto out = std::make_shared<Image>(in.width(), in.height());
                applyGlobalRun(stage.ops, in, settings.sourceWhite, *out);
                current = std::move(out);
            } else {
                current = std::make_shared<Image>(
                    fast::applyLocalOp(*stage.ops.front(), in, settings.sourceWhite, fastSettings));
            }
            if (settings.onStage) {
                std::string names;
                for (const RecipeOp* op : stage.ops)
                    names += (names.empty() ? "" : "+") + op->id;
                settings.onStage(
                    names, std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                               .count());
            }
            if (cache) // slot: this position of the pipeline for this image and settings
                cache->insert(keys[i], current,
                              mixKey(mixKey(imageKey, settingsKey(settings)), i + 1));
            done += stage.ops.size();
        }
        if (!report()) throw Cancelled{};
        if (!current) current = std::make_shared<Image>(input);
        return current;
    } catch (const Cancelled&) {
        return Error{"Rendering was cancelled", ""};
    } catch (const std::invalid_argument& e) {
        return Error{std::string("The recipe cannot be rendered: ") + e.what(),
                     "Correct the recipe's values."};
    } catch (const std::bad_alloc&) {
        return Error{"Not enough memory to render the recipe",
                     "Close other programs or export smaller."};
    } catch (const std::exception& e) {
        return Error{std::string("Rendering failed: ") + e.what(),
                     "Report this with the recipe and the photo."};
    }
}

} // namespace

Result<std::shared_ptr<const Image>> renderRecipeCached(const Image& input, std::uint64_t imageKey,
                                                        const Recipe& recipe,
                                                        const RenderSettings& settings,
                                                        StageCache* cache) {
    return renderStages(input, nullptr, imageKey, recipe, settings, cache);
}

namespace {

// Also gives the pool's blocks back: a one-off render's freed planes would otherwise stay
// resident while its caller encodes the result (at 100 MP, hundreds of MB).
Result<Image> unshare(Result<std::shared_ptr<const Image>> rendered) {
    struct Release {
        ~Release() { releasePooledPixelMemory(); }
    } release;
    if (!rendered) return rendered.error();
    // Without a cache the result is owned by nobody else: moving it out avoids a copy.
    std::shared_ptr<const Image> shared = std::move(rendered).value();
    if (shared.use_count() == 1) return std::move(const_cast<Image&>(*shared));
    return Image(*shared);
}

} // namespace

Result<Image> renderRecipe(Image&& image, const Recipe& recipe, const RenderSettings& settings) {
    auto owned = std::make_shared<const Image>(std::move(image));
    const Image& input = *owned;
    return unshare(renderStages(input, std::move(owned), 0, recipe, settings, nullptr));
}

Result<Image> renderRecipe(const Image& image, const Recipe& recipe,
                           const RenderSettings& settings) {
    return unshare(renderRecipeCached(image, 0, recipe, settings, nullptr));
}

} // namespace pictor
