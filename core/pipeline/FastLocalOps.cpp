#include "pipeline/FastLocalOps.h"

#include "image/FastMath.h"
#include "image/TransferLut.h"
#include "ops/ClarityModel.h"
#include "ops/DenoiseModel.h"
#include "ops/Filters.h"
#include "ops/HazeEstimate.h"
#include "ops/LocalOps.h"
#include "pipeline/Kernels.h"
#include "pipeline/StageCache.h"
#include "util/VectorClones.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <numbers>
#include <stdexcept>

namespace pictor::fast {

namespace {

using kernels::CoefficientMap;
using kernels::Plane;

constexpr double kGuidePixels = 500'000; // target size of the reduced guide

at::Tensor scalar(double value) {
    return at::scalar_tensor(value, at::kFloat);
}

// The image as an [H, W, 3] tensor sharing its memory (read only by the callers).
at::Tensor view(const Image& image) {
    return at::from_blob(const_cast<float*>(image.data()), {image.height(), image.width(), 3},
                         at::kFloat);
}

Image toImage(const at::Tensor& hwc) {
    const at::Tensor t = hwc.detach().to(at::kCPU, at::kFloat).contiguous();
    Image out(int(t.size(1)), int(t.size(0)));
    std::memcpy(out.data(), t.data_ptr<float>(), out.pixelCount() * 3 * sizeof(float));
    return out;
}

CoefficientMap toMap(const at::Tensor& a, const at::Tensor& b) {
    CoefficientMap map;
    const at::Tensor bc = b.to(at::kFloat).contiguous();
    map.channels = int(bc.size(1));
    map.height = int(bc.size(2));
    map.width = int(bc.size(3));
    map.b.assign(bc.data_ptr<float>(), bc.data_ptr<float>() + bc.numel());
    if (a.defined()) {
        const at::Tensor ac = a.to(at::kFloat).expand_as(bc).contiguous();
        map.a.assign(ac.data_ptr<float>(), ac.data_ptr<float>() + ac.numel());
    }
    return map;
}

// Where an op writes its result: into its input when the caller gave the input up (`inPlace`,
// which is then the input itself: the ops' last per-pixel loops read each pixel before writing
// it), else into a new image. At 24 MP that saves a 288 MB allocation (fresh pages are
// zero-filled by the kernel) and one memory stream per op.
struct Output {
    Image fresh;
    Image* target;
    Output(const Image& image, Image* inPlace)
        : fresh(inPlace ? Image() : Image(image.width(), image.height()))
        , target(inPlace ? inPlace : &fresh) {}
    Image& operator*() { return *target; }
    Image take() { return std::move(*target); }
};

// filters::decodeLuma as a table, built once from the tensor function itself.
TransferLut tableOf(at::Tensor (*f)(const at::Tensor&), double domainMax) {
    return TransferLut(
        [f](double v) { return f(at::scalar_tensor(v, at::kDouble)).item<double>(); }, domainMax);
}

// filters::encodeLuma: (max(Y, 0) + 1e-3)^(1/2.2).
constexpr kernels::LumaCurve kEncodeLuma{1e-3f, 1.0f / 2.2f};

// (decode: denoise adds decodeLuma(smoothed) − decodeLuma(g), as the op.)
const TransferLut& decodeLumaTable() {
    static const TransferLut table = tableOf(&ops::filters::decodeLuma, 32.0);
    return table;
}

// clarity's gain 2^(k·limit·tanh(d / limit)) of the detail d = L − (a·L + b), for one row:
// arithmetic, vectorised (tanh(z) = 1 − 2 / (e^2z + 1), saturating as exp2Fast clamps).
PICTOR_AVX2_CLONES
void clarityGainRow(const float* l, const float* ra, const float* rb, int width, float k,
                    float limit, float* gain) {
    const float twoLog2e = 2.0f * std::numbers::log2e_v<float>, inverseLimit = 1.0f / limit;
    for (int i = 0; i < width; ++i) {
        const float detail = l[i] - (ra[i] * l[i] + rb[i]);
        const float squashed = 1.0f - 2.0f / (exp2Fast(twoLog2e * detail * inverseLimit) + 1.0f);
        gain[i] = exp2Fast(k * limit * squashed);
    }
}

// sharpen's gain 2^(k·(L − blurred L)·mask) for one row, the mask fading the sharpening out where
// the blurred row is flat (its slope from the rows above and below); m = masking in [0, 1].
PICTOR_AVX2_CLONES
void sharpenGainRow(const float* d, const float* b, const float* up, const float* down, int width,
                    float k, float m, float scale, float* gain) {
    auto mask = [=](float gx, float gy) {
        const float slope = std::sqrt(gx * gx + gy * gy + 1e-12f) * scale;
        float t = (slope - 0.05f) / 0.2f;
        t = t > 0.0f ? t : 0.0f;
        t = t < 1.0f ? t : 1.0f;
        return 1.0f - m + m * (t * t * (3.0f - 2.0f * t));
    };
    if (m == 0.0f) {
        for (int x = 0; x < width; ++x)
            gain[x] = exp2Fast(k * (d[x] - b[x]));
        return;
    }
    // The first and last pixels take their missing neighbour from themselves.
    auto at = [&](int x, int left, int right) {
        const float gx = (b[right] - b[left]) * 0.5f, gy = (down[x] - up[x]) * 0.5f;
        return exp2Fast(k * (d[x] - b[x]) * mask(gx, gy));
    };
    gain[0] = at(0, 0, std::min(1, width - 1));
    for (int x = 1; x < width - 1; ++x)
        gain[x] = at(x, x - 1, x + 1);
    if (width > 1) gain[width - 1] = at(width - 1, width - 2, width - 1);
}

// --- ops whose neighbourhood work runs on a reduced guide --------------------------------

// clarity (ops/Clarity.cpp): the base layer's guided-filter coefficients (the generic kernel) on
// the op's reduced grid, or strip by strip at full resolution when the op reduces nothing (a
// small preview or draft), then base, detail and gain per pixel.
Image clarity(const Image& image, double amount, Image* inPlace) {
    const int width = image.width(), height = image.height();
    const ops::ClarityModel m = ops::clarityModel(height, width);
    const double floor = m.floor;
    const Plane logY = kernels::luminancePlane(image, kernels::LumaCurve{float(floor)});

    const float limit = float(m.detailLimit), k = float(m.strength * amount / 100.0);
    Output result(image, inPlace);
    Image& out = *result;
    // Row y, given its base-layer coefficients. Each pixel is read before it is written.
    auto finishRow = [&](int y, const float* ra, const float* rb) {
        thread_local std::vector<float> gain;
        gain.resize(std::size_t(width));
        clarityGainRow(logY.row(y), ra, rb, width, k, limit, gain.data());
        kernels::applyRowGain(image.row(y), gain.data(), width, out.row(y));
    };
    if (m.subsample <= 1) {
        kernels::forEachGuidedStrip(logY, {}, int(m.radius), float(m.eps),
                                    [&](int y0, int y1, const kernels::CoefficientStrip& strip) {
                                        for (int y = y0; y < y1; ++y)
                                            finishRow(y, strip.a(0, y), strip.b(0, y));
                                    });
        return result.take();
    }
    const auto grid = ops::filters::reducedGuide(height, width, m.radius, m.subsample);
    const Plane smallPlane = kernels::adaptiveAverage(logY, int(grid.width), int(grid.height));
    const auto base = kernels::guidedCoefficients(smallPlane, {}, int(grid.radius), float(m.eps));
    const kernels::RowUpsampler up(int(grid.width), int(grid.height), width, height);
#pragma omp parallel
    {
        std::vector<float> scratch(static_cast<std::size_t>(grid.width));
        std::vector<float> ra(static_cast<std::size_t>(width)), rb(ra.size());
#pragma omp for schedule(dynamic, 16)
        for (int y = 0; y < height; ++y) {
            up.row(base[0].a.data(), y, scratch.data(), ra.data());
            up.row(base[0].b.data(), y, scratch.data(), rb.data());
            finishRow(y, ra.data(), rb.data());
        }
    }
    return result.take();
}

// A purely spatial gain: evaluated by the op on a constant guide of the reduced size, whose
// output is then the gain itself (log2, interpolated bilinearly at full resolution). The op's
// tensor code on that guide costs more than applying the gain (~4 ms of the 5 at 2 MP), and a
// slider moved earlier in the pipeline leaves it unchanged: the last few maps are kept.
std::shared_ptr<const CoefficientMap> vignetteGain(const RecipeOp& op, const SourceWhite& white,
                                                   const FastSettings& s, int factor, int width,
                                                   int height) {
    static std::mutex mutex;
    static std::list<std::pair<std::uint64_t, std::shared_ptr<const CoefficientMap>>> recent;
    std::uint64_t scaleBits;
    std::memcpy(&scaleBits, &s.pixelScale, sizeof scaleBits);
    const std::uint64_t key =
        mixKey(mixKey(mixKey(mixKey(op.hash(white), scaleBits), std::uint64_t(factor)),
                      std::uint64_t(width)),
               std::uint64_t(height));
    {
        std::lock_guard lock(mutex);
        for (auto it = recent.begin(); it != recent.end(); ++it)
            if (it->first == key) {
                recent.splice(recent.begin(), recent, it);
                return recent.front().second;
            }
    }
    const int w = (width + factor - 1) / factor, h = (height + factor - 1) / factor;
    const at::Tensor ones = at::ones({h, w, 3}, at::kFloat);
    const at::Tensor out =
        ops::vignette(ones, scalar(op.value("amount", white)), scalar(op.value("midpoint", white)),
                      scalar(op.value("feather", white)), s.pixelScale / factor);
    auto map = std::make_shared<const CoefficientMap>(
        toMap(at::Tensor(), at::log2(out.select(2, 0)).view({1, 1, h, w})));
    std::lock_guard lock(mutex);
    recent.emplace_front(key, map);
    if (recent.size() > 4) recent.pop_back();
    return map;
}

Image vignette(const Image& image, const RecipeOp& op, const SourceWhite& white,
               const FastSettings& s, int factor, Image* inPlace) {
    const auto gain = vignetteGain(op, white, s, factor, image.width(), image.height());
    Output result(image, inPlace);
    kernels::applyGainMap(image, *gain, *result);
    return result.take();
}

// dehaze (ops/Dehaze.cpp): the op's own estimate on its ≤ 384 px guide (HazeEstimate.h) and
// guided-filter coefficients there; at full resolution the refined density a·E + b (E: encoded
// luminance) and the recovery formula, per pixel.
Image dehaze(const Image& image, double amount, Image* inPlace) {
    const int width = image.width(), height = image.height();
    // The op's guide, area-reduced by the kernel ([1, 3, h, w]).
    const auto size = ops::hazeGuideSize(height, width);
    const Image guide = kernels::adaptiveAverage(image, int(size.width), int(size.height));
    // The estimate is libtorch code on one thread (~2 ms, whatever the image size); the encoded
    // luminance and its reduction do not depend on it: on a preview-sized image (up to ~3 MP,
    // where they take one thread about as long) the second thread makes them meanwhile; on a
    // larger one both threads make them after the estimate (at 24 MP the overlap cost 20 ms).
    // (An exception must not leave an OpenMP section: each is caught and rethrown after.)
    const bool overlap = std::size_t(width) * std::size_t(height) <= 3'000'000;
    ops::HazeEstimate haze;
    Plane e, eSmallPlane;
    std::exception_ptr failed[2];
#pragma omp parallel sections if (overlap)
    {
#pragma omp section
        try {
            haze =
                ops::estimateHazeOnGuide(view(guide).permute({2, 0, 1}).unsqueeze(0).contiguous());
        } catch (...) {
            failed[0] = std::current_exception();
        }
#pragma omp section
        try {
            e = kernels::luminancePlane(image, kEncodeLuma);
            eSmallPlane = kernels::adaptiveAverage(e, int(size.width), int(size.height));
        } catch (...) {
            failed[1] = std::current_exception();
        }
    }
    for (const std::exception_ptr& f : failed)
        if (f) std::rethrow_exception(f);
    const int64_t h = haze.density.size(2), w = haze.density.size(3);
    if (h != size.height || w != size.width)
        throw std::logic_error("dehaze: the estimate's grid is not the guide's");
    Plane densityPlane{int(w), int(h)};
    const at::Tensor densityData = haze.density.to(at::kFloat).contiguous();
    std::memcpy(densityPlane.data(), densityData.data_ptr<float>(),
                sizeof(float) * std::size_t(w * h));
    // The refinement's coefficients by the generic kernel (the tensor box filters at r = 20 were
    // 40 passes each).
    const auto refine = kernels::guidedCoefficients(eSmallPlane, {&densityPlane}, int(haze.radius),
                                                    float(haze.refineEps));

    const at::Tensor air = haze.airlight.reshape({3}).to(at::kFloat).contiguous();
    const float airlight[3] = {air[0].item<float>(), air[1].item<float>(), air[2].item<float>()};
    const float greyAir = kernels::kLumaR * airlight[0] + kernels::kLumaG * airlight[1] +
                          kernels::kLumaB * airlight[2];
    const float s = float(amount / 100.0), sPos = std::max(s, 0.0f), sNeg = std::max(-s, 0.0f);
    const float omega = float(haze.maxDensity), minT = float(haze.minTransmission),
                addHaze = float(haze.addHaze);
    Output result(image, inPlace);
    Image& out = *result;
    const kernels::RowUpsampler up(int(w), int(h), width, height);
#pragma omp parallel
    {
        std::vector<float> scratch(static_cast<std::size_t>(w));
        std::vector<float> ra(static_cast<std::size_t>(width)), rb(ra.size());
        const std::size_t samples = std::size_t(width) * 3;
        std::vector<float> lift3(samples), veil3(samples), air3(samples);
        for (std::size_t j = 0; j < samples; ++j)
            air3[j] = airlight[j % 3];
#pragma omp for schedule(dynamic, 16)
        for (int y = 0; y < height; ++y) {
            up.row(refine[0].a.data(), y, scratch.data(), ra.data());
            up.row(refine[0].b.data(), y, scratch.data(), rb.data());
            const float* ey = e.row(y);
            // Per pixel first, in place of the coefficients (a loop the compiler vectorises):
            // ra ← the lift 1/t − 1, rb ← the veil added when the amount is negative.
            for (int i = 0; i < width; ++i) {
                const float d =
                    std::clamp(ra[std::size_t(i)] * ey[i] + rb[std::size_t(i)], 0.0f, omega);
                const float t = std::max(1.0f - sPos * d, minT);
                ra[std::size_t(i)] = 1.0f / t - 1.0f;
                rb[std::size_t(i)] = addHaze * sNeg * (0.4f + 0.6f * d / omega);
            }
            // Then the recovery of every sample, the lift and veil spread to the three channels
            // (a flat loop over the row's samples, vectorised).
            for (int i = 0; i < width; ++i)
                for (int c = 0; c < 3; ++c) {
                    lift3[std::size_t(3 * i + c)] = ra[std::size_t(i)];
                    veil3[std::size_t(3 * i + c)] = rb[std::size_t(i)];
                }
            const float* p = image.row(y);
            float* o = out.row(y);
            for (std::size_t j = 0; j < samples; ++j) {
                const float recovered =
                    std::max(p[j] + (p[j] - air3[j]) * lift3[j], std::min(p[j], 0.0f));
                o[j] = recovered + (greyAir - p[j]) * veil3[j];
            }
        }
    }
    return result.take();
}

// --- ops that need full-resolution detail --------------------------------------------------

// denoise (ops/Denoise.cpp): luminance by a self-guided filter of encoded luminance at full
// resolution (box kernels), colour by guided-filter coefficients computed on the guide.
Image denoise(const Image& image, double lumaAmount, double chromaAmount, const FastSettings& s,
              Image* inPlace) {
    const int width = image.width(), height = image.height();
    const ops::DenoiseModel model = ops::denoiseModel(s.pixelScale);
    const Plane g = kernels::luminancePlane(image, kEncodeLuma);
    const TransferLut& decode = decodeLumaTable();

    // Luminance: smooth = A·g + B, the self-guided filter's coefficients at full resolution, made
    // and used strip by strip (no full-resolution A and B: 8 bytes a pixel less at the peak).
    const double l = lumaAmount / 100.0;
    const float lumaBlend = float(l * (2.0 - l));

    // Colour: the differences RGB − Y smoothed by a fast guided filter guided by g, its
    // coefficients on the op's reduced grid (the area reduction is linear, so reducing RGB and
    // then taking differences equals reducing the differences).
    const double c = chromaAmount / 100.0;
    std::vector<kernels::GuidedCoefficients> chroma;
    int gridWidth = 1, gridHeight = 1;
    if (c > 0) {
        const auto grid =
            ops::filters::reducedGuide(height, width, model.chromaRadius, model.chromaSubsample);
        gridWidth = int(grid.width);
        gridHeight = int(grid.height);
        // (Whole blocks or not: the kernel's windows are resizeArea's.)
        const Plane gSmall = kernels::adaptiveAverage(g, gridWidth, gridHeight);
        std::vector<Plane> diff;
        for (int k = 0; k < 3; ++k)
            diff.emplace_back(gridWidth, gridHeight);
        { // (xSmall freed before the coefficients are made: the stage's peak memory)
            const Image xSmall = kernels::adaptiveAverage(image, gridWidth, gridHeight);
#pragma omp parallel for schedule(dynamic, 16)
            for (int y = 0; y < gridHeight; ++y) {
                const float* p = xSmall.row(y);
                for (int x = 0; x < gridWidth; ++x, p += 3) {
                    const float luma =
                        kernels::kLumaR * p[0] + kernels::kLumaG * p[1] + kernels::kLumaB * p[2];
                    for (int k = 0; k < 3; ++k)
                        diff[std::size_t(k)].row(y)[x] = p[k] - luma;
                }
            }
        }
        chroma = kernels::guidedCoefficients(gSmall, {&diff[0], &diff[1], &diff[2]},
                                             int(grid.radius), float(model.chromaEps));
    }
    const float chromaBlend = float(c * (2.0 - c));

    Output result(image, inPlace);
    Image& out = *result;
    const bool hasLuma = l > 0, hasChroma = c > 0;
    const kernels::RowUpsampler up(gridWidth, gridHeight, width, height);
    // Rows [y0, y1) of the result (luma: the strip's coefficients, or none). Each row reads only
    // its own pixels of the input, so writing into the input is safe.
    auto finish = [&](int y0, int y1, const kernels::CoefficientStrip* luma) {
        thread_local std::vector<float> scratch, ca, cb;
        scratch.resize(std::size_t(gridWidth));
        ca.resize(hasChroma ? std::size_t(width) * 3 : 0);
        cb.resize(ca.size());
        for (int y = y0; y < y1; ++y) {
            if (hasChroma)
                for (std::size_t k = 0; k < 3; ++k) {
                    up.row(chroma[k].a.data(), y, scratch.data(), ca.data() + k * width);
                    up.row(chroma[k].b.data(), y, scratch.data(), cb.data() + k * width);
                }
            const float* p = image.row(y);
            const float* e = g.row(y);
            const float* la = luma ? luma->a(0, y) : nullptr;
            const float* lb = luma ? luma->b(0, y) : nullptr;
            float* o = out.row(y);
            for (int x = 0; x < width; ++x, p += 3, o += 3) {
                float delta = 0; // additive luminance change, the same on R, G, B
                if (luma) {
                    const float smooth = la[x] * e[x] + lb[x];
                    delta = decode(e[x] + lumaBlend * (smooth - e[x])) - decode(e[x]);
                }
                const float lum =
                    kernels::kLumaR * p[0] + kernels::kLumaG * p[1] + kernels::kLumaB * p[2];
                for (int k = 0; k < 3; ++k) {
                    float v = p[k] + delta;
                    if (hasChroma) {
                        const std::size_t i = std::size_t(k) * width + x;
                        v += chromaBlend * (ca[i] * e[x] + cb[i] - (p[k] - lum));
                    }
                    o[k] = v;
                }
            }
        }
    };
    if (hasLuma) {
        kernels::forEachGuidedStrip(g, {}, int(model.lumaRadius),
                                    float(std::pow(model.lumaEpsScale * l, 2) + model.lumaEpsFloor),
                                    [&](int y0, int y1, const kernels::CoefficientStrip& strip) {
                                        finish(y0, y1, &strip);
                                    });
    } else {
#pragma omp parallel for schedule(dynamic, 1)
        for (int y0 = 0; y0 < height; y0 += 16)
            finish(y0, std::min(height, y0 + 16), nullptr);
    }
    return result.take();
}

// sharpen (ops/Sharpen.cpp): unsharp mask of log-luminance with the separable Gaussian kernel
// at full resolution, edge-masked, applied as a gain. Strip by strip: each strip blurs its own
// rows (and one more each side, for the mask's gradient) in a buffer that stays in the cache, so
// the only full-resolution plane is the log-luminance.
Image sharpen(const Image& image, double amount, double radius, double masking,
              const FastSettings& s, Image* inPlace) {
    const int width = image.width(), height = image.height();
    const Plane logY = kernels::luminancePlane(image, kernels::LumaCurve{1.0f / 256.0f});
    const double sigma = double(float(std::max(radius, 0.1)) * float(s.pixelScale));
    const std::vector<float> half = kernels::gaussianHalfKernel(sigma);
    const float k = float(amount / 100.0), m = float(masking / 100.0);
    const float scale = float(s.pixelScale);
    Output result(image, inPlace);
    Image& out = *result;
    constexpr int kStrip = 32;
    const int strips = (height + kStrip - 1) / kStrip;
#pragma omp parallel
    {
        std::vector<float> scratch, blurredRows, gain(static_cast<std::size_t>(width));
#pragma omp for schedule(dynamic, 1)
        for (int strip = 0; strip < strips; ++strip) {
            const int y0 = strip * kStrip, y1 = std::min(height, y0 + kStrip);
            const int b0 = std::max(0, y0 - 1), b1 = std::min(height, y1 + 1);
            blurredRows.resize(std::size_t(b1 - b0) * std::size_t(width));
            kernels::separableFilterRows(logY, half, b0, b1, blurredRows.data(), scratch);
            auto blurred = [&](int y) {
                return blurredRows.data() + std::size_t(y - b0) * std::size_t(width);
            };
            for (int y = y0; y < y1; ++y) {
                sharpenGainRow(logY.row(y), blurred(y), blurred(std::max(0, y - 1)),
                               blurred(std::min(height - 1, y + 1)), width, k, m, scale,
                               gain.data());
                // Each output pixel reads only its own input pixel: in place is safe.
                kernels::applyRowGain(image.row(y), gain.data(), width, out.row(y));
            }
        }
    }
    return result.take();
}

// `inPlace`: the input itself, which then holds the result (no second image).
Image straighten(const Image& image, double angle, Image* inPlace) {
    const auto [outH, outW] = ops::straightenedSize(image.height(), image.width(), angle);
    // As ops::straighten: output centres rotated about the image centre, then grid_sampler's
    // unnormalisation (align_corners = false): source index = centred coordinate + size/2 − 0.5.
    const float phi = float(angle) * float(std::numbers::pi / 180.0);
    const double c = std::cos(phi), sn = std::sin(phi);
    const double ox = 0.5 - double(outW) / 2.0, oy = 0.5 - double(outH) / 2.0;
    const std::array<double, 6> m{c,  -sn, ox * c - oy * sn + image.width() / 2.0 - 0.5,
                                  sn, c,   ox * sn + oy * c + image.height() / 2.0 - 0.5};
    if (!inPlace) return kernels::warpBilinear(image, int(outW), int(outH), m);
    kernels::warpBilinearInPlace(*inPlace, int(outW), int(outH), m);
    return std::move(*inPlace);
}

} // namespace

int guideFactorFor(int width, int height) {
    return std::max(1, int(std::lround(std::sqrt(double(width) * height / kGuidePixels))));
}

bool hasFastPath(const std::string& id) {
    return id == "denoise" || id == "dehaze" || id == "clarity" || id == "sharpen" ||
           id == "vignette" || id == "straighten" || id == "crop";
}

namespace {

// applyLocalOp; `inPlace` (the input itself, or null) as for Output.
Image applyLocal(const RecipeOp& op, const Image& image, const SourceWhite& white,
                 const FastSettings& settings, Image* inPlace) {
    auto v = [&](const char* name) { return op.value(name, white); };
    const int factor = settings.guideFactor > 0 ? settings.guideFactor
                                                : guideFactorFor(image.width(), image.height());
    // An op at its neutral value: the input, moved when given up, else copied.
    auto unchanged = [&]() -> Image {
        if (inPlace) return std::move(*inPlace);
        return image;
    };
    if (op.id == "denoise") {
        if (v("luminance") == 0 && v("chroma") == 0) return unchanged();
        return denoise(image, v("luminance"), v("chroma"), settings, inPlace);
    }
    if (op.id == "sharpen") {
        if (v("amount") == 0) return unchanged();
        return sharpen(image, v("amount"), v("radius"), v("masking"), settings, inPlace);
    }
    if (op.id == "dehaze")
        return v("amount") == 0 ? unchanged() : dehaze(image, v("amount"), inPlace);
    if (op.id == "clarity")
        return v("amount") == 0 ? unchanged() : clarity(image, v("amount"), inPlace);
    if (op.id == "straighten")
        return v("angle") == 0 ? unchanged() : straighten(image, v("angle"), inPlace);
    if (op.id == "crop") {
        const auto r = ops::cropRect(image.height(), image.width(), v("left"), v("top"), v("right"),
                                     v("bottom"));
        if (!inPlace) return kernels::cropImage(image, int(r.x0), int(r.y0), int(r.x1), int(r.y1));
        kernels::cropInPlace(*inPlace, int(r.x0), int(r.y0), int(r.x1), int(r.y1));
        return std::move(*inPlace);
    }
    // The guide-based ops: with no reduction to gain, the op's own code is the fastest path.
    if (factor <= 1) {
        const double ps = settings.pixelScale;
        if (op.id == "vignette")
            return toImage(ops::vignette(view(image), scalar(v("amount")), scalar(v("midpoint")),
                                         scalar(v("feather")), ps));
    }
    if (op.id == "vignette")
        return v("amount") == 0 ? unchanged()
                                : vignette(image, op, white, settings, factor, inPlace);
    throw std::invalid_argument("no fast path for op '" + op.id + "'");
}

} // namespace

Image applyLocalOp(const RecipeOp& op, const Image& image, const SourceWhite& white,
                   const FastSettings& settings) {
    return applyLocal(op, image, white, settings, nullptr);
}

Image applyLocalOp(const RecipeOp& op, Image&& image, const SourceWhite& white,
                   const FastSettings& settings) {
    return applyLocal(op, image, white, settings, &image);
}

} // namespace pictor::fast
