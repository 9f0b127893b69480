#pragma once
// The global per-pixel ops, baked into one 3D LUT by evaluating the ops' own tensor code on a
// lattice, and applied at full resolution by one hand-optimised kernel (libtorch's CPU
// element-wise ops are several times too slow for 24 MP; ENVIRONMENT.md).
//
// The LUT's input axes are in log2 stops (the "shaper"), so that shadows get as many lattice
// points as highlights (scene-referred data spans ~18 stops). It stores, per channel, the ratio
// (out + ε) / (in + ε) rather than the output itself, so that
//  - the identity and any pure gain are reproduced exactly (a constant ratio interpolates
//    exactly): a neutral LUT changes nothing, +0.3 EV is ×2^0.3;
//  - outputs pushed towards 0 (saturation, clipping) interpolate smoothly;
//  - inputs beyond the lattice's top keep the ratio of its edge instead of clipping.
// Linear ops (a 3×3 matrix: white balance, exposure) can also be applied exactly before the LUT.
#include "image/Image.h"

#include <ATen/core/Tensor.h>

#include <array>
#include <functional>
#include <vector>

namespace pictor {

// x (linear, ≥ 0) ↔ u ∈ [0, 1]: u = (log2(x + ε) − log2 ε) / (log2(max + ε) − log2 ε).
struct LutShaper {
    double epsilon = 1.0 / 4096; // below ~ε the axis becomes linear (deep shadows, noise)
    double maxValue = 64.0;      // 6 stops above diffuse white; brighter values clip here
    double encode(double x) const;
    double decode(double u) const;
};

struct Lut3d {
    int size = 0; // lattice points per axis
    LutShaper shaper;
    // size³ nodes of 4 floats: the ratios (out + ε)/(in + ε) of R, G, B and a pad (one aligned
    // load per node); red fastest, then green, blue.
    std::vector<float> table;
};

using ColorChain = std::function<at::Tensor(const at::Tensor&)>; // [N, 3] → [N, 3], linear

// Evaluates `chain` on every lattice point (one batched call; any device the chain uses).
// Negative or non-finite outputs become 0 (outside every RGB gamut we write).
Lut3d bakeLut3d(const ColorChain& chain, int size = 65, LutShaper shaper = {});

// Row-major 3×3 matrix applied to each pixel before the LUT (identity when null).
using ColorMatrix = std::array<float, 9>;

// out = max(M · in, 0) (NaN → 0), all cores: what applyLut3d gives with an identity LUT, for a
// run of only linear ops (white balance, exposure). `out` may alias `in`.
void applyColorMatrix(const ColorMatrix& m, const Image& in, Image& out);

// out = LUT(prefix · in), tetrahedral interpolation, all cores. `out` may alias `in`.
// Rows [firstRow, firstRow + rows) only when rows ≥ 0 (for tiled and strip-wise rendering).
void applyLut3d(const Lut3d& lut, const ColorMatrix* prefix, const Image& in, Image& out,
                int firstRow = 0, int rows = -1);

} // namespace pictor
