#pragma once
// Shared neighbourhood filters for the local ops (denoise, dehaze, clarity, sharpen), written
// once in libtorch tensor code: device-agnostic (CPU/CUDA) and differentiable w.r.t. their tensor
// inputs. Unless stated otherwise, tensors are float NCHW [N, C, H, W]; radii are in pixels of
// the tensor they are applied to (callers convert full-resolution radii with pixelScale).
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <utility>

namespace pictor::ops::filters {

// Rec.2020 luminance weights (linear light).
inline constexpr double kLumaR = 0.2627, kLumaG = 0.6780, kLumaB = 0.0593;

// [H, W, C] → [1, C, H, W] (a contiguous planar copy) and back (contiguous HWC).
at::Tensor toNchw(const at::Tensor& hwc);
at::Tensor toHwc(const at::Tensor& nchw);

// Y = 0.2627 R + 0.6780 G + 0.0593 B: [N, 3, H, W] → [N, 1, H, W].
at::Tensor luminance(const at::Tensor& rgb);

// A perceptual (≈ gamma 2.2) encoding of linear luminance with finite derivatives everywhere
// (negative values clamp to 0): encodeLuma(y) = (max(y, 0) + 1e-3)^(1/2.2); decodeLuma inverts it.
at::Tensor encodeLuma(const at::Tensor& y);
at::Tensor decodeLuma(const at::Tensor& e);

// Mean over a (2r+1)² window (separable, each window normalised by its in-image pixel count, so
// borders are unbiased). r ≤ 0 returns x.
at::Tensor boxFilter(const at::Tensor& x, int64_t r);

// Minimum over a (2r+1)² window (erosion); r ≤ 0 returns x.
at::Tensor minFilter(const at::Tensor& x, int64_t r);

// Separable Gaussian blur with replicated borders. `sigma` is a 0-dim tensor (differentiable: the
// kernel weights are computed from it; the kernel size, ceil(3σ), from its value).
at::Tensor gaussianBlur(const at::Tensor& x, const at::Tensor& sigma);
at::Tensor gaussianBlur(const at::Tensor& x, double sigma);

// Area (box) downscale to [h, w] and bilinear upscale to [h, w] (half-pixel centres).
at::Tensor resizeArea(const at::Tensor& x, int64_t h, int64_t w);
at::Tensor resizeBilinear(const at::Tensor& x, int64_t h, int64_t w);

// He et al.'s guided filter: `guide` [N, 1, H, W], `src` [N, C, H, W], window radius r, eps in
// squared guide units (tensor: may require grad). Edges of the guide whose local variance is
// well above eps survive; smaller variations are smoothed.
at::Tensor guidedFilter(const at::Tensor& guide, const at::Tensor& src, int64_t r,
                        const at::Tensor& eps);
// The guided filter's linear coefficients (a, b), already box-averaged: q = a·guide + b. (The fast
// render path upsamples them itself; pipeline/FastLocalOps.)
std::pair<at::Tensor, at::Tensor> guidedCoefficients(const at::Tensor& guide, const at::Tensor& src,
                                                     int64_t r, const at::Tensor& eps);
// The fast guided filter's reduced grid for an H×W guide: ceil(H / subsample) × ceil(W / subsample)
// pixels, radius max(1, round(r / subsample)).
struct ReducedGuide {
    int64_t height, width, radius;
};
ReducedGuide reducedGuide(int64_t height, int64_t width, int64_t r, int64_t subsample);

// The fast guided filter (He & Sun 2015): coefficients computed on a `subsample`× area-reduced
// copy (radius r / subsample there), upsampled bilinearly and applied to the full-res guide.
// subsample ≤ 1 is the plain guided filter.
at::Tensor fastGuidedFilter(const at::Tensor& guide, const at::Tensor& src, int64_t r,
                            const at::Tensor& eps, int64_t subsample);

// The fast guided filter's second half: coefficients from a low-resolution guide/source pair
// (radius rSmall there), upsampled and applied to the full-resolution `guide`.
at::Tensor guidedUpsample(const at::Tensor& guide, const at::Tensor& smallGuide,
                          const at::Tensor& smallSrc, int64_t rSmall, const at::Tensor& eps);

// Per-pixel gradient magnitude (central differences, replicated borders): [N, C, H, W] → same.
at::Tensor gradientMagnitude(const at::Tensor& x);

// Smoothstep from 0 at e0 to 1 at e1 (e0 < e1), differentiable inside the ramp.
at::Tensor smoothstep(const at::Tensor& x, double e0, double e1);

// A parameter as a 0-dim tensor of the image's dtype and device (keeps autograd history).
at::Tensor paramLike(const at::Tensor& param, const at::Tensor& image);

// True when `param` equals `neutral` and no gradient is wanted through it: the op may then
// return its input unchanged (bit-exact identity, no work).
bool isNeutral(const at::Tensor& param, double neutral);

} // namespace pictor::ops::filters
