// clarity: edge-aware local contrast on log-luminance as a gain map (see LocalOps.h).
#include "ops/ClarityModel.h"
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

ClarityModel clarityModel(int64_t height, int64_t width) {
    const double diagonal = std::sqrt(double(height) * height + double(width) * width);
    const auto radius = std::max<int64_t>(1, std::lround(kRadiusFraction * diagonal));
    return {kFloor, radius, std::max<int64_t>(1, radius / kSmallRadius), kEps, kDetailLimit,
            kStrength};
}

at::Tensor clarity(const at::Tensor& image, const at::Tensor& amountIn, double /*pixelScale*/) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "clarity: expected [H, W, 3]");
    if (filters::isNeutral(amountIn, 0.0)) return image;
    at::Tensor s = filters::paramLike(amountIn, image) / 100.0;

    at::Tensor x = filters::toNchw(image);
    const ClarityModel m = clarityModel(x.size(2), x.size(3));
    at::Tensor logY = at::log2(at::clamp_min(filters::luminance(x), 0.0) + m.floor);
    at::Tensor eps = at::scalar_tensor(m.eps, logY.options().requires_grad(false));
    at::Tensor base = filters::fastGuidedFilter(logY, logY, m.radius, eps, m.subsample);
    at::Tensor detail = m.detailLimit * at::tanh((logY - base) / m.detailLimit);
    at::Tensor gain = at::exp2(m.strength * s * detail);
    return filters::toHwc(x * gain);
}

} // namespace pictor::ops
