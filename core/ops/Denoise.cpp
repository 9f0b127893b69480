// denoise: edge-preserving luminance and chroma noise reduction (see LocalOps.h).
#include "ops/DenoiseModel.h"
#include "ops/Filters.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace pictor::ops {

namespace {
constexpr double kLumaRadius = 2.0;    // full-resolution pixels
constexpr double kLumaEpsScale = 0.05; // eps = (0.05·amount/100)² in encoded-luma units
constexpr double kChromaRadius = 8.0;  // full-resolution pixels
constexpr double kChromaEps = 0.05 * 0.05;
} // namespace

DenoiseModel denoiseModel(double pixelScale) {
    const double rc = std::max(1.0, kChromaRadius * pixelScale);
    return {std::max<int64_t>(1, std::lround(kLumaRadius * pixelScale)),
            kLumaEpsScale,
            1e-6,
            std::lround(rc),
            std::max<int64_t>(1, int64_t(rc / 4.0)),
            kChromaEps};
}

at::Tensor denoise(const at::Tensor& image, const at::Tensor& luminanceAmount,
                   const at::Tensor& chromaAmount, double pixelScale) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "denoise: expected [H, W, 3]");
    const bool lumaOff = filters::isNeutral(luminanceAmount, 0.0);
    const bool chromaOff = filters::isNeutral(chromaAmount, 0.0);
    if (lumaOff && chromaOff) return image;

    const DenoiseModel m = denoiseModel(pixelScale);
    at::Tensor x = filters::toNchw(image);
    at::Tensor y = filters::luminance(x);
    at::Tensor g = filters::encodeLuma(y);
    at::Tensor out = x;

    if (!lumaOff) {
        at::Tensor l = filters::paramLike(luminanceAmount, image) / 100.0;
        at::Tensor eps = at::square(m.lumaEpsScale * l) + m.lumaEpsFloor;
        at::Tensor smooth = filters::guidedFilter(g, g, m.lumaRadius, eps);
        at::Tensor blend = l * (2.0 - l); // 0 → 0, 1 → 1, monotone on [0, 1]
        at::Tensor g2 = g + blend * (smooth - g);
        // Additive luminance change on all channels keeps the colour differences (R − Y …).
        out = out + (filters::decodeLuma(g2) - filters::decodeLuma(g));
    }
    if (!chromaOff) {
        at::Tensor c = filters::paramLike(chromaAmount, image) / 100.0;
        at::Tensor diff = x - y; // colour differences; their luminance is 0
        at::Tensor eps = at::scalar_tensor(m.chromaEps, g.options().requires_grad(false));
        at::Tensor smooth =
            filters::fastGuidedFilter(g, diff, m.chromaRadius, eps, m.chromaSubsample);
        at::Tensor blend = c * (2.0 - c);
        out = out + blend * (smooth - diff);
    }
    return filters::toHwc(out);
}

} // namespace pictor::ops
