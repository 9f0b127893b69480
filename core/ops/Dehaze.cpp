// dehaze: dark-channel-prior haze removal (+) or addition (−) (see LocalOps.h).
#include "ops/Filters.h"
#include "ops/HazeEstimate.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace pictor::ops {

namespace {
constexpr int64_t kGuideSide = 384;     // longest side of the reduced guide
constexpr double kPatchFraction = 0.01; // dark-channel patch radius / guide diagonal
constexpr double kRefineFactor = 4.0;   // guided-filter radius / patch radius
constexpr double kRefineEps = 1e-3;     // in encoded-luma units²
constexpr double kOmega = 0.95;         // keep a little haze (He et al.)
constexpr double kMinTransmission = 0.1;
constexpr double kAddHaze = 0.6; // veil added at amount −100
} // namespace

HazeGuideSize hazeGuideSize(int64_t H, int64_t W) {
    const double shrink = std::min(1.0, double(kGuideSide) / double(std::max(H, W)));
    return {std::max<int64_t>(1, std::lround(H * shrink)),
            std::max<int64_t>(1, std::lround(W * shrink))};
}

HazeEstimate estimateHaze(const at::Tensor& x) {
    const HazeGuideSize size = hazeGuideSize(x.size(2), x.size(3));
    return estimateHazeOnGuide(filters::resizeArea(x.detach(), size.height, size.width));
}

HazeEstimate estimateHazeOnGuide(const at::Tensor& guide) {
    const int64_t h = guide.size(2), w = guide.size(3);
    // Haze estimation on the reduced guide, without gradients: the amount and the image reach
    // the result through the recovery formula, not through the estimate's arg-max.
    at::Tensor clamped = at::clamp(guide.detach(), 0.0, 1.0); // HDR highlights are not "haze"
    const auto patch =
        std::max<int64_t>(1, std::lround(kPatchFraction * std::sqrt(double(h * h + w * w))));
    at::Tensor dark = filters::minFilter(std::get<0>(clamped.min(1, true)), patch);
    const int64_t n = h * w;
    const int64_t k = std::max<int64_t>(1, n / 1000);
    at::Tensor top = std::get<1>(dark.reshape({n}).topk(k));
    HazeEstimate estimate;
    estimate.airlight =
        clamped.reshape({3, n}).index_select(1, top).mean(1).clamp_min(1e-3).view({1, 3, 1, 1});
    at::Tensor normDark =
        filters::minFilter(std::get<0>((clamped / estimate.airlight).min(1, true)), patch);
    estimate.density = kOmega * at::clamp(normDark, 0.0, 1.0); // 1 − t̂ on the guide
    estimate.radius = std::max<int64_t>(1, std::lround(kRefineFactor * double(patch)));
    estimate.refineEps = kRefineEps;
    estimate.maxDensity = kOmega;
    estimate.minTransmission = kMinTransmission;
    estimate.addHaze = kAddHaze;
    return estimate;
}

at::Tensor dehaze(const at::Tensor& image, const at::Tensor& amountIn, double /*pixelScale*/) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "dehaze: expected [H, W, 3]");
    if (filters::isNeutral(amountIn, 0.0)) return image;
    at::Tensor s = filters::paramLike(amountIn, image) / 100.0;

    at::Tensor x = filters::toNchw(image);
    const HazeEstimate haze = estimateHaze(x);
    const at::Tensor& airlight = haze.airlight;
    const int64_t h = haze.density.size(2), w = haze.density.size(3);

    // Edge-aware refinement to full resolution guided by encoded luminance.
    at::Tensor guide = filters::encodeLuma(filters::luminance(x.detach()));
    at::Tensor eps = at::scalar_tensor(kRefineEps, guide.options());
    at::Tensor fullDensity = filters::guidedUpsample(guide, filters::resizeArea(guide, h, w),
                                                     haze.density, haze.radius, eps);
    fullDensity = at::clamp(fullDensity, 0.0, kOmega);

    at::Tensor sPos = at::relu(s), sNeg = at::relu(-s);
    at::Tensor t = at::clamp_min(1.0 - sPos * fullDensity, kMinTransmission);
    at::Tensor recovered = x + (x - airlight) * (1.0 / t - 1.0);
    recovered = at::maximum(recovered, at::clamp_max(x, 0.0));
    at::Tensor veil = kAddHaze * sNeg * (0.4 + 0.6 * fullDensity / kOmega);
    // The added veil is neutral (the airlight's luminance): haze, not a colour cast.
    at::Tensor greyAir = filters::luminance(airlight);
    at::Tensor out = recovered + (greyAir - x) * veil;
    return filters::toHwc(out);
}

} // namespace pictor::ops
