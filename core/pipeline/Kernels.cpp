#include "pipeline/Kernels.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace pictor::kernels {

Plane luminancePlane(const Image& image, const TransferLut& curve) {
    Plane out(image.width(), image.height());
    const int width = image.width();
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < image.height(); ++y) {
        const float* p = image.row(y);
        float* o = out.row(y);
        for (int x = 0; x < width; ++x, p += 3)
            o[x] = curve(kLumaR * p[0] + kLumaG * p[1] + kLumaB * p[2]);
    }
    return out;
}

namespace {

// out[x] = Σ_k weight(k) · in[x + k] over the taps that fall inside the row (zero outside).
void horizontalSum(const float* in, float* out, int width, int r) {
    std::fill(out, out + width, 0.0f);
    for (int k = -r; k <= r; ++k) {
        const int lo = std::max(0, -k), hi = std::min(width, width - k);
        for (int x = lo; x < hi; ++x)
            out[x] += in[x + k];
    }
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

// out = f(x, y) element-wise over planes of one size.
template <typename F> Plane combine(int width, int height, F&& f) {
    Plane out(width, height);
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < height; ++y) {
        float* o = out.row(y);
        for (int x = 0; x < width; ++x)
            o[x] = f(std::size_t(y) * width + x);
    }
    return out;
}

} // namespace

