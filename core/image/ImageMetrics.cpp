#include "image/ImageMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace pictor {

namespace {

constexpr double kPi = 3.14159265358979323846;

double deg(double rad) {
    return rad * 180.0 / kPi;
}
double rad(double deg) {
    return deg * kPi / 180.0;
}

double encode(double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
}

double labF(double t) {
    const double d = 6.0 / 29.0;
    return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
}

} // namespace

Lab rec2020ToLab(const float* p) {
    const double r = std::clamp<double>(p[0], 0, 1), g = std::clamp<double>(p[1], 0, 1),
                 b = std::clamp<double>(p[2], 0, 1);
    // Rec.2020 → XYZ (D65), then CIELAB relative to the D65 white (0.95047, 1, 1.08883).
    const double x = 0.636958 * r + 0.144617 * g + 0.168881 * b;
    const double y = 0.262700 * r + 0.677998 * g + 0.059302 * b;
    const double z = 0.000000 * r + 0.028073 * g + 1.060985 * b;
    const double fx = labF(x / 0.95047), fy = labF(y), fz = labF(z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double ciede2000(const Lab& x, const Lab& y) {
    const double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b);
    const double cBar = (c1 + c2) / 2;
    const double c7 = std::pow(cBar, 7);
    const double g = 0.5 * (1 - std::sqrt(c7 / (c7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
    const double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        double h = deg(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double hp1 = hue(x.b, a1), hp2 = hue(y.b, a2);
    const double dL = y.L - x.L, dC = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = hp2 - hp1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2 * std::sqrt(cp1 * cp2) * std::sin(rad(dh / 2));
    const double lBar = (x.L + y.L) / 2, cpBar = (cp1 + cp2) / 2;
    double hBar = hp1 + hp2;
    if (cp1 * cp2 != 0) {
        if (std::abs(hp1 - hp2) <= 180)
            hBar = (hp1 + hp2) / 2;
        else if (hp1 + hp2 < 360)
            hBar = (hp1 + hp2 + 360) / 2;
        else
            hBar = (hp1 + hp2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(rad(hBar - 30)) + 0.24 * std::cos(rad(2 * hBar)) +
                     0.32 * std::cos(rad(3 * hBar + 6)) - 0.20 * std::cos(rad(4 * hBar - 63));
    const double dTheta = 30 * std::exp(-std::pow((hBar - 275) / 25, 2));
    const double cp7 = std::pow(cpBar, 7);
    const double rc = 2 * std::sqrt(cp7 / (cp7 + std::pow(25.0, 7)));
    const double l50 = (lBar - 50) * (lBar - 50);
    const double sl = 1 + 0.015 * l50 / std::sqrt(20 + l50);
    const double sc = 1 + 0.045 * cpBar, sh = 1 + 0.015 * cpBar * t;
    const double rt = -std::sin(rad(2 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) +
                     rt * (dC / sc) * (dH / sh));
}

ImageQuality compareImages(const Image& result, const Image& reference) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (result.width() != reference.width() || result.height() != reference.height() ||
        result.empty())
        return {nan, nan, nan};
    const int w = result.width(), h = result.height();
    const std::size_t n = result.pixelCount();
    std::vector<float> ya(n), yb(n);
    double squared = 0, deltaE = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float* p = result.data() + 3 * i;
        const float* q = reference.data() + 3 * i;
        for (int c = 0; c < 3; ++c) {
            const double d = encode(p[c]) - encode(q[c]);
            squared += d * d;
        }
        ya[i] = float(encode(0.2627 * p[0] + 0.6780 * p[1] + 0.0593 * p[2]));
        yb[i] = float(encode(0.2627 * q[0] + 0.6780 * q[1] + 0.0593 * q[2]));
        deltaE += ciede2000(rec2020ToLab(p), rec2020ToLab(q));
    }
    ImageQuality quality;
    const double mse = squared / double(3 * n);
    quality.psnr = mse > 0 ? std::min(100.0, 10 * std::log10(1 / mse)) : 100.0;
    quality.deltaE00 = deltaE / double(n);
    const int win = std::min({8, w, h}), stride = std::max(1, win / 2);
    const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    double ssim = 0;
    int windows = 0;
    for (int y0 = 0; y0 + win <= h; y0 += stride)
        for (int x0 = 0; x0 + win <= w; x0 += stride) {
            double ma = 0, mb = 0, va = 0, vb = 0, cov = 0;
            for (int y = y0; y < y0 + win; ++y)
                for (int x = x0; x < x0 + win; ++x) {
                    const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
                    ma += ya[i];
                    mb += yb[i];
                }
            const double count = double(win) * win;
            ma /= count;
            mb /= count;
            for (int y = y0; y < y0 + win; ++y)
                for (int x = x0; x < x0 + win; ++x) {
                    const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
                    va += (ya[i] - ma) * (ya[i] - ma);
                    vb += (yb[i] - mb) * (yb[i] - mb);
                    cov += (ya[i] - ma) * (yb[i] - mb);
                }
            va /= count - 1;
            vb /= count - 1;
            cov /= count - 1;
            ssim +=
                ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
            ++windows;
        }
    quality.ssim = windows ? ssim / windows : nan;
    return quality;
}

} // namespace pictor
