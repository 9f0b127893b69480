// sharpen: unsharp mask on log-luminance with edge masking (see LocalOps.h).
#include "ops/Filters.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

namespace pictor::ops {

namespace {
constexpr double kFloor = 1.0 / 256.0; // log2(Y + floor): deep-shadow noise is not boosted
// Edge mask: gradient magnitude of the blurred log2-luminance, in stops per full-resolution
// pixel, mapped by a smoothstep from kEdgeLow (flat, noise) to kEdgeHigh (a real edge).
constexpr double kEdgeLow = 0.05;
constexpr double kEdgeHigh = 0.25;
} // namespace

at::Tensor sharpen(const at::Tensor& image, const at::Tensor& amountIn, const at::Tensor& radiusIn,
                   const at::Tensor& maskingIn, double pixelScale) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "sharpen: expected [H, W, 3]");
    if (filters::isNeutral(amountIn, 0.0)) return image;
    at::Tensor amount = filters::paramLike(amountIn, image) / 100.0;
    at::Tensor sigma = filters::paramLike(radiusIn, image).clamp_min(0.1) * pixelScale;
    at::Tensor m = filters::paramLike(maskingIn, image) / 100.0;

    at::Tensor x = filters::toNchw(image);
    at::Tensor logY = at::log2(at::clamp_min(filters::luminance(x), 0.0) + kFloor);
    at::Tensor blurred = filters::gaussianBlur(logY, sigma);
    at::Tensor detail = logY - blurred;
    at::Tensor mask;
    if (filters::isNeutral(maskingIn, 0.0)) {
        mask = at::ones_like(logY);
    } else {
        // Per full-resolution pixel, so previews mask like the export.
        at::Tensor slope = filters::gradientMagnitude(blurred) * pixelScale;
        at::Tensor edge = filters::smoothstep(slope, kEdgeLow, kEdgeHigh);
        mask = 1.0 - m + m * edge;
    }
    return filters::toHwc(x * at::exp2(amount * detail * mask));
}

} // namespace pictor::ops
