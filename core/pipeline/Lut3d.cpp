#include "pipeline/Lut3d.h"

#include "image/FastMath.h"
#include "util/VectorClones.h"

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

namespace {

PICTOR_AVX2_CLONES
void colorMatrixRow(const ColorMatrix& m, const float* src, int width, float* dst) {
    for (int x = 0; x < width; ++x, src += 3, dst += 3) {
        const float r0 = src[0], g0 = src[1], b0 = src[2];
        const float v[3] = {m[0] * r0 + m[1] * g0 + m[2] * b0, m[3] * r0 + m[4] * g0 + m[5] * b0,
                            m[6] * r0 + m[7] * g0 + m[8] * b0};
        for (int c = 0; c < 3; ++c)
            dst[c] = v[c] > 0.0f ? v[c] : 0.0f;
    }
}

} // namespace

void applyColorMatrix(const ColorMatrix& m, const Image& in, Image& out) {
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < in.height(); ++y)
        colorMatrixRow(m, in.row(y), in.width(), out.row(y));
}

namespace {

// Pixels handled per step: their lattice cells are worked out for all of them first (loops the
// compiler vectorises), then each is interpolated.
constexpr int kChunk = 64;

// Per pixel of a chunk: the input after the matrix, and the tetrahedron that interpolates it —
// its four corners' table offsets (c000, the corner one step along the largest fraction, the one
// two steps along, c111) and their weights.
struct Cells {
    alignas(32) float v[3][kChunk];
    alignas(32) float u[3][kChunk]; // shaper-encoded v, in [0, 1]
    alignas(32) std::int32_t corner1[kChunk], corner2[kChunk], corner0[kChunk];
    alignas(32) float w0[kChunk], w1[kChunk], w2[kChunk], w3[kChunk];
};

// LutShaper::encode in float arithmetic (image/FastMath.h; vectorises): u ∈ [0, 1].
struct Shaper {
    float epsilon, maxValue, low, inverseRange; // low = log2 ε, 1 / (log2(max + ε) − low)
    explicit Shaper(const LutShaper& s)
        : epsilon(float(s.epsilon))
        , maxValue(float(s.maxValue))
        , low(float(std::log2(s.epsilon)))
        , inverseRange(float(1.0 / (std::log2(s.maxValue + s.epsilon) - std::log2(s.epsilon)))) {}
    float operator()(float x) const {
        x = x > 0.0f ? x : 0.0f; // also NaN
        x = x < maxValue ? x : maxValue;
        return (log2Fast(x + epsilon) - low) * inverseRange;
    }
};

struct LutGeometry {
    int n;                            // lattice points per axis
    float scale;                      // n − 1
    std::int32_t stride[3], diagonal; // in floats
};

// The cells of `count` pixels of `src` (interleaved RGB). The tetrahedron of a point: the cube is
// split along its main diagonal into six, and the order of the fractions picks one — weights
// 1 − hi, hi − mid, mid − lo, lo of the sorted fractions; the corners step first along the axis
// of the largest fraction and last along that of the smallest. Ties pick either axis: the weight
// between the tied corners is then zero. Branch-free (on a noisy photo a six-way branch
// mispredicted at nearly every pixel), so the loops vectorise; also compiled for AVX2, with the
// same result.
PICTOR_AVX2_CLONES
void findCells(const float* src, int count, const ColorMatrix& m, const Shaper& shaper,
               const LutGeometry& g, Cells& cells) {
    for (int k = 0; k < count; ++k) {
        const float r0 = src[3 * k], g0 = src[3 * k + 1], b0 = src[3 * k + 2];
        cells.v[0][k] = m[0] * r0 + m[1] * g0 + m[2] * b0;
        cells.v[1][k] = m[3] * r0 + m[4] * g0 + m[5] * b0;
        cells.v[2][k] = m[6] * r0 + m[7] * g0 + m[8] * b0;
    }
    for (int c = 0; c < 3; ++c)
        for (int k = 0; k < count; ++k)
            cells.u[c][k] = shaper(cells.v[c][k]);
    for (int k = 0; k < count; ++k) {
        // Lattice coordinates; the last cell is closed so that u = 1 interpolates inside it.
        const float u0 = cells.u[0][k] * g.scale, u1 = cells.u[1][k] * g.scale,
                    u2 = cells.u[2][k] * g.scale;
        const std::int32_t i0 = std::min(std::int32_t(u0), g.n - 2),
                           i1 = std::min(std::int32_t(u1), g.n - 2),
                           i2 = std::min(std::int32_t(u2), g.n - 2);
        const float f0 = u0 - float(i0), f1 = u1 - float(i1), f2 = u2 - float(i2);
        const float hi = std::max(std::max(f0, f1), f2), lo = std::min(std::min(f0, f1), f2);
        const float mid = std::max(std::min(f0, f1), std::min(std::max(f0, f1), f2));
        const std::int32_t base = i0 * g.stride[0] + i1 * g.stride[1] + i2 * g.stride[2];
        const std::int32_t firstStep =
            f0 >= f1 && f0 >= f2 ? g.stride[0] : (f1 >= f2 ? g.stride[1] : g.stride[2]);
        const std::int32_t lastStep =
            f2 <= f0 && f2 <= f1 ? g.stride[2] : (f1 <= f0 ? g.stride[1] : g.stride[0]);
        cells.corner0[k] = base;
        cells.corner1[k] = base + firstStep;
        cells.corner2[k] = base + g.diagonal - lastStep;
        cells.w0[k] = 1.0f - hi;
        cells.w1[k] = hi - mid;
        cells.w2[k] = mid - lo;
        cells.w3[k] = lo;
    }
}

} // namespace

