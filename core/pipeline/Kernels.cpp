#include "pipeline/Kernels.h"

#include "image/FastMath.h"
#include "util/VectorClones.h"

#if defined(PICTOR_AVX2_PATH)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>

namespace pictor::kernels {

namespace {

PICTOR_AVX2_CLONES
void luminanceRow(const float* p, float* o, int width, const LumaCurve& curve) {
    const float offset = curve.offset, power = curve.power, max = curve.max;
    auto luma = [&](int x) {
        const float y = kLumaR * p[3 * x] + kLumaG * p[3 * x + 1] + kLumaB * p[3 * x + 2];
        return LumaCurve::clamp(y, max) + offset;
    };
    // One loop per kind of curve (GCC vectorises neither with the choice inside).
    if (power == 0.0f)
        for (int x = 0; x < width; ++x)
            o[x] = log2Fast(luma(x));
    else
        for (int x = 0; x < width; ++x)
            o[x] = exp2Fast(power * log2Fast(luma(x)));
}

} // namespace

Plane luminancePlane(const Image& image, const LumaCurve& curve) {
    Plane out(image.width(), image.height());
    const int width = image.width();
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < image.height(); ++y)
        luminanceRow(image.row(y), out.row(y), width, curve);
    return out;
}

namespace {

// horizontalSum's interior outputs [x, end), 4 × Lanes at a time: four vectors of window sums
// held in registers over the 2r + 1 taps (GCC's vector types: one body for SSE's 4 lanes and
// AVX2's 8). Returns where it stopped.
template <int Lanes>
[[gnu::always_inline]] inline int registerBlockSums(const float* in, float* out, int x, int end,
                                                    int r) {
    typedef float Vec __attribute__((vector_size(Lanes * sizeof(float))));
    for (; x + 4 * Lanes <= end; x += 4 * Lanes) {
        Vec sums[4] = {};
        const float* p = in + x - r;
        for (int k = 0; k <= 2 * r; ++k, ++p)
            for (int v = 0; v < 4; ++v) {
                Vec tap;
                std::memcpy(&tap, p + v * Lanes, sizeof tap); // an unaligned load
                sums[v] += tap;
            }
        std::memcpy(out + x, sums, sizeof sums);
    }
    return x;
}

#if defined(PICTOR_AVX2_PATH)
// The same with AVX2's twice wider vectors, on the processors that have it (chosen at run time:
// the build targets baseline x86-64).
PICTOR_AVX2_TARGET int horizontalSumAvx2(const float* in, float* out, int x, int end, int r) {
    return registerBlockSums<8>(in, out, x, end, r);
}
#endif

// out[x] = Σ_k in[x + k] over the taps k = −r … r that fall inside the row, added in that order.
void horizontalSum(const float* in, float* out, int width, int r) {
    // Where every tap is inside the row, a block of outputs at a time summed in registers (a
    // tap-by-tap pass over the row loaded and stored every output once per tap: with r = 14 the
    // guided filters' horizontal sums were most of their time). The same additions in the same
    // order: the results are the same to the bit.
    int x = 0;
    auto edge = [&](int i) {
        float sum = 0.0f;
        for (int k = std::max(-r, -i); k <= std::min(r, width - 1 - i); ++k)
            sum += in[i + k];
        out[i] = sum;
    };
    for (; x < std::min(r, width); ++x)
        edge(x);
#if defined(PICTOR_AVX2_PATH)
    if (cpuHasAvx2()) x = horizontalSumAvx2(in, out, x, width - r, r);
#endif
    x = registerBlockSums<4>(in, out, x, width - r, r);
    for (; x < width; ++x)
        edge(x);
}

// Number of in-image pixels in the window of 2r+1 around i on an axis of n pixels.
float windowCount(int i, int n, int r) {
    return float(std::min(i, r) + std::min(n - 1 - i, r) + 1);
}

} // namespace

Plane boxFilter(const Plane& in, int r) {
    const int width = in.width(), height = in.height();
    Plane out(width, height);
    if (r <= 0) {
        std::memcpy(out.data(), in.data(), std::size_t(width) * height * sizeof(float));
        return out;
    }
    Plane across(width, height);
    std::vector<float> inverseCountX(std::size_t(width), 0.0f);
    for (int x = 0; x < width; ++x)
        inverseCountX[std::size_t(x)] = 1.0f / windowCount(x, width, r);
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < height; ++y) {
        float* o = across.row(y);
        horizontalSum(in.row(y), o, width, r);
        for (int x = 0; x < width; ++x)
            o[x] *= inverseCountX[std::size_t(x)];
    }
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < height; ++y) {
        float* o = out.row(y);
        const int y0 = std::max(0, y - r), y1 = std::min(height - 1, y + r);
        std::memcpy(o, across.row(y0), std::size_t(width) * sizeof(float));
        for (int yy = y0 + 1; yy <= y1; ++yy) {
            const float* s = across.row(yy);
            for (int x = 0; x < width; ++x)
                o[x] += s[x];
        }
        const float inverse = 1.0f / float(y1 - y0 + 1);
        for (int x = 0; x < width; ++x)
            o[x] *= inverse;
    }
    return out;
}

