#pragma once
// dehaze's estimation half (ops/Dehaze.cpp), shared with the fast render path, which applies the
// refinement and recovery at full resolution with the generic kernels: the dark-channel haze
// density and airlight, computed on the op's reduced (≤ 384 px) guide without gradients.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace pictor::ops {

struct HazeEstimate {
    at::Tensor density;    // [1, 1, h, w] on the guide: ω·(1 − t̂), in [0, ω]
    at::Tensor airlight;   // [1, 3, 1, 1]
    int64_t radius = 1;    // guided-refinement radius, in guide pixels
    double refineEps = 0;  // guided-refinement eps (encoded-luma units²)
    double maxDensity = 0; // ω
    // The recovery's constants (the same for every image; here so that the fast path has them
    // from the op): t ≥ minTransmission; veil at amount −100 = addHaze · (0.4 + 0.6 · d / ω).
    double minTransmission = 0;
    double addHaze = 0;
};

// x: the image as [1, 3, H, W] (any strides). The guide size is a function of H and W only.
HazeEstimate estimateHaze(const at::Tensor& x);

// The same in two halves, for a caller that reduces the image itself (the fast path's kernels):
// the guide's size for an H×W image ({h, w}), and the estimate from the guide, i.e. x
// area-reduced (filters::resizeArea) to that size, [1, 3, h, w].
struct HazeGuideSize {
    int64_t height, width;
};
HazeGuideSize hazeGuideSize(int64_t height, int64_t width);
HazeEstimate estimateHazeOnGuide(const at::Tensor& guide);

} // namespace pictor::ops
