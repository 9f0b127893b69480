// The renderer applies a recipe faithfully: the LUT and matrix paths agree with the ops' own
// tensor code, neutral recipes change nothing, bad recipes are errors, cancellation works.
#include "ops/GlobalOps.h"
#include "ops/LocalOps.h"
#include "pipeline/Render.h"

#undef CHECK // glog's, from the torch headers
#include "support/ComputeTest.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace pictor;

namespace {

Image scene(int w = 96, int h = 64) {
    Image image(w, h);
    std::mt19937 random(3);
    std::uniform_real_distribution<float> noise(0.0f, 0.02f);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float* p = image.at(x, y);
            const float u = float(x) / w, v = float(y) / h;
            p[0] = 0.02f + 0.8f * u * u + noise(random);
            p[1] = 0.05f + 0.5f * v + noise(random);
            p[2] = 0.03f + 0.4f * (1 - u) * v + noise(random);
        }
    return image;
}

at::Tensor tensorOf(const Image& image) {
    return at::from_blob(const_cast<float*>(image.data()), {image.height(), image.width(), 3}, at::kFloat).clone();
}

// Worst |a − b| / max(|b|, floor) over all samples.
double worst(const Image& a, const at::Tensor& b, double floor = 1e-3) {
    const at::Tensor c = b.contiguous();
    const float* q = c.data_ptr<float>();
    double w = 0;
    for (std::size_t i = 0; i < a.pixelCount() * 3; ++i)
        w = std::max(w, std::abs(double(a.data()[i]) - q[i]) / std::max(floor, std::abs(double(q[i]))));
    return w;
}

// Worst channel error relative to the pixel's brightest channel (what the eye compares it with).
double worstPerPixel(const Image& a, const at::Tensor& b) {
    const at::Tensor c = b.contiguous();
    const float* q = c.data_ptr<float>();
    double w = 0;
    for (std::size_t p = 0; p < a.pixelCount(); ++p) {
        const double level = std::max({1e-3, double(q[p * 3]), double(q[p * 3 + 1]), double(q[p * 3 + 2])});
        for (int k = 0; k < 3; ++k) w = std::max(w, std::abs(double(a.data()[p * 3 + k]) - q[p * 3 + k]) / level);
    }
    return w;
}

Recipe with(std::initializer_list<std::tuple<const char*, const char*, double>> values) {
    Recipe recipe;
    for (const auto& [op, param, value] : values) {
        auto set = recipe.set(op, param, value);
        if (!set) throw std::runtime_error(set.error().message());
    }
    return recipe;
}

} // namespace

PICTOR_TEST(neutral_recipe_changes_nothing) {
    const Image in = scene();
    auto out = renderRecipe(in, Recipe{});
    CHECK(out.ok());
    CHECK(std::memcmp(out->data(), in.data(), in.pixelCount() * 3 * sizeof(float)) == 0);
    auto zeros = renderRecipe(in, with({{"exposure", "exposure", 0.0}, {"tone", "contrast", 0.0}}));
    CHECK(zeros.ok());
    CHECK(std::memcmp(zeros->data(), in.data(), in.pixelCount() * 3 * sizeof(float)) == 0);
}

PICTOR_TEST(exposure_is_exact_through_the_renderer) {
    const Image in = scene();
    for (double ev : {1.0, 0.3, -0.7}) {
        auto out = renderRecipe(in, with({{"exposure", "exposure", ev}}));
        CHECK(out.ok());
        const double error = worst(*out, tensorOf(in) * float(std::exp2(ev)), 1e-4);
        CHECK_MSG(error < 1e-5, ev << " EV: worst relative error " << error);
    }
}

PICTOR_TEST(global_ops_match_their_tensor_code) {
    const Image in = scene();
    const Recipe recipe = with({{"white_balance", "temperature", 5000.0},
                                {"exposure", "exposure", 0.4},
                                {"tone", "contrast", 40.0},
                                {"tone", "shadows", 30.0},
                                {"color", "saturation", 25.0},
                                {"hsl", "hue_red", 20.0}});
    auto out = renderRecipe(in, recipe);
    CHECK(out.ok());
    at::Tensor x = tensorOf(in).reshape({-1, 3});
    auto s = [](double v) { return at::scalar_tensor(v, at::kFloat); };
    x = ops::whiteBalance(x, s(5000), s(0), SourceWhite{});
    x = ops::exposure(x, s(0.4));
    x = ops::tone(x, {s(40), s(0), s(30), s(0), s(0)});
    x = ops::color(x, s(0), s(25));
    at::Tensor hue = at::zeros({8}), zero = at::zeros({8});
    hue[0] = 20.0f;
    x = ops::hsl(x, hue, zero, zero);
    // Relative to the pixel's level: the LUT interpolates between lattice points, and stores
    // no negative channel values (outside every gamut Pictor writes).
    const double error = worstPerPixel(*out, x.reshape({in.height(), in.width(), 3}).clamp_min(0));
    CHECK_MSG(error < 1e-2, "worst error, relative to the pixel " << error);
}

PICTOR_TEST(local_and_geometry_ops_run_and_resize) {
    const Image in = scene();
    auto out = renderRecipe(in, with({{"vignette", "amount", -50.0}, {"crop", "right", 0.5}}));
    CHECK(out.ok());
    CHECK(out->width() == in.width() / 2 && out->height() == in.height());
    const at::Tensor expected =
        ops::vignette(ops::crop(tensorOf(in), 0, 0, 0.5, 1), at::scalar_tensor(-50.0), at::scalar_tensor(50.0),
                      at::scalar_tensor(50.0), 1.0);
    CHECK_MSG(worst(*out, expected) < 1e-5, "vignette after crop differs");
}

PICTOR_TEST(invalid_recipes_are_errors_not_exceptions) {
    Recipe recipe = with({{"crop", "left", 0.8}, {"crop", "right", 0.2}});
    auto out = renderRecipe(scene(), recipe);
    CHECK(!out.ok());
    CHECK_MSG(out.error().message().find("crop") != std::string::npos ||
                  out.error().message().find("left") != std::string::npos,
              out.error().message());
}

PICTOR_TEST(progress_can_cancel) {
    RenderSettings settings;
    int calls = 0;
    settings.progress = [&calls](double) { return ++calls < 2; };
    auto out = renderRecipe(scene(), with({{"exposure", "exposure", 1.0}, {"vignette", "amount", -20.0}}), settings);
    CHECK(!out.ok());
    CHECK(out.error().what.find("cancelled") != std::string::npos);
}

int main(int argc, char** argv) { return pictor::test::runAll(argc, argv); }