namespace {

// Mean over rows [y − r, y + r] ∩ [0, height) of `rows(y)` (each `width` floats), in the same order
// of additions as boxFilter's vertical pass, so that the results are bit-identical to it.
template <typename Rows>
void verticalMean(Rows&& rows, int y, int height, int r, int width, float* out) {
    const int y0 = std::max(0, y - r), y1 = std::min(height - 1, y + r);
    std::memcpy(out, rows(y0), std::size_t(width) * sizeof(float));
    for (int yy = y0 + 1; yy <= y1; ++yy) {
        const float* s = rows(yy);
        for (int x = 0; x < width; ++x)
            out[x] += s[x];
    }
    const float inverse = 1.0f / float(y1 - y0 + 1);
    for (int x = 0; x < width; ++x)
        out[x] *= inverse;
}

// Up to this radius a window mean adds its 2r + 1 rows directly (boxFilter's order, so that the
// results stay bit-identical to it); wider windows slide a running sum instead.
constexpr int kDirectRadius = 4;

// verticalMean for consecutive rows y = start, start + 1, …: for wide windows a running sum kept
// in double (each row adds its window's new row and drops the old one: two operations a pixel
// instead of 2r + 1 — clarity's r = 14 on a draft, dehaze's r = 20). In double the running sum
// stays exact to far below float resolution over any image height. The inputs are finite (the
// kernels' planes are encoded or log luminance and its products).
class RunningVerticalMean {
public:
    template <typename Rows>
    void operator()(Rows&& rows, int y, int start, int height, int r, int width, float* out) {
        if (r <= kDirectRadius) {
            verticalMean(rows, y, height, r, width, out);
            return;
        }
        m_sum.resize(std::size_t(width));
        auto add = [&](int yy, double sign) {
            const float* s = rows(yy);
            for (int x = 0; x < width; ++x)
                m_sum[std::size_t(x)] += sign * double(s[x]);
        };
        const int y0 = std::max(0, y - r), y1 = std::min(height - 1, y + r);
        if (y == start) {
            std::fill(m_sum.begin(), m_sum.end(), 0.0);
            for (int yy = y0; yy <= y1; ++yy)
                add(yy, 1.0);
        } else {
            if (y + r < height) add(y + r, 1.0);
            if (y - r - 1 >= 0) add(y - r - 1, -1.0);
        }
        const double inverse = 1.0 / double(y1 - y0 + 1);
        for (int x = 0; x < width; ++x)
            out[x] = float(m_sum[std::size_t(x)] * inverse);
    }

private:
    std::vector<double> m_sum;
};

// Rows [first, first + count) of one or more planes in a strip-local buffer.
struct StripRows {
    std::vector<float> data;
    int width = 0, capacity = 0, first = 0;
    StripRows(int planes, int rows, int w)
        : data(std::size_t(planes) * rows * w)
        , width(w)
        , capacity(rows) {}
    float* row(int plane, int y) {
        return data.data() + (std::size_t(plane) * capacity + std::size_t(y - first)) * width;
    }
};

} // namespace