void applyLut3d(const Lut3d& lut, const ColorMatrix* prefix, const Image& in, Image& out,
                int firstRow, int rows) {
    if (rows < 0) rows = in.height() - firstRow;
    const LutShaper shaper = lut.shaper;
    const Shaper encode(shaper);
    const float eps = float(shaper.epsilon);
    const ColorMatrix m = prefix ? *prefix : ColorMatrix{1, 0, 0, 0, 1, 0, 0, 0, 1};
    const int n = lut.size;
    const LutGeometry geometry{n, float(n - 1), {4, 4 * n, 4 * n * n}, 4 + 4 * n + 4 * n * n};
    const float* t = lut.table.data();
    const int width = in.width();

#pragma omp parallel
    {
        Cells cells;
#pragma omp for schedule(dynamic, 16)
        for (int y = firstRow; y < firstRow + rows; ++y) {
            const float* src = in.row(y);
            float* dst = out.row(y);
            for (int x0 = 0; x0 < width; x0 += kChunk, src += 3 * kChunk, dst += 3 * kChunk) {
                const int count = std::min(kChunk, width - x0);
                // (Reads the chunk whole before writing it: `out` may be `in`.)
                findCells(src, count, m, encode, geometry, cells);
                for (int k = 0; k < count; ++k) {
                    const float* c000 = t + cells.corner0[k];
                    const float* c1 = t + cells.corner1[k];
                    const float* c2 = t + cells.corner2[k];
                    const float* c111 = t + cells.corner0[k] + geometry.diagonal;
                    const float w0 = cells.w0[k], w1 = cells.w1[k], w2 = cells.w2[k],
                                w3 = cells.w3[k];
                    const float v[3] = {cells.v[0][k], cells.v[1][k], cells.v[2][k]};
                    float* d = dst + 3 * k;
                    // Ratios apply to the actual values (unclamped: beyond the top they
                    // extrapolate); max(v, 0) keeps NaN (as std::max(v, 0)), the final max maps it
                    // to 0. With SSE one 4-float load and multiply-add per corner (the table holds
                    // R, G, B and a pad per node); the same operations as the scalar loop.
#if defined(__SSE2__)
                    const __m128 ratio = _mm_add_ps(
                        _mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_set1_ps(w0), _mm_loadu_ps(c000)),
                                              _mm_mul_ps(_mm_set1_ps(w1), _mm_loadu_ps(c1))),
                                   _mm_mul_ps(_mm_set1_ps(w2), _mm_loadu_ps(c2))),
                        _mm_mul_ps(_mm_set1_ps(w3), _mm_loadu_ps(c111)));
                    const __m128 epsV = _mm_set1_ps(eps), zero = _mm_setzero_ps();
                    const __m128 value = _mm_sub_ps(
                        _mm_mul_ps(ratio,
                                   _mm_add_ps(_mm_max_ps(zero, _mm_setr_ps(v[0], v[1], v[2], 0.0f)),
                                              epsV)),
                        epsV);
                    alignas(16) float result[4];
                    _mm_store_ps(result, _mm_max_ps(value, zero));
                    d[0] = result[0];
                    d[1] = result[1];
                    d[2] = result[2];
#else
                    for (int c = 0; c < 3; ++c) {
                        const float ratio = w0 * c000[c] + w1 * c1[c] + w2 * c2[c] + w3 * c111[c];
                        const float value = ratio * (std::max(v[c], 0.0f) + eps) - eps;
                        d[c] = value > 0.0f ? value : 0.0f; // also maps NaN to 0
                    }
#endif
                }
            }
        }
    }
}

} // namespace pictor
