#include "critic/WhiteEstimate.h"

#include "image/ColorTemperature.h"
#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace pictor::critic {

namespace {

using Vec3 = std::array<double, 3>;

Vec3 times(const Matrix3& m, const Vec3& v) {
    return {m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
}

// The source white's CIE xy exactly as the op computes it (one implementation of CCT → xy).
std::array<double, 2> sourceXy(const SourceWhite& source) {
    const auto options = at::TensorOptions().dtype(at::kDouble);
    const at::Tensor xy = ops::xyFromTemperatureTint(at::full({}, source.temperature, options),
                                                     at::full({}, source.tint, options));
    return {xy[0].item<double>(), xy[1].item<double>()};
}

// Oklab chroma of a colour normalised to unit luminance: how strong a tint it is.
double chromaOfColour(const Vec3& rgb) {
    const auto options = at::TensorOptions().dtype(at::kDouble);
    const double y = color::kLumaR * rgb[0] + color::kLumaG * rgb[1] + color::kLumaB * rgb[2];
    if (!(y > 0)) return 0;
    const at::Tensor t = at::tensor({rgb[0] / y, rgb[1] / y, rgb[2] / y}, options);
    const at::Tensor lab = color::rec2020ToOklab(t);
    return std::hypot(lab[1].item<double>(), lab[2].item<double>());
}

} // namespace

WhiteEstimate whiteEstimateFromLight(const Vec3& light, const SourceWhite& source) {
    WhiteEstimate out;
    out.temperature = source.temperature;
    out.tint = source.tint;
    if (!(light[0] > 0 && light[1] > 0 && light[2] > 0)) return out;

    // The op maps the declared light to the source white with von Kries gains g = lms_src /
    // lms_declared in Bradford space, applied to the image (whose neutral (1, 1, 1) is the
    // source white). The light's colour becomes neutral when lms_declared = lms_src · lms_light /
    // lms_neutral.
    const Matrix3 toLms = multiply(color::bradfordMatrix(), color::rec2020ToXyzMatrix());
    const Vec3 lmsLight = times(toLms, light);
    const Vec3 lmsNeutral = times(toLms, {1, 1, 1});
    const auto [sx, sy] = sourceXy(source);
    const Vec3 lmsSource = times(color::bradfordMatrix(), {sx / sy, 1.0, (1 - sx - sy) / sy});
    Vec3 lmsDeclared;
    for (int i = 0; i < 3; ++i)
        lmsDeclared[i] = lmsSource[i] * lmsLight[i] / lmsNeutral[i];
    const Vec3 xyz = times(inverse(color::bradfordMatrix()), lmsDeclared);
    const double sum = xyz[0] + xyz[1] + xyz[2];
    if (!(sum > 0)) return out;
    const auto tt = temperatureFromXy(xyz[0] / sum, xyz[1] / sum);
    if (!tt) return out;

    out.temperature = std::clamp(tt->kelvin, 2000.0, 50000.0);
    out.tint = std::clamp(tt->tint, -150.0, 150.0);
    out.miredShift = 1e6 / out.temperature - 1e6 / source.temperature;
    out.tintShift = out.tint - source.tint;
    out.strength = chromaOfColour(light);
    return out;
}

WhiteEstimate scaledWhiteEstimate(const WhiteEstimate& estimate, double factor,
                                  const SourceWhite& source) {
    WhiteEstimate out = estimate;
    out.miredShift = estimate.miredShift * factor;
    out.tintShift = estimate.tintShift * factor;
    out.temperature =
        std::clamp(1e6 / (1e6 / source.temperature + out.miredShift), 2000.0, 50000.0);
    out.tint = std::clamp(source.tint + out.tintShift, -150.0, 150.0);
    out.strength = estimate.strength * factor;
    return out;
}

} // namespace pictor::critic