// Strip-wise: each strip of kStrip output rows computes everything it needs (its rows of the
// means, a and b, plus the window's halo) in buffers that stay in the cache, and writes only the
// final A and B. The plane-by-plane version wrote ten full-resolution temporaries per source
// (a 24 MP plane is 96 MB), bound by memory traffic and fresh pages. Same operations in the same
// order as boxFilter and the plane-by-plane formulas, so the result is the same to the bit.
void forEachGuidedStrip(const Plane& guide, const std::vector<const Plane*>& sources, int r,
                        float eps, const CoefficientConsumer& consume) {
    const int w = guide.width(), h = guide.height();
    const bool self = sources.empty();
    const int n = self ? 1 : int(sources.size());
    r = std::max(r, 0);
    std::vector<float> inverseCountX(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x)
        inverseCountX[std::size_t(x)] = 1.0f / windowCount(x, w, r);
    // Horizontal normalised window sum of one row (boxFilter's first pass).
    auto across = [&](const float* in, float* o) {
        horizontalSum(in, o, w, r);
        for (int x = 0; x < w; ++x)
            o[x] *= inverseCountX[std::size_t(x)];
    };
    // Each strip also computes a halo of 2r rows each side: strips at least 8r tall keep that
    // overhead at a half (32 rows with r = 20 computed 3.5 rows a row), at most the image.
    const int kStrip = std::clamp(8 * r, 32, std::max(32, h));
    const int strips = (h + kStrip - 1) / kStrip;
    const int planesIn = self ? 2 : 2 + 2 * n; // I, I², then P_k, I·P_k
#pragma omp parallel
    {
        StripRows sums(planesIn, kStrip + 4 * r, w); // horizontal means, rows ± 2r
        StripRows coeff(2 * n, kStrip + 2 * r, w);   // a_k, b_k, rows ± r
        StripRows coeffAcross(2 * n, kStrip + 2 * r, w);
        StripRows result(2 * n, kStrip, w); // A_k, B_k of the strip's own rows
        std::vector<float> product(static_cast<std::size_t>(w)), mI(product.size()),
            cI(product.size()), var(product.size()), mP(product.size()), cIP(product.size());
        std::vector<RunningVerticalMean> meanOf(static_cast<std::size_t>(planesIn));
#pragma omp for schedule(dynamic, 1)
        for (int s = 0; s < strips; ++s) {
            const int y0 = s * kStrip, y1 = std::min(h, y0 + kStrip);
            const int a0 = std::max(0, y0 - r), a1 = std::min(h, y1 + r);
            const int g0 = std::max(0, y0 - 2 * r), g1 = std::min(h, y1 + 2 * r);
            sums.first = g0;
            coeff.first = coeffAcross.first = a0;
            for (int y = g0; y < g1; ++y) {
                const float* I = guide.row(y);
                across(I, sums.row(0, y));
                for (int x = 0; x < w; ++x)
                    product[std::size_t(x)] = I[x] * I[x];
                across(product.data(), sums.row(1, y));
                for (int k = 0; k < (self ? 0 : n); ++k) {
                    const float* P = sources[std::size_t(k)]->row(y);
                    across(P, sums.row(2 + 2 * k, y));
                    for (int x = 0; x < w; ++x)
                        product[std::size_t(x)] = I[x] * P[x];
                    across(product.data(), sums.row(3 + 2 * k, y));
                }
            }
            for (int y = a0; y < a1; ++y) {
                auto plane = [&](int i) { return [&sums, i](int yy) { return sums.row(i, yy); }; };
                meanOf[0](plane(0), y, a0, h, r, w, mI.data());
                meanOf[1](plane(1), y, a0, h, r, w, cI.data());
                for (int x = 0; x < w; ++x)
                    var[std::size_t(x)] = std::max(
                        cI[std::size_t(x)] - mI[std::size_t(x)] * mI[std::size_t(x)], 0.0f);
                for (int k = 0; k < n; ++k) {
                    float* a = coeff.row(2 * k, y);
                    float* b = coeff.row(2 * k + 1, y);
                    if (self) {
                        for (int x = 0; x < w; ++x) {
                            const std::size_t i = std::size_t(x);
                            a[x] = var[i] / (var[i] + eps);
                            b[x] = mI[i] - a[x] * mI[i];
                        }
                        continue;
                    }
                    meanOf[std::size_t(2 + 2 * k)](plane(2 + 2 * k), y, a0, h, r, w, mP.data());
                    meanOf[std::size_t(3 + 2 * k)](plane(3 + 2 * k), y, a0, h, r, w, cIP.data());
                    for (int x = 0; x < w; ++x) {
                        const std::size_t i = std::size_t(x);
                        const float cov = cIP[i] - mI[i] * mP[i];
                        a[x] = cov / (var[i] + eps);
                        b[x] = mP[i] - a[x] * mI[i];
                    }
                }
            }
            result.first = y0;
            for (int i = 0; i < 2 * n; ++i) {
                for (int y = a0; y < a1; ++y)
                    across(coeff.row(i, y), coeffAcross.row(i, y));
                for (int y = y0; y < y1; ++y)
                    meanOf[0]([&coeffAcross, i](int yy) { return coeffAcross.row(i, yy); }, y, y0,
                              h, r, w, result.row(i, y));
            }
            consume(y0, y1, CoefficientStrip{result.data.data(), y0, kStrip, w});
        }
    }
}

std::vector<GuidedCoefficients>
guidedCoefficients(const Plane& guide, const std::vector<const Plane*>& sources, int r, float eps) {
    const int w = guide.width(), h = guide.height();
    const std::size_t n = sources.empty() ? 1 : sources.size();
    std::vector<GuidedCoefficients> out;
    for (std::size_t k = 0; k < n; ++k)
        out.push_back({Plane(w, h), Plane(w, h)});
    const std::size_t rowBytes = std::size_t(w) * sizeof(float);
    forEachGuidedStrip(guide, sources, r, eps, [&](int y0, int y1, const CoefficientStrip& strip) {
        for (std::size_t k = 0; k < n; ++k)
            for (int y = y0; y < y1; ++y) {
                std::memcpy(out[k].a.row(y), strip.a(int(k), y), rowBytes);
                std::memcpy(out[k].b.row(y), strip.b(int(k), y), rowBytes);
            }
    });
    return out;
}

