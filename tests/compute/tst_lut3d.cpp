// The 3D LUT that carries the global ops: faithful to the chain it bakes, exact for linear
// prefixes, robust to any input value.
#include "pipeline/Lut3d.h"
#include "support/ComputeTest.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace pictor;

namespace {

// Colours over the whole working range: a grey ramp of 20 stops, saturated and random colours.
Image testColours() {
    Image image(64, 64);
    std::mt19937 random(42);
    std::uniform_real_distribution<float> stops(-13.0f, 5.5f), mix(0.0f, 1.0f);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            float* p = image.at(x, y);
            if (y == 0) { // grey ramp
                p[0] = p[1] = p[2] = std::exp2(-14.0f + 20.0f * float(x) / 63.0f);
            } else {
                const float level = std::exp2(stops(random));
                p[0] = level * mix(random);
                p[1] = level * mix(random);
                p[2] = level * mix(random);
            }
        }
    return image;
}

at::Tensor asTensor(const Image& image) {
    return at::from_blob(const_cast<float*>(image.data()), {std::int64_t(image.pixelCount()), 3}, at::kFloat);
}

// Worst relative error (absolute below `floor`) between the LUT result and the chain itself.
double worstError(const Image& lutResult, const at::Tensor& direct, double floor) {
    const float* a = lutResult.data();
    const float* b = direct.data_ptr<float>();
    double worst = 0;
    for (std::size_t i = 0; i < lutResult.pixelCount() * 3; ++i)
        worst = std::max(worst, std::abs(double(a[i]) - b[i]) / std::max(floor, std::abs(double(b[i]))));
    return worst;
}

} // namespace

PICTOR_TEST(identity_chain_is_identity) {
    const Lut3d lut = bakeLut3d([](const at::Tensor& rgb) { return rgb; });
    const Image in = testColours();
    Image out(in.width(), in.height());
    applyLut3d(lut, nullptr, in, out);
    const double error = worstError(out, asTensor(in), 1e-3);
    CHECK_MSG(error < 2e-5, "worst relative error " << error);
}

PICTOR_TEST(a_gain_in_the_lut_is_reproduced) {
    const float gain = std::exp2(0.3f);
    const Lut3d lut = bakeLut3d([gain](const at::Tensor& rgb) { return rgb * gain; });
    const Image in = testColours();
    Image out(in.width(), in.height());
    applyLut3d(lut, nullptr, in, out);
    at::Tensor expected = asTensor(in) * gain; // beyond the lattice top the ratio extrapolates
    const double error = worstError(out, expected, 1e-3);
    CHECK_MSG(error < 5e-4, "worst relative error " << error);
}

PICTOR_TEST(linear_prefix_is_exact) {
    // White balance and exposure are a 3×3 matrix applied before the LUT: no interpolation.
    const Lut3d lut = bakeLut3d([](const at::Tensor& rgb) { return rgb; });
    const ColorMatrix m{1.2f, 0.05f, 0.0f, 0.0f, 0.9f, 0.1f, 0.02f, 0.0f, 0.7f};
    const Image in = testColours();
    Image out(in.width(), in.height());
    applyLut3d(lut, &m, in, out);
    at::Tensor mt = at::from_blob(const_cast<float*>(m.data()), {3, 3}, at::kFloat);
    at::Tensor expected = at::matmul(asTensor(in), mt.t()).clamp_min(0.0f).contiguous();
    const double error = worstError(out, expected, 1e-3);
    CHECK_MSG(error < 2e-5, "worst relative error " << error);
}

PICTOR_TEST(nonlinear_chain_is_followed_closely) {
    // A tone compression plus cross-channel mixing, like tone and saturation ops.
    auto chain = [](const at::Tensor& rgb) {
        at::Tensor y = (rgb * at::tensor({0.2627f, 0.6780f, 0.0593f})).sum(-1, true);
        at::Tensor mapped = y / (1 + y);
        at::Tensor ratio = mapped / (y + 1e-6f);
        return (y + (rgb - y) * 1.3f).clamp_min(0) * ratio;
    };
    const Lut3d lut = bakeLut3d(chain);
    const Image in = testColours();
    Image out(in.width(), in.height());
    applyLut3d(lut, nullptr, in, out);
    // Error relative to the pixel's brightest channel (what the eye compares it with): the
    // clamp at 0 is a kink no lattice reproduces exactly, so allow 2 % of the pixel there.
    const at::Tensor expected = chain(asTensor(in)).contiguous();
    const float* e = expected.data_ptr<float>();
    double worst = 0;
    for (std::size_t p = 0; p < in.pixelCount(); ++p) {
        const double reference = std::max({1e-3, double(e[p * 3]), double(e[p * 3 + 1]), double(e[p * 3 + 2])});
        for (int c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(double(out.data()[p * 3 + c]) - e[p * 3 + c]) / reference);
    }
    CHECK_MSG(worst < 2e-2, "worst error relative to the pixel " << worst);
}

PICTOR_TEST(hostile_values_give_finite_output) {
    const Lut3d lut = bakeLut3d([](const at::Tensor& rgb) { return rgb.sqrt(); });
    Image in(4, 1);
    const float values[12] = {-1.0f, 0.0f, 1e30f, NAN, INFINITY, -INFINITY, 0.5f, 1e-30f, 100.0f, 0, 0, 0};
    std::copy(values, values + 12, in.data());
    Image out(4, 1);
    applyLut3d(lut, nullptr, in, out);
    for (int i = 0; i < 12; ++i) CHECK_MSG(std::isfinite(out.data()[i]) && out.data()[i] >= 0, "sample " << i);
}

PICTOR_TEST(rows_can_be_rendered_separately_and_in_place) {
    const Lut3d lut = bakeLut3d([](const at::Tensor& rgb) { return rgb * 2.0f; });
    const Image in = testColours();
    Image whole(in.width(), in.height());
    applyLut3d(lut, nullptr, in, whole);
    Image strips = in; // in place, two strips
    applyLut3d(lut, nullptr, strips, strips, 0, 20);
    applyLut3d(lut, nullptr, strips, strips, 20, in.height() - 20);
    for (std::size_t i = 0; i < in.pixelCount() * 3; ++i) CHECK(whole.data()[i] == strips.data()[i]);
}

int main(int argc, char** argv) { return pictor::test::runAll(argc, argv); }
