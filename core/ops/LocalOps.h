#pragma once
// The Artist's LOCAL and GEOMETRY operations (see ops/OpSpec.cpp for ids, params, ranges,
// neutrals). Each is written once in libtorch tensor code: the same function renders previews,
// exports and the differentiable training path, on CPU or CUDA (whichever holds the image).
//
// Conventions (all ops):
//  - `image` is a float [H, W, 3] tensor (HWC, as Pictor's Image buffer) in LINEAR Rec.2020,
//    scene-referred (values may exceed 1, may be slightly negative). It may be non-contiguous.
//    The result is a new contiguous float [H', W', 3] tensor on the same device (H' = H and
//    W' = W except for straighten and crop). At the neutral values the result is the input
//    itself when no gradient is wanted, and bit-identical values otherwise.
//  - Params are 0-dim tensors (any float dtype/device; converted to the image's) in the units
//    of OpSpec, e.g. amount −100…100; they may require grad, and every op is differentiable
//    w.r.t. the image and its params (except crop's fractions, which select whole pixels).
//    Values outside the OpSpec range are not clamped: callers validate against OpSpec.
//  - `pixelScale` = this image's pixels per full-resolution pixel (0.25 for a quarter-size
//    preview): radii given in full-resolution pixels are multiplied by it, so that previews
//    look like the export. Ops whose extents are relative to the image size (dehaze, clarity,
//    vignette, straighten) do not need it; they accept it for a uniform signature.
//  - Errors (wrong shape/dtype, invalid crop) throw c10::Error / std::invalid_argument; the
//    pipeline turns them into messages at its boundary.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <utility>

namespace pictor::ops {

// denoise(luminance 0–100, chroma 0–100). Luminance: self-guided filter of perceptually encoded
// luminance E = (Y + 0.001)^(1/2.2) (radius 2 full-res px, eps = (0.05·l)², l = luminance/100),
// blended by l(2 − l) and applied as an additive luminance change to R, G, B, so chroma is kept.
// Chroma: the colour differences RGB − Y are smoothed by a fast guided filter guided by E
// (radius 8 full-res px, eps = 0.05²), blended by c(2 − c), c = chroma/100; luminance is
// unchanged by the chroma part (to float rounding).
at::Tensor denoise(const at::Tensor& image, const at::Tensor& luminance, const at::Tensor& chroma,
                   double pixelScale);

// dehaze(amount −100…100). Dark-channel prior on a ≤ 384 px area-reduced guide: airlight A =
// grey, as bright as the mean luminance of the 0.1 % highest dark-channel pixels and at least the
// photo's 99.9 % luminance; haze density d = 1 − t̂ = the lower envelope (min then mean over
// windows of ±5 % of the long side) of the dark channel of I/A (patch ≈ 1 % of the diagonal),
// refined by a (fast) guided filter on encoded luminance and applied at full resolution.
// + : J = I + (I − A)(1/t − 1) with t = max(1 − s·d, 0.2), s = amount/100 (values never pushed
// below min(I, 0)): amount 100 inverts the veil I = J·t + A·(1 − t) where the estimate holds;
// − : I + (Y(A) − I)·0.6·|s|·(0.4 + 0.6·d): a neutral veil of A's luminance, thicker where hazier.
at::Tensor dehaze(const at::Tensor& image, const at::Tensor& amount, double pixelScale);

// clarity(amount −100…100). Local contrast on L = log2(Y + 1/1024): base = fast guided filter
// (radius 1.5 % of the image diagonal, eps = (0.5 stop)²), detail = L − base (soft-limited to ±1.5
// stops by tanh), gain map 2^(0.7·s·detail) applied to R, G, B (hue-preserving), s = amount/100.
at::Tensor clarity(const at::Tensor& image, const at::Tensor& amount, double pixelScale);

// sharpen(amount 0–150, radius 0.5–3 px, masking 0–100). Unsharp mask on log2-luminance with a
// Gaussian of σ = radius·pixelScale, log2(Y + 1/256), as a gain map 2^(amount/100 · detail ·
// mask) on R, G, B. mask = 1 − m + m·edge, m = masking/100, edge = smoothstep from 0.05 to 0.25
// stops per full-resolution pixel of the gradient magnitude of the blurred log-luminance:
// masking 100 sharpens edges only, as Lightroom's Masking slider.
at::Tensor sharpen(const at::Tensor& image, const at::Tensor& amount, const at::Tensor& radius,
                   const at::Tensor& masking, double pixelScale);

// vignette(amount −100…100, midpoint 0–100, feather 0–100). Post-crop, elliptical (follows the
// aspect ratio): r = ‖((x − cx)/(W/2), (y − cy)/(H/2))‖, 1 at the edge midpoints. Gain
// 2^(1.5·s·w(r)), w = smoothstep from r_in = r_mid·(1 − 0.9 f) to r_out = r_mid + (1.5 − r_mid)·0.9
// f, r_mid = 0.35 + 0.9·midpoint/100, f = feather/100. Negative darkens the corners. The centre (r
// < r_in, never empty) is untouched.
at::Tensor vignette(const at::Tensor& image, const at::Tensor& amount, const at::Tensor& midpoint,
                    const at::Tensor& feather, double pixelScale);

// straighten(angle −45…45°). Rotates the content counter-clockwise (as seen on screen) by `angle`
// about the centre (bilinear, grid_sampler) and crops to the largest centred axis-aligned
// rectangle with the input's aspect ratio that lies inside the rotated image (no empty corners):
// scale k = min(W/(W c + H s), H/(W s + H c)), c = |cos|, s = |sin|; output [floor(kH), floor(kW),
// 3] (≥ 1 px). A line at +θ (counter-clockwise) becomes horizontal with straighten(−θ). angle 0 ⇒
// identity (same size, exact).
at::Tensor straighten(const at::Tensor& image, const at::Tensor& angleDegrees, double pixelScale);

// The output size straighten() gives for an H×W image: {H', W'}.
std::pair<int64_t, int64_t> straightenedSize(int64_t height, int64_t width, double angleDegrees);

// crop(left, top, right, bottom), fractions of the (straightened) image in [0, 1] (clamped).
// Pixel edges x0 = round(left·W), x1 = round(right·W) (same for y), then widened to at least
// 1 px inside the image. Throws std::invalid_argument when left ≥ right or top ≥ bottom or a
// value is not finite. (0, 0, 1, 1) ⇒ identity. The result is a contiguous copy (or the input
// itself for the identity).
at::Tensor crop(const at::Tensor& image, double left, double top, double right, double bottom);

struct CropRect {
    int64_t x0, y0, x1, y1; // pixel edges, x0 < x1 ≤ W, y0 < y1 ≤ H
};
CropRect cropRect(int64_t height, int64_t width, double left, double top, double right,
                  double bottom);

} // namespace pictor::ops