std::vector<float> gaussianHalfKernel(double sigma) {
    if (!(sigma > 0)) return {1.0f};
    const int n = std::max(1, int(std::ceil(3.0 * sigma)));
    std::vector<double> w(std::size_t(n) + 1);
    double total = 0;
    for (int i = 0; i <= n; ++i) {
        w[std::size_t(i)] = std::exp(-double(i) * i / (2.0 * sigma * sigma));
        total += i == 0 ? w[0] : 2.0 * w[std::size_t(i)];
    }
    std::vector<float> out(w.size());
    for (std::size_t i = 0; i < w.size(); ++i)
        out[i] = float(w[i] / total);
    return out;
}

void separableFilterRows(const Plane& in, const std::vector<float>& half, int y0, int y1,
                         float* out, std::vector<float>& scratch) {
    const int width = in.width(), height = in.height();
    const int n = int(half.size()) - 1;
    // The horizontal pass of the rows the vertical pass reads (rows beyond the edges are the
    // edge rows, replicated), then the vertical pass.
    const int a0 = std::max(0, y0 - n), a1 = std::min(height, y1 + n);
    const std::size_t padded = std::size_t(width + 2 * n);
    scratch.resize(padded + std::size_t(a1 - a0) * std::size_t(width));
    float* line = scratch.data();
    float* across = scratch.data() + padded;
    for (int y = a0; y < a1; ++y) {
        const float* s = in.row(y);
        std::fill(line, line + n, s[0]);
        std::memcpy(line + n, s, std::size_t(width) * sizeof(float));
        std::fill(line + n + width, line + padded, s[width - 1]);
        float* o = across + std::size_t(y - a0) * std::size_t(width);
        const float* c = line + n;
        for (int x = 0; x < width; ++x)
            o[x] = half[0] * c[x];
        for (int k = 1; k <= n; ++k) {
            const float w = half[std::size_t(k)];
            for (int x = 0; x < width; ++x)
                o[x] += w * (c[x - k] + c[x + k]);
        }
    }
    auto acrossRow = [&](int y) {
        return across + std::size_t(std::clamp(y, 0, height - 1) - a0) * std::size_t(width);
    };
    for (int y = y0; y < y1; ++y) {
        float* o = out + std::size_t(y - y0) * std::size_t(width);
        const float* c = acrossRow(y);
        for (int x = 0; x < width; ++x)
            o[x] = half[0] * c[x];
        for (int k = 1; k <= n; ++k) {
            const float w = half[std::size_t(k)];
            const float* up = acrossRow(y - k);
            const float* down = acrossRow(y + k);
            for (int x = 0; x < width; ++x)
                o[x] += w * (up[x] + down[x]);
        }
    }
}

Plane separableFilter(const Plane& in, const std::vector<float>& half) {
    Plane out(in.width(), in.height());
    constexpr int kStrip = 32;
    const int strips = (in.height() + kStrip - 1) / kStrip;
#pragma omp parallel
    {
        std::vector<float> scratch;
#pragma omp for schedule(dynamic, 1)
        for (int s = 0; s < strips; ++s) {
            const int y0 = s * kStrip, y1 = std::min(in.height(), y0 + kStrip);
            separableFilterRows(in, half, y0, y1, out.row(y0), scratch);
        }
    }
    return out;
}

namespace {

// Block means of `channels` interleaved floats per pixel.
void downscaleInterleaved(const float* in, int width, int height, int channels, int factor,
                          float* out, int outWidth, int outHeight) {
    const std::size_t inStride = std::size_t(width) * channels;
    const std::size_t outStride = std::size_t(outWidth) * channels;
#pragma omp parallel
    {
        std::vector<float> sum(inStride);
#pragma omp for schedule(dynamic, 16)
        for (int oy = 0; oy < outHeight; ++oy) {
            const int y0 = oy * factor, y1 = std::min(height, y0 + factor);
            std::memcpy(sum.data(), in + std::size_t(y0) * inStride, inStride * sizeof(float));
            for (int y = y0 + 1; y < y1; ++y) {
                const float* s = in + std::size_t(y) * inStride;
                for (std::size_t i = 0; i < inStride; ++i)
                    sum[i] += s[i];
            }
            float* o = out + std::size_t(oy) * outStride;
            for (int ox = 0; ox < outWidth; ++ox) {
                const int x0 = ox * factor, x1 = std::min(width, x0 + factor);
                const float inverse = 1.0f / float((x1 - x0) * (y1 - y0));
                for (int c = 0; c < channels; ++c) {
                    float v = 0;
                    for (int x = x0; x < x1; ++x)
                        v += sum[std::size_t(x) * channels + c];
                    o[std::size_t(ox) * channels + c] = v * inverse;
                }
            }
        }
    }
}

} // namespace

Image downscale(const Image& image, int factor) {
    factor = std::max(1, factor);
    const int w = (image.width() + factor - 1) / factor, h = (image.height() + factor - 1) / factor;
    Image out(w, h);
    downscaleInterleaved(image.data(), image.width(), image.height(), 3, factor, out.data(), w, h);
    return out;
}

