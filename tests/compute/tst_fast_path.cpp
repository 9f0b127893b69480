// The fast render path (generic kernels + reduced-resolution guides) agrees with the ops' own
// tensor code within a stated tolerance per op; the kernels match the tensor filters they stand
// in for; the stage cache recomputes only what changed; previews render at any scale; CPU and
// CUDA agree (skipped without CUDA).
#include "compute/ComputeDevice.h"
#include "image/FastMath.h"
#include "ops/Filters.h"
#include "pipeline/Kernels.h"
#include "pipeline/Render.h"
#include "pipeline/Renderer.h"

#undef CHECK // glog's, from the torch headers
#include "support/ComputeTest.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace pictor;

namespace {

// A photo-like test scene: smooth light, hard-edged objects, fine texture and sensor noise.
Image scene(int w = 480, int h = 320) {
    Image image(w, h);
    std::mt19937 random(11);
    std::normal_distribution<float> noise(0.0f, 0.01f);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float* p = image.at(x, y);
            const float u = float(x) / w, v = float(y) / h;
            const float texture = 0.05f * std::sin(float(x) * 0.9f) * std::sin(float(y) * 0.7f);
            const bool box = (u > 0.2f && u < 0.45f && v > 0.3f && v < 0.8f);
            const bool bright = (u > 0.6f && u < 0.9f && v > 0.1f && v < 0.4f);
            const float base = 0.08f + 0.3f * u * v + (box ? 0.25f : 0.0f) + (bright ? 0.9f : 0.0f);
            p[0] = std::max(0.0f, base * 1.1f + texture + noise(random));
            p[1] = std::max(0.0f, base * (box ? 0.6f : 1.0f) + texture + noise(random));
            p[2] = std::max(0.0f, base * 0.8f + 0.05f * (1 - v) + noise(random));
        }
    return image;
}

Recipe with(std::initializer_list<std::tuple<const char*, const char*, double>> values) {
    Recipe recipe;
    for (const auto& [op, param, value] : values) {
        auto set = recipe.set(op, param, value);
        if (!set) throw std::runtime_error(set.error().message());
    }
    return recipe;
}

struct Difference {
    double mean = 0;  // mean |fast − tensor| / max(pixel level, 0.01)
    double p999 = 0;  // 99.9th percentile of the same
    double worst = 0; // maximum of the same
};

// Per channel, relative to the reference pixel's brightest channel (what the eye compares with).
Difference compare(const Image& fast, const Image& reference) {
    std::vector<double> errors;
    errors.reserve(reference.pixelCount() * 3);
    for (std::size_t i = 0; i < reference.pixelCount(); ++i) {
        const float* q = reference.data() + 3 * i;
        const double level = std::max({0.01, double(q[0]), double(q[1]), double(q[2])});
        for (int c = 0; c < 3; ++c)
            errors.push_back(std::abs(double(fast.data()[3 * i + c]) - q[c]) / level);
    }
    Difference d;
    for (double e : errors)
        d.mean += e;
    d.mean /= double(errors.size());
    std::sort(errors.begin(), errors.end());
    d.p999 = errors[std::size_t(double(errors.size() - 1) * 0.999)];
    d.worst = errors.back();
    return d;
}

Image render(const Image& in, const Recipe& recipe, RenderPath path, int guideFactor = 4) {
    RenderSettings settings;
    settings.path = path;
    settings.guideFactor = guideFactor;
    auto out = renderRecipe(in, recipe, settings);
    if (!out) throw std::runtime_error(out.error().message());
    return std::move(out).value();
}

at::Tensor planeTensor(const kernels::Plane& p) {
    return at::from_blob(const_cast<float*>(p.data()), {1, 1, p.height(), p.width()}, at::kFloat);
}

kernels::Plane randomPlane(int w, int h) {
    kernels::Plane p(w, h);
    std::mt19937 random(5);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (int i = 0; i < w * h; ++i)
        p.data()[i] = u(random);
    return p;
}

double maxAbs(const at::Tensor& a, const at::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

} // namespace

