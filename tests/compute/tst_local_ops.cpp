// Local and geometry ops (denoise, dehaze, clarity, sharpen, vignette, straighten, crop): neutral
// is the identity; each op moves its own measurable quantity in the right direction,
// monotonically; previews (pixelScale) match the export; gradients flow; CPU and CUDA agree.
#include "ops/Filters.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>

// glog (pulled in by c10's logging) defines its own CHECK; the harness's must win.
#undef CHECK
#include "support/ComputeTest.h"

#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <stdexcept>

using namespace pictor;
namespace F = pictor::ops::filters;

namespace {

at::Tensor P(double v) {
    return at::scalar_tensor(v, at::kFloat);
}

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) {
    return (a - b).abs().max().item<double>();
}
double meanAbsDiff(const at::Tensor& a, const at::Tensor& b) {
    return (a - b).abs().mean().item<double>();
}

// [H, W] coordinate grids.
at::Tensor xs(int64_t H, int64_t W) {
    return at::arange(W, at::kFloat).view({1, W}).expand({H, W});
}
at::Tensor ys(int64_t H, int64_t W) {
    return at::arange(H, at::kFloat).view({H, 1}).expand({H, W});
}

at::Tensor rgb(const at::Tensor& r, const at::Tensor& g, const at::Tensor& b) {
    return at::stack({r, g, b}, 2).contiguous();
}

// A textured scene: colour gradients, hard-edged rectangles, fine sinusoidal and random texture.
at::Tensor texturedScene(int64_t H, int64_t W, uint64_t seed = 1) {
    at::manual_seed(seed);
    at::Tensor x = xs(H, W) / double(W), y = ys(H, W) / double(H);
    at::Tensor base = 0.05 + 0.5 * x + 0.15 * y;
    at::Tensor rect1 = ((x > 0.2) & (x < 0.45) & (y > 0.2) & (y < 0.6)).to(at::kFloat);
    at::Tensor rect2 = ((x > 0.6) & (x < 0.85) & (y > 0.5) & (y < 0.85)).to(at::kFloat);
    at::Tensor texture = 0.08 * at::sin(x * W * 0.9) * at::sin(y * H * 0.7) +
                         0.05 * at::sin(x * W * 0.15 + y * H * 0.1);
    at::Tensor grain = 0.03 * at::randn({H, W});
    at::Tensor lum =
        at::clamp_min(base + 0.4 * rect1 - 0.03 * rect2 + texture * base + grain * base, 0.005);
    at::Tensor r = lum * (1.0 + 0.3 * rect2 - 0.2 * y);
    at::Tensor g = lum * (1.0 - 0.1 * rect1);
    at::Tensor b = lum * (0.8 + 0.4 * y + 0.3 * rect1);
    return rgb(r, g, b);
}

// Grey 0.2 on the left, 0.5 on the right (edge at W/2), independent noise σ per channel.
at::Tensor noisyEdge(int64_t H, int64_t W, double sigma = 0.02, uint64_t seed = 2) {
    at::manual_seed(seed);
    at::Tensor level =
        at::where(xs(H, W) < double(W / 2), at::scalar_tensor(0.2), at::scalar_tensor(0.5))
            .to(at::kFloat);
    at::Tensor clean = rgb(level, level * 0.95, level * 1.05);
    return clean + sigma * at::randn({H, W, 3});
}

// I = J·t + A·(1 − t): haze thicker towards the top (farther away).
const double kAir[3] = {0.85, 0.88, 0.92};
at::Tensor hazed(const at::Tensor& scene) {
    const int64_t H = scene.size(0), W = scene.size(1);
    at::Tensor t = (0.3 + 0.5 * ys(H, W) / double(H)).unsqueeze(2);
    at::Tensor A = at::tensor({kAir[0], kAir[1], kAir[2]}, at::kFloat).view({1, 1, 3});
    return (scene * t + A * (1.0 - t)).contiguous();
}

// Sky 0.7 above, ground 0.1 below a line through the centre at `degrees` counter-clockwise
// (anti-aliased), with a weak texture in both.
at::Tensor horizon(int64_t H, int64_t W, double degrees) {
    const double a = degrees * std::numbers::pi / 180.0;
    at::Tensor x = xs(H, W) + 0.5 - W / 2.0, y = ys(H, W) + 0.5 - H / 2.0;
    // Signed distance below the line (y down): the line is y = −x tan a.
    at::Tensor d = x * std::sin(a) + y * std::cos(a);
    at::Tensor below = at::clamp(d + 0.5, 0.0, 1.0);
    at::Tensor v = 0.7 + (0.1 - 0.7) * below;
    return rgb(v, v, v * 1.1);
}