Plane downscale(const Plane& plane, int factor) {
    factor = std::max(1, factor);
    const int w = (plane.width() + factor - 1) / factor, h = (plane.height() + factor - 1) / factor;
    Plane out(w, h);
    downscaleInterleaved(plane.data(), plane.width(), plane.height(), 1, factor, out.data(), w, h);
    return out;
}

namespace {

// For each output cell of an axis of n → m (m ≤ n) pixels: the source pixels it covers and
// their fractional coverage, normalised to sum 1.
struct AreaTaps {
    std::vector<int> first, count;
    std::vector<float> weights; // concatenated
    std::vector<std::size_t> offset;
};

AreaTaps areaTaps(int n, int m) {
    AreaTaps taps;
    const double step = double(n) / double(m);
    for (int i = 0; i < m; ++i) {
        const double a = i * step, b = std::min(double(n), (i + 1) * step);
        const int lo = int(std::floor(a)), hi = std::min(n, int(std::ceil(b)));
        taps.first.push_back(lo);
        taps.count.push_back(hi - lo);
        taps.offset.push_back(taps.weights.size());
        for (int k = lo; k < hi; ++k) {
            const double cover = std::min(b, double(k + 1)) - std::max(a, double(k));
            taps.weights.push_back(float(cover / (b - a)));
        }
    }
    return taps;
}

} // namespace

Image resizeArea(const Image& image, int width, int height) {
    width = std::clamp(width, 1, image.width());
    height = std::clamp(height, 1, image.height());
    const AreaTaps tx = areaTaps(image.width(), width), ty = areaTaps(image.height(), height);
    Image across(width, image.height()), out(width, height);
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < image.height(); ++y) {
        const float* s = image.row(y);
        float* o = across.row(y);
        for (int x = 0; x < width; ++x) {
            float r = 0, g = 0, b = 0;
            const float* w = tx.weights.data() + tx.offset[std::size_t(x)];
            const float* p = s + std::size_t(tx.first[std::size_t(x)]) * 3;
            for (int k = 0; k < tx.count[std::size_t(x)]; ++k, p += 3) {
                r += w[k] * p[0];
                g += w[k] * p[1];
                b += w[k] * p[2];
            }
            o[3 * x] = r;
            o[3 * x + 1] = g;
            o[3 * x + 2] = b;
        }
    }
    const std::size_t stride = std::size_t(width) * 3;
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < height; ++y) {
        float* o = out.row(y);
        std::fill(o, o + stride, 0.0f);
        const float* w = ty.weights.data() + ty.offset[std::size_t(y)];
        for (int k = 0; k < ty.count[std::size_t(y)]; ++k) {
            const float* s = across.row(ty.first[std::size_t(y)] + k);
            for (std::size_t i = 0; i < stride; ++i)
                o[i] += w[k] * s[i];
        }
    }
    return out;
}

namespace {

// adaptive_avg_pool2d's window on an axis of n → m cells: [⌊i·n/m⌋, ⌈(i+1)·n/m⌉).
int windowStart(int i, int n, int m) {
    return int((std::int64_t(i) * n) / m);
}
int windowEnd(int i, int n, int m) {
    return int((std::int64_t(i + 1) * n + m - 1) / m);
}

void adaptiveInterleaved(const float* in, int width, int height, int channels, float* out,
                         int outWidth, int outHeight) {
    const std::size_t inStride = std::size_t(width) * channels;
#pragma omp parallel
    {
        std::vector<float> sum(inStride);
#pragma omp for schedule(dynamic, 4)
        for (int oy = 0; oy < outHeight; ++oy) {
            const int y0 = windowStart(oy, height, outHeight),
                      y1 = windowEnd(oy, height, outHeight);
            std::memcpy(sum.data(), in + std::size_t(y0) * inStride, inStride * sizeof(float));
            for (int y = y0 + 1; y < y1; ++y) {
                const float* s = in + std::size_t(y) * inStride;
                for (std::size_t i = 0; i < inStride; ++i)
                    sum[i] += s[i];
            }
            float* o = out + std::size_t(oy) * outWidth * channels;
            for (int ox = 0; ox < outWidth; ++ox) {
                const int x0 = windowStart(ox, width, outWidth),
                          x1 = windowEnd(ox, width, outWidth);
                const float inverse = 1.0f / float((x1 - x0) * (y1 - y0));
                for (int c = 0; c < channels; ++c) {
                    float v = 0;
                    for (int x = x0; x < x1; ++x)
                        v += sum[std::size_t(x) * channels + c];
                    o[std::size_t(ox) * channels + c] = v * inverse;
                }
            }
        }
    }
}

} // namespace

