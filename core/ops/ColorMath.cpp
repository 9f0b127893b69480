#include "ops/ColorMath.h"

#include <ATen/ATen.h>

#include <cmath>

namespace pictor::color {

namespace {

constexpr Mat3 kOklabM1{0.8189330101, 0.3618667424, -0.1288597137, 0.0329845436, 0.9293118715,
                        0.0361456387, 0.0482003018, 0.2643662691,  0.6338517070};
constexpr Mat3 kOklabM2{0.2104542553, 0.7936177850, -0.0040720468, 1.9779984951, -2.4285922050,
                        0.4505937099, 0.0259040371, 0.7827717662,  -0.8086757660};

// Rec.2020 → Oklab LMS, rows normalised so that RGB (1, 1, 1) → LMS (1, 1, 1) exactly.
const Mat3& rgbToLms() {
    static const Mat3 m = [] {
        Mat3 r = multiply(kOklabM1, rec2020ToXyzMatrix());
        for (int i = 0; i < 3; ++i) {
            const double sum = r[i * 3] + r[i * 3 + 1] + r[i * 3 + 2];
            for (int j = 0; j < 3; ++j)
                r[i * 3 + j] /= sum;
        }
        return r;
    }();
    return m;
}
const Mat3& lmsToRgb() {
    static const Mat3 m = inverse(rgbToLms());
    return m;
}
// Lab from cube-rooted LMS, with the L row normalised to sum 1 and the a, b rows to sum 0.
const Mat3& lmsToOklab() {
    static const Mat3 m = [] {
        Mat3 r = kOklabM2;
        const double sumL = r[0] + r[1] + r[2];
        for (int j = 0; j < 3; ++j)
            r[j] /= sumL;
        for (int i = 1; i < 3; ++i) {
            const double mean = (r[i * 3] + r[i * 3 + 1] + r[i * 3 + 2]) / 3.0;
            for (int j = 0; j < 3; ++j)
                r[i * 3 + j] -= mean;
        }
        return r;
    }();
    return m;
}
const Mat3& oklabToLms() {
    static const Mat3 m = inverse(lmsToOklab());
    return m;
}

constexpr double kCbrtKnee = 1e-6; // below: linear continuation of the cube root

at::Tensor safeCbrt(const at::Tensor& x) {
    const double knee = kCbrtKnee;
    const at::Tensor ax = x.abs();
    const at::Tensor big = ax > knee;
    const at::Tensor root = at::pow(ax.clamp_min(knee), 1.0 / 3.0) * at::sign(x);
    const at::Tensor lin = x * std::pow(knee, -2.0 / 3.0);
    return at::where(big, root, lin);
}
at::Tensor safeCube(const at::Tensor& y) {
    const double knee = std::cbrt(kCbrtKnee);
    const at::Tensor big = y.abs() > knee;
    return at::where(big, y * y * y, y * std::pow(kCbrtKnee, 2.0 / 3.0));
}

// CIELAB's f(t) and its inverse.
constexpr double kLabDelta = 6.0 / 29.0;
at::Tensor labF(const at::Tensor& t) {
    const double d3 = kLabDelta * kLabDelta * kLabDelta;
    const at::Tensor big = t > d3;
    const at::Tensor root = at::pow(t.clamp_min(d3), 1.0 / 3.0);
    const at::Tensor lin = t / (3 * kLabDelta * kLabDelta) + 4.0 / 29.0;
    return at::where(big, root, lin);
}
at::Tensor labFInverse(const at::Tensor& f) {
    const at::Tensor big = f > kLabDelta;
    return at::where(big, f * f * f, 3 * kLabDelta * kLabDelta * (f - 4.0 / 29.0));
}

} // namespace

const Mat3& rec2020ToXyzMatrix() {
    static const Mat3 m = rgbToXyzFromPrimaries(0.708, 0.292, 0.170, 0.797, 0.131, 0.046);
    return m;
}
const Mat3& xyzToRec2020Matrix() {
    static const Mat3 m = inverse(rec2020ToXyzMatrix());
    return m;
}
const Mat3& bradfordMatrix() {
    static const Mat3 m{0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296};
    return m;
}

at::Tensor matrixTensor(const Mat3& m, const at::TensorOptions& options) {
    Mat3 copy = m;
    return at::from_blob(copy.data(), {3, 3}, at::TensorOptions().dtype(at::kDouble))
        .to(options, /*non_blocking=*/false, /*copy=*/true);
}

at::Tensor applyMatrix(const at::Tensor& v, const at::Tensor& m) {
    // Three broadcast multiply-adds: much faster than a reduction over a length-3 axis, and no
    // BLAS (Debian's torch has the reference one).
    return v.slice(-1, 0, 1) * m.select(-1, 0) + v.slice(-1, 1, 2) * m.select(-1, 1) +
           v.slice(-1, 2, 3) * m.select(-1, 2);
}

at::Tensor applyMatrix(const at::Tensor& v, const Mat3& m) {
    return applyMatrix(v, matrixTensor(m, v.options()));
}

at::Tensor luminance(const at::Tensor& rgb) {
    return rgb.select(-1, 0) * kLumaR + rgb.select(-1, 1) * kLumaG + rgb.select(-1, 2) * kLumaB;
}

at::Tensor rec2020ToXyz(const at::Tensor& rgb) {
    return applyMatrix(rgb, rec2020ToXyzMatrix());
}
at::Tensor xyzToRec2020(const at::Tensor& xyz) {
    return applyMatrix(xyz, xyzToRec2020Matrix());
}

at::Tensor xyzToLab(const at::Tensor& xyz) {
    const Mat3& m = rec2020ToXyzMatrix();
    const double wx = m[0] + m[1] + m[2], wz = m[6] + m[7] + m[8];
    const at::Tensor fx = labF(xyz.select(-1, 0) / wx);
    const at::Tensor fy = labF(xyz.select(-1, 1));
    const at::Tensor fz = labF(xyz.select(-1, 2) / wz);
    return at::stack({116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)}, -1);
}

