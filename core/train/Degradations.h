#pragma once
// A documented, randomised model of real capture defects, applied to linear Rec.2020 photos
// ([H, W, 3] float tensors), each with the Artist params that undo it (the learned Critic's
// training target). Seeded: the same seed gives the same degradations, bit for bit, on CPU.
//
// The defects, in the order they are applied (the order light meets them), with the target:
//  haze        I = J·t + A·(1 − t), airlight A a light grey, transmission t falling towards the
//              top of the frame (distance); strength h ∈ [0.15, 0.5]: t = 1 − h·(0.6 + 0.4·(1 −
//              y/H)) → dehaze amount 100 (the op estimates the veil t itself and removes all of
//              it at 100; approximate where its estimate misses).
//  blur        Gaussian defocus σ ∈ [0.8, 2.5] px, or motion blur (a line of 3…9 px at any
//              angle, σ-equivalent length/3.5) → sharpen amount 20 + 30·σ (approximate).
//  tilt        the straighten op rotating by θ ∈ ±[1°, 6°] (and cropping) → straighten −θ
//              (exact angle; the crop loses the border).
//  saturation  the colour op with saturation s_a → saturation s with (1 + s/100)(1 + s_a/100) = 1,
//              s ∈ [15, 60] (dull) or [−33, −15] (garish): EXACT inverse.
//  contrast    the numerical inverse of the tone op (its own luminance curve, inverted by
//              interpolation) for target params: flat (contrast +20…+60, sometimes with blacks
//              and whites), harsh (contrast −20…−50), blocked shadows (shadows +20…+70), hot
//              highlights (highlights −20…−70): EXACT inverse to interpolation error (< 1e-3).
//  exposure    ×2^−e, e ∈ ±[0.4, 2.0] EV → exposure +e: EXACT.
//  colour cast the inverse of the white-balance op's matrix for a light (T, tint), mired shift
//              ±[15, 80] from D65 and/or tint ±[8, 30] → white_balance (T, tint): EXACT.
//  noise       signal-dependent Poisson-Gaussian sensor noise on every channel,
//              σ² = a·x + b, a = 0.0002 + 0.004·n, b = (0.001 + 0.006·n)², level n ∈ [0, 1]
//              → denoise luminance (and chroma) 20 + 60·n (approximate).
// A clean photo (nothing applied) has the neutral recipe as its target.
#include "recipe/Recipe.h"

#include <ATen/core/Tensor.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace pictor::train {

// The defect classes, in nn::modelDefects() order.
enum class Defect { Exposure, ColorCast, Contrast, Saturation, Noise, Blur, Haze, Tilt };
inline constexpr int kDefectCount = 8;
const char* defectName(Defect defect);

struct Degradation {
    // Targets (what the Artist should set), neutral = absent.
    double exposure = 0;       // EV
    double temperature = 6504; // K, the light's colour
    double tint = 0;
    double contrast = 0, highlights = 0, shadows = 0, whites = 0, blacks = 0;
    double saturation = 0;
    // Capture defects (the target is derived from these).
    double noiseLevel = 0;   // n ∈ [0, 1], 0 = none
    double blurSigma = 0;    // px, 0 = none
    double motionLength = 0; // px, 0 = Gaussian blur (when blurSigma > 0)
    double motionAngle = 0;  // degrees
    double haze = 0;         // h, 0 = none
    double hazeAirlight = 0.85;
    double tiltDegrees = 0; // θ: the photo is rotated counter-clockwise by θ

    std::array<bool, kDefectCount> present() const;
    bool clean() const;
    // The recipe that undoes it (clean → neutral recipe).
    Recipe targetRecipe() const;
    // The target value of each nn::paramTargets() param, in OpSpec units.
    std::vector<double> targetValues() const;
    // "exposure −1.2 EV, noise 0.4" — for logs and the bench.
    std::string describe() const;
};

// Draws a degradation: `mixed` = several defects (each with its own probability) instead of one;
// `cleanFraction` of the draws are clean.
Degradation sampleDegradation(std::mt19937_64& rng, bool mixed, double cleanFraction);

// One defect (or none) at a given strength 0…1 (0.3 ≈ mild, 0.8 ≈ strong) for the fixed bench
// suite; `sign` picks the direction (under/over exposure, warm/cool, flat/harsh, dull/garish);
// `variant` picks the kind where there are several (contrast: flat, harsh, shadows, highlights).
Degradation fixedDegradation(Defect defect, double strength, int sign, int variant = 0);

// Applies it to a clean [H, W, 3] linear image (CPU or CUDA). Noise is drawn from `seed`.
// The result can be smaller than the input (tilt crops).
at::Tensor applyDegradation(const at::Tensor& image, const Degradation& degradation,
                            std::uint64_t seed);

// The numerical inverse of the tone op for `target` params: tone(inverseTone(x)) ≈ x.
at::Tensor inverseTone(const at::Tensor& image, const Degradation& target);

} // namespace pictor::train
