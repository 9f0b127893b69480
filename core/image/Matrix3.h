#pragma once
// 3×3 colour matrices in double precision, and the RGB → XYZ matrix of a set of primaries. One
// implementation for the colour management (core/image/ColorSpace) and the ops (core/ops).
#include <array>

namespace pictor {

using Matrix3 = std::array<double, 9>; // row-major

Matrix3 multiply(const Matrix3& a, const Matrix3& b);
Matrix3 inverse(const Matrix3& m);
void apply(const Matrix3& m, const float in[3], float out[3]);

// RGB → XYZ for primaries and white given as CIE xy (the classic construction: the primaries'
// XYZ columns scaled so that RGB (1, 1, 1) is the white with Y = 1). D65 white by default.
Matrix3 rgbToXyzFromPrimaries(double rx, double ry, double gx, double gy, double bx, double by,
                              double wx = 0.3127, double wy = 0.3290);

} // namespace pictor
