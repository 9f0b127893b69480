// white_balance: Bradford / von Kries adaptation from the declared light to the source white.
#include "image/ColorTemperature.h"
#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

#include <cmath>
#include <iterator>
#include <vector>

namespace pictor::ops {

namespace {

// Robertson's isotemperature lines: the same table core/io/RawDecoder.cpp uses for the as-shot
// white (core/image/ColorTemperature), so that an as-shot value round-trips exactly.
const Isotherm* const kIsotherms = robertsonIsotherms();
const int kIsothermCount = int(robertsonIsothermCount());

at::Tensor column(int field, const at::TensorOptions& options) {
    std::vector<double> values(static_cast<std::size_t>(kIsothermCount));
    for (int i = 0; i < kIsothermCount; ++i) {
        const Isotherm& iso = kIsotherms[i];
        switch (field) {
        case 0:
            values[std::size_t(i)] = iso.mired;
            break;
        case 1:
            values[std::size_t(i)] = iso.u;
            break;
        case 2:
            values[std::size_t(i)] = iso.v;
            break;
        case 3:
            values[std::size_t(i)] = 1.0 / std::sqrt(1.0 + iso.t * iso.t);
            break; // unit direction, u
        default:
            values[std::size_t(i)] = iso.t / std::sqrt(1.0 + iso.t * iso.t);
            break; // v
        }
    }
    return at::from_blob(values.data(), {kIsothermCount}, at::TensorOptions().dtype(at::kDouble))
        .to(options, false, true);
}

// Linear interpolation weights over the isotherms (hat functions in mired), [..., n].
at::Tensor isothermWeights(const at::Tensor& mired) {
    const at::Tensor knots = column(0, mired.options());
    const at::Tensor prev = at::cat({knots.slice(0, 0, 1) - 1, knots.slice(0, 0, -1)});
    const at::Tensor next = at::cat({knots.slice(0, 1), knots.slice(0, -1) + 1});
    const at::Tensor x = mired.unsqueeze(-1);
    at::Tensor rising = ((x - prev) / (knots - prev)).clamp(0, 1);
    at::Tensor falling = ((next - x) / (next - knots)).clamp(0, 1);
    // The first knot has no left side and the last no right side (extrapolation is clamped).
    const at::Tensor index = at::arange(kIsothermCount, mired.options().dtype(at::kLong));
    rising = at::where(index == 0, at::ones_like(rising), rising);
    falling = at::where(index == kIsothermCount - 1, at::ones_like(falling), falling);
    return at::minimum(rising, falling);
}

at::Tensor xyzOfWhite(const at::Tensor& xy) {
    const at::Tensor x = xy.select(-1, 0), y = xy.select(-1, 1);
    return at::stack({x / y, at::ones_like(x), (1 - x - y) / y}, -1);
}

} // namespace

at::Tensor xyFromTemperatureTint(const at::Tensor& temperatureK, const at::Tensor& tint) {
    const at::Tensor kelvin = temperatureK.to(at::kDouble);
    const at::Tensor t = tint.to(kelvin.options());
    const auto options = kelvin.options();
    const at::Tensor mired = (1.0e6 / kelvin).clamp(0.0, kIsotherms[kIsothermCount - 1].mired);
    const at::Tensor w = isothermWeights(mired);
    at::Tensor u = (w * column(1, options)).sum(-1);
    at::Tensor v = (w * column(2, options)).sum(-1);
    at::Tensor du = (w * column(3, options)).sum(-1);
    at::Tensor dv = (w * column(4, options)).sum(-1);
    const at::Tensor len = at::sqrt(du * du + dv * dv);
    // (du, dv) points to the magenta side (below the locus); tint is + on the green side.
    const at::Tensor offset = t / -3000.0;
    u = u + du / len * offset;
    v = v + dv / len * offset;
    const at::Tensor denom = u - 4.0 * v + 2.0;
    return at::stack({1.5 * u / denom, v / denom}, -1);
}

at::Tensor whiteBalanceMatrix(const at::Tensor& temperatureK, const at::Tensor& tint,
                              const SourceWhite& source) {
    const auto options = temperatureK.options().dtype(at::kDouble);
    const at::Tensor declared = xyFromTemperatureTint(temperatureK, tint.to(options));
    const at::Tensor sourceXy = xyFromTemperatureTint(at::full({}, source.temperature, options),
                                                      at::full({}, source.tint, options));
    const at::Tensor bradford = color::matrixTensor(color::bradfordMatrix(), options);
    const at::Tensor lmsDeclared = color::applyMatrix(xyzOfWhite(declared), bradford);
    const at::Tensor lmsSource = color::applyMatrix(xyzOfWhite(sourceXy), bradford);
    const at::Tensor gains = lmsSource / lmsDeclared; // [..., 3]
    // M = RGB←XYZ · B⁻¹ · diag(gains) · B · XYZ←RGB, built as (left · gains) @ right.
    const at::Tensor left = color::matrixTensor(
        color::multiply(color::xyzToRec2020Matrix(), color::inverse(color::bradfordMatrix())),
        options);
    const at::Tensor right = color::matrixTensor(
        color::multiply(color::bradfordMatrix(), color::rec2020ToXyzMatrix()), options);
    at::Tensor m = at::matmul(left * gains.unsqueeze(-2), right);
    // Keep the luminance of a neutral: Y(M · (1, 1, 1)) = 1.
    const at::Tensor rowSums = m.sum(-1);
    const at::Tensor y = rowSums.select(-1, 0) * color::kLumaR +
                         rowSums.select(-1, 1) * color::kLumaG +
                         rowSums.select(-1, 2) * color::kLumaB;
    return m / y.unsqueeze(-1).unsqueeze(-1);
}

at::Tensor whiteBalance(const at::Tensor& rgb, const at::Tensor& temperatureK,
                        const at::Tensor& tint, const SourceWhite& source) {
    const at::Tensor m =
        whiteBalanceMatrix(temperatureK.to(rgb.device()), tint.to(rgb.device()), source);
    return color::applyMatrix(rgb, m.to(rgb.scalar_type()));
}

} // namespace pictor::ops
