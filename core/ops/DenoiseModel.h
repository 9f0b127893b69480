#pragma once
// denoise's constants and filter geometry (ops/Denoise.cpp), shared with the fast render path,
// which runs the same guided filters with the generic kernels at full resolution (luminance) and
// on the op's reduced grid (colour).
#include <cstdint>

namespace pictor::ops {

struct DenoiseModel {
    int64_t lumaRadius;  // self-guided filter of encoded luminance, in image pixels
    double lumaEpsScale; // eps = (lumaEpsScale · l)² + lumaEpsFloor, l = luminance / 100
    double lumaEpsFloor;
    int64_t chromaRadius; // fast guided filter of the colour differences, in image pixels
    int64_t chromaSubsample;
    double chromaEps;
};

DenoiseModel denoiseModel(double pixelScale);

} // namespace pictor::ops
