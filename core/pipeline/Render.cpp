#include "pipeline/Render.h"

#include "ops/GlobalOps.h"
#include "ops/LocalOps.h"
#include "ops/OpSpec.h"
#include "pipeline/Lut3d.h"

#include <ATen/ATen.h>

#include <cstring>
#include <stdexcept>

namespace pictor {

namespace {

at::Tensor scalar(double value) { return at::scalar_tensor(value, at::kFloat); }

// One global op through its tensor implementation, on [N, 3] colours.
at::Tensor applyGlobal(const RecipeOp& op, const at::Tensor& rgb, const SourceWhite& white) {
    auto v = [&](const char* name) { return scalar(op.value(name, white)); };
    if (op.id == "white_balance")
        return ops::whiteBalance(rgb, v("temperature"), v("tint"), white);
    if (op.id == "exposure") return ops::exposure(rgb, v("exposure"));
    if (op.id == "tone")
        return ops::tone(rgb, {v("contrast"), v("highlights"), v("shadows"), v("whites"), v("blacks")});
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

bool isLinear(const std::string& id) { return id == "white_balance" || id == "exposure"; }

at::Tensor asTensor(Image& image) {
    return at::from_blob(image.data(), {image.height(), image.width(), 3}, at::kFloat);
}

Image toImage(const at::Tensor& tensor) {
    const at::Tensor t = tensor.detach().to(at::kCPU, at::kFloat).contiguous();
    Image out(int(t.size(1)), int(t.size(0)));
    std::memcpy(out.data(), t.data_ptr<float>(), out.pixelCount() * 3 * sizeof(float));
    return out;
}

// A run of consecutive global ops → out = LUT(M · in): the leading linear ops become the exact
// matrix M, the rest are baked into the LUT (skipped when there are none).
void applyGlobalRun(const std::vector<const RecipeOp*>& run, Image& image, const SourceWhite& white) {
    std::size_t linearCount = 0;
    while (linearCount < run.size() && isLinear(run[linearCount]->id)) ++linearCount;
    // M's columns are the images of the basis colours under the linear ops.
    at::Tensor basis = at::eye(3, at::kFloat);
    for (std::size_t i = 0; i < linearCount; ++i) basis = applyGlobal(*run[i], basis, white);
    const at::Tensor columns = basis.t().contiguous().to(at::kFloat);
    ColorMatrix m{};
    std::memcpy(m.data(), columns.data_ptr<float>(), sizeof(float) * 9);

    std::vector<const RecipeOp*> rest(run.begin() + std::ptrdiff_t(linearCount), run.end());
    const Lut3d lut = rest.empty()
                          ? bakeLut3d([](const at::Tensor& rgb) { return rgb; }, 2)
                          : bakeLut3d([&](const at::Tensor& rgb) {
                                at::NoGradGuard noGrad;
                                at::Tensor x = rgb;
                                for (const RecipeOp* op : rest) x = applyGlobal(*op, x, white);
                                return x;
                            });
    applyLut3d(lut, &m, image, image);
}

} // namespace

Result<Image> renderRecipe(const Image& input, const Recipe& recipe, const RenderSettings& settings) {
    try {
        at::NoGradGuard noGrad;
        const std::vector<RecipeOp> active = recipe.activeOps(settings.sourceWhite);
        Image image = input;
        std::size_t done = 0;
        auto report = [&]() {
            return !settings.progress || settings.progress(double(done) / std::max<std::size_t>(1, active.size()));
        };
        for (std::size_t i = 0; i < active.size();) {
            if (!report()) return Error{"Rendering was cancelled", ""};
            const OpSpec* spec = active[i].spec();
            if (!spec) { ++i; continue; } // activeOps lists known ops only; be safe
            if (spec->kind == OpKind::Global) {
                std::vector<const RecipeOp*> run;
                while (i < active.size() && active[i].spec() && active[i].spec()->kind == OpKind::Global)
                    run.push_back(&active[i++]);
                applyGlobalRun(run, image, settings.sourceWhite);
                done += run.size();
            } else {
                image = toImage(applyLocal(active[i], asTensor(image), settings.sourceWhite, settings.pixelScale));
                ++i;
                ++done;
            }
        }
        if (!report()) return Error{"Rendering was cancelled", ""};
        return image;
    } catch (const std::invalid_argument& e) {
        return Error{std::string("The recipe cannot be rendered: ") + e.what(), "Correct the recipe's values."};
    } catch (const std::bad_alloc&) {
        return Error{"Not enough memory to render the recipe", "Close other programs or export smaller."};
    } catch (const std::exception& e) {
        return Error{std::string("Rendering failed: ") + e.what(), "Report this with the recipe and the photo."};
    }
}

} // namespace pictor