Image adaptiveAverage(const Image& image, int width, int height) {
    Image out(width, height);
    adaptiveInterleaved(image.data(), image.width(), image.height(), 3, out.data(), width, height);
    return out;
}

Plane adaptiveAverage(const Plane& plane, int width, int height) {
    Plane out(width, height);
    adaptiveInterleaved(plane.data(), plane.width(), plane.height(), 1, out.data(), width, height);
    return out;
}

RowUpsampler::RowUpsampler(int smallWidth, int smallHeight, int width, int height)
    : m_smallWidth(smallWidth)
    , m_smallHeight(smallHeight)
    , m_width(width)
    , m_height(height)
    , m_x0(std::size_t(width))
    , m_x1(std::size_t(width))
    , m_fx(std::size_t(width)) {
    const float scale = float(smallWidth) / float(width);
    for (int x = 0; x < width; ++x) {
        const float src = std::max(0.0f, scale * (float(x) + 0.5f) - 0.5f);
        const int x0 = std::min(int(src), smallWidth - 1);
        m_x0[std::size_t(x)] = x0;
        m_x1[std::size_t(x)] = x0 + (x0 < smallWidth - 1 ? 1 : 0);
        m_fx[std::size_t(x)] = src - float(x0);
    }
}

namespace {

#if defined(PICTOR_AVX2_PATH)
// RowUpsampler::row's horizontal step, 8 outputs at a time while their source cells lie in one
// 9-float window: the window is loaded twice (from its first and second float) and the cells
// picked by a permute — gathers were no faster than scalar loads on the processors measured.
// Returns how many outputs it did (the rest, and any block it cannot take, are the caller's).
PICTOR_AVX2_TARGET int expandRowAvx2(const float* small, int smallWidth, const int* x0,
                                     const float* fx, int width, float* out) {
    int x = 0;
    for (; x + 8 <= width; x += 8) {
        const int base = x0[x];
        // Inside the window: x0 ≤ base + 7 (so x1 = x0 + 1, not the clamped last cell).
        if (base + 9 > smallWidth || x0[x + 7] - base > 7) break;
        const __m256i index = _mm256_sub_epi32(
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x0 + x)), _mm256_set1_epi32(base));
        const __m256 a = _mm256_permutevar8x32_ps(_mm256_loadu_ps(small + base), index);
        const __m256 b = _mm256_permutevar8x32_ps(_mm256_loadu_ps(small + base + 1), index);
        _mm256_storeu_ps(
            out + x, _mm256_add_ps(a, _mm256_mul_ps(_mm256_loadu_ps(fx + x), _mm256_sub_ps(b, a))));
    }
    return x;
}
#endif

} // namespace

void RowUpsampler::row(const float* small, int y, float* scratch, float* out) const {
    const float scale = float(m_smallHeight) / float(m_height);
    const float src = std::max(0.0f, scale * (float(y) + 0.5f) - 0.5f);
    const int y0 = std::min(int(src), m_smallHeight - 1);
    const int y1 = y0 + (y0 < m_smallHeight - 1 ? 1 : 0);
    const float fy = src - float(y0);
    const float* r0 = small + std::size_t(y0) * m_smallWidth;
    const float* r1 = small + std::size_t(y1) * m_smallWidth;
    for (int i = 0; i < m_smallWidth; ++i)
        scratch[i] = r0[i] + fy * (r1[i] - r0[i]);
    int x = 0;
#if defined(PICTOR_AVX2_PATH)
    if (cpuHasAvx2())
        x = expandRowAvx2(scratch, m_smallWidth, m_x0.data(), m_fx.data(), m_width, out);
#endif
    for (; x < m_width; ++x) {
        const float a = scratch[m_x0[std::size_t(x)]], b = scratch[m_x1[std::size_t(x)]];
        out[x] = a + m_fx[std::size_t(x)] * (b - a);
    }
}

namespace {

PICTOR_AVX2_CLONES
void exp2Row(float* values, int count) {
    for (int x = 0; x < count; ++x)
        values[x] = exp2Fast(values[x]);
}

} // namespace

PICTOR_AVX2_CLONES
void applyRowGain(const float* in, const float* gain, int width, float* out) {
    for (int x = 0; x < width; ++x) {
        const float k = gain[x];
        out[3 * x] = in[3 * x] * k;
        out[3 * x + 1] = in[3 * x + 1] * k;
        out[3 * x + 2] = in[3 * x + 2] * k;
    }
}

void applyGainMap(const Image& image, const CoefficientMap& logGain, Image& out) {
    const int width = image.width(), height = image.height();
    const RowUpsampler up(logGain.width, logGain.height, width, height);
#pragma omp parallel
    {
        std::vector<float> scratch(static_cast<std::size_t>(logGain.width));
        std::vector<float> gain(static_cast<std::size_t>(width));
#pragma omp for schedule(dynamic, 16)
        for (int y = 0; y < height; ++y) {
            up.row(logGain.b.data(), y, scratch.data(), gain.data());
            exp2Row(gain.data(), width);
            applyRowGain(image.row(y), gain.data(), width, out.row(y));
        }
    }
}