// The tolerance each op's fast path is held to, against its tensor code on the whole image
// (guide reduced 4×, as a 24 MP photo's is ~7×). Ops computed at full resolution by the generic
// kernels are exact to float rounding and table interpolation; ops transferred from the guide
// (dehaze, clarity) are approximations whose mean error is a fraction of a percent.
PICTOR_TEST(fast_path_agrees_with_tensor_path_per_op) {
    // clarity's base layer only runs on a reduced grid above ~1000 px of diagonal.
    const Image small = scene(), large = scene(1200, 800), odd = scene(243, 161);
    struct Row {
        const char* name;
        Recipe recipe;
        double mean, p999;
        const Image* in = nullptr;
    };
    const Row rows[] = {
        {"denoise luminance", with({{"denoise", "luminance", 60.0}}), 1e-5, 1e-4},
        {"denoise chroma", with({{"denoise", "chroma", 70.0}}), 1e-5, 1e-4},
        {"denoise, odd size", with({{"denoise", "chroma", 70.0}, {"denoise", "luminance", 30.0}}),
         1e-5, 1e-4, &odd},
        {"dehaze +", with({{"dehaze", "amount", 50.0}}), 1e-5, 1e-4},
        {"dehaze −", with({{"dehaze", "amount", -40.0}}), 1e-5, 1e-4},
        {"clarity +", with({{"clarity", "amount", 60.0}}), 1e-5, 1e-4, &large},
        {"clarity −", with({{"clarity", "amount", -50.0}}), 1e-5, 1e-4, &large},
        {"sharpen", with({{"sharpen", "amount", 120.0}, {"sharpen", "radius", 1.5}}), 1e-5, 1e-4},
        {"sharpen masked", with({{"sharpen", "amount", 80.0}, {"sharpen", "masking", 60.0}}), 1e-5,
         1e-4},
        {"vignette", with({{"vignette", "amount", -60.0}, {"vignette", "feather", 30.0}}), 5e-4,
         3e-3},
        {"straighten", with({{"straighten", "angle", 3.5}}), 1e-5, 1e-4},
        {"crop", with({{"crop", "left", 0.1}, {"crop", "bottom", 0.7}}), 0.0, 0.0},
    };
    for (const Row& row : rows) {
        const Image& in = row.in ? *row.in : small;
        const Image fast = render(in, row.recipe, RenderPath::Fast);
        const Image reference = render(in, row.recipe, RenderPath::Tensor);
        CHECK_MSG(fast.width() == reference.width() && fast.height() == reference.height(),
                  row.name << ": size differs");
        const Difference d = compare(fast, reference);
        std::printf("    %-18s mean %.2e  99.9%% %.2e  worst %.2e\n", row.name, d.mean, d.p999,
                    d.worst);
        CHECK_MSG(d.mean <= row.mean && d.p999 <= row.p999,
                  row.name << ": mean " << d.mean << " (≤ " << row.mean << "), 99.9% " << d.p999
                           << " (≤ " << row.p999 << ")");
    }
}

// The vignette's gain map is kept between renders (a slider moved before it leaves it unchanged):
// a new amount must get its own map, and an earlier amount the same pixels as before.
PICTOR_TEST(vignette_gain_maps_are_reused_only_for_the_same_vignette) {
    const Image in = scene(640, 400);
    std::vector<Image> renders;
    for (const double amount : {-40.0, 30.0, -40.0})
        renders.push_back(render(in, with({{"vignette", "amount", amount}}), RenderPath::Fast, 0));
    const std::size_t bytes = in.pixelCount() * 3 * sizeof(float);
    CHECK(std::memcmp(renders[0].data(), renders[2].data(), bytes) == 0);
    // The corners: darker than the input at −40, lighter at +30.
    CHECK_MSG(renders[0].at(2, 2)[1] < in.at(2, 2)[1] * 0.95f, renders[0].at(2, 2)[1]);
    CHECK_MSG(renders[1].at(2, 2)[1] > in.at(2, 2)[1] * 1.02f, renders[1].at(2, 2)[1]);
    // And each agrees with the op's own tensor code (as the per-op tolerance above).
    for (std::size_t i = 0; i < 2; ++i) {
        const double amount = i == 0 ? -40.0 : 30.0;
        const Difference d = compare(
            renders[i], render(in, with({{"vignette", "amount", amount}}), RenderPath::Tensor));
        CHECK_MSG(d.mean <= 5e-4, "amount " << amount << ": mean " << d.mean);
    }
}