// Tilt (degrees, counter-clockwise) of the sky/ground boundary: per column, the number of sky
// rows (sub-pixel) gives the boundary; a least-squares line over the middle 80 % of columns.
double measureHorizonDegrees(const at::Tensor& image) {
    at::Tensor g = image.select(2, 1);
    const int64_t H = g.size(0), W = g.size(1);
    at::Tensor frac = at::clamp((g - 0.1) / 0.6, 0.0, 1.0);
    at::Tensor boundary = frac.sum(0).to(at::kDouble); // rows of sky per column
    const int64_t c0 = W / 10, c1 = W - W / 10;
    at::Tensor cols = at::arange(c0, c1, at::kDouble);
    at::Tensor b = boundary.slice(0, c0, c1);
    const double mx = cols.mean().item<double>(), my = b.mean().item<double>();
    const double slope =
        ((cols - mx) * (b - my)).sum().item<double>() / (cols - mx).square().sum().item<double>();
    (void)H;
    return std::atan(-slope) * 180.0 / std::numbers::pi; // y grows downwards
}

at::Tensor lumaOf(const at::Tensor& hwc) {
    return F::luminance(F::toNchw(hwc));
}

// Std of the discrete Laplacian over a region, scaled to the σ of white noise (var(L) = 20σ²).
double laplacianSigma(const at::Tensor& plane) {
    at::Tensor p = plane.dim() == 2 ? plane : plane.squeeze();
    at::Tensor c = p.slice(0, 1, -1).slice(1, 1, -1);
    at::Tensor lap = 4 * c - p.slice(0, 0, -2).slice(1, 1, -1) - p.slice(0, 2).slice(1, 1, -1) -
                     p.slice(0, 1, -1).slice(1, 0, -2) - p.slice(0, 1, -1).slice(1, 2);
    return lap.std().item<double>() / std::sqrt(20.0);
}

// Left flat region of noisyEdge (away from the edge and the borders).
at::Tensor flatRegion(const at::Tensor& plane2d) {
    const int64_t H = plane2d.size(0), W = plane2d.size(1);
    return plane2d.slice(0, 8, H - 8).slice(1, 8, W / 2 - 16);
}

// Luminance step across the edge of noisyEdge: mean Y two columns right minus two columns left.
double edgeStep(const at::Tensor& image) {
    at::Tensor y = lumaOf(image).squeeze();
    const int64_t W = y.size(1);
    return (y.select(1, W / 2 + 1).mean() - y.select(1, W / 2 - 2).mean()).item<double>();
}

double darkChannelMean(const at::Tensor& image) {
    at::Tensor x = F::toNchw(image);
    return F::minFilter(std::get<0>(x.min(1, true)), 3).mean().item<double>();
}
double lumaStd(const at::Tensor& image) {
    return lumaOf(image).std().item<double>();
}
double meanSaturation(const at::Tensor& image) {
    at::Tensor mx = std::get<0>(image.max(2)), mn = std::get<0>(image.min(2));
    return ((mx - mn) / at::clamp_min(mx, 1e-4)).mean().item<double>();
}

// Band-pass (difference of Gaussians σ 2 and 12) energy of log2-luminance.
double bandEnergy(const at::Tensor& image) {
    at::Tensor l = at::log2(at::clamp_min(lumaOf(image), 0.0) + 1.0 / 1024);
    at::Tensor band = F::gaussianBlur(l, 2.0) - F::gaussianBlur(l, 12.0);
    return band.square().mean().item<double>();
}
// High-pass (Laplacian) energy of luminance over a region of the image.
double highFreqEnergy(const at::Tensor& image) {
    return std::pow(laplacianSigma(lumaOf(image).squeeze()), 2);
}

void checkIdentity(const char* what, const at::Tensor& in, const at::Tensor& out) {
    CHECK_MSG(out.sizes() == in.sizes(), what << ": " << out.sizes() << " vs " << in.sizes());
    const double d = maxAbsDiff(in, out);
    CHECK_MSG(d <= 1e-6, what << ": max |Δ| = " << d);
}

// Every op behind one signature, params as tensors, for the generic tests.
struct OpCase {
    const char* name;
    std::function<at::Tensor(const at::Tensor&, const std::vector<at::Tensor>&, double)> run;
    std::vector<double> active; // a non-neutral point
};