namespace {

// Where each pixel of output row j samples the source: its top-left source pixel (x0, y0) and the
// fractions towards the next. Plain arithmetic, vectorised (with AVX2 where there is).
PICTOR_AVX2_CLONES
void warpCoordinates(const double* m, int j, int width, int sourceWidth, int sourceHeight, int* x0,
                     int* y0, float* fx, float* fy) {
    const float maxX = float(sourceWidth - 1), maxY = float(sourceHeight - 1);
    for (int i = 0; i < width; ++i) {
        const float sx = std::clamp(float(m[0] * i + m[1] * j + m[2]), 0.0f, maxX);
        const float sy = std::clamp(float(m[3] * i + m[4] * j + m[5]), 0.0f, maxY);
        const int xi = int(sx), yi = int(sy);
        x0[i] = xi;
        y0[i] = yi;
        fx[i] = sx - float(xi);
        fy[i] = sy - float(yi);
    }
}

// Bilinear samples of `count` output pixels whose top-left taps are consecutive source pixels:
// top[3k..3k+2] and its right neighbour top[3k+3..], the same in `bottom`.
PICTOR_AVX2_CLONES
void bilinearRun(const float* top, const float* bottom, const float* fx, const float* fy, int count,
                 float* o) {
    for (int k = 0; k < count; ++k) {
        const float wx = fx[k], wy = fy[k];
        for (int c = 0; c < 3; ++c) {
            const float a = top[3 * k + c], b = top[3 * k + 3 + c];
            const float d = bottom[3 * k + c], e = bottom[3 * k + 3 + c];
            const float upper = a + wx * (b - a);
            const float lower = d + wx * (e - d);
            o[3 * k + c] = upper + wy * (lower - upper);
        }
    }
}

// A thread's buffers for warpRow.
struct WarpScratch {
    std::vector<int> x0, y0;
    std::vector<float> fx, fy;
    std::vector<const float*> rows;
};

// Output row j of the warp into o (width pixels); `sourceRow(y)` gives source row y (rows that an
// in-place warp has already overwritten come from its saved copies), asked once per source row the
// output row reads.
template <typename SourceRow>
void warpRow(SourceRow&& sourceRow, int sourceWidth, int sourceHeight, int width, int j,
             const std::array<double, 6>& m, float* o, WarpScratch& s) {
    s.x0.resize(std::size_t(width));
    s.y0.resize(s.x0.size());
    s.fx.resize(s.x0.size());
    s.fy.resize(s.x0.size());
    warpCoordinates(m.data(), j, width, sourceWidth, sourceHeight, s.x0.data(), s.y0.data(),
                    s.fx.data(), s.fy.data());
    const auto [low, high] = std::minmax_element(s.y0.begin(), s.y0.end());
    const int first = *low, last = std::min(*high + 1, sourceHeight - 1);
    s.rows.resize(std::size_t(last - first + 1));
    for (int y = first; y <= last; ++y)
        s.rows[std::size_t(y - first)] = sourceRow(y);
    // A slight rotation reads runs of consecutive source pixels from the same two rows (~40 px at
    // 1.5°): those go through bilinearRun, whose contiguous loads vectorise; the pixels between
    // runs, one by one (the same arithmetic).
    for (int i = 0; i < width;) {
        const int x0 = s.x0[std::size_t(i)], y0 = s.y0[std::size_t(i)];
        const int y1 = std::min(y0 + 1, sourceHeight - 1);
        const float* top0 = s.rows[std::size_t(y0 - first)];
        const float* bottom0 = s.rows[std::size_t(y1 - first)];
        int end = i + 1; // the run [i, end): x0 + k, its right neighbour inside the row
        while (end < width && s.y0[std::size_t(end)] == y0 &&
               s.x0[std::size_t(end)] == x0 + (end - i))
            ++end;
        if (x0 + (end - i) > sourceWidth - 1) --end; // the last one's neighbour is clamped
        if (end > i) {
            bilinearRun(top0 + 3 * x0, bottom0 + 3 * x0, s.fx.data() + i, s.fy.data() + i, end - i,
                        o + 3 * i);
            i = end;
            continue;
        }
        const int x1 = std::min(x0 + 1, sourceWidth - 1);
        const float fx = s.fx[std::size_t(i)], fy = s.fy[std::size_t(i)];
        const float *p00 = top0 + 3 * x0, *p01 = top0 + 3 * x1, *p10 = bottom0 + 3 * x0,
                    *p11 = bottom0 + 3 * x1;
        for (int c = 0; c < 3; ++c) {
            const float top = p00[c] + fx * (p01[c] - p00[c]);
            const float bottom = p10[c] + fx * (p11[c] - p10[c]);
            o[3 * i + c] = top + fy * (bottom - top);
        }
        ++i;
    }
}

// The source rows output row j reads: [first, last].
std::pair<int, int> warpRowSpan(const std::array<double, 6>& m, int width, int j,
                                int sourceHeight) {
    const float maxY = float(sourceHeight - 1);
    const float a = std::clamp(float(m[3] * 0 + m[4] * j + m[5]), 0.0f, maxY);
    const float b = std::clamp(float(m[3] * (width - 1) + m[4] * j + m[5]), 0.0f, maxY);
    const int first = int(std::min(a, b));
    return {first, std::min(int(std::max(a, b)) + 1, sourceHeight - 1)};
}

} // namespace

