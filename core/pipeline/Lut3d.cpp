#include "pipeline/Lut3d.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

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
    for (int i = 0; i < size; ++i) axis[std::size_t(i)] = float(shaper.decode(double(i) / (size - 1)));
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
    lut.table.resize(std::size_t(n) * 3);
    for (std::size_t i = 0; i < lut.table.size(); ++i) {
        const double v = std::isfinite(o[i]) ? std::max(0.0, double(o[i])) : 0.0;
        lut.table[i] = float((v + eps) / (double(in[i]) + eps));
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
            const float v[3] = {m[0] * r0 + m[1] * g0 + m[2] * b0, m[3] * r0 + m[4] * g0 + m[5] * b0,
                                m[6] * r0 + m[7] * g0 + m[8] * b0};
            for (int c = 0; c < 3; ++c) dst[c] = v[c] > 0.0f ? v[c] : 0.0f;
        }
    }
}

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
    const std::size_t sr = 3, sg = std::size_t(n) * 3, sb = std::size_t(n) * n * 3;
    const int width = in.width();

#pragma omp parallel for schedule(dynamic, 16)
    for (int y = firstRow; y < firstRow + rows; ++y) {
        const float* src = in.row(y);
        float* dst = out.row(y);
        for (int x = 0; x < width; ++x, src += 3, dst += 3) {
            const float r0 = src[0], g0 = src[1], b0 = src[2];
            const float r = m[0] * r0 + m[1] * g0 + m[2] * b0;
            const float g = m[3] * r0 + m[4] * g0 + m[5] * b0;
            const float b = m[6] * r0 + m[7] * g0 + m[8] * b0;
            // Lattice coordinates; the last cell is closed so that u = 1 interpolates inside it.
            const float ur = encode(r) * scale, ug = encode(g) * scale, ub = encode(b) * scale;
            const int ir = std::min(int(ur), n - 2), ig = std::min(int(ug), n - 2),
                      ib = std::min(int(ub), n - 2);
            const float fr = ur - float(ir), fg = ug - float(ig), fb = ub - float(ib);
            const float* c000 = t + std::size_t(ir) * sr + std::size_t(ig) * sg + std::size_t(ib) * sb;
            const float* c111 = c000 + sr + sg + sb;
            // Tetrahedral interpolation: the cube is split along its main diagonal into six
            // tetrahedra; the ordering of the fractions picks one.
            const float *c1, *c2;
            float w0, w1, w2, w3; // weights of c000, c1, c2, c111
            if (fr >= fg) {
                if (fg >= fb) { c1 = c000 + sr; c2 = c000 + sr + sg; w0 = 1 - fr; w1 = fr - fg; w2 = fg - fb; w3 = fb; }
                else if (fr >= fb) { c1 = c000 + sr; c2 = c000 + sr + sb; w0 = 1 - fr; w1 = fr - fb; w2 = fb - fg; w3 = fg; }
                else { c1 = c000 + sb; c2 = c000 + sr + sb; w0 = 1 - fb; w1 = fb - fr; w2 = fr - fg; w3 = fg; }
            } else {
                if (fb >= fg) { c1 = c000 + sb; c2 = c000 + sg + sb; w0 = 1 - fb; w1 = fb - fg; w2 = fg - fr; w3 = fr; }
                else if (fb >= fr) { c1 = c000 + sg; c2 = c000 + sg + sb; w0 = 1 - fg; w1 = fg - fb; w2 = fb - fr; w3 = fr; }
                else { c1 = c000 + sg; c2 = c000 + sr + sg; w0 = 1 - fg; w1 = fg - fr; w2 = fr - fb; w3 = fb; }
            }
            // Ratios apply to the actual values (unclamped: beyond the top they extrapolate).
            const float v[3] = {r, g, b};
            for (int c = 0; c < 3; ++c) {
                const float ratio = w0 * c000[c] + w1 * c1[c] + w2 * c2[c] + w3 * c111[c];
                const float value = ratio * (std::max(v[c], 0.0f) + eps) - eps;
                dst[c] = value > 0.0f ? value : 0.0f; // also maps NaN to 0
            }
        }
    }
}

} // namespace pictor
