#include "critic/DetailMeasures.h"

#include "image/TransferLut.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace pictor::critic {

namespace {

constexpr double kLumaR = 0.2627, kLumaG = 0.6780, kLumaB = 0.0593;

// One encoded plane of a tile.
struct Plane {
    int width = 0, height = 0;
    std::vector<float> v;
    float at(int x, int y) const { return v[std::size_t(y) * width + x]; }
};

enum class Channel { Luma, RedMinusGreen, BlueMinusGreen };

Plane encodedPlane(const Image& tile, Channel channel) {
    Plane p{tile.width(), tile.height(), std::vector<float>(tile.pixelCount())};
    const float* px = tile.data();
    for (std::size_t i = 0; i < tile.pixelCount(); ++i, px += 3) {
        switch (channel) {
        case Channel::Luma:
            p.v[i] = srgbEncode(float(kLumaR * px[0] + kLumaG * px[1] + kLumaB * px[2]));
            break;
        case Channel::RedMinusGreen:
            p.v[i] = srgbEncode(px[0]) - srgbEncode(px[1]);
            break;
        case Channel::BlueMinusGreen:
            p.v[i] = srgbEncode(px[2]) - srgbEncode(px[1]);
            break;
        }
    }
    return p;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    const auto mid = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

// Per-block σ estimates of one plane; `level` (encoded luminance) decides which blocks are
// usable: clipped or black regions have no visible noise and would pull the estimate to 0.
void blockSigmas(const Plane& plane, const Plane& level, std::vector<double>& usable) {
    constexpr int kBlock = 16;
    std::vector<double> responses;
    for (int by = 1; by + kBlock <= plane.height - 1; by += kBlock) {
        for (int bx = 1; bx + kBlock <= plane.width - 1; bx += kBlock) {
            responses.clear();
            double meanLevel = 0;
            for (int y = by; y < by + kBlock; ++y) {
                for (int x = bx; x < bx + kBlock; ++x) {
                    // Immerkær's mask [1 −2 1; −2 4 −2; 1 −2 1].
                    const double r =
                        plane.at(x - 1, y - 1) - 2 * plane.at(x, y - 1) + plane.at(x + 1, y - 1) -
                        2 * plane.at(x - 1, y) + 4 * plane.at(x, y) - 2 * plane.at(x + 1, y) +
                        plane.at(x - 1, y + 1) - 2 * plane.at(x, y + 1) + plane.at(x + 1, y + 1);
                    responses.push_back(std::abs(r));
                    meanLevel += level.at(x, y);
                }
            }
            meanLevel /= kBlock * kBlock;
            if (meanLevel < 0.04 || meanLevel > 0.96) continue;
            // Median |r| of Gaussian noise is 0.6745·σ_r, and σ_r = 6σ for this mask.
            usable.push_back(median(responses) / 0.6745 / 6.0);
        }
    }
}

double quietQuarter(std::vector<double> sigmas) {
    if (sigmas.empty()) return 0;
    std::sort(sigmas.begin(), sigmas.end());
    const std::size_t n = std::max<std::size_t>(1, sigmas.size() / 4);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += sigmas[i];
    return sum / double(n);
}

// Crété-Roffet's measure along one axis; returns {blur, total variation} of the tile.
std::pair<double, double> blurAlong(const Plane& f, bool horizontal) {
    constexpr int kTaps = 9;
    double sumF = 0, sumV = 0;
    const int w = f.width, h = f.height;
    auto value = [&](int x, int y) {
        return f.at(std::clamp(x, 0, w - 1), std::clamp(y, 0, h - 1));
    };
    // The box-blurred tile, once (each pixel's value was summed twice, once per neighbour).
    std::vector<double> blurredPlane(std::size_t(w) * std::size_t(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double s = 0;
            for (int k = -kTaps / 2; k <= kTaps / 2; ++k)
                s += horizontal ? value(x + k, y) : value(x, y + k);
            blurredPlane[std::size_t(y) * std::size_t(w) + std::size_t(x)] = s / kTaps;
        }
    auto blurred = [&](int x, int y) {
        return blurredPlane[std::size_t(y) * std::size_t(w) + std::size_t(x)];
    };
    for (int y = 1; y < h; ++y) {
        for (int x = 1; x < w; ++x) {
            const int px = horizontal ? x - 1 : x, py = horizontal ? y : y - 1;
            const double dF = std::abs(value(x, y) - value(px, py));
            const double dB = std::abs(blurred(x, y) - blurred(px, py));
            sumF += dF;
            sumV += std::max(0.0, dF - dB);
        }
    }
    if (sumF <= 0) return {1.0, 0.0};
    return {(sumF - sumV) / sumF, sumF / double(std::max(1, (w - 1) * (h - 1)))};
}

} // namespace

float srgbEncode(float linear) {
    // Tabulated (TransferLut: ~1e-6 relative error) — the analysis encodes ~10⁶ values a photo.
    static const TransferLut lut(
        [](double v) { return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055; },
        64.0);
    return lut(linear);
}

NoiseEstimate estimateNoise(const std::vector<Image>& tiles) {
    std::vector<double> luma, redGreen, blueGreen;
    for (const Image& tile : tiles) {
        if (tile.width() < 18 || tile.height() < 18) continue;
        const Plane level = encodedPlane(tile, Channel::Luma);
        blockSigmas(level, level, luma);
        blockSigmas(encodedPlane(tile, Channel::RedMinusGreen), level, redGreen);
        blockSigmas(encodedPlane(tile, Channel::BlueMinusGreen), level, blueGreen);
    }
    // On pure noise each 16×16 block's estimate scatters by ~8 %, so the mean of the quietest
    // quarter is ~0.93 σ: undo that known bias of the order statistic.
    constexpr double kQuietQuarterBias = 1.0 / 0.93;
    NoiseEstimate out;
    out.luma = kQuietQuarterBias * quietQuarter(luma);
    out.chroma = kQuietQuarterBias * 0.5 * (quietQuarter(redGreen) + quietQuarter(blueGreen));
    return out;
}

double estimateBlur(const std::vector<Image>& tiles) {
    // Mean |Δ| of encoded luminance below which a tile is flat (sky, wall): ~0.5 % per pixel.
    constexpr double kFlat = 0.005;
    double best = -1, fallback = 1;
    for (const Image& tile : tiles) {
        if (tile.width() < 12 || tile.height() < 12) continue;
        const Plane f = encodedPlane(tile, Channel::Luma);
        const auto [bh, varH] = blurAlong(f, true);
        const auto [bv, varV] = blurAlong(f, false);
        const double blur = std::max(bh, bv);
        fallback = std::min(fallback, blur);
        if (0.5 * (varH + varV) < kFlat) continue;
        if (best < 0 || blur < best) best = blur;
    }
    return best >= 0 ? best : fallback;
}

} // namespace pictor::critic
