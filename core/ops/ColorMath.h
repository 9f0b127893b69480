#pragma once
// Shared colour math for the global ops, in libtorch tensor code (any device, float or double,
// differentiable everywhere: cube roots and divisions are made safe at 0).
//
// Conventions: colours are tensors of shape [..., 3] (last axis = channels); the working space
// is LINEAR Rec.2020 with a D65 white (x 0.3127, y 0.3290), scene-referred (values may exceed 1
// and may be slightly negative). XYZ is D65-relative, Y = 1 for RGB (1, 1, 1). CIELAB uses that
// same D65 white (L* 0…100 for Y 0…1, larger above). Oklab is Ottosson's (2020), its LMS rows
// normalised so that RGB (1, 1, 1) gives exactly a = b = 0, L = 1.
#include "image/Matrix3.h"

#include <ATen/core/Tensor.h>

#include <array>

namespace pictor::color {

using Mat3 = ::pictor::Matrix3; // row-major; multiply/inverse from image/Matrix3.h
using ::pictor::inverse;
using ::pictor::multiply;

const Mat3& rec2020ToXyzMatrix();
const Mat3& xyzToRec2020Matrix();
const Mat3& bradfordMatrix(); // XYZ → Bradford cone space (LMS)

// Luminance weights of Rec.2020 (the middle row of rec2020ToXyzMatrix()).
constexpr double kLumaR = 0.2627, kLumaG = 0.6780, kLumaB = 0.0593;

// A [3, 3] tensor holding `m` with the given dtype/device.
at::Tensor matrixTensor(const Mat3& m, const at::TensorOptions& options);
// out[..., i] = Σ_j m[i, j] · v[..., j]; `m` is a [3, 3] tensor (may require grad).
at::Tensor applyMatrix(const at::Tensor& v, const at::Tensor& m);
at::Tensor applyMatrix(const at::Tensor& v, const Mat3& m);

// Y = 0.2627 R + 0.6780 G + 0.0593 B, shape [...].
at::Tensor luminance(const at::Tensor& rgb);

at::Tensor rec2020ToXyz(const at::Tensor& rgb);
at::Tensor xyzToRec2020(const at::Tensor& xyz);

// CIELAB (D65), L* in 0…100 (above 100 for Y > 1; negative Y gives negative L*).
at::Tensor xyzToLab(const at::Tensor& xyz);
at::Tensor labToXyz(const at::Tensor& lab);
at::Tensor rec2020ToLab(const at::Tensor& rgb);
// L* alone (rec2020ToLab's first channel, the same values), without computing a* and b*.
at::Tensor rec2020ToLightness(const at::Tensor& rgb);
at::Tensor labToRec2020(const at::Tensor& lab);

// Oklab. The cube root is exact for |lms| ≥ 1e-6 and continued linearly below (finite gradient
// at 0; odd, so negative values round-trip).
at::Tensor rec2020ToOklab(const at::Tensor& rgb);
at::Tensor oklabToRec2020(const at::Tensor& lab);

// (L, a, b) ↔ (L, C, h) with h in degrees [0, 360). The hue of a grey is 0; the gradient of the
// hue is finite everywhere (large near the grey axis).
at::Tensor labToLch(const at::Tensor& lab);
at::Tensor lchToLab(const at::Tensor& lch);

// sqrt(a² + b²) with a finite gradient at 0 (a tiny ε² inside the root, subtracted outside).
at::Tensor safeChroma(const at::Tensor& a, const at::Tensor& b);

// Scales `rgb` so that its luminance becomes `targetY` (hue and chroma/L ratio kept); pixels
// whose luminance is ~0 are left as they are. Exactly the identity when luminance(rgb) equals
// targetY bit for bit.
at::Tensor matchLuminance(const at::Tensor& rgb, const at::Tensor& targetY);

} // namespace pictor::color
