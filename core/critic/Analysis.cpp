#include "critic/Analysis.h"

#include "critic/DetailMeasures.h"
#include "critic/HorizonTilt.h"
#include "critic/WhiteEstimate.h"
#include "image/Resize.h"
#include "ops/ColorMath.h"

#include <ATen/ATen.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace pictor::critic {

namespace {

constexpr double kLumaR = color::kLumaR, kLumaG = color::kLumaG, kLumaB = color::kLumaB;
constexpr std::array<double, 7> kPercentiles{0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
// A veil darker than this (linear, every channel; L* ≈ 9) has no colour worth judging.
constexpr double kVeilFloor = 0.01;

double luma(const float* px) {
    return kLumaR * px[0] + kLumaG * px[1] + kLumaB * px[2];
}

// The values at fractions qs (ascending) of `values`, linearly interpolated between ranks. Partial
// selection (nth_element) instead of a sort: a thumbnail has ~100 k values and few quantiles.
template <std::size_t N>
std::array<double, N> quantiles(std::vector<float> values, const std::array<double, N>& qs) {
    std::array<double, N> out{};
    if (values.empty()) return out;
    auto from = values.begin();
    for (std::size_t k = 0; k < N; ++k) {
        const double pos = qs[k] * double(values.size() - 1);
        const auto i = values.begin() + std::ptrdiff_t(pos);
        std::nth_element(from, i, values.end());
        double v = *i;
        if (i + 1 < values.end())
            v += (pos - double(i - values.begin())) * (*std::min_element(i + 1, values.end()) - *i);
        out[k] = v;
        from = i;
    }
    return out;
}

// L* of every pixel and Oklab (L, a, b), through the ops' colour math (one implementation).
struct PerceptualPlanes {
    std::vector<float> lightness; // L*
    std::vector<float> a, b;      // Oklab
};

PerceptualPlanes perceptualPlanes(const Image& image) {
    PerceptualPlanes out;
    const auto n = std::int64_t(image.pixelCount());
    const at::Tensor rgb = at::from_blob(const_cast<float*>(image.data()), {n, 3},
                                         at::TensorOptions().dtype(at::kFloat));
    const at::Tensor clamped = rgb.clamp_min(0);
    const at::Tensor lightness = color::rec2020ToLightness(clamped).contiguous();
    const at::Tensor ok = color::rec2020ToOklab(clamped).contiguous();
    const float* l = lightness.data_ptr<float>();
    const float* o = ok.data_ptr<float>();
    out.lightness.resize(std::size_t(n));
    out.a.resize(std::size_t(n));
    out.b.resize(std::size_t(n));
    for (std::int64_t i = 0; i < n; ++i) {
        out.lightness[std::size_t(i)] = l[i];
        out.a[std::size_t(i)] = o[3 * i + 1];
        out.b[std::size_t(i)] = o[3 * i + 2];
    }
    return out;
}

constexpr float kClipLevel = 0.98f; // a channel this high is white on output

// The gain (EV) that takes the brightest channel of 1 % more of the pixels than are clipped now
// to the clip level, in the working space where `clipped` and the score after the edit count
// them. `brightest`: each pixel's largest channel.
double brighteningHeadroom(std::vector<float> brightest, std::size_t clipped) {
    const std::size_t n = brightest.size();
    const std::size_t allowed = clipped + (n + 99) / 100;
    if (allowed >= n) return 0.0;
    // The brightest pixel that must stay below the clip level.
    auto limit = brightest.begin() + std::ptrdiff_t(n - 1 - allowed);
    std::nth_element(brightest.begin(), limit, brightest.end());
    constexpr double kMostEv = 8.0; // a black frame: any brightening is "possible"
    if (*limit <= kClipLevel * std::exp2(-kMostEv)) return kMostEv;
    return std::clamp(std::log2(kClipLevel / double(*limit)), 0.0, kMostEv);
}

void measureTone(const Image& thumb, const PerceptualPlanes& planes, Analysis& a) {
    const std::size_t n = thumb.pixelCount();
    std::vector<float> y(n), brightest(n);
    std::size_t clipped = 0, crushed = 0, deep = 0, bright = 0;
    const float* px = thumb.data();
    double sumL = 0;
    for (std::size_t i = 0; i < n; ++i, px += 3) {
        y[i] = float(luma(px));
        brightest[i] = std::max({px[0], px[1], px[2]});
        if (brightest[i] >= kClipLevel) ++clipped;
        if (y[i] < 0.0015f) ++crushed;
        const float l = std::isfinite(planes.lightness[i]) ? planes.lightness[i] : 0.0f;
        sumL += l;
        if (l < 15) ++deep;
        if (l > 90) ++bright;
        const int bin = std::clamp(int(l / 100.0f * 64.0f), 0, 63);
        a.histogram[std::size_t(bin)] += 1;
    }
    for (double& h : a.histogram)
        h /= double(n);
    a.meanLightness = sumL / double(n);
    a.clippedHighlights = double(clipped) / double(n);
    a.crushedShadows = double(crushed) / double(n);
    a.deepShadows = double(deep) / double(n);
    a.brightHighlights = double(bright) / double(n);
    a.brighteningHeadroomEv = brighteningHeadroom(std::move(brightest), clipped);

    a.lightnessPercentiles = quantiles(planes.lightness, kPercentiles);
    const auto yq = quantiles(
        std::move(y), std::array<double, 9>{0.005, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.995});
    std::copy(yq.begin() + 1, yq.end() - 1, a.lumaPercentiles.begin());
    a.medianLuminance = a.lumaPercentiles[3];
    a.keyEv = std::log2(std::max(a.medianLuminance, 1.0 / 4096) / 0.18);
    const double lo = std::max(yq.front(), 1.0 / 4096);
    const double hi = std::max(yq.back(), 1.0 / 4096);
    a.dynamicRangeStops = std::log2(hi / lo);

    double sq = 0;
    for (float l : planes.lightness)
        sq += (l - a.meanLightness) * (l - a.meanLightness);
    a.lightnessStdDev = std::sqrt(sq / double(n));
    a.lightnessSpread = a.lightnessPercentiles[5] - a.lightnessPercentiles[1];

    cv::Mat l(thumb.height(), thumb.width(), CV_32FC1, const_cast<float*>(planes.lightness.data()));
    cv::Mat blurred;
    const double sigma = 0.02 * std::max(thumb.width(), thumb.height());
    cv::GaussianBlur(l, blurred, cv::Size(0, 0), std::max(sigma, 0.8));
    a.localContrast = cv::mean(cv::abs(l - blurred))[0];
}

void measureColour(const Image& thumb, const PerceptualPlanes& planes, Analysis& a) {
    const std::size_t n = thumb.pixelCount();
    std::vector<float> chroma(n);
    double sumC = 0, sumA = 0, sumB = 0;
    std::size_t outside = 0, neutral = 0;
    const float* px = thumb.data();
    for (std::size_t i = 0; i < n; ++i, px += 3) {
        chroma[i] = std::sqrt(planes.a[i] * planes.a[i] + planes.b[i] * planes.b[i]);
        sumC += chroma[i];
        sumA += planes.a[i];
        sumB += planes.b[i];
        if (std::min({px[0], px[1], px[2]}) < 0.0f) ++outside;
        if (chroma[i] < 0.01f) ++neutral;
    }
    a.meanChroma = sumC / double(n);
    a.meanA = sumA / double(n);
    a.meanB = sumB / double(n);
    a.outOfGamut = double(outside) / double(n);
    a.neutralFraction = double(neutral) / double(n);
    a.chromaP95 = quantiles(std::move(chroma), std::array<double, 1>{0.95})[0];
}

// Grey-world and grey-edge light estimates; pixels that are clipped (their colour is the
// sensor's, not the light's) or nearly black (noise) do not take part.
void measureWhite(const Image& thumb, Analysis& a) {
    std::array<double, 3> mean{0, 0, 0}, edge{0, 0, 0};
    double count = 0;
    const int w = thumb.width(), h = thumb.height();
    auto usable = [](const float* p) {
        return std::max({p[0], p[1], p[2]}) < 0.95f && luma(p) > 0.01 &&
               std::min({p[0], p[1], p[2]}) > 0.0f;
    };
    constexpr double kP = 6; // Minkowski norm of the edges: strong edges dominate
    double edgeCount = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const float* p = thumb.at(x, y);
            if (!usable(p)) continue;
            for (int c = 0; c < 3; ++c)
                mean[std::size_t(c)] += p[c];
            count += 1;
            if (x + 1 >= w || y + 1 >= h) continue;
            const float* right = thumb.at(x + 1, y);
            const float* down = thumb.at(x, y + 1);
            if (!usable(right) || !usable(down)) continue;
            for (int c = 0; c < 3; ++c) {
                const double dx = right[c] - p[c], dy = down[c] - p[c];
                const double g2 = dx * dx + dy * dy;
                edge[std::size_t(c)] += g2 * g2 * g2; // |∇|^6 (kP)
            }
            edgeCount += 1;
        }
    }
    const SourceWhite& source = a.sourceWhite;
    if (count < 16) return;
    for (double& m : mean)
        m /= count;
    a.greyWorld = whiteEstimateFromLight(mean, source);
    if (edgeCount >= 16 && edge[1] > 0) {
        for (double& e : edge)
            e = std::pow(e / edgeCount, 1.0 / kP);
        a.greyEdge = whiteEstimateFromLight(edge, source);
    } else {
        a.greyEdge = a.greyWorld;
    }

