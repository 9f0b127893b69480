// straighten and crop (see LocalOps.h).
#include "ops/Filters.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace pictor::ops {

namespace {

// Scale of the largest centred rectangle with the W:H aspect ratio inside the W×H rectangle
// rotated by `radians`.
double inscribedScale(int64_t height, int64_t width, double radians) {
    const double c = std::abs(std::cos(radians)), s = std::abs(std::sin(radians));
    const double W = double(width), H = double(height);
    return std::min(W / (W * c + H * s), H / (W * s + H * c));
}

} // namespace

std::pair<int64_t, int64_t> straightenedSize(int64_t height, int64_t width, double angleDegrees) {
    if (angleDegrees == 0.0) return {height, width};
    const double k = inscribedScale(height, width, angleDegrees * std::numbers::pi / 180.0);
    // A hair below the exact scale so that rounding never reaches an empty corner.
    const double kSafe = k * (1.0 - 1e-9);
    return {std::max<int64_t>(1, int64_t(std::floor(kSafe * double(height)))),
            std::max<int64_t>(1, int64_t(std::floor(kSafe * double(width))))};
}

at::Tensor straighten(const at::Tensor& image, const at::Tensor& angleIn, double /*pixelScale*/) {
    TORCH_CHECK(image.dim() == 3 && image.size(2) == 3, "straighten: expected [H, W, 3]");
    if (filters::isNeutral(angleIn, 0.0)) return image;
    const int64_t H = image.size(0), W = image.size(1);
    const auto [outH, outW] = straightenedSize(H, W, angleIn.item<double>());

    auto opts = image.options().requires_grad(false);
    at::Tensor phi = filters::paramLike(angleIn, image) * (std::numbers::pi / 180.0);
    at::Tensor c = at::cos(phi), s = at::sin(phi);
    // Output pixel centres relative to the centre, in source pixels (no resampling scale).
    at::Tensor xo = (at::arange(outW, opts) + 0.5 - double(outW) / 2.0).view({1, outW});
    at::Tensor yo = (at::arange(outH, opts) + 0.5 - double(outH) / 2.0).view({outH, 1});
    // Screen coordinates have y down: the content turns counter-clockwise by φ when each
    // output pixel samples the source at (x cos φ − y sin φ, x sin φ + y cos φ).
    at::Tensor xs = xo * c - yo * s;
    at::Tensor ys = xo * s + yo * c;
    // grid_sampler's normalised coordinates, align_corners = false: −1/+1 are the outer edges.
    at::Tensor grid = at::stack({xs * (2.0 / double(W)), ys * (2.0 / double(H))}, 2).unsqueeze(0);
    at::Tensor x = filters::toNchw(image);
    // Bilinear (0), border padding (1): the crop stays inside, borders only guard rounding.
    at::Tensor out = at::grid_sampler(x, grid.to(x.scalar_type()), 0, 1, false);
    return filters::toHwc(out);
}

CropRect cropRect(int64_t height, int64_t width, double left, double top, double right,
                  double bottom) {
    if (!std::isfinite(left) || !std::isfinite(top) || !std::isfinite(right) ||
        !std::isfinite(bottom) || left >= right || top >= bottom) {
        std::ostringstream text;
        text << "crop: invalid rectangle (left " << left << ", top " << top << ", right " << right
             << ", bottom " << bottom << "): need left < right and top < bottom";
        throw std::invalid_argument(text.str());
    }
    if (height < 1 || width < 1) throw std::invalid_argument("crop: empty image");
    auto edges = [](double a, double b, int64_t n) {
        a = std::clamp(a, 0.0, 1.0);
        b = std::clamp(b, 0.0, 1.0);
        int64_t lo = std::clamp<int64_t>(std::llround(a * double(n)), 0, n);
        int64_t hi = std::clamp<int64_t>(std::llround(b * double(n)), 0, n);
        if (hi <= lo) { // widen to one pixel, inside the image
            hi = std::min(lo + 1, n);
            lo = hi - 1;
        }
        return std::pair{lo, hi};
    };
    const auto [x0, x1] = edges(left, right, width);
    const auto [y0, y1] = edges(top, bottom, height);
    return {x0, y0, x1, y1};
}

at::Tensor crop(const at::Tensor& image, double left, double top, double right, double bottom) {
    TORCH_CHECK(image.dim() == 3, "crop: expected [H, W, C]");
    const int64_t H = image.size(0), W = image.size(1);
    const CropRect r = cropRect(H, W, left, top, right, bottom);
    if (r.x0 == 0 && r.y0 == 0 && r.x1 == W && r.y1 == H) return image;
    return image.slice(0, r.y0, r.y1).slice(1, r.x0, r.x1).contiguous();
}

} // namespace pictor::ops
