#include "instructions/EffectMeasures.h"

#include "image/Matrix3.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace pictor {

namespace {

double labF(double t) {
    constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
    return t > e ? std::cbrt(t) : (k * t + 16) / 116;
}

// Mean of |v − box mean| over a (2r+1)² window, via an integral image (edges clamped).
double meanAbsDetail(const std::vector<double>& v, int w, int h, int r) {
    std::vector<double> integral(std::size_t(w + 1) * (h + 1), 0.0);
    for (int y = 0; y < h; ++y) {
        double rowSum = 0;
        for (int x = 0; x < w; ++x) {
            rowSum += v[std::size_t(y) * w + x];
            integral[std::size_t(y + 1) * (w + 1) + x + 1] =
                integral[std::size_t(y) * (w + 1) + x + 1] + rowSum;
        }
    }
    double total = 0;
    for (int y = 0; y < h; ++y) {
        const int y0 = std::max(0, y - r), y1 = std::min(h, y + r + 1);
        for (int x = 0; x < w; ++x) {
            const int x0 = std::max(0, x - r), x1 = std::min(w, x + r + 1);
            const double sum = integral[std::size_t(y1) * (w + 1) + x1] -
                               integral[std::size_t(y0) * (w + 1) + x1] -
                               integral[std::size_t(y1) * (w + 1) + x0] +
                               integral[std::size_t(y0) * (w + 1) + x0];
            total += std::abs(v[std::size_t(y) * w + x] - sum / double((y1 - y0) * (x1 - x0)));
        }
    }
    return total / double(std::size_t(w) * h);
}

} // namespace

EffectMeasures measureEffect(const Image& image) {
    EffectMeasures m;
    const int w = image.width(), h = image.height();
    if (image.empty() || w <= 0 || h <= 0) return m;
    static const Matrix3 toXyz = rgbToXyzFromPrimaries(0.708, 0.292, 0.170, 0.797, 0.131, 0.046);
    const std::size_t n = image.pixelCount();
    std::vector<double> lightness(n);
    double sumY = 0, sumL = 0, sumA = 0, sumB = 0, sumC = 0, sumL2 = 0;
    const int cw = std::max(1, w * 15 / 100), ch = std::max(1, h * 15 / 100);
    double cornerSum = 0;
    std::size_t cornerCount = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const float* p = image.at(x, y);
            float xyz[3];
            apply(toXyz, p, xyz);
            const double fx = labF(std::max(0.0, double(xyz[0]) / 0.95047));
            const double fy = labF(std::max(0.0, double(xyz[1])));
            const double fz = labF(std::max(0.0, double(xyz[2]) / 1.08883));
            const double L = 116 * fy - 16, a = 500 * (fx - fy), b = 200 * (fy - fz);
            lightness[std::size_t(y) * w + x] = L;
            sumY += xyz[1];
            sumL += L;
            sumL2 += L * L;
            sumA += a;
            sumB += b;
            sumC += std::hypot(a, b);
            if ((x < cw || x >= w - cw) && (y < ch || y >= h - ch)) {
                cornerSum += L;
                ++cornerCount;
            }
        }
    }
    const double count = double(n);
    m.meanLinearY = sumY / count;
    m.meanL = sumL / count;
    m.meanA = sumA / count;
    m.meanB = sumB / count;
    m.meanChroma = sumC / count;
    m.spreadL = std::sqrt(std::max(0.0, sumL2 / count - m.meanL * m.meanL));
    m.cornerL = cornerCount ? cornerSum / double(cornerCount) : m.meanL;
    std::vector<double> sorted = lightness;
    std::sort(sorted.begin(), sorted.end());
    const auto meanOf = [&](std::size_t from, std::size_t to) {
        to = std::max(to, from + 1);
        double s = 0;
        for (std::size_t i = from; i < to; ++i)
            s += sorted[i];
        return s / double(to - from);
    };
    m.darkQuartileL = meanOf(0, n / 4);
    m.brightQuartileL = meanOf(n - std::max<std::size_t>(1, n / 4), n);
    m.darkTailL = meanOf(0, n / 20);
    m.brightTailL = meanOf(n - std::max<std::size_t>(1, n / 20), n);
    m.detailEnergy = meanAbsDetail(lightness, w, h, 1);
    const int coarse = std::max(2, int(std::hypot(w, h) * 0.04));
    m.localContrast = meanAbsDetail(lightness, w, h, coarse);
    return m;
}

ExpectedEffect expectedEffect(std::string_view op, std::string_view param) {
    static const struct {
        const char* op;
        const char* param;
        const char* quantity;
        int sign;
    } table[] = {
        {"exposure", "exposure", "meanL", 1},         {"white_balance", "temperature", "meanB", 1},
        {"white_balance", "tint", "meanA", 1},        {"tone", "contrast", "spreadL", 1},
        {"tone", "highlights", "brightQuartileL", 1}, {"tone", "shadows", "darkQuartileL", 1},
        {"tone", "whites", "brightTailL", 1},         {"tone", "blacks", "darkTailL", 1},
        {"color", "vibrance", "meanChroma", 1},       {"color", "saturation", "meanChroma", 1},
        {"dehaze", "amount", "darkQuartileL", -1}, // haze lifts the darks
        {"clarity", "amount", "localContrast", 1},    {"denoise", "luminance", "detailEnergy", -1},
        {"sharpen", "amount", "detailEnergy", 1},     {"vignette", "amount", "cornerL", 1},
    };
    for (const auto& e : table)
        if (op == e.op && param == e.param) return {e.quantity, e.sign};
    return {};
}

double quantity(const EffectMeasures& m, std::string_view name) {
    if (name == "meanLinearY") return m.meanLinearY;
    if (name == "meanL") return m.meanL;
    if (name == "meanA") return m.meanA;
    if (name == "meanB") return m.meanB;
    if (name == "meanChroma") return m.meanChroma;
    if (name == "spreadL") return m.spreadL;
    if (name == "darkQuartileL") return m.darkQuartileL;
    if (name == "brightQuartileL") return m.brightQuartileL;
    if (name == "darkTailL") return m.darkTailL;
    if (name == "brightTailL") return m.brightTailL;
    if (name == "detailEnergy") return m.detailEnergy;
    if (name == "localContrast") return m.localContrast;
    if (name == "cornerL") return m.cornerL;
    return 0;
}

} // namespace pictor
