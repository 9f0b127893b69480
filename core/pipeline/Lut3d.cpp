#include "pipeline/Lut3d.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace pictor {

double LutShaper::encode(double x) const {
    const double lo = std::log2(epsilon), hi = std::log2(maxValue + epsilon);
    return (std::log2(std::clamp(x, 0.0, maxValue) + epsilon) - lo) / (hi - lo);
}

double LutShaper::decode(double u) const {
    const double lo = std::log2(epsilon), hi = std::log2(maxValue + epsilon);
    return std::max(0.0, std::exp2(lo + u * (hi - lo)) - epsilon);
}

Lut3d bakeLut3d(const ColorChain& chain, int size, LutShaper shaper) {
    Lut3d lut;
    lut.size = size;
    lut.shaper = shaper;
    const std::int64_t n = std::int64_t(size) * size * size;
    std::vector<float> axis(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i)
        axis[std::size_t(i)] = float(shaper.decode(double(i) / (size - 1)));
    at::Tensor lattice = at::empty({n, 3}, at::kFloat);
    float* p = lattice.data_ptr<float>();
    for (int b = 0; b < size; ++b)
        for (int g = 0; g < size; ++g)
            for (int r = 0; r < size; ++r, p += 3) {
                p[0] = axis[std::size_t(r)];
                p[1] = axis[std::size_t(g)];
                p[2] = axis[std::size_t(b)];
            }
    at::Tensor out = chain(lattice).detach().to(at::kCPU, at::kFloat).contiguous();
    const float* o = out.data_ptr<float>();
    const float* in = lattice.data_ptr<float>();
    const double eps = shaper.epsilon;
    lut.table.assign(std::size_t(n) * 4, 0.0f);
    for (std::size_t node = 0; node < std::size_t(n); ++node)
        for (std::size_t c = 0; c < 3; ++c) {
            const std::size_t i = node * 3 + c;
            const double v = std::isfinite(o[i]) ? std::max(0.0, double(o[i])) : 0.0;
            lut.table[node * 4 + c] = float((v + eps) / (double(in[i]) + eps));
        }
    return lut;
}

void applyColorMatrix(const ColorMatrix& m, const Image& in, Image& out) {
    const int width = in.width();
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < in.height(); ++y) {
        const float* src = in.row(y);
        float* dst = out.row(y);
        for (int x = 0; x < width; ++x, src += 3, dst += 3) {
            const float r0 = src[0], g0 = src[1], b0 = src[2];
            const float v[3] = {m[0] * r0 + m[1] * g0 + m[2] * b0,
                                m[3] * r0 + m[4] * g0 + m[5] * b0,
                                m[6] * r0 + m[7] * g0 + m[8] * b0};
            for (int c = 0; c < 3; ++c)
                dst[c] = v[c] > 0.0f ? v[c] : 0.0f;
        }
    }
}

namespace {

// The tetrahedron of the lattice cell that holds a point: the cube is split along its main
// diagonal into six, and the order of the fractions (largest first) picks one. Indexed by
// (fr ≥ fg)·4 + (fg ≥ fb)·2 + (fr ≥ fb); the two impossible combinations repeat a neighbour.
// Ties pick either tetrahedron: the shared face's weight is then zero.
struct AxisOrder {
    std::uint8_t first, second, third; // 0 = red, 1 = green, 2 = blue
};
constexpr AxisOrder kOrders[8] = {
    {2, 1, 0}, // fr < fg < fb
    {2, 1, 0}, // (impossible)
    {1, 2, 0}, // fg ≥ fb > fr
    {1, 0, 2}, // fg > fr ≥ fb
    {2, 0, 1}, // fb > fr ≥ fg
    {0, 2, 1}, // fr ≥ fb > fg
    {0, 1, 2}, // (impossible)
    {0, 1, 2}, // fr ≥ fg ≥ fb
};

} // namespace

