#pragma once
// clarity's constants and base-layer geometry (ops/Clarity.cpp), shared with the fast render
// path, which computes the base layer's guided-filter coefficients on the reduced guide with the
// op's filters and applies base, detail and gain at full resolution with the generic kernels.
#include <cstdint>

namespace pictor::ops {

struct ClarityModel {
    double floor;       // L = log2(Y + floor)
    int64_t radius;     // base-layer guided filter radius, full-resolution pixels
    int64_t subsample;  // fast guided filter reduction (1 = plain guided filter)
    double eps;         // in stops²
    double detailLimit; // detail = limit · tanh((L − base) / limit)
    double strength;    // gain = 2^(strength · amount/100 · detail)
};

ClarityModel clarityModel(int64_t height, int64_t width);

} // namespace pictor::ops