std::vector<OpCase> opCases() {
    return {
        {"denoise",
         [](const at::Tensor& i, const std::vector<at::Tensor>& p, double s) {
             return ops::denoise(i, p[0], p[1], s);
         },
         {60, 70}},
        {"dehaze",
         [](const at::Tensor& i, const std::vector<at::Tensor>& p, double s) {
             return ops::dehaze(i, p[0], s);
         },
         {60}},
        {"clarity",
         [](const at::Tensor& i, const std::vector<at::Tensor>& p, double s) {
             return ops::clarity(i, p[0], s);
         },
         {60}},
        {"sharpen",
         [](const at::Tensor& i, const std::vector<at::Tensor>& p, double s) {
             return ops::sharpen(i, p[0], p[1], p[2], s);
         },
         {80, 1.5, 40}},
        {"vignette",
         [](const at::Tensor& i, const std::vector<at::Tensor>& p, double s) {
             return ops::vignette(i, p[0], p[1], p[2], s);
         },
         {-60, 40, 60}},
        {"straighten",
         [](const at::Tensor& i, const std::vector<at::Tensor>& p, double s) {
             return ops::straighten(i, p[0], s);
         },
         {7.5}},
    };
}

} // namespace

// ---------------------------------------------------------------------------------- neutral

PICTOR_TEST(min_filter_is_the_minimum_over_the_in_image_window) {
    // Against a brute-force erosion: every window size up to wider than the image, odd sizes, a
    // NaN (it spreads over its window, as through max_pool2d) and ±inf.
    at::manual_seed(3);
    for (const auto& [H, W] : {std::pair<int64_t, int64_t>{1, 1}, {5, 3}, {13, 29}}) {
        at::Tensor x = at::rand({1, 1, H, W}, at::kFloat);
        if (H * W > 20) {
            x.view({-1})[7] = -std::numeric_limits<float>::infinity();
            x.view({-1})[11] = std::numeric_limits<float>::infinity();
        }
        for (int64_t r : {1, 2, 3, 5, 8, 40}) {
            const at::Tensor got = F::minFilter(x, r);
            CHECK(got.sizes() == x.sizes());
            auto a = x.accessor<float, 4>();
            auto g = got.accessor<float, 4>();
            double worst = 0;
            for (int64_t y = 0; y < H; ++y)
                for (int64_t i = 0; i < W; ++i) {
                    float m = std::numeric_limits<float>::infinity();
                    for (int64_t v = std::max<int64_t>(0, y - r); v <= std::min(H - 1, y + r); ++v)
                        for (int64_t u = std::max<int64_t>(0, i - r); u <= std::min(W - 1, i + r);
                             ++u)
                            m = std::min(m, a[0][0][v][u]);
                    worst = std::max(worst, std::abs(double(g[0][0][y][i]) - double(m)));
                    if (std::isinf(m)) worst = std::max(worst, g[0][0][y][i] == m ? 0.0 : 1.0);
                }
            CHECK_MSG(worst == 0, H << "x" << W << " r " << r << ": " << worst);
        }
    }
    at::Tensor withNan = at::rand({1, 1, 9, 9}, at::kFloat);
    withNan[0][0][4][4] = std::numeric_limits<float>::quiet_NaN();
    const at::Tensor spread = F::minFilter(withNan, 1);
    CHECK(at::isnan(spread).sum().item<int64_t>() == 9);
}

PICTOR_TEST(neutral_params_are_the_identity) {
    at::Tensor img = texturedScene(96, 128);
    img.select(2, 0).select(0, 3).fill_(2.5); // HDR values and a slightly negative one survive
    img.index_put_({5, 5, 2}, -0.01);
    checkIdentity("denoise", img, ops::denoise(img, P(0), P(0), 1.0));
    checkIdentity("dehaze", img, ops::dehaze(img, P(0), 1.0));
    checkIdentity("clarity", img, ops::clarity(img, P(0), 1.0));
    checkIdentity("sharpen", img, ops::sharpen(img, P(0), P(1.0), P(0), 1.0));
    checkIdentity("sharpen(masking)", img, ops::sharpen(img, P(0), P(2.0), P(70), 1.0));
    checkIdentity("vignette", img, ops::vignette(img, P(0), P(50), P(50), 1.0));
    checkIdentity("straighten", img, ops::straighten(img, P(0), 1.0));
    checkIdentity("crop", img, ops::crop(img, 0, 0, 1, 1));
}