void applyLut3d(const Lut3d& lut, const ColorMatrix* prefix, const Image& in, Image& out,
                int firstRow, int rows) {
    if (rows < 0) rows = in.height() - firstRow;
    const LutShaper shaper = lut.shaper;
    const TransferLut encode([shaper](double x) { return shaper.encode(x); }, shaper.maxValue);
    const float eps = float(shaper.epsilon);
    const ColorMatrix m = prefix ? *prefix : ColorMatrix{1, 0, 0, 0, 1, 0, 0, 0, 1};
    const int n = lut.size;
    const float scale = float(n - 1);
    const float* t = lut.table.data();
    const std::size_t stride[3] = {4, std::size_t(n) * 4, std::size_t(n) * n * 4};
    const std::size_t diagonal = stride[0] + stride[1] + stride[2];
    const int width = in.width();

    // Branch-free (the tetrahedron's order is a table lookup: on a noisy photo the six-way branch
    // mispredicted at nearly every pixel) and, with SSE, one 4-float load and multiply-add per
    // lattice corner (the table holds R, G, B and a pad per node). Same operations in the same
    // order as a scalar evaluation, so the result does not depend on the instruction set.
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = firstRow; y < firstRow + rows; ++y) {
        const float* src = in.row(y);
        float* dst = out.row(y);
        for (int x = 0; x < width; ++x, src += 3, dst += 3) {
            const float r0 = src[0], g0 = src[1], b0 = src[2];
            const float v[3] = {m[0] * r0 + m[1] * g0 + m[2] * b0,
                                m[3] * r0 + m[4] * g0 + m[5] * b0,
                                m[6] * r0 + m[7] * g0 + m[8] * b0};
            // Lattice coordinates; the last cell is closed so that u = 1 interpolates inside it.
            float f[3];
            std::size_t offset = 0;
            for (int c = 0; c < 3; ++c) {
                const float u = encode(v[c]) * scale;
                const int i = std::min(int(u), n - 2);
                f[c] = u - float(i);
                offset += std::size_t(i) * stride[c];
            }
            const AxisOrder o = kOrders[(f[0] >= f[1]) * 4 + (f[1] >= f[2]) * 2 + (f[0] >= f[2])];
            const float w0 = 1 - f[o.first], w1 = f[o.first] - f[o.second],
                        w2 = f[o.second] - f[o.third], w3 = f[o.third];
            const float* c000 = t + offset;
            const float* c1 = c000 + stride[o.first];
            const float* c2 = c1 + stride[o.second];
            const float* c111 = c000 + diagonal;
            // Ratios apply to the actual values (unclamped: beyond the top they extrapolate);
            // max(v, 0) keeps NaN (as std::max(v, 0)), the final max maps it to 0.
#if defined(__SSE2__)
            const __m128 ratio =
                _mm_add_ps(_mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_set1_ps(w0), _mm_loadu_ps(c000)),
                                                 _mm_mul_ps(_mm_set1_ps(w1), _mm_loadu_ps(c1))),
                                      _mm_mul_ps(_mm_set1_ps(w2), _mm_loadu_ps(c2))),
                           _mm_mul_ps(_mm_set1_ps(w3), _mm_loadu_ps(c111)));
            const __m128 epsV = _mm_set1_ps(eps), zero = _mm_setzero_ps();
            const __m128 value = _mm_sub_ps(
                _mm_mul_ps(ratio,
                           _mm_add_ps(_mm_max_ps(zero, _mm_setr_ps(v[0], v[1], v[2], 0.0f)), epsV)),
                epsV);
            alignas(16) float result[4];
            _mm_store_ps(result, _mm_max_ps(value, zero));
            dst[0] = result[0];
            dst[1] = result[1];
            dst[2] = result[2];
#else
            for (int c = 0; c < 3; ++c) {
                const float ratio = w0 * c000[c] + w1 * c1[c] + w2 * c2[c] + w3 * c111[c];
                const float value = ratio * (std::max(v[c], 0.0f) + eps) - eps;
                dst[c] = value > 0.0f ? value : 0.0f; // also maps NaN to 0
            }
#endif
        }
    }
}

} // namespace pictor
