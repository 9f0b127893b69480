#include "ops/Filters.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace pictor::ops::filters {

at::Tensor toNchw(const at::Tensor& hwc) {
    TORCH_CHECK(hwc.dim() == 3, "expected an [H, W, C] image, got ", hwc.sizes());
    // A planar copy: every later per-channel op then reads contiguous memory.
    return hwc.permute({2, 0, 1}).unsqueeze(0).contiguous();
}

at::Tensor toHwc(const at::Tensor& nchw) {
    TORCH_CHECK(nchw.dim() == 4 && nchw.size(0) == 1, "expected [1, C, H, W], got ", nchw.sizes());
    return nchw.squeeze(0).permute({1, 2, 0}).contiguous();
}

at::Tensor luminance(const at::Tensor& rgb) {
    at::Tensor y = rgb.narrow(1, 0, 1) * kLumaR; // one allocation, then in place
    y.add_(rgb.narrow(1, 1, 1), kLumaG);
    y.add_(rgb.narrow(1, 2, 1), kLumaB);
    return y;
}

at::Tensor encodeLuma(const at::Tensor& y) {
    return at::pow(at::clamp_min(y, 0.0) + 1e-3, 1.0 / 2.2);
}

at::Tensor decodeLuma(const at::Tensor& e) {
    return at::pow(at::clamp_min(e, 0.0), 2.2) - 1e-3;
}

namespace {

// Sum over a window of 2r+1 along `dim` (zero outside the image), as shifted slices of a padded
// copy: exact float sums (a cumulative sum loses precision on large images), vectorised.
at::Tensor windowSum(const at::Tensor& x, int64_t r, int64_t dim) {
    const int64_t n = x.size(dim);
    std::vector<int64_t> pad(2 * (x.dim() - dim), 0); // constant_pad_nd: last dim first
    pad[2 * (x.dim() - 1 - dim)] = r;
    pad[2 * (x.dim() - 1 - dim) + 1] = r;
    at::Tensor p = at::constant_pad_nd(x, pad, 0);
    at::Tensor sum = p.narrow(dim, 0, n).clone();
    for (int64_t i = 1; i <= 2 * r; ++i)
        sum.add_(p.narrow(dim, i, n));
    return sum;
}

// Number of in-image pixels in each window of 2r+1 along an axis of n pixels.
at::Tensor windowCount(int64_t n, int64_t r, const at::TensorOptions& opts) {
    at::Tensor i = at::arange(n, opts.requires_grad(false));
    return at::clamp_max(i, double(r)) + at::clamp_max(double(n - 1) - i, double(r)) + 1.0;
}

} // namespace

at::Tensor boxFilter(const at::Tensor& x, int64_t r) {
    if (r <= 0) return x;
    const int64_t H = x.size(2), W = x.size(3);
    at::Tensor count =
        windowCount(H, r, x.options()).view({H, 1}) * windowCount(W, r, x.options()).view({1, W});
    return windowSum(windowSum(x, r, 3), r, 2) / count;
}

namespace {

// Minimum over a window of 2r+1 along `dim`, over in-image pixels only (the padding is +inf), by
// doubling: after m steps each value is the minimum of 2^m neighbours, and two overlapping such
// windows cover 2r+1. log2(2r+1) + 1 elementwise minima instead of max_pool2d, whose CPU kernel
// (it also records arg-max indices) took 3 ms for an 11-pixel window on a 384 × 256 guide.
// Exact, like any minimum; NaN propagates as it did through max_pool2d.
at::Tensor windowMin(const at::Tensor& x, int64_t r, int64_t dim) {
    const int64_t n = x.size(dim), k = 2 * r + 1;
    std::vector<int64_t> pad(2 * (x.dim() - dim), 0); // constant_pad_nd: last dim first
    pad[2 * (x.dim() - 1 - dim)] = r;
    pad[2 * (x.dim() - 1 - dim) + 1] = r;
    at::Tensor m = at::constant_pad_nd(x, pad, std::numeric_limits<double>::infinity());
    int64_t width = 1; // m[i] = min of the padded row's [i, i + width)
    while (2 * width <= k) {
        const int64_t length = m.size(dim) - width;
        m = at::minimum(m.narrow(dim, 0, length), m.narrow(dim, width, length));
        width *= 2;
    }
    return at::minimum(m.narrow(dim, 0, n), m.narrow(dim, k - width, n));
}

} // namespace

at::Tensor minFilter(const at::Tensor& x, int64_t r) {
    if (r <= 0) return x;
    return windowMin(windowMin(x, r, 3), r, 2);
}