PICTOR_TEST(neutral_is_exact_even_when_params_require_grad) {
    // The training path never short-circuits; the formulas themselves must give the identity.
    at::Tensor img = texturedScene(64, 80);
    auto g = [](double v) { return P(v).requires_grad_(true); };
    checkIdentity("denoise", img, ops::denoise(img, g(0), g(0), 1.0).detach());
    checkIdentity("dehaze", img, ops::dehaze(img, g(0), 1.0).detach());
    checkIdentity("clarity", img, ops::clarity(img, g(0), 1.0).detach());
    checkIdentity("sharpen", img, ops::sharpen(img, g(0), g(1.0), g(30), 1.0).detach());
    checkIdentity("vignette", img, ops::vignette(img, g(0), g(50), g(50), 1.0).detach());
    checkIdentity("straighten", img, ops::straighten(img, g(0), 1.0).detach());
}

// ---------------------------------------------------------------------------------- denoise

PICTOR_TEST(denoise_luminance_lowers_noise_monotonically_and_keeps_the_edge) {
    at::Tensor img = noisyEdge(128, 160);
    const double sigma0 = laplacianSigma(flatRegion(lumaOf(img).squeeze()));
    const double step0 = edgeStep(img);
    double previous = sigma0;
    for (double amount : {25.0, 50.0, 75.0, 100.0}) {
        at::Tensor out = ops::denoise(img, P(amount), P(0), 1.0);
        const double sigma = laplacianSigma(flatRegion(lumaOf(out).squeeze()));
        const double step = edgeStep(out);
        std::printf("    luminance %3.0f: noise σ %.5f (input %.5f), edge step %.4f (input %.4f)\n",
                    amount, sigma, sigma0, step, step0);
        CHECK_MSG(sigma < previous, "amount " << amount << ": σ " << sigma << " ≥ " << previous);
        CHECK_MSG(step > 0.9 * step0, "edge contrast dropped by more than 10 %: " << step);
        previous = sigma;
    }
    CHECK_MSG(previous < 0.5 * sigma0, "luminance 100 should halve the noise: " << previous);
}

PICTOR_TEST(denoise_chroma_lowers_colour_noise_not_luminance_detail) {
    at::Tensor img = noisyEdge(128, 160);
    auto chromaSigma = [](const at::Tensor& im) {
        at::Tensor x = F::toNchw(im);
        at::Tensor d = (x.narrow(1, 0, 1) - x.narrow(1, 1, 1)).squeeze(); // R − G
        return laplacianSigma(flatRegion(d)) +
               laplacianSigma(flatRegion((x.narrow(1, 2, 1) - F::luminance(x)).squeeze()));
    };
    const double c0 = chromaSigma(img);
    double previous = c0;
    for (double amount : {30.0, 60.0, 100.0}) {
        at::Tensor out = ops::denoise(img, P(0), P(amount), 1.0);
        const double c = chromaSigma(out);
        std::printf("    chroma %3.0f: chroma noise %.5f (input %.5f)\n", amount, c, c0);
        CHECK_MSG(c < previous, "amount " << amount << ": " << c << " ≥ " << previous);
        previous = c;
        // Luminance (detail and noise alike) is untouched by the chroma part.
        const double dy = maxAbsDiff(lumaOf(out), lumaOf(img));
        CHECK_MSG(dy < 1e-5, "chroma denoise changed luminance by " << dy);
    }
    CHECK_MSG(previous < 0.35 * c0, "chroma 100 should remove most colour noise: " << previous);
}

// ---------------------------------------------------------------------------------- dehaze

PICTOR_TEST(dehaze_removes_and_adds_haze_monotonically) {
    at::Tensor clean = texturedScene(160, 240, 5);
    at::Tensor img = hazed(clean);
    const double dark0 = darkChannelMean(img), std0 = lumaStd(img), sat0 = meanSaturation(img);
    std::printf("    input: dark %.4f, contrast %.4f, saturation %.4f (clean dark %.4f)\n", dark0,
                std0, sat0, darkChannelMean(clean));
    double prevDark = dark0, prevStd = std0, prevSat = sat0;
    for (double amount : {25.0, 50.0, 75.0, 100.0}) {
        at::Tensor out = ops::dehaze(img, P(amount), 1.0);
        const double d = darkChannelMean(out), s = lumaStd(out), sat = meanSaturation(out);
        std::printf("    %+4.0f: dark %.4f, contrast %.4f, saturation %.4f\n", amount, d, s, sat);
        CHECK_MSG(d < prevDark && s > prevStd && sat > prevSat, "amount " << amount);
        CHECK(at::isfinite(out).all().item<bool>());
        prevDark = d, prevStd = s, prevSat = sat;
    }
    prevDark = dark0, prevStd = std0, prevSat = sat0;
    for (double amount : {-25.0, -50.0, -100.0}) {
        at::Tensor out = ops::dehaze(img, P(amount), 1.0);
        const double d = darkChannelMean(out), s = lumaStd(out), sat = meanSaturation(out);
        std::printf("    %+4.0f: dark %.4f, contrast %.4f, saturation %.4f\n", amount, d, s, sat);
        CHECK_MSG(d > prevDark && s < prevStd && sat < prevSat, "amount " << amount);
        prevDark = d, prevStd = s, prevSat = sat;
    }
}