    // Agreement: the two estimates' distance in (mired, tint), in units of a just-visible cast
    // (~15 mired, ~6 tint). Two unrelated cues agreeing on a cast make it believable.
    const double dm = (a.greyWorld.miredShift - a.greyEdge.miredShift) / 15.0;
    const double dt = (a.greyWorld.tintShift - a.greyEdge.tintShift) / 6.0;
    a.whiteConfidence = std::exp(-0.5 * (dm * dm + dt * dt) / 4.0);
    // Grey-edge is the more reliable cue on scenes dominated by one colour; the combination is
    // pulled towards the source white (the camera's choice, a prior): fully trusted agreement
    // still only moves 80 % of the way (RAW: the as-shot white is a measurement too, 70 %).
    WhiteEstimate blend = a.greyEdge;
    blend.miredShift = 0.4 * a.greyWorld.miredShift + 0.6 * a.greyEdge.miredShift;
    blend.tintShift = 0.4 * a.greyWorld.tintShift + 0.6 * a.greyEdge.tintShift;
    blend.strength = 0.4 * a.greyWorld.strength + 0.6 * a.greyEdge.strength;
    a.combined = scaledWhiteEstimate(blend, a.whiteConfidence * (a.raw ? 0.7 : 0.8), source);
}

// He et al.'s dark channel on encoded values with a patch of ~1/40 of the long edge.
void measureHaze(const Image& thumb, Analysis& a) {
    cv::Mat minRgb(thumb.height(), thumb.width(), CV_32FC1);
    for (int y = 0; y < thumb.height(); ++y) {
        const float* px = thumb.row(y);
        auto* dst = minRgb.ptr<float>(y);
        for (int x = 0; x < thumb.width(); ++x, px += 3)
            dst[x] = srgbEncode(std::min({px[0], px[1], px[2]}));
    }
    const int patch = std::max(3, (std::max(thumb.width(), thumb.height()) / 40) | 1);
    cv::Mat dark;
    cv::erode(minRgb, dark, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(patch, patch)));
    a.darkChannelMean = cv::mean(dark)[0];
    a.darkChannelP90 = quantiles(std::vector<float>(dark.begin<float>(), dark.end<float>()),
                                 std::array<double, 1>{0.90})[0];

    // Lower envelope per channel: erosion over a tenth of the long edge, then its mean.
    const cv::Mat rgb(thumb.height(), thumb.width(), CV_32FC3, const_cast<float*>(thumb.data()));
    const int wide = std::max(3, (std::max(thumb.width(), thumb.height()) / 10) | 1);
    cv::Mat envelope;
    cv::erode(rgb, envelope, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(wide, wide)));
    auto lightOf = [](const cv::Scalar& mean) {
        return std::array<double, 3>{std::max(mean[0], 0.0), std::max(mean[1], 0.0),
                                     std::max(mean[2], 0.0)};
    };
    auto visible = [](const std::array<double, 3>& light) {
        return std::min({light[0], light[1], light[2]}) > kVeilFloor;
    };
    const auto veil = lightOf(cv::mean(envelope));
    a.veilWhite = WhiteEstimate{a.sourceWhite.temperature, a.sourceWhite.tint, 0, 0, 0};
    a.veilAgreement = 0;
    if (!visible(veil) || envelope.rows < 2) return;
    a.veilWhite = whiteEstimateFromLight(veil, a.sourceWhite);
    // A veil is thicker far away but the same colour everywhere; a "veil" that is blue above and
    // yellow below is a clear sky over sand, the scene's colours. The two halves' whites compared
    // in units of a just-visible cast (~15 mired, ~6 tint), as the grey-world/grey-edge agreement.
    const int half = envelope.rows / 2;
    const auto top = lightOf(cv::mean(envelope.rowRange(0, half)));
    const auto bottom = lightOf(cv::mean(envelope.rowRange(half, envelope.rows)));
    if (!visible(top) || !visible(bottom)) return;
    const WhiteEstimate upper = whiteEstimateFromLight(top, a.sourceWhite);
    const WhiteEstimate lower = whiteEstimateFromLight(bottom, a.sourceWhite);
    const double dm = (upper.miredShift - lower.miredShift) / 15.0;
    const double dt = (upper.tintShift - lower.tintShift) / 6.0;
    a.veilAgreement = std::exp(-0.5 * (dm * dm + dt * dt) / 4.0);
}

} // namespace