// The kernels' arithmetic log2 and exp2 (image/FastMath.h) against the library's, in double.
PICTOR_TEST(fast_log2_and_exp2_are_within_about_an_ulp) {
    double worstLog = 0, worstExp = 0;
    for (int octave = -40; octave <= 40; ++octave)
        for (int i = 0; i < 4096; ++i) {
            const float x = std::ldexp(1.0f + float(i) / 4096.0f, octave);
            const double exact = std::log2(double(x));
            worstLog = std::max(worstLog, std::abs(double(log2Fast(x)) - exact) /
                                              std::max(1.0, std::abs(exact)));
        }
    for (int i = -40000; i <= 40000; ++i) {
        const float x = float(i) / 1000.0f;
        const double exact = std::exp2(double(x));
        worstExp = std::max(worstExp, std::abs(double(exp2Fast(x)) - exact) / exact);
    }
    CHECK_MSG(worstLog < 2.5e-7, "log2Fast: worst error " << worstLog);
    CHECK_MSG(worstExp < 1.5e-7, "exp2Fast: worst relative error " << worstExp);
    // Outside the float range it saturates instead of overflowing; NaN gives a finite value.
    CHECK(std::isfinite(exp2Fast(1000.0f)) && exp2Fast(1000.0f) > 1e38f);
    CHECK(exp2Fast(-1000.0f) > 0.0f && exp2Fast(-1000.0f) < 1e-37f);
    CHECK(std::isfinite(exp2Fast(std::nanf(""))));
}

PICTOR_TEST(fast_ops_really_change_the_image) {
    // Guards against a fast path that silently returns its input.
    const Image in = scene();
    for (const Recipe& recipe :
         {with({{"clarity", "amount", 60.0}}), with({{"dehaze", "amount", 50.0}}),
          with({{"denoise", "chroma", 70.0}}), with({{"sharpen", "amount", 100.0}})}) {
        const Difference d = compare(render(in, recipe, RenderPath::Fast), in);
        CHECK_MSG(d.mean > 1e-3, "mean change " << d.mean);
    }
}

PICTOR_TEST(box_and_gaussian_kernels_match_the_tensor_filters) {
    const kernels::Plane p = randomPlane(67, 41);
    for (int r : {1, 2, 5}) {
        const double e = maxAbs(planeTensor(kernels::boxFilter(p, r)),
                                ops::filters::boxFilter(planeTensor(p), r));
        CHECK_MSG(e < 1e-6, "box r " << r << ": " << e);
    }
    for (double sigma : {0.5, 1.0, 2.7}) {
        const double e =
            maxAbs(planeTensor(kernels::separableFilter(p, kernels::gaussianHalfKernel(sigma))),
                   ops::filters::gaussianBlur(planeTensor(p), sigma));
        CHECK_MSG(e < 1e-6, "gaussian sigma " << sigma << ": " << e);
    }
}

PICTOR_TEST(strip_guided_coefficients_match_the_tensor_filter) {
    const kernels::Plane guide = randomPlane(71, 45), src = randomPlane(71, 45);
    for (int r : {0, 1, 2, 4, 9, 30}) { // 9, 30: running sums; 30: taller than the image
        for (bool self : {true, false}) {
            const auto ours = kernels::guidedCoefficients(
                guide, self ? std::vector<const kernels::Plane*>{} : std::vector{&src}, r, 0.01f);
            const at::Tensor g = planeTensor(guide);
            auto [a, b] = ops::filters::guidedCoefficients(g, self ? g : planeTensor(src), r,
                                                           at::scalar_tensor(0.01f));
            const double e =
                std::max(maxAbs(planeTensor(ours[0].a), a), maxAbs(planeTensor(ours[0].b), b));
            CHECK_MSG(e < 1e-5, "r " << r << (self ? " self" : " source") << ": " << e);
        }
    }
}

PICTOR_TEST(adaptive_average_matches_resize_area) {
    const kernels::Plane p = randomPlane(103, 61);
    for (auto [w, h] : {std::pair{10, 7}, std::pair{51, 30}, std::pair{103, 61}, std::pair{1, 1}}) {
        const double e = maxAbs(planeTensor(kernels::adaptiveAverage(p, w, h)),
                                ops::filters::resizeArea(planeTensor(p), h, w));
        CHECK_MSG(e < 1e-6, w << "×" << h << ": " << e);
    }
    const Image in = scene(97, 64);
    const Image ours = kernels::adaptiveAverage(in, 13, 9);
    const at::Tensor x = at::from_blob(const_cast<float*>(in.data()), {64, 97, 3}, at::kFloat);
    const at::Tensor ref = ops::filters::resizeArea(x.permute({2, 0, 1}).unsqueeze(0), 9, 13)
                               .squeeze(0)
                               .permute({1, 2, 0});
    const at::Tensor got = at::from_blob(const_cast<float*>(ours.data()), {9, 13, 3}, at::kFloat);
    CHECK_MSG(maxAbs(got, ref) < 1e-6, "image: " << maxAbs(got, ref));
}

