#pragma once
// The Artist's GLOBAL (per-pixel) operations (see ops/OpSpec.cpp for ids, params, ranges,
// neutrals). Each is written once in libtorch tensor code: the renderer evaluates it on 3D-LUT
// lattice points ([N, 3]) and on images ([H, W, 3]); the Critic is trained through it.
//
// Conventions (all ops):
//  - `rgb` is a float (or double) tensor of shape [..., 3] in LINEAR Rec.2020 (D65),
//    scene-referred: values may exceed 1 (RAW highlights ~4 and more) and may be slightly
//    negative. The result is a new tensor of the same shape, dtype and device. Nothing is
//    clipped: outputs can leave the gamut (the LUT baker / encoder clips).
//  - Params are 0-dim tensors (any float dtype, any device: converted to rgb's) in OpSpec's
//    units; they may require grad. Every op is differentiable w.r.t. rgb and every param, with
//    finite gradients everywhere (including exact zeros and neutral values). Values outside
//    OpSpec's ranges are not clamped; callers validate against OpSpec.
//  - At neutral params each op is the identity to float rounding (exact for exposure, tone,
//    color, hsl; ≤ ~1e-7 relative for white_balance and tone_curve).
//  - Device-agnostic (CPU/CUDA): small constant tensors are created on rgb's device.
#include "recipe/Recipe.h"

#include <ATen/core/Tensor.h>

namespace pictor::ops {

// The photo's own white: the as-shot light of a RAW (RawInfo::asShotTemperatureK / asShotTint),
// D65 (6504 K, tint 0 — the defaults) for rendered files. The white_balance op is the identity
// when its params equal these.
// The photo's own white (as-shot for RAW, D65 for rendered files): the recipe model's type.
using SourceWhite = ::pictor::SourceWhite;

// CCT (K) + tint (Lightroom / DNG SDK: +3000·Duv, positive = greenish light) → CIE xy, shape
// [..., 2] for params of shape [...], in float64. Robertson's isotherms, interpolated linearly in
// mired exactly as the DNG SDK's dng_temperature::Get_xyCoord, i.e. the inverse of
// core/io/RawDecoder.cpp's temperatureFromXy (round trip to ~1e-6). Valid for 1667 K…∞.
at::Tensor xyFromTemperatureTint(const at::Tensor& temperatureK, const at::Tensor& tint);

// white_balance(temperature K, tint). Chromatic adaptation (von Kries gains in Bradford cone
// space) from the declared light (temperature, tint) to the source white, then renormalised so
// that the luminance of a neutral is unchanged. Lowering temperature below the source cools
// (bluer), raising it warms; tint above the source adds magenta, below adds green (Lightroom).
// whiteBalanceMatrix returns the linear-Rec.2020 [3, 3] matrix (rgb' = M · rgb) in float64 on
// the params' device, differentiable w.r.t. both params — usable as the LUT's linear prefix.
at::Tensor whiteBalanceMatrix(const at::Tensor& temperatureK, const at::Tensor& tint,
                              const SourceWhite& source = {});
at::Tensor whiteBalance(const at::Tensor& rgb, const at::Tensor& temperatureK,
                        const at::Tensor& tint, const SourceWhite& source = {});

// exposure(EV): rgb · 2^EV, exactly.
at::Tensor exposure(const at::Tensor& rgb, const at::Tensor& ev);

// tone(contrast, highlights, shadows, whites, blacks), each −100…100 (neutral 0; an undefined
// tensor counts as 0). Works on luminance Y in log2 stops around mid grey, ℓ = log2(Y / 0.18),
// and scales RGB by the resulting luminance gain (hue and saturation preserved; black stays
// black). Applied in this order, each step ℓ ← ℓ + k·f(ℓ) with k = param / 100 and |k·f'| < 1,
// so the luminance response is strictly increasing for every combination within ±100:
//   contrast    0.6 · ℓ · exp(−ℓ² / (2 · 2.5²))       S-curve, mid grey fixed, ends → identity
//   highlights  0.5 · 0.6 · softplus((ℓ − 1.2) / 0.6)  upper range; compresses above white (−)
//   shadows     1.5 · (1 − smoothstep(−4 … 0))        lower range, ±1.5 stops at most
//   whites      1.0 · smoothstep(1.5 … 3.5)           around and above diffuse white, ±1 stop
//   blacks      1.0 · (1 − smoothstep(−7 … −4))       deepest shadows, ±1 stop
// (smoothstep(a … b) = 3t² − 2t³ of t = (ℓ − a) / (b − a) clamped to [0, 1].)
struct ToneParams {
    at::Tensor contrast, highlights, shadows, whites, blacks;
};
at::Tensor tone(const at::Tensor& rgb, const ToneParams& params);

// tone_curve(points): `points` is a [K, 2] tensor of (x, y) in [0, 1]² in the display-encoded
// domain (the sRGB curve applied to luminance), sorted here by x. Monotone piecewise-cubic
// Hermite interpolation (Fritsch–Carlson family: harmonic-mean slopes as in Fritsch–Butland /
// PCHIP, end slopes = end secants), continued linearly beyond the first/last point (so Y > 1
// keeps its headroom). Applied to luminance: RGB is scaled by Y'/Y (capped at ×64; luminance
// the gain cannot reach, e.g. a lifted black, is added as neutral grey). Identity for
// [(0,0),(1,1)], any set of points on the diagonal, and K < 2 (returns rgb itself).
at::Tensor toneCurve(const at::Tensor& rgb, const at::Tensor& points);

// color(vibrance, saturation), each −100…100. In Oklab: a and b (chroma) are scaled by
//   (1 + saturation/100) · (1 + vibrance/100 · w(C) · skin(h)),  w(C) = 1 / (1 + (C / 0.1)²)
// (w ≈ 1 for greys and muted colours, ≈ 0.1 for C 0.3 — vivid colours barely move), and for
// positive vibrance skin(h) = 1 − 0.5 · ((1 + cos(h − 55°)) / 2)⁸ halves the boost around skin
// hues (OkLCh h ≈ 55°, ±~40°). Then RGB is rescaled to the original luminance Y: hue kept,
// saturation −100 gives a grey of the same luminance.
at::Tensor color(const at::Tensor& rgb, const at::Tensor& vibrance, const at::Tensor& saturation);

// hsl(hue, saturation, luminance): three [8] tensors (hslBands() order: red, orange, yellow,
// green, aqua, blue, purple, magenta), each value −100…100. Band centres in OkLCh hue:
// 25°, 60°, 105°, 145°, 195°, 260°, 300°, 335°; weights are raised cosines reaching 0 at the
// neighbouring centres (they sum to 1 at every hue). Per pixel, with a chroma gate
// g = C² / (C² + 0.03²) (greys untouched):
//   hue: rotate by g · Σ w·hue/100 · 30° (+ = towards larger hue angle: red → orange,
//        blue → purple), saturation: chroma × (1 + g · Σ w·sat/100) (−100 removes the band's
//        colour), both at constant luminance Y;
//   luminance: RGB × 2^(g · Σ w·lum/100) (±100 = ±1 stop for a fully weighted colour).
at::Tensor hsl(const at::Tensor& rgb, const at::Tensor& hue, const at::Tensor& saturation,
               const at::Tensor& luminance);

} // namespace pictor::ops