AnalysisInput prepareAnalysisInput(const Image& image, const AnalysisOptions& options) {
    AnalysisInput input;
    if (image.empty()) return input;
    input.thumbnail = resizeToLongEdge(image, options.thumbnailLongEdge);
    input.thumbnailScale = double(input.thumbnail.width()) / image.width();
    const int tile = options.detailTileSize;
    const int grid = std::max(1, options.detailTileGrid);
    if (image.width() < tile * grid || image.height() < tile * grid) {
        // Too small for the grid (e.g. a training crop): one centred crop of native pixels.
        const int w = std::min(image.width(), 2 * tile * grid);
        const int h = std::min(image.height(), 2 * tile * grid);
        const int x0 = (image.width() - w) / 2, y0 = (image.height() - h) / 2;
        Image t(w, h);
        for (int y = 0; y < h; ++y)
            std::copy_n(image.at(x0, y0 + y), std::size_t(w) * 3, t.row(y));
        input.tiles.push_back(std::move(t));
        return input;
    }
    // Tiles centred in a grid × grid layout: spread over the frame, so that a subject in focus
    // anywhere is seen, at native resolution (noise and blur live at the pixel scale).
    for (int gy = 0; gy < grid; ++gy) {
        for (int gx = 0; gx < grid; ++gx) {
            const int x0 = int((gx + 0.5) * image.width() / grid) - tile / 2;
            const int y0 = int((gy + 0.5) * image.height() / grid) - tile / 2;
            Image t(tile, tile);
            for (int y = 0; y < tile; ++y)
                std::copy_n(image.at(x0, y0 + y), std::size_t(tile) * 3, t.row(y));
            input.tiles.push_back(std::move(t));
        }
    }
    return input;
}

