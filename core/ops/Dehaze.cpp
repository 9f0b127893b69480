// dehaze: dark-channel-prior haze removal (+) or addition (−) (see LocalOps.h).
#include "ops/Filters.h"
#include "ops/HazeEstimate.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace pictor::ops {

namespace {
constexpr int64_t kGuideSide = 384;         // longest side of the reduced guide
constexpr double kPatchFraction = 0.01;     // dark-channel patch radius / guide diagonal
constexpr double kVeilFraction = 0.05;      // veil's lower-envelope radius / guide long side
constexpr double kAirlightQuantile = 0.999; // the airlight is at least this bright (luminance)
constexpr double kRefineFactor = 4.0;       // guided-filter radius / patch radius
constexpr double kRefineEps = 1e-3;         // in encoded-luma units²
// Amount 100 removes the whole estimated veil: the estimate is a lower envelope already (He et
// al.'s ω = 0.95 compensated a dark channel that overestimates the haze on pale surfaces).
constexpr double kOmega = 1.0;
// Where the veil is nearly opaque (a sky, fog) dividing by t amplifies its noise 1/t times.
constexpr double kMinTransmission = 0.2;
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
    // The airlight A: He et al. take the colour of the haziest pixels (the 0.1 % highest dark
    // channel). Two corrections, both measured on hazed val photos (bench quality --oracle,
    // ΔE00 of the exact-amount render 12.6 → 3.0):
    // - grey: atmospheric light is close to neutral, while the haziest pixels of a scene without
    //   sky are its pale, often warm objects (Kodak's: blue 20 % below green). A coloured A
    //   leaves a coloured veil behind. A cast on the whole photo is white balance's to remove,
    //   and it runs before. (The veil's own colour, each channel's lower envelope, was tried
    //   as A's: the scene's dark colours bias it, ΔE00 of the exact render 3.0 → 5.3.)
    // - at least as bright as the photo's brightest (99.9 % luminance): without sky those pixels
    //   are objects seen through less haze, darker than A. Too dark an A over-corrects (crushed,
    //   haloed darks); too bright a one only leaves a little haze.
    const at::Tensor luma = filters::luminance(clamped).reshape({n});
    const at::Tensor hazyLuma = luma.index_select(0, top).mean();
    const int64_t brightRank = std::min<int64_t>(
        n, std::max<int64_t>(1, std::lround((1.0 - kAirlightQuantile) * double(n))));
    const at::Tensor brightLuma = std::get<0>(luma.topk(brightRank)).min();
    const auto veilRadius =
        std::max<int64_t>(1, std::lround(kVeilFraction * double(std::max(h, w))));
    HazeEstimate estimate;
    estimate.airlight = at::maximum(hazyLuma, brightLuma)
                            .clamp_min(1e-3)
                            .view({1, 1, 1, 1})
                            .expand({1, 3, 1, 1})
                            .contiguous();
    at::Tensor normDark =
        filters::minFilter(std::get<0>((clamped / estimate.airlight).min(1, true)), patch);
    // The veil: the dark channel's lower envelope over wide windows (min, then mean). A veil
    // changes smoothly with distance, while the small-patch dark channel also rises on the
    // scene's own pale surfaces (walls, sand, sky), which dehazing then darkened and tinted.
    at::Tensor veil = filters::boxFilter(filters::minFilter(normDark, veilRadius), veilRadius);
    estimate.density = kOmega * at::clamp(veil, 0.0, 1.0); // 1 − t̂ on the guide
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