PICTOR_TEST(rendering_in_place_equals_rendering_a_copy) {
    // renderRecipe(Image&&) lets the stages write into their input; the result must not change.
    const Image in = scene(1200, 800);
    const Recipe recipe = with({{"denoise", "luminance", 30.0},
                                {"denoise", "chroma", 40.0},
                                {"exposure", "exposure", 0.3},
                                {"dehaze", "amount", 20.0},
                                {"tone", "contrast", 20.0},
                                {"clarity", "amount", 30.0},
                                {"sharpen", "amount", 50.0},
                                {"straighten", "angle", 1.0},
                                {"vignette", "amount", -30.0}});
    auto copied = renderRecipe(in, recipe);
    auto inPlace = renderRecipe(Image(in), recipe);
    CHECK(copied.ok() && inPlace.ok());
    CHECK(copied->width() == inPlace->width() && copied->height() == inPlace->height());
    CHECK(std::memcmp(copied->data(), inPlace->data(), copied->pixelCount() * 3 * sizeof(float)) ==
          0);
}

PICTOR_TEST(straighten_and_crop_in_place_equal_their_copies) {
    // In place, straighten overwrites its source front to back, keeping aside only the source rows
    // later output rows still read; crop moves rows down. Any angle and crop must give exactly
    // what the copying path gives (large angles keep many rows aside; 0.5° almost none).
    const Image in = scene(600, 400);
    for (const double angle : {0.5, -3.0, 12.0, -30.0, 44.0}) {
        for (const bool crop : {false, true}) {
            Recipe recipe = with({{"straighten", "angle", angle}});
            if (crop)
                recipe = with({{"straighten", "angle", angle},
                               {"crop", "left", 0.1},
                               {"crop", "top", 0.2},
                               {"crop", "right", 0.7},
                               {"crop", "bottom", 0.95}});
            auto copied = renderRecipe(in, recipe);
            auto inPlace = renderRecipe(Image(in), recipe);
            CHECK(copied.ok() && inPlace.ok());
            CHECK_MSG(copied->width() == inPlace->width() && copied->height() == inPlace->height(),
                      "angle " << angle);
            CHECK_MSG(std::memcmp(copied->data(), inPlace->data(),
                                  copied->pixelCount() * 3 * sizeof(float)) == 0,
                      "angle " << angle << (crop ? " with crop" : ""));
        }
    }
}

PICTOR_TEST(straighten_in_place_on_odd_shapes) {
    // Thin, tiny and odd-sized images at the angle range's ends: the in-place warp keeps aside the
    // right rows whatever the output's stride.
    for (const auto& [w, h] :
         std::vector<std::pair<int, int>>{{1, 1}, {2, 3}, {300, 7}, {7, 300}, {97, 61}, {61, 97}}) {
        const Image in = scene(w, h);
        for (const double angle : {-45.0, -7.5, 0.01, 7.5, 45.0}) {
            const Recipe recipe = with({{"straighten", "angle", angle}});
            auto copied = renderRecipe(in, recipe);
            auto inPlace = renderRecipe(Image(in), recipe);
            CHECK(copied.ok() && inPlace.ok());
            CHECK_MSG(copied->width() == inPlace->width() && copied->height() == inPlace->height(),
                      w << "×" << h << " at " << angle);
            CHECK_MSG(std::memcmp(copied->data(), inPlace->data(),
                                  copied->pixelCount() * 3 * sizeof(float)) == 0,
                      w << "×" << h << " at " << angle);
        }
    }
}