PICTOR_TEST(dehaze_at_100_inverts_a_smooth_grey_veil) {
    // The veil of the training degradations (core/train/Degradations.h): grey airlight 0.85,
    // 1 − t = h·(0.6 + 0.4·(1 − y/H)), thicker towards the top. Amount 100 is meant to undo it.
    // The dark-channel prior's premise: every neighbourhood holds something dark (shadows,
    // foliage, windows): here a dark dot every 9 px over the textured scene.
    const int64_t H = 160, W = 240;
    at::Tensor dots = ((at::fmod(xs(H, W), 9.0) < 2) & (at::fmod(ys(H, W), 9.0) < 2));
    at::Tensor clean =
        (texturedScene(H, W, 7) * (1.0 - 0.95 * dots.to(at::kFloat)).unsqueeze(2)).contiguous();
    at::Tensor density = (0.4 * (0.6 + 0.4 * (1.0 - ys(H, W) / double(H - 1)))).unsqueeze(2);
    at::Tensor img = (clean * (1.0 - density) + 0.85 * density).contiguous();
    const double before = meanAbsDiff(img, clean);
    double previous = before;
    for (double amount : {50.0, 100.0}) {
        const double after = meanAbsDiff(ops::dehaze(img, P(amount), 1.0), clean);
        std::printf("    %3.0f: mean |error| %.4f (hazed %.4f)\n", amount, after, before);
        CHECK_MSG(after < previous, "amount " << amount);
        previous = after;
    }
    CHECK_MSG(previous < 0.25 * before, "amount 100 left " << previous << " of " << before);
}

PICTOR_TEST(dehaze_handles_hdr_and_black_without_nan) {
    at::Tensor img = hazed(texturedScene(64, 96, 6));
    img.slice(0, 0, 8).fill_(40.0); // a blown-out sun
    img.slice(0, 60).fill_(0.0);    // and pure black
    for (double amount : {-100.0, 100.0}) {
        at::Tensor out = ops::dehaze(img, P(amount), 1.0);
        CHECK_MSG(at::isfinite(out).all().item<bool>(), "amount " << amount);
        CHECK_MSG(out.min().item<double>() >= 0.0, "negative output at " << amount);
    }
}

// ---------------------------------------------------------------------------------- clarity

PICTOR_TEST(clarity_changes_local_contrast_keeps_mean_and_has_no_halo) {
    at::Tensor img = texturedScene(200, 300, 7);
    const double e0 = bandEnergy(img);
    const double mean0 = lumaOf(img).mean().item<double>();
    double previous = 0;
    bool first = true;
    for (double amount : {-100.0, -50.0, 50.0, 100.0}) {
        at::Tensor out = ops::clarity(img, P(amount), 1.0);
        const double e = bandEnergy(out);
        const double mean = lumaOf(out).mean().item<double>();
        std::printf("    %+4.0f: band energy %.5f (input %.5f), mean Y %.4f (input %.4f)\n", amount,
                    e, e0, mean, mean0);
        CHECK_MSG(amount < 0 ? e < e0 : e > e0, "amount " << amount);
        CHECK_MSG(first || e > previous, "not monotone at " << amount);
        CHECK_MSG(std::abs(mean / mean0 - 1) < 0.05, "mean luminance moved by > 5 %");
        previous = e, first = false;
    }
    // A strong isolated edge (4 stops) in flat surroundings: a halo would show as a
    // brightening/darkening of the flat sides next to the edge.
    at::Tensor step =
        at::where(xs(120, 200) < 100.0, at::scalar_tensor(0.05), at::scalar_tensor(0.8))
            .to(at::kFloat);
    at::Tensor edge = rgb(step, step, step);
    at::Tensor out = ops::clarity(edge, P(100), 1.0);
    at::Tensor ratio = (lumaOf(out) / lumaOf(edge)).squeeze();
    // Away from the two pixels at the edge itself, within the clarity radius.
    at::Tensor sides = at::cat({ratio.slice(1, 70, 98), ratio.slice(1, 102, 130)}, 1);
    const double halo = (sides - 1).abs().max().item<double>();
    std::printf("    halo at a 4-stop edge: max |gain − 1| %.4f\n", halo);
    CHECK_MSG(halo < 0.08, "halo beyond 8 %: " << halo);
}

