// color: vibrance and saturation as chroma scaling in Oklab at constant luminance.
#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

#include <cmath>

namespace pictor::ops {

namespace {

constexpr double kVibranceChroma = 0.1; // Oklab chroma where vibrance's weight halves
constexpr double kSkinHueDeg = 55.0;    // OkLCh hue of typical skin tones
constexpr double kSkinProtection = 0.5; // share of the vibrance boost withheld on skin
constexpr double kSkinSharpness = 8.0;  // exponent of the raised-cosine hue window

} // namespace

at::Tensor color(const at::Tensor& rgb, const at::Tensor& vibrance, const at::Tensor& saturation) {
    const at::Tensor vib = vibrance.to(rgb.options()) / 100.0;
    const at::Tensor sat = saturation.to(rgb.options()) / 100.0;
    const at::Tensor lab = color::rec2020ToOklab(rgb);
    const at::Tensor l = lab.select(-1, 0), a = lab.select(-1, 1), b = lab.select(-1, 2);
    const at::Tensor c = color::safeChroma(a, b);

    const at::Tensor muted = 1.0 / (1.0 + (c / kVibranceChroma) * (c / kVibranceChroma));
    const double hs = kSkinHueDeg * M_PI / 180.0;
    const at::Tensor cosToSkin = (a * std::cos(hs) + b * std::sin(hs)) / (c + 1e-12);
    const at::Tensor skin =
        1.0 - kSkinProtection * at::pow((1.0 + cosToSkin) * 0.5, kSkinSharpness);
    const at::Tensor protection = at::where(vib > 0, skin, at::ones_like(skin));
    const at::Tensor factor = (1.0 + sat) * (1.0 + vib * muted * protection);

    const at::Tensor adjusted = at::stack({l, a * factor, b * factor}, -1);
    // Add the change (exactly 0 at the neutral), then restore the original luminance.
    const at::Tensor out = rgb + (color::oklabToRec2020(adjusted) - color::oklabToRec2020(lab));
    return color::matchLuminance(out, color::luminance(rgb));
}

} // namespace pictor::ops