PICTOR_TEST(strip_kernels_equal_whole_plane_kernels) {
    const kernels::Plane plane = randomPlane(300, 97);
    const std::vector<float> half = kernels::gaussianHalfKernel(2.3);
    const kernels::Plane whole = kernels::separableFilter(plane, half);
    std::vector<float> rows(std::size_t(300) * 40), scratch;
    kernels::separableFilterRows(plane, half, 57, 97, rows.data(), scratch);
    CHECK(std::memcmp(rows.data(), whole.row(57), rows.size() * sizeof(float)) == 0);
    // Coefficient strips cover every row once, with the plane version's values.
    const auto planes = kernels::guidedCoefficients(plane, {}, 4, 0.01f);
    std::vector<int> seen(97, 0);
    bool same = true;
    kernels::forEachGuidedStrip(
        plane, {}, 4, 0.01f, [&](int y0, int y1, const kernels::CoefficientStrip& strip) {
            for (int y = y0; y < y1; ++y) {
                ++seen[std::size_t(y)];
                same = same &&
                       std::memcmp(strip.a(0, y), planes[0].a.row(y), 300 * sizeof(float)) == 0 &&
                       std::memcmp(strip.b(0, y), planes[0].b.row(y), 300 * sizeof(float)) == 0;
            }
        });
    CHECK(same);
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
}

PICTOR_TEST(upsampler_matches_bilinear_resize) {
    const kernels::Plane small = randomPlane(13, 9);
    const int W = 100, H = 61;
    const kernels::RowUpsampler up(13, 9, W, H);
    std::vector<float> scratch(13), full(std::size_t(W) * H);
    for (int y = 0; y < H; ++y)
        up.row(small.data(), y, scratch.data(), full.data() + std::size_t(y) * W);
    const at::Tensor ours = at::from_blob(full.data(), {1, 1, H, W}, at::kFloat);
    const double e = maxAbs(ours, ops::filters::resizeBilinear(planeTensor(small), H, W));
    CHECK_MSG(e < 1e-5, "bilinear differs by " << e);
}

PICTOR_TEST(downscale_and_resize_keep_the_mean) {
    const Image in = scene(101, 67);
    auto mean = [](const Image& im) {
        double s = 0;
        for (std::size_t i = 0; i < im.pixelCount() * 3; ++i)
            s += im.data()[i];
        return s / double(im.pixelCount() * 3);
    };
    const Image half = kernels::downscale(in, 2);
    CHECK(half.width() == 51 && half.height() == 34);
    const Image odd = kernels::resizeArea(in, 37, 23);
    CHECK(odd.width() == 37 && odd.height() == 23);
    // Area resize with fractional coverage keeps the mean exactly (up to rounding).
    CHECK_CLOSE(mean(odd), mean(in), 1e-5);
    CHECK_CLOSE(mean(half), mean(in), 5e-3); // partial edge blocks weigh a little more
}

PICTOR_TEST(stage_cache_recomputes_only_what_changed) {
    Renderer renderer(scene(240, 160));
    Recipe recipe = with({{"denoise", "luminance", 30.0},
                          {"exposure", "exposure", 0.5},
                          {"clarity", "amount", 30.0},
                          {"vignette", "amount", -30.0}});
    RenderSettings settings;
    auto first = renderer.render(recipe, settings);
    CHECK(first.ok());
    const std::size_t stages = renderer.cache().entries();
    CHECK(stages == 4); // denoise | exposure | clarity | vignette

    // The same recipe again: the last stage comes from the cache, nothing is recomputed.
    auto again = renderer.render(recipe, settings);
    CHECK(again.ok());
    CHECK(again->get() == first->get());

    // Moving the last slider recomputes the last stage only: one new entry.
    (void)recipe.set("vignette", "amount", -60.0);
    auto moved = renderer.render(recipe, settings);
    CHECK(moved.ok());
    CHECK(renderer.cache().entries() == stages + 1);
    const Image fresh = render(renderer.source(), recipe, RenderPath::Fast, 0);
    CHECK(std::memcmp(fresh.data(), (*moved)->data(), fresh.pixelCount() * 3 * sizeof(float)) == 0);

    // Moving an early slider recomputes it and everything after it: three new entries.
    (void)recipe.set("exposure", "exposure", 0.2);
    auto early = renderer.render(recipe, settings);
    CHECK(early.ok());
    CHECK(renderer.cache().entries() == stages + 4);
}

PICTOR_TEST(stage_cache_respects_its_budget) {
    StageCache cache(3 * 10 * 10 * 3 * sizeof(float)); // three 10×10 images
    for (std::uint64_t k = 0; k < 5; ++k)
        cache.insert(k, std::make_shared<Image>(10, 10));
    CHECK(cache.entries() == 3);
    CHECK(!cache.find(0) && !cache.find(1) && cache.find(4));
    cache.insert(9, std::make_shared<Image>(100, 100)); // larger than the budget: not kept
    CHECK(!cache.find(9));
}

