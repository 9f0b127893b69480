// vignette: post-crop elliptical multiplicative falloff (see LocalOps.h).
#include "ops/Filters.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

namespace pictor::ops {

namespace {
constexpr double kStops = 1.5; // exposure change at the corners at amount ±100
} // namespace

at::Tensor vignette(const at::Tensor& image, const at::Tensor& amountIn,
                    const at::Tensor& midpointIn, const at::Tensor& featherIn,
                    double /*pixelScale*/) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "vignette: expected [H, W, 3]");
    if (filters::isNeutral(amountIn, 0.0)) return image;
    at::Tensor s = filters::paramLike(amountIn, image) / 100.0;
    at::Tensor mid = 0.35 + 0.9 * (filters::paramLike(midpointIn, image) / 100.0);
    at::Tensor f = at::clamp(filters::paramLike(featherIn, image) / 100.0, 0.0, 1.0);
    at::Tensor rIn = mid * (1.0 - 0.9 * f);
    at::Tensor rOut = mid + (1.5 - mid) * 0.9 * f;

    const int64_t H = image.size(0), W = image.size(1);
    auto opts = image.options().requires_grad(false);
    // Pixel centres in [−1, 1] across each axis: the ellipse follows the aspect ratio.
    at::Tensor u = (at::arange(W, opts) + 0.5) * (2.0 / double(W)) - 1.0;
    at::Tensor v = (at::arange(H, opts) + 0.5) * (2.0 / double(H)) - 1.0;
    at::Tensor r = at::sqrt(v.view({H, 1}).square() + u.view({1, W}).square());
    at::Tensor t = at::clamp((r - rIn) / (rOut - rIn + 1e-2), 0.0, 1.0);
    at::Tensor weight = t * t * (3.0 - 2.0 * t);
    at::Tensor gain = at::exp2(kStops * s * weight);
    return (image * gain.unsqueeze(2)).contiguous();
}

} // namespace pictor::ops