at::Tensor labToXyz(const at::Tensor& lab) {
    const Mat3& m = rec2020ToXyzMatrix();
    const double wx = m[0] + m[1] + m[2], wz = m[6] + m[7] + m[8];
    const at::Tensor fy = (lab.select(-1, 0) + 16) / 116;
    const at::Tensor fx = fy + lab.select(-1, 1) / 500;
    const at::Tensor fz = fy - lab.select(-1, 2) / 200;
    return at::stack({labFInverse(fx) * wx, labFInverse(fy), labFInverse(fz) * wz}, -1);
}

at::Tensor rec2020ToLab(const at::Tensor& rgb) {
    return xyzToLab(rec2020ToXyz(rgb));
}
at::Tensor rec2020ToLightness(const at::Tensor& rgb) {
    // Y alone (the matrix's middle row, the same multiply-adds as rec2020ToXyz's Y): a third of
    // the work of the whole XYZ.
    const at::Tensor row = matrixTensor(rec2020ToXyzMatrix(), rgb.options()).select(0, 1);
    const at::Tensor y =
        rgb.select(-1, 0) * row[0] + rgb.select(-1, 1) * row[1] + rgb.select(-1, 2) * row[2];
    return 116 * labF(y) - 16;
}
at::Tensor labToRec2020(const at::Tensor& lab) {
    return xyzToRec2020(labToXyz(lab));
}

at::Tensor rec2020ToOklab(const at::Tensor& rgb) {
    return applyMatrix(safeCbrt(applyMatrix(rgb, rgbToLms())), lmsToOklab());
}

at::Tensor oklabToRec2020(const at::Tensor& lab) {
    return applyMatrix(safeCube(applyMatrix(lab, oklabToLms())), lmsToRgb());
}

at::Tensor safeChroma(const at::Tensor& a, const at::Tensor& b) {
    constexpr double eps = 1e-12;
    return at::sqrt(a * a + b * b + eps * eps) - eps;
}

at::Tensor labToLch(const at::Tensor& lab) {
    const at::Tensor a = lab.select(-1, 1), b = lab.select(-1, 2);
    // atan2's gradient is 0/0 at the origin: nudge a exactly-grey pixel off it.
    const at::Tensor grey = (a * a + b * b) < 1e-24;
    const at::Tensor aSafe = at::where(grey, a + 1e-12, a);
    at::Tensor h = at::atan2(b, aSafe) * (180.0 / M_PI);
    h = at::remainder(h, 360.0);
    return at::stack({lab.select(-1, 0), safeChroma(a, b), h}, -1);
}

at::Tensor lchToLab(const at::Tensor& lch) {
    const at::Tensor h = lch.select(-1, 2) * (M_PI / 180.0);
    const at::Tensor c = lch.select(-1, 1);
    return at::stack({lch.select(-1, 0), c * at::cos(h), c * at::sin(h)}, -1);
}

at::Tensor matchLuminance(const at::Tensor& rgb, const at::Tensor& targetY) {
    const at::Tensor y = luminance(rgb);
    const at::Tensor ok = y.abs() > 1e-12;
    const at::Tensor ySafe = at::where(ok, y, at::ones_like(y));
    const at::Tensor ratio = at::where(ok, targetY / ySafe, at::ones_like(y));
    return rgb * ratio.unsqueeze(-1);
}

} // namespace pictor::color
