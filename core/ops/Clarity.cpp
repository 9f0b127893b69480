// clarity: edge-aware local contrast on log-luminance as a gain map (see LocalOps.h).
#include "ops/Filters.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace pictor::ops {

namespace {
constexpr double kRadiusFraction = 0.015; // of the image diagonal
constexpr double kEps = 0.5 * 0.5;        // (0.5 stop)²: stronger edges stay in the base
constexpr double kFloor = 1.0 / 1024.0;   // log2(Y + floor): blacks are not amplified
constexpr double kDetailLimit = 1.5;      // stops
constexpr double kStrength = 0.7;         // log-gain per stop of detail at amount 100
constexpr int64_t kSmallRadius = 8;       // radius on the reduced guide
} // namespace

at::Tensor clarity(const at::Tensor& image, const at::Tensor& amountIn, double /*pixelScale*/) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "clarity: expected [H, W, 3]");
    if (filters::isNeutral(amountIn, 0.0)) return image;
    at::Tensor s = filters::paramLike(amountIn, image) / 100.0;

    at::Tensor x = filters::toNchw(image);
    const int64_t H = x.size(2), W = x.size(3);
    at::Tensor logY = at::log2(at::clamp_min(filters::luminance(x), 0.0) + kFloor);
    const double diagonal = std::sqrt(double(H) * H + double(W) * W);
    const auto radius = std::max<int64_t>(1, std::lround(kRadiusFraction * diagonal));
    const auto subsample = std::max<int64_t>(1, radius / kSmallRadius);
    at::Tensor eps = at::scalar_tensor(kEps, logY.options().requires_grad(false));
    at::Tensor base = filters::fastGuidedFilter(logY, logY, radius, eps, subsample);
    at::Tensor detail = kDetailLimit * at::tanh((logY - base) / kDetailLimit);
    at::Tensor gain = at::exp2(kStrength * s * detail);
    return filters::toHwc(x * gain);
}

} // namespace pictor::ops