at::Tensor gaussianBlur(const at::Tensor& x, const at::Tensor& sigmaIn) {
    const double sigmaValue = sigmaIn.item<double>();
    if (!(sigmaValue > 0)) return x;
    const int64_t n = std::max<int64_t>(1, int64_t(std::ceil(3.0 * sigmaValue)));
    at::Tensor sigma = sigmaIn.to(x.options());
    at::Tensor pos = at::arange(-n, n + 1, x.options().requires_grad(false));
    at::Tensor w = at::exp(-(pos * pos) / (2.0 * sigma * sigma));
    w = w / w.sum();
    // Separable: replicated borders, then a weighted sum of shifted slices along each axis
    // (faster than a depthwise convolution on CPU; the weights carry the gradient to sigma).
    auto pass = [&](const at::Tensor& in, int64_t dim) {
        const int64_t len = in.size(dim);
        at::Tensor p = dim == 3 ? at::replication_pad2d(in, {n, n, 0, 0})
                                : at::replication_pad2d(in, {0, 0, n, n});
        at::Tensor sum = p.narrow(dim, 0, len) * w[0];
        for (int64_t i = 1; i <= 2 * n; ++i)
            sum.addcmul_(p.narrow(dim, i, len), w[i]);
        return sum;
    };
    return pass(pass(x, 3), 2);
}

at::Tensor gaussianBlur(const at::Tensor& x, double sigma) {
    return gaussianBlur(x, at::scalar_tensor(sigma, x.options().requires_grad(false)));
}

at::Tensor resizeArea(const at::Tensor& x, int64_t h, int64_t w) {
    if (x.size(2) == h && x.size(3) == w) return x;
    return at::adaptive_avg_pool2d(x, {h, w});
}

at::Tensor resizeBilinear(const at::Tensor& x, int64_t h, int64_t w) {
    if (x.size(2) == h && x.size(3) == w) return x;
    return at::upsample_bilinear2d(x, at::IntArrayRef{h, w}, false);
}

std::pair<at::Tensor, at::Tensor> guidedCoefficients(const at::Tensor& guide, const at::Tensor& src,
                                                     int64_t r, const at::Tensor& eps) {
    const bool selfGuided = guide.is_same(src);
    at::Tensor meanI = boxFilter(guide, r);
    at::Tensor meanP = selfGuided ? meanI : boxFilter(src, r);
    at::Tensor varI = at::clamp_min(boxFilter(guide * guide, r) - meanI * meanI, 0.0);
    at::Tensor covIP = selfGuided ? varI : boxFilter(guide * src, r) - meanI * meanP;
    at::Tensor a = covIP / (varI + eps);
    at::Tensor b = meanP - a * meanI;
    return {boxFilter(a, r), boxFilter(b, r)};
}

at::Tensor guidedFilter(const at::Tensor& guide, const at::Tensor& src, int64_t r,
                        const at::Tensor& eps) {
    auto [a, b] = guidedCoefficients(guide, src, r, eps);
    return a * guide + b;
}

ReducedGuide reducedGuide(int64_t height, int64_t width, int64_t r, int64_t subsample) {
    subsample = std::max<int64_t>(1, subsample);
    return {std::max<int64_t>(1, (height + subsample - 1) / subsample),
            std::max<int64_t>(1, (width + subsample - 1) / subsample),
            std::max<int64_t>(1, int64_t(std::lround(double(r) / double(subsample))))};
}

at::Tensor fastGuidedFilter(const at::Tensor& guide, const at::Tensor& src, int64_t r,
                            const at::Tensor& eps, int64_t subsample) {
    if (subsample <= 1) return guidedFilter(guide, src, r, eps);
    const ReducedGuide g = reducedGuide(guide.size(2), guide.size(3), r, subsample);
    return guidedUpsample(guide, resizeArea(guide, g.height, g.width),
                          resizeArea(src, g.height, g.width), g.radius, eps);
}

at::Tensor guidedUpsample(const at::Tensor& guide, const at::Tensor& smallGuide,
                          const at::Tensor& smallSrc, int64_t rSmall, const at::Tensor& eps) {
    const int64_t H = guide.size(2), W = guide.size(3);
    auto [a, b] = guidedCoefficients(smallGuide, smallSrc, rSmall, eps);
    return resizeBilinear(a, H, W) * guide + resizeBilinear(b, H, W);
}

at::Tensor gradientMagnitude(const at::Tensor& x) {
    at::Tensor p = at::replication_pad2d(x, {1, 1, 1, 1});
    const int64_t H = x.size(2), W = x.size(3);
    at::Tensor gx = (p.narrow(2, 1, H).narrow(3, 2, W) - p.narrow(2, 1, H).narrow(3, 0, W)) * 0.5;
    at::Tensor gy = (p.narrow(2, 2, H).narrow(3, 1, W) - p.narrow(2, 0, H).narrow(3, 1, W)) * 0.5;
    // + tiny: sqrt's derivative stays finite where the gradient is exactly zero.
    return at::sqrt(gx * gx + gy * gy + 1e-12);
}

at::Tensor smoothstep(const at::Tensor& x, double e0, double e1) {
    at::Tensor t = at::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

at::Tensor paramLike(const at::Tensor& param, const at::Tensor& image) {
    TORCH_CHECK(param.numel() == 1, "an op parameter must be a single number, got ", param.sizes());
    return param.reshape({}).to(image.device(), image.scalar_type());
}

bool isNeutral(const at::Tensor& param, double neutral) {
    if (param.requires_grad() && at::GradMode::is_enabled()) return false;
    return param.item<double>() == neutral;
}

} // namespace pictor::ops::filters