PICTOR_TEST(stage_cache_keeps_a_few_outputs_per_slot) {
    StageCache cache;
    for (std::uint64_t k = 1; k <= 5; ++k)
        cache.insert(k, std::make_shared<Image>(10, 10), /*slot*/ 7);
    cache.insert(100, std::make_shared<Image>(10, 10), /*slot*/ 8);
    cache.insert(200, std::make_shared<Image>(10, 10)); // no slot: only the budget limits it
    CHECK(cache.entries() == StageCache::kPerSlot + 2);
    CHECK(!cache.find(1) && !cache.find(2) && cache.find(3) && cache.find(5));
    CHECK(cache.find(100) && cache.find(200));
    (void)cache.find(3); // used: the slot's least recently used is now 4
    cache.insert(6, std::make_shared<Image>(10, 10), 7);
    CHECK(cache.find(3) && !cache.find(4) && cache.find(6));
}

PICTOR_TEST(preview_renders_at_any_scale_like_the_export) {
    Renderer renderer(scene(480, 320));
    const Recipe recipe = with({{"exposure", "exposure", 0.4},
                                {"tone", "contrast", 30.0},
                                {"clarity", "amount", 40.0},
                                {"vignette", "amount", -40.0}});
    auto full = renderer.render(recipe, {});
    CHECK(full.ok());
    for (double scale : {0.5, 0.3, 0.125}) {
        auto preview = renderer.render(recipe, {}, scale);
        CHECK(preview.ok());
        CHECK((*preview)->width() == int(std::lround(480 * scale)));
        CHECK((*preview)->height() == int(std::lround(320 * scale)));
        const Image expected =
            kernels::resizeArea(**full, (*preview)->width(), (*preview)->height());
        const Difference d = compare(**preview, expected);
        CHECK_MSG(d.mean < 0.02, "scale " << scale << ": mean difference " << d.mean);
    }
}

PICTOR_TEST(cancellation_stops_a_cached_render) {
    Renderer renderer(scene(120, 80));
    RenderSettings settings;
    settings.progress = [](double done) { return done < 0.5; };
    auto out = renderer.render(with({{"exposure", "exposure", 1.0},
                                     {"clarity", "amount", 20.0},
                                     {"vignette", "amount", -20.0}}),
                               settings);
    CHECK(!out.ok());
    CHECK(out.error().what.find("cancelled") != std::string::npos);
}

PICTOR_TEST(cpu_and_cuda_agree) {
    if (!chooseComputeDevice(DeviceKind::Cuda))
        SKIP("no CUDA device (libtorch sees none): the CPU/CUDA agreement needs a GPU");
    const Image in = scene();
    const Recipe recipe = with({{"denoise", "luminance", 30.0},
                                {"white_balance", "temperature", 5200.0},
                                {"exposure", "exposure", 0.4},
                                {"dehaze", "amount", 20.0},
                                {"tone", "contrast", 25.0},
                                {"color", "vibrance", 30.0},
                                {"clarity", "amount", 25.0},
                                {"sharpen", "amount", 50.0},
                                {"straighten", "angle", 2.0},
                                {"vignette", "amount", -25.0}});
    RenderSettings cpu, cuda;
    cpu.path = RenderPath::Tensor;
    cuda.device = DeviceKind::Cuda;
    auto a = renderRecipe(in, recipe, cpu);
    auto b = renderRecipe(in, recipe, cuda);
    CHECK(a.ok() && b.ok());
    const Difference d = compare(*b, *a);
    CHECK_MSG(d.worst < 1e-3, "CPU vs CUDA worst relative difference " << d.worst);
}

PICTOR_TEST(cuda_without_a_device_is_an_error) {
    if (chooseComputeDevice(DeviceKind::Cuda)) SKIP("a CUDA device is present");
    RenderSettings settings;
    settings.device = DeviceKind::Cuda;
    auto out = renderRecipe(scene(32, 16), with({{"exposure", "exposure", 1.0}}), settings);
    CHECK(!out.ok());
    CHECK(out.error().what.find("CUDA") != std::string::npos);
}

int main(int argc, char** argv) {
    return pictor::test::runAll(argc, argv);
}
