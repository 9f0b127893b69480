// tone: contrast, highlights, shadows, whites, blacks on log2 luminance around mid grey.
#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

namespace pictor::ops {

namespace {

constexpr double kMidGrey = 0.18;
constexpr double kTinyLuminance = 1e-10; // below: a constant gain (black stays black)

// 3t² − 2t³ of t = (x − a) / (b − a) clamped to [0, 1]; slope ≤ 1.5 / (b − a).
at::Tensor smoothstep(const at::Tensor& x, double a, double b) {
    const at::Tensor t = ((x - a) / (b - a)).clamp(0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// ℓ + k · f(ℓ) with k = param / 100 (exactly ℓ when k = 0).
at::Tensor step(const at::Tensor& l, const at::Tensor& param, const at::Tensor& f) {
    return l + (param / 100.0) * f;
}

} // namespace

at::Tensor tone(const at::Tensor& rgb, const ToneParams& params) {
    const auto options = rgb.options();
    auto value = [&](const at::Tensor& p) { return p.defined() ? p.to(options) : at::Tensor(); };
    const at::Tensor contrast = value(params.contrast), highlights = value(params.highlights),
                     shadows = value(params.shadows), whites = value(params.whites),
                     blacks = value(params.blacks);

    const at::Tensor y = color::luminance(rgb);
    const at::Tensor l0 = at::log2(y.clamp_min(kTinyLuminance) / kMidGrey);
    at::Tensor l = l0;
    if (contrast.defined()) { // S-curve pivoting at mid grey; |f'| ≤ 0.6
        constexpr double sigma = 2.5;
        l = step(l, contrast, 0.6 * l * at::exp(-(l * l) / (2 * sigma * sigma)));
    }
    if (highlights.defined()) { // upper range, keeps growing above white; |f'| ≤ 0.5
        constexpr double centre = 1.2, width = 0.6;
        l = step(l, highlights, 0.5 * width * at::softplus((l - centre) / width, 1, 20));
    }
    if (shadows.defined()) // lower range; |f'| ≤ 1.5 · 1.5 / 4
        l = step(l, shadows, 1.5 * (1.0 - smoothstep(l, -4.0, 0.0)));
    if (whites.defined()) // around and above diffuse white; |f'| ≤ 1.5 / 2
        l = step(l, whites, smoothstep(l, 1.5, 3.5));
    // Darkest tones: full weight below −7 stops, fading out one stop below mid grey (L* ≈ 36),
    // so that a photo whose darkest tones are only dark grey (a bright beach, a snow scene)
    // still has blacks to deepen, as with Lightroom's Blacks; |f'| ≤ 1.5 / 6.
    if (blacks.defined())
        l = step(l, blacks, 1.0 - smoothstep(l, -7.0, -1.0));
    return rgb * at::exp2(l - l0).unsqueeze(-1);
}

} // namespace pictor::ops