std::vector<GuidedCoefficients>
guidedCoefficients(const Plane& guide, const std::vector<const Plane*>& sources, int r, float eps) {
    const int w = guide.width(), h = guide.height();
    const float* I = guide.data();
    const Plane meanI = boxFilter(guide, r);
    const float* mI = meanI.data();
    const Plane squares = combine(w, h, [I](std::size_t i) { return I[i] * I[i]; });
    const Plane corrI = boxFilter(squares, r);
    const float* cI = corrI.data();
    const Plane var =
        combine(w, h, [mI, cI](std::size_t i) { return std::max(cI[i] - mI[i] * mI[i], 0.0f); });
    const float* v = var.data();
    std::vector<GuidedCoefficients> out;
    auto finish = [&](const Plane& cov, const float* mP) {
        const float* c = cov.data();
        const Plane a = combine(w, h, [c, v, eps](std::size_t i) { return c[i] / (v[i] + eps); });
        const float* pa = a.data();
        const Plane b =
            combine(w, h, [mP, pa, mI](std::size_t i) { return mP[i] - pa[i] * mI[i]; });
        out.push_back({boxFilter(a, r), boxFilter(b, r)});
    };
    if (sources.empty()) {
        finish(var, mI);
        return out;
    }
    for (const Plane* src : sources) {
        const float* P = src->data();
        const Plane meanP = boxFilter(*src, r);
        const float* mP = meanP.data();
        const Plane products = combine(w, h, [I, P](std::size_t i) { return I[i] * P[i]; });
        const Plane corrIP = boxFilter(products, r);
        const float* cIP = corrIP.data();
        finish(combine(w, h, [cIP, mI, mP](std::size_t i) { return cIP[i] - mI[i] * mP[i]; }), mP);
    }
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

Plane separableFilter(const Plane& in, const std::vector<float>& half) {
    const int width = in.width(), height = in.height();
    const int n = int(half.size()) - 1;
    Plane across(width, height), out(width, height);
#pragma omp parallel
    {
        std::vector<float> padded(std::size_t(width + 2 * n));
#pragma omp for schedule(dynamic, 16)
        for (int y = 0; y < height; ++y) {
            const float* s = in.row(y);
            std::fill(padded.begin(), padded.begin() + n, s[0]);
            std::memcpy(padded.data() + n, s, std::size_t(width) * sizeof(float));
            std::fill(padded.begin() + n + width, padded.end(), s[width - 1]);
            float* o = across.row(y);
            const float* c = padded.data() + n;
            for (int x = 0; x < width; ++x)
                o[x] = half[0] * c[x];
            for (int k = 1; k <= n; ++k) {
                const float w = half[std::size_t(k)];
                for (int x = 0; x < width; ++x)
                    o[x] += w * (c[x - k] + c[x + k]);
            }
        }
    }
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < height; ++y) {
        float* o = out.row(y);
        const float* c = across.row(y);
        for (int x = 0; x < width; ++x)
            o[x] = half[0] * c[x];
        for (int k = 1; k <= n; ++k) {
            const float w = half[std::size_t(k)];
            const float* up = across.row(std::max(0, y - k));
            const float* down = across.row(std::min(height - 1, y + k));
            for (int x = 0; x < width; ++x)
                o[x] += w * (up[x] + down[x]);
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
    for (int x = 0; x < m_width; ++x) {
        const float a = scratch[m_x0[std::size_t(x)]], b = scratch[m_x1[std::size_t(x)]];
        out[x] = a + m_fx[std::size_t(x)] * (b - a);
    }
}

void applyGainMap(Image& image, const CoefficientMap& logGain) {
    const int width = image.width(), height = image.height();
    const RowUpsampler up(logGain.width, logGain.height, width, height);
#pragma omp parallel
    {
        std::vector<float> scratch(static_cast<std::size_t>(logGain.width));
        std::vector<float> gain(static_cast<std::size_t>(width));
#pragma omp for schedule(dynamic, 16)
        for (int y = 0; y < height; ++y) {
            up.row(logGain.b.data(), y, scratch.data(), gain.data());
            float* p = image.row(y);
            for (int x = 0; x < width; ++x, p += 3) {
                const float k = std::exp2(gain[std::size_t(x)]);
                p[0] *= k;
                p[1] *= k;
                p[2] *= k;
            }
        }
    }
}

void applyLogGain(Image& image, const Plane& gain) {
    const int width = image.width();
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = 0; y < image.height(); ++y) {
        float* p = image.row(y);
        const float* g = gain.row(y);
        for (int x = 0; x < width; ++x, p += 3) {
            const float k = std::exp2(g[x]);
            p[0] *= k;
            p[1] *= k;
            p[2] *= k;
        }
    }
}

Image warpBilinear(const Image& in, int width, int height, const std::array<double, 6>& m) {
    Image out(width, height);
    const float maxX = float(in.width() - 1), maxY = float(in.height() - 1);
#pragma omp parallel for schedule(dynamic, 16)
    for (int j = 0; j < height; ++j) {
        float* o = out.row(j);
        for (int i = 0; i < width; ++i, o += 3) {
            const float sx = std::clamp(float(m[0] * i + m[1] * j + m[2]), 0.0f, maxX);
            const float sy = std::clamp(float(m[3] * i + m[4] * j + m[5]), 0.0f, maxY);
            const int x0 = int(sx), y0 = int(sy);
            const int x1 = std::min(x0 + 1, in.width() - 1), y1 = std::min(y0 + 1, in.height() - 1);
            const float fx = sx - float(x0), fy = sy - float(y0);
            const float *p00 = in.at(x0, y0), *p01 = in.at(x1, y0), *p10 = in.at(x0, y1),
                        *p11 = in.at(x1, y1);
            for (int c = 0; c < 3; ++c) {
                const float top = p00[c] + fx * (p01[c] - p00[c]);
                const float bottom = p10[c] + fx * (p11[c] - p10[c]);
                o[c] = top + fy * (bottom - top);
            }
        }
    }
    return out;
}

Image cropImage(const Image& in, int x0, int y0, int x1, int y1) {
    Image out(x1 - x0, y1 - y0);
    const std::size_t bytes = std::size_t(x1 - x0) * 3 * sizeof(float);
#pragma omp parallel for schedule(dynamic, 16)
    for (int y = y0; y < y1; ++y)
        std::memcpy(out.row(y - y0), in.at(x0, y), bytes);
    return out;
}

} // namespace pictor::kernels