Analysis analyze(const AnalysisInput& input, const AnalysisOptions& options) {
    Analysis a;
    a.sourceWhite = options.sourceWhite;
    a.raw = options.raw;
    a.greyWorld = a.greyEdge = a.combined =
        WhiteEstimate{options.sourceWhite.temperature, options.sourceWhite.tint, 0, 0, 0};
    const Image& thumb = input.thumbnail;
    if (thumb.empty()) return a;
    a.thumbnailWidth = thumb.width();
    a.thumbnailHeight = thumb.height();
    a.photoWidth = int(std::lround(thumb.width() / input.thumbnailScale));
    a.photoHeight = int(std::lround(thumb.height() / input.thumbnailScale));

    const PerceptualPlanes planes = perceptualPlanes(thumb);
    measureTone(thumb, planes, a);
    measureColour(thumb, planes, a);
    measureWhite(thumb, a);
    measureHaze(thumb, a);
    const NoiseEstimate noise = estimateNoise(input.tiles);
    a.noiseSigma = noise.luma;
    a.chromaNoiseSigma = noise.chroma;
    a.blur = estimateBlur(input.tiles);
    const HorizonLine horizon = findHorizon(thumb);
    a.horizonTiltDegrees = horizon.tiltDegrees;
    a.horizonConfidence = horizon.confidence;
    return a;
}

Analysis analyzeImage(const Image& image, const AnalysisOptions& options) {
    return analyze(prepareAnalysisInput(image, options), options);
}

std::vector<float> analysisFeatures(const Analysis& a) {
    std::vector<float> f;
    f.reserve(kAnalysisFeatureCount);
    auto put = [&f](double v) {
        f.push_back(float(std::clamp(std::isfinite(v) ? v : 0.0, -4.0, 4.0)));
    };
    for (double l : a.lightnessPercentiles)
        put(l / 100);
    put(a.meanLightness / 100);
    put(a.keyEv / 4);
    put(std::sqrt(a.clippedHighlights));
    put(std::sqrt(a.crushedShadows));
    put(a.deepShadows);
    put(a.brightHighlights);
    put(a.dynamicRangeStops / 12);
    put(a.lightnessStdDev / 30);
    put(a.lightnessSpread / 100);
    put(a.localContrast / 10);
    put(a.greyWorld.miredShift / 100);
    put(a.greyWorld.tintShift / 50);
    put(a.greyEdge.miredShift / 100);
    put(a.greyEdge.tintShift / 50);
    put(a.combined.miredShift / 100);
    put(a.combined.tintShift / 50);
    put(a.whiteConfidence);
    put(a.meanChroma / 0.1);
    put(a.chromaP95 / 0.2);
    put(a.meanA / 0.05);
    put(a.meanB / 0.05);
    put(std::sqrt(a.outOfGamut));
    put(a.noiseSigma * 20);
    put(a.chromaNoiseSigma * 20);
    put(a.blur);
    put(a.darkChannelMean / 0.3);
    put(a.darkChannelP90 / 0.5);
    put(a.horizonTiltDegrees / 10 * a.horizonConfidence);
    put(a.horizonConfidence);
    put(a.raw ? 1.0 : 0.0);
    put((1e6 / a.sourceWhite.temperature - 1e6 / 6504.0) / 100);
    return f;
}

} // namespace pictor::critic
