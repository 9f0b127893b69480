// tone_curve: a monotone cubic through (x, y) points on sRGB-encoded luminance.
#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

#include <cmath>

namespace pictor::ops {

namespace {

constexpr double kMaxGain = 64.0;

// The sRGB curve, continued above 1 by the same power law.
at::Tensor srgbEncode(const at::Tensor& y) {
    constexpr double knee = 0.0031308;
    const at::Tensor power = 1.055 * at::pow(y.clamp_min(knee), 1.0 / 2.4) - 0.055;
    return at::where(y > knee, power, 12.92 * y);
}
at::Tensor srgbDecode(const at::Tensor& e) {
    constexpr double knee = 0.04045;
    const at::Tensor power = at::pow((e.clamp_min(knee) + 0.055) / 1.055, 2.4);
    return at::where(e > knee, power, e / 12.92);
}

// Monotone piecewise-cubic Hermite through (xs, ys) (sorted, K ≥ 2), linear beyond the ends.
at::Tensor evaluateCurve(const at::Tensor& e, const at::Tensor& xs, const at::Tensor& ys) {
    const int64_t k = xs.size(0);
    const at::Tensor h = (xs.slice(0, 1) - xs.slice(0, 0, -1)).clamp_min(1e-6); // [K−1]
    const at::Tensor delta = (ys.slice(0, 1) - ys.slice(0, 0, -1)) / h;         // secants
    at::Tensor m;
    if (k == 2) {
        m = at::cat({delta, delta});
    } else {
        // Interior slopes: weighted harmonic mean of the neighbouring secants (0 at extrema).
        const at::Tensor d0 = delta.slice(0, 0, -1), d1 = delta.slice(0, 1);
        const at::Tensor h0 = h.slice(0, 0, -1), h1 = h.slice(0, 1);
        const at::Tensor same = (d0 * d1) > 0;
        const at::Tensor d0s = at::where(same, d0, at::ones_like(d0));
        const at::Tensor d1s = at::where(same, d1, at::ones_like(d1));
        const at::Tensor w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
        const at::Tensor interior =
            at::where(same, (w1 + w2) / (w1 / d0s + w2 / d1s), at::zeros_like(d0));
        m = at::cat({delta.slice(0, 0, 1), interior, delta.slice(0, -1)});
    }
    // Interval of each value: 0 … K−2 (values outside use the end intervals).
    const at::Tensor inner = xs.slice(0, 1, -1).contiguous();
    const at::Tensor flat = e.reshape({-1}).contiguous();
    const at::Tensor index =
        k == 2 ? at::zeros(flat.sizes(), flat.options().dtype(at::kLong))
               : at::searchsorted(inner, flat.detach(), /*out_int32=*/false, /*right=*/true);
    const at::Tensor x0 = xs.index_select(0, index), y0 = ys.index_select(0, index);
    const at::Tensor y1 = ys.index_select(0, index + 1), hk = h.index_select(0, index);
    const at::Tensor m0 = m.index_select(0, index), m1 = m.index_select(0, index + 1);
    const at::Tensor t = ((flat - x0) / hk).clamp(0.0, 1.0);
    const at::Tensor t2 = t * t, t3 = t2 * t;
    at::Tensor out = (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * hk * m0 +
                     (3 * t2 - 2 * t3) * y1 + (t3 - t2) * hk * m1;
    // Linear continuation outside [x₀, x_K−1].
    out = out + m.select(0, 0) * (flat - xs.select(0, 0)).clamp_max(0.0) +
          m.select(0, k - 1) * (flat - xs.select(0, k - 1)).clamp_min(0.0);
    return out.view(e.sizes());
}

} // namespace

at::Tensor toneCurve(const at::Tensor& rgb, const at::Tensor& points) {
    if (!points.defined() || points.dim() != 2 || points.size(0) < 2) return rgb;
    TORCH_CHECK(points.size(1) == 2, "tone_curve: points must be a [K, 2] tensor");
    const at::Tensor p = points.to(rgb.options());
    const at::Tensor order = at::argsort(p.select(1, 0).detach());
    const at::Tensor xs = p.select(1, 0).index_select(0, order);
    const at::Tensor ys = p.select(1, 1).index_select(0, order);

    const at::Tensor y = color::luminance(rgb);
    const at::Tensor encoded = srgbEncode(y.clamp_min(0.0));
    const at::Tensor target = srgbDecode(evaluateCurve(encoded, xs, ys).clamp_min(0.0));
    // RGB × Y'/Y where Y is usable; what the (capped) gain cannot give is added as grey.
    const at::Tensor ok = y > 1e-8;
    const at::Tensor ySafe = at::where(ok, y, at::ones_like(y));
    const at::Tensor gain = at::where(ok, target / ySafe, at::ones_like(y)).clamp(0.0, kMaxGain);
    const at::Tensor rest = target - y * gain;
    return rgb * gain.unsqueeze(-1) + rest.unsqueeze(-1);
}

} // namespace pictor::ops