Image warpBilinear(const Image& in, int width, int height, const std::array<double, 6>& m) {
    Image out(width, height);
    auto sourceRow = [&in](int y) { return in.row(y); };
#pragma omp parallel
    {
        WarpScratch scratch;
#pragma omp for schedule(dynamic, 16)
        for (int j = 0; j < height; ++j)
            warpRow(sourceRow, in.width(), in.height(), width, j, m, out.row(j), scratch);
    }
    return out;
}

// Output rows are computed a chunk at a time into a small buffer and then written over the
// source's memory, front to back. Before a chunk's write overwrites source rows that later output
// rows still read, those rows are copied aside; rows no later output row reads are dropped. For a
// straighten by a few degrees the copies are a few hundred rows, not a second image.
void warpBilinearInPlace(Image& image, int width, int height, const std::array<double, 6>& m) {
    const int sourceWidth = image.width(), sourceHeight = image.height();
    // The scheme needs the rows read to move down as the output does, and the output to fit.
    if (!(m[4] > 0) || std::size_t(width) * std::size_t(height) > image.pixelCount()) {
        image = warpBilinear(image, width, height, m);
        return;
    }
    constexpr int kChunk = 32;
    const std::size_t outRow = std::size_t(width) * 3, inRow = std::size_t(sourceWidth) * 3;
    std::vector<float> chunk(std::size_t(kChunk) * outRow);
    std::map<int, std::vector<float>> saved; // source rows already overwritten, still needed
    int overwritten = 0; // source rows [0, overwritten) are no longer in the image's memory
    const int lastNeeded = warpRowSpan(m, width, height - 1, sourceHeight).second;
    float* memory = image.data();
    auto sourceRow = [&](int y) -> const float* {
        return y < overwritten ? saved.find(y)->second.data() : memory + std::size_t(y) * inRow;
    };
    for (int j0 = 0; j0 < height; j0 += kChunk) {
        const int j1 = std::min(height, j0 + kChunk);
#pragma omp parallel
        {
            WarpScratch scratch;
#pragma omp for schedule(dynamic, 4)
            for (int j = j0; j < j1; ++j)
                warpRow(sourceRow, sourceWidth, sourceHeight, width, j, m,
                        chunk.data() + std::size_t(j - j0) * outRow, scratch);
        }
        // Source rows the write touches; those a later output row reads are saved first.
        const std::size_t endFloat = std::size_t(j1) * outRow;
        const int touched =
            int(std::min<std::size_t>((endFloat + inRow - 1) / inRow, std::size_t(sourceHeight)));
        const int firstLater =
            j1 < height ? warpRowSpan(m, width, j1, sourceHeight).first : sourceHeight;
        for (int y = std::max(overwritten, firstLater); y < std::min(touched, lastNeeded + 1); ++y)
            saved.emplace(y, std::vector<float>(memory + std::size_t(y) * inRow,
                                                memory + std::size_t(y + 1) * inRow));
        std::memcpy(memory + std::size_t(j0) * outRow, chunk.data(),
                    std::size_t(j1 - j0) * outRow * sizeof(float));
        overwritten = std::max(overwritten, touched);
        saved.erase(saved.begin(), saved.lower_bound(firstLater));
    }
    image.shrinkTo(width, height);
}

Image cropImage(const Image& in, int x0, int y0, int x1, int y1) {
    Image out(x1 - x0, y1 - y0);
    const std::size_t bytes = std::size_t(x1 - x0) * 3 * sizeof(float);
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = y0; y < y1; ++y)
        std::memcpy(out.row(y - y0), in.at(x0, y), bytes);
    return out;
}

void cropInPlace(Image& image, int x0, int y0, int x1, int y1) {
    // Each row moves to an address no later than its own, so front to back never overwrites a
    // row before it has moved (memmove: a row may overlap its own destination).
    const int width = x1 - x0;
    const std::size_t bytes = std::size_t(width) * 3 * sizeof(float);
    float* memory = image.data();
    for (int y = y0; y < y1; ++y)
        std::memmove(memory + std::size_t(y - y0) * std::size_t(width) * 3, image.at(x0, y), bytes);
    image.shrinkTo(width, y1 - y0);
}

} // namespace pictor::kernels