// ---------------------------------------------------------------------------------- sharpen

PICTOR_TEST(sharpen_raises_detail_monotonically_and_masking_protects_flat_areas) {
    at::Tensor img = texturedScene(160, 200, 8);
    const double e0 = highFreqEnergy(img);
    double previous = e0;
    for (double amount : {30.0, 70.0, 110.0, 150.0}) {
        const double e = highFreqEnergy(ops::sharpen(img, P(amount), P(1.0), P(0), 1.0));
        std::printf("    amount %3.0f: high-frequency energy %.6f (input %.6f)\n", amount, e, e0);
        CHECK_MSG(e > previous, "amount " << amount);
        previous = e;
    }
    // Masking 100: the noisy flat area is (nearly) untouched, the edge is still sharpened.
    at::Tensor noisy = noisyEdge(128, 160, 0.01);
    at::Tensor plain = ops::sharpen(noisy, P(100), P(1.0), P(0), 1.0);
    at::Tensor masked = ops::sharpen(noisy, P(100), P(1.0), P(100), 1.0);
    auto flatChange = [&](const at::Tensor& out) {
        return meanAbsDiff(flatRegion(lumaOf(out).squeeze()), flatRegion(lumaOf(noisy).squeeze()));
    };
    const double flatPlain = flatChange(plain), flatMasked = flatChange(masked);
    const double step0 = edgeStep(noisy), stepMasked = edgeStep(masked);
    std::printf("    flat change: masking 0 %.5f, masking 100 %.5f; edge step %.4f → %.4f\n",
                flatPlain, flatMasked, step0, stepMasked);
    CHECK_MSG(flatMasked < 0.1 * flatPlain, "masking should leave flat areas nearly untouched");
    CHECK_MSG(stepMasked > 1.05 * step0, "masking 100 should still sharpen the edge");
}

// ---------------------------------------------------------------------------------- vignette

PICTOR_TEST(vignette_darkens_or_brightens_corners_monotonically_centre_unchanged) {
    at::Tensor img = at::full({90, 160, 3}, 0.4f);
    auto cornerToCentre = [](const at::Tensor& out) {
        const double corner = (out.index({0, 0, 1}) + out.index({-1, -1, 1}) +
                               out.index({0, -1, 1}) + out.index({-1, 0, 1}))
                                  .item<double>() /
                              4;
        return corner / out.index({45, 80, 1}).item<double>();
    };
    double previous = 0;
    for (double amount : {-100.0, -50.0, -10.0, 10.0, 50.0, 100.0}) {
        at::Tensor out = ops::vignette(img, P(amount), P(50), P(50), 1.0);
        const double ratio = cornerToCentre(out);
        std::printf("    %+4.0f: corner/centre %.4f\n", amount, ratio);
        CHECK_MSG(amount < 0 ? ratio < 1 : ratio > 1, "amount " << amount);
        CHECK_MSG(ratio > previous, "not monotone at " << amount);
        const double centre = maxAbsDiff(out.slice(0, 35, 55).slice(1, 65, 95),
                                         img.slice(0, 35, 55).slice(1, 65, 95));
        CHECK_MSG(centre <= 1e-4, "centre changed by " << centre);
        previous = ratio;
    }
    // Elliptical: the falloff follows the aspect ratio (same weight at the middle of the long
    // and the short edge).
    at::Tensor out = ops::vignette(img, P(-100), P(50), P(50), 1.0);
    CHECK_CLOSE(out.index({45, 0, 1}).item<double>(), out.index({0, 80, 1}).item<double>(), 0.01);
}

// ---------------------------------------------------------------------------------- geometry

