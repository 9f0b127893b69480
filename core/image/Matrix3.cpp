#include "image/Matrix3.h"

namespace pictor {

Matrix3 multiply(const Matrix3& a, const Matrix3& b) {
    Matrix3 r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k) r[i * 3 + j] += a[i * 3 + k] * b[k * 3 + j];
    return r;
}

Matrix3 inverse(const Matrix3& m) {
    const double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7],
                 i = m[8];
    const double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
    const double det = a * A + b * B + c * C;
    const double s = det != 0 ? 1.0 / det : 0.0;
    return {A * s, -(b * i - c * h) * s, (b * f - c * e) * s,
            B * s, (a * i - c * g) * s,  -(a * f - c * d) * s,
            C * s, -(a * h - b * g) * s, (a * e - b * d) * s};
}

void apply(const Matrix3& m, const float in[3], float out[3]) {
    const float r = in[0], g = in[1], b = in[2];
    out[0] = float(m[0] * r + m[1] * g + m[2] * b);
    out[1] = float(m[3] * r + m[4] * g + m[5] * b);
    out[2] = float(m[6] * r + m[7] * g + m[8] * b);
}

Matrix3 rgbToXyzFromPrimaries(double rx, double ry, double gx, double gy, double bx, double by,
                              double wx, double wy) {
    auto column = [](double x, double y) { return std::array<double, 3>{x / y, 1.0, (1 - x - y) / y}; };
    const auto r = column(rx, ry), g = column(gx, gy), b = column(bx, by), w = column(wx, wy);
    const Matrix3 m{r[0], g[0], b[0], r[1], g[1], b[1], r[2], g[2], b[2]};
    const Matrix3 mi = inverse(m);
    double s[3];
    for (int i = 0; i < 3; ++i) s[i] = mi[i * 3] * w[0] + mi[i * 3 + 1] * w[1] + mi[i * 3 + 2] * w[2];
    Matrix3 out{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) out[i * 3 + j] = m[i * 3 + j] * s[j];
    return out;
}

} // namespace pictor
