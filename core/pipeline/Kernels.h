#pragma once
// The generic full-resolution kernels of the fast render path: plain C++ loops over rows, split
// across cores with OpenMP, written so that the compiler vectorises the inner loops. Every local
// op's full-resolution pass is made of these; what an op computes on its reduced-resolution guide
// (with its own libtorch code) only parameterises them. libtorch's CPU element-wise ops are
// several times slower on 24 MP (fresh 288 MB temporaries page-fault; ENVIRONMENT.md).
//
// No libtorch here: this file also serves tiled and strip-wise rendering.
#include "image/Image.h"
#include "image/PixelMemory.h"

#include <array>
#include <functional>
#include <vector>

namespace pictor::kernels {

// One float channel, row-major. New planes are uninitialised (every producer writes every pixel).
class Plane {
public:
    Plane() = default;
    Plane(int width, int height)
        : m_width(width)
        , m_height(height)
        , m_pixels(std::size_t(width) * std::size_t(height)) {}
    int width() const { return m_width; }
    int height() const { return m_height; }
    float* data() { return m_pixels.data(); }
    const float* data() const { return m_pixels.data(); }
    float* row(int y) { return m_pixels.data() + std::size_t(y) * std::size_t(m_width); }
    const float* row(int y) const {
        return m_pixels.data() + std::size_t(y) * std::size_t(m_width);
    }

private:
    int m_width = 0;
    int m_height = 0;
    PixelBuffer<float> m_pixels;
};

// Rec.2020 luminance weights (the same as ops/Filters.h).
inline constexpr float kLumaR = 0.2627f, kLumaG = 0.6780f, kLumaB = 0.0593f;

// A curve the ops take of luminance Y: log2(Y' + offset), or (Y' + offset)^power when power ≠ 0,
// where Y' is Y clamped into [0, max] (as the ops' clamp_min(Y, 0); NaN gives 0). Arithmetic
// (image/FastMath.h), so that the plane's loop vectorises.
struct LumaCurve {
    float offset = 0;
    float power = 0; // 0: log2
    float max = 1024;
    static float clamp(float y, float max) {
        y = y > 0.0f ? y : 0.0f;
        return y < max ? y : max;
    }
};

// curve(Y) for every pixel.
Plane luminancePlane(const Image& image, const LumaCurve& curve);

// Mean over a (2r+1)² window, each window normalised by its in-image pixel count (as
// filters::boxFilter). Direct sums, not running sums: guided filters subtract squared means, and
// a running float sum over a 6000-pixel row drifts by more than the variances they look for.
Plane boxFilter(const Plane& in, int r);

// Separable convolution with a symmetric kernel of 2n+1 taps (weights[0] = centre) and
// replicated borders (as filters::gaussianBlur).
Plane separableFilter(const Plane& in, const std::vector<float>& halfKernel);

// He's guided filter coefficients, box-averaged (as filters::guidedCoefficients): for each source
// plane, q = a·guide + b. `sources` empty = self-guided (the guide is the source).
struct GuidedCoefficients {
    Plane a, b;
};
std::vector<GuidedCoefficients>
guidedCoefficients(const Plane& guide, const std::vector<const Plane*>& sources, int r, float eps);

// The same coefficients strip by strip, without full-resolution A and B planes: `consume(y0, y1,
// strip)` receives rows [y0, y1) (strip.a(k, y), strip.b(k, y)); it is called on the OpenMP
// threads, once per strip, strips in any order.
struct CoefficientStrip {
    const float* data; // a_0, b_0, a_1, b_1, … each `capacity` rows of `width` floats
    int first, capacity, width;
    const float* a(int k, int y) const { return row(2 * k, y); }
    const float* b(int k, int y) const { return row(2 * k + 1, y); }

private:
    const float* row(int plane, int y) const {
        return data + (std::size_t(plane) * std::size_t(capacity) + std::size_t(y - first)) *
                          std::size_t(width);
    }
};
using CoefficientConsumer = std::function<void(int y0, int y1, const CoefficientStrip& strip)>;
void forEachGuidedStrip(const Plane& guide, const std::vector<const Plane*>& sources, int r,
                        float eps, const CoefficientConsumer& consume);

// Normalised Gaussian taps for sigma, half-width ceil(3σ) (as filters::gaussianBlur).
std::vector<float> gaussianHalfKernel(double sigma);

// Rows [y0, y1) of separableFilter(in, halfKernel), bit-identical, into `out` (rows of in.width()
// floats); `scratch` is the caller's (reused between calls). For strip-wise use without a second
// full-resolution plane.
void separableFilterRows(const Plane& in, const std::vector<float>& halfKernel, int y0, int y1,
                         float* out, std::vector<float>& scratch);

// Area downscale by an integer factor: each output pixel is the mean of its factor² block (the
// last row/column of blocks may be partial, averaged over the pixels they hold).
Image downscale(const Image& image, int factor);
Plane downscale(const Plane& plane, int factor);

// Area resize to any smaller size (fractional pixel coverage; the preview pyramid's last step).
Image resizeArea(const Image& image, int width, int height);

// Mean over adaptive-pooling windows (as at::adaptive_avg_pool2d, i.e. ops::filters::resizeArea,
// to float rounding): output cell (i, j) averages rows [⌊i·H/h⌋, ⌈(i+1)·H/h⌉) and the same for
// columns. The ops' reduced guides of any ratio, without a libtorch pass over the full image.
Image adaptiveAverage(const Image& image, int width, int height);
Plane adaptiveAverage(const Plane& plane, int width, int height);

// Bilinear upsampling of a small plane to a full-resolution row, with half-pixel centres
// (upsample_bilinear2d with align_corners = false, i.e. filters::resizeBilinear).
class RowUpsampler {
public:
    RowUpsampler(int smallWidth, int smallHeight, int width, int height);
    // Row y (full resolution) of the upsampled `small` (smallWidth × smallHeight) into out[width].
    // `scratch` holds smallWidth floats.
    void row(const float* small, int y, float* scratch, float* out) const;
    int width() const { return m_width; }

private:
    int m_smallWidth, m_smallHeight, m_width, m_height;
    std::vector<int> m_x0, m_x1;
    std::vector<float> m_fx;
};

// Low-resolution coefficient planes (channel-major), sampled bilinearly at full resolution: the
// op's guided-filter coefficients q = a·guide + b (the op applies them per pixel), or a smooth
// log-gain map in `b` (a empty).
struct CoefficientMap {
    int width = 0, height = 0, channels = 0;
    std::vector<float> a, b; // channels × height × width each
};

// out = in · 2^(upsampled b) for every pixel: a smooth gain map (one channel). `out` (of in's
// size) may be `in`.
void applyGainMap(const Image& in, const CoefficientMap& logGain, Image& out);

// out = in · gain[x] for the `width` pixels of a row (interleaved RGB; `out` may be `in`): the
// last step of the ops that change only brightness (clarity, sharpen, vignette).
void applyRowGain(const float* in, const float* gain, int width, float* out);

// Bilinear resampling (grid_sampler with border padding and align_corners = false): output pixel
// (i, j) samples the source at (m[0]·i + m[1]·j + m[2], m[3]·i + m[4]·j + m[5]) in source pixel
// index coordinates, clamped into the image.
Image warpBilinear(const Image& in, int width, int height, const std::array<double, 6>& m);

// warpBilinear written into the image's own memory (bit-identical), which then holds the
// width × height result: no second image, only copies of the source rows still to be read (a
// copy is made instead when the output is larger than the input or the warp turns by 90° or more).
void warpBilinearInPlace(Image& image, int width, int height, const std::array<double, 6>& m);

// A copy of the rectangle [x0, x1) × [y0, y1).
Image cropImage(const Image& in, int x0, int y0, int x1, int y1);
// The same rectangle moved to the start of the image's own memory, which then holds it.
void cropInPlace(Image& image, int x0, int y0, int x1, int y1);

} // namespace pictor::kernels