PICTOR_TEST(straighten_levels_a_tilted_horizon_and_crops_without_empty_corners) {
    const int64_t H = 300, W = 450;
    CHECK_CLOSE(measureHorizonDegrees(horizon(H, W, 0.0)), 0.0, 0.05);
    for (double theta : {-12.0, -3.0, 2.0, 8.5}) {
        at::Tensor tilted = horizon(H, W, theta);
        const double measured = measureHorizonDegrees(tilted);
        CHECK_MSG(std::abs(measured - theta) < 0.2,
                  "test measurement " << measured << " vs " << theta);
        at::Tensor out = ops::straighten(tilted, P(-theta), 1.0);
        const double after = measureHorizonDegrees(out);
        std::printf("    %+5.1f°: after straighten %+.3f°, output %lld×%lld\n", theta, after,
                    (long long)out.size(1), (long long)out.size(0));
        CHECK_MSG(std::abs(after) < 0.2, "residual tilt " << after << "° for " << theta);
        // Same aspect ratio (to rounding) and the largest such rectangle.
        const double aspect = double(out.size(1)) / double(out.size(0));
        CHECK_MSG(std::abs(aspect - double(W) / H) < 2.0 / out.size(0) * double(W) / H, aspect);
        // No empty corners: every output corner maps (by the documented rotation) inside the
        // source, and a rectangle 1 % larger would not fit.
        const double phi = -theta * std::numbers::pi / 180.0;
        auto inside = [&](double scale) {
            const double hw = scale * out.size(1) / 2.0, hh = scale * out.size(0) / 2.0;
            for (double sx : {-1.0, 1.0})
                for (double sy : {-1.0, 1.0}) {
                    const double x = sx * hw, y = sy * hh;
                    const double u = x * std::cos(phi) - y * std::sin(phi);
                    const double v = x * std::sin(phi) + y * std::cos(phi);
                    if (std::abs(u) > W / 2.0 + 1e-6 || std::abs(v) > H / 2.0 + 1e-6) return false;
                }
            return true;
        };
        CHECK_MSG(inside(1.0), "an output corner lies outside the rotated image");
        CHECK_MSG(!inside(1.01), "the crop is not the largest rectangle");
        // And no dark (empty) pixels in the sky corners.
        CHECK(out.index({0, 0, 1}).item<double>() > 0.69 &&
              out.index({0, -1, 1}).item<double>() > 0.69);
    }
    // The angle's direction: straighten(+θ) turns a level horizon counter-clockwise by θ.
    CHECK_CLOSE(measureHorizonDegrees(ops::straighten(horizon(H, W, 0), P(5), 1.0)), 5.0, 0.2);
}

