// hsl: per-hue-band hue rotation, saturation and luminance in OkLCh.
#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

#include <array>
#include <cmath>

namespace pictor::ops {

namespace {

// Band centres in OkLCh hue (degrees), hslBands() order: red, orange, yellow, green, aqua,
// blue, purple, magenta (roughly the Oklab hues of the sRGB/Rec.2020 primaries and their mixes).
constexpr std::array<double, 8> kCentres{25, 60, 105, 145, 195, 260, 300, 335};
constexpr double kMaxHueShiftDeg = 30.0;   // hue ±100
constexpr double kMaxLuminanceStops = 1.0; // luminance ±100
constexpr double kChromaGate = 0.03;       // Oklab chroma at which a colour gets half the effect

at::Tensor constants(const std::array<double, 8>& values, const at::TensorOptions& options) {
    std::array<double, 8> copy = values;
    return at::from_blob(copy.data(), {8}, at::TensorOptions().dtype(at::kDouble))
        .to(options, false, true);
}

// Raised-cosine weights [..., 8] of hue h [...] (degrees): 1 at a band's centre, 0 at its
// neighbours' centres; they sum to 1 at every hue.
at::Tensor bandWeights(const at::Tensor& h) {
    std::array<double, 8> left{}, right{};
    for (int k = 0; k < 8; ++k) {
        const double prev = k == 0 ? kCentres[7] - 360.0 : kCentres[k - 1];
        const double next = k == 7 ? kCentres[0] + 360.0 : kCentres[k + 1];
        left[k] = kCentres[k] - prev;
        right[k] = next - kCentres[k];
    }
    const auto options = h.options();
    const at::Tensor d =
        at::remainder(h.unsqueeze(-1) - constants(kCentres, options) + 180.0, 360.0) - 180.0;
    const at::Tensor width = at::where(d >= 0, constants(right, options), constants(left, options));
    const at::Tensor t = (d.abs() / width).clamp_max(1.0);
    return 0.5 * (1.0 + at::cos(t * M_PI));
}

} // namespace

at::Tensor hsl(const at::Tensor& rgb, const at::Tensor& hue, const at::Tensor& saturation,
               const at::Tensor& luminance) {
    TORCH_CHECK(hue.numel() == 8 && saturation.numel() == 8 && luminance.numel() == 8,
                "hsl: hue, saturation and luminance must each hold 8 values");
    const auto options = rgb.options();
    const at::Tensor hueParam = hue.to(options).reshape({8}) / 100.0;
    const at::Tensor satParam = saturation.to(options).reshape({8}) / 100.0;
    const at::Tensor lumParam = luminance.to(options).reshape({8}) / 100.0;

    const at::Tensor lab = color::rec2020ToOklab(rgb);
    const at::Tensor lch = color::labToLch(lab);
    const at::Tensor l = lab.select(-1, 0), a = lab.select(-1, 1), b = lab.select(-1, 2);
    const at::Tensor c = lch.select(-1, 1);
    const at::Tensor w = bandWeights(lch.select(-1, 2));
    const at::Tensor gate = c * c / (c * c + kChromaGate * kChromaGate);

    const at::Tensor angle = gate * (w * hueParam).sum(-1) * (kMaxHueShiftDeg * M_PI / 180.0);
    const at::Tensor scale = 1.0 + gate * (w * satParam).sum(-1);
    const at::Tensor stops = gate * (w * lumParam).sum(-1) * kMaxLuminanceStops;

    const at::Tensor cosA = at::cos(angle), sinA = at::sin(angle);
    const at::Tensor adjusted =
        at::stack({l, (a * cosA - b * sinA) * scale, (a * sinA + b * cosA) * scale}, -1);
    // Hue and saturation at constant luminance (exactly unchanged where nothing applies) …
    at::Tensor out = rgb + (color::oklabToRec2020(adjusted) - color::oklabToRec2020(lab));
    out = color::matchLuminance(out, color::luminance(rgb));
    // … then the band's luminance as a gain (hue and chroma/lightness ratio kept).
    return out * at::exp2(stops).unsqueeze(-1);
}

} // namespace pictor::ops