PICTOR_TEST(crop_gives_exact_pixels_and_rejects_invalid_rectangles) {
    at::Tensor img = texturedScene(100, 150);
    at::Tensor out = ops::crop(img, 0.1, 0.2, 0.6, 0.9);
    CHECK(out.size(0) == 70 && out.size(1) == 75 && out.size(2) == 3);
    CHECK(at::equal(out, img.slice(0, 20, 90).slice(1, 15, 90)));
    // Rounding: 0.25 × 6 = 1.5 → 2 (half away from zero), 0.75 × 6 = 4.5 → 5.
    const auto r = ops::cropRect(6, 6, 0.25, 0.25, 0.75, 0.75);
    CHECK(r.x0 == 2 && r.x1 == 5 && r.y0 == 2 && r.y1 == 5);
    // A sliver below one pixel is widened to one pixel, inside the image.
    at::Tensor sliver = ops::crop(img, 0.999, 0.5, 0.9995, 0.501);
    CHECK(sliver.size(0) == 1 && sliver.size(1) == 1);
    CHECK(at::equal(sliver, img.slice(0, 50, 51).slice(1, 149, 150)));
    // Out-of-range fractions are clamped.
    CHECK(ops::crop(img, -0.5, -1, 2, 3).sizes() == img.sizes());
    bool threw = false;
    try {
        ops::crop(img, 0.6, 0.1, 0.4, 0.9);
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    CHECK_MSG(threw, "left ≥ right must throw");
    threw = false;
    try {
        ops::crop(img, 0.1, std::nan(""), 0.4, 0.9);
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    CHECK_MSG(threw, "NaN must throw");
}

// ---------------------------------------------------------------------------------- pixelScale

PICTOR_TEST(preview_at_half_scale_matches_downscaled_full_result) {
    // op(half-size image, pixelScale 0.5) ≈ area-downscaled op(full image, 1). The error is
    // compared with the op's own effect, and with the error of ignoring pixelScale for ops whose
    // radii are in full-resolution pixels (which must be clearly worse).
    at::Tensor full = texturedScene(256, 384, 9);
    auto down = [](const at::Tensor& hwc) {
        return F::toHwc(at::avg_pool2d(F::toNchw(hwc), {2, 2}, {2, 2}));
    };
    at::Tensor half = down(full);
    for (const auto& op : opCases()) {
        if (std::string(op.name) == "straighten") continue; // output sizes round differently
        std::vector<at::Tensor> params;
        for (double v : op.active)
            params.push_back(P(v));
        if (std::string(op.name) == "sharpen") params[1] = P(2.0);
        at::Tensor reference = down(op.run(full, params, 1.0));
        at::Tensor preview = op.run(half, params, 0.5);
        const double effect = meanAbsDiff(reference, half);
        const double error = meanAbsDiff(preview, reference);
        const double wrong = meanAbsDiff(op.run(half, params, 1.0), reference);
        std::printf(
            "    %-10s effect %.5f, preview error %.5f (%.0f %%), ignoring pixelScale %.5f\n",
            op.name, effect, error, 100 * error / effect, wrong);
        CHECK_MSG(error < 0.25 * effect, op.name << ": preview differs from export by "
                                                 << error / effect * 100 << " % of the effect");
        const std::string name = op.name;
        if (name == "sharpen" || name == "denoise")
            CHECK_MSG(error < 0.8 * wrong, op.name << ": pixelScale makes no difference");
    }
}

// ---------------------------------------------------------------------------------- autograd

PICTOR_TEST(gradients_reach_the_image_and_every_param) {
    at::Tensor scene = hazed(texturedScene(48, 64, 10));
    for (const auto& op : opCases()) {
        at::Tensor img = scene.clone().requires_grad_(true);
        std::vector<at::Tensor> params;
        for (double v : op.active)
            params.push_back(P(v).requires_grad_(true));
        at::Tensor out = op.run(img, params, 1.0);
        at::manual_seed(3);
        at::Tensor weights = at::rand(out.sizes());
        (out * weights).sum().backward();
        CHECK_MSG(img.grad().defined(), op.name);
        CHECK_MSG(at::isfinite(img.grad()).all().item<bool>(),
                  op.name << ": image grad not finite");
        CHECK_MSG(img.grad().abs().sum().item<double>() > 0, op.name << ": zero image grad");
        for (std::size_t i = 0; i < params.size(); ++i) {
            at::Tensor g = params[i].grad();
            CHECK_MSG(g.defined(), op.name << " param " << i << ": no grad");
            const double v = g.item<double>();
            CHECK_MSG(std::isfinite(v) && v != 0, op.name << " param " << i << ": grad " << v);
        }
    }
}

// ---------------------------------------------------------------------------------- devices

PICTOR_TEST(cpu_and_cuda_agree) {
    if (!torch::cuda::is_available()) SKIP("no CUDA device (torch::cuda::is_available() is false)");
    at::Tensor img = hazed(texturedScene(120, 180, 11));
    for (const auto& op : opCases()) {
        std::vector<at::Tensor> params;
        for (double v : op.active)
            params.push_back(P(v));
        at::Tensor cpu = op.run(img, params, 1.0);
        at::Tensor gpu = op.run(img.to(at::kCUDA), params, 1.0).to(at::kCPU);
        CHECK_MSG(gpu.sizes() == cpu.sizes(), op.name);
        const double d = maxAbsDiff(cpu, gpu);
        std::printf("    %-10s max |CPU − CUDA| %.2e\n", op.name, d);
        CHECK_MSG(d < 1e-3, op.name << ": " << d);
    }
    at::Tensor c = ops::crop(img.to(at::kCUDA), 0.1, 0.1, 0.7, 0.8).to(at::kCPU);
    CHECK(at::equal(c, ops::crop(img, 0.1, 0.1, 0.7, 0.8)));
}

// ---------------------------------------------------------------------------------- speed

PICTOR_TEST(timing_2mp) {
    at::Tensor img = texturedScene(1200, 1680, 12); // 2.0 MP
    for (const auto& op : opCases()) {
        std::vector<at::Tensor> params;
        for (double v : op.active)
            params.push_back(P(v));
        op.run(img, params, 1.0); // warm-up
        const auto t0 = std::chrono::steady_clock::now();
        at::Tensor out = op.run(img, params, 1.0);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        std::printf("    %-10s %7.1f ms (2 MP, %d threads)\n", op.name, ms, at::get_num_threads());
        CHECK_MSG(ms < 5000, op.name << " is pathologically slow: " << ms << " ms");
    }
}

int main(int argc, char** argv) {
    return pictor::test::runAll(argc, argv);
}
