#include "train/Degradations.h"

#include "nn/CriticNet.h"
#include "ops/Filters.h"
#include "ops/GlobalOps.h"
#include "ops/LocalOps.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pictor::train {

namespace {

constexpr double kD65 = 6504.0;
constexpr double kD65Mired = 1e6 / kD65;

at::Tensor scalar(double v) {
    return at::scalar_tensor(v, at::kFloat);
}

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}
int sign(std::mt19937_64& rng) {
    return std::bernoulli_distribution(0.5)(rng) ? 1 : -1;
}

double sharpenTarget(const Degradation& d) {
    const double sigma = d.motionLength > 0 ? d.motionLength / 3.5 : d.blurSigma;
    return std::clamp(20.0 + 30.0 * sigma, 0.0, 150.0);
}

// A normalised motion-blur kernel: a line of `length` px at `angle`, antialiased by sampling.
at::Tensor motionKernel(double length, double angleDegrees) {
    const int radius = int(std::ceil(length / 2)) + 1;
    const int size = 2 * radius + 1;
    at::Tensor k = at::zeros({size, size}, at::kFloat);
    const double a = angleDegrees * M_PI / 180.0;
    const int samples = 64;
    auto acc = k.accessor<float, 2>();
    for (int i = 0; i < samples; ++i) {
        const double t = (double(i) / (samples - 1) - 0.5) * length;
        const double x = radius + t * std::cos(a), y = radius - t * std::sin(a);
        const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
        const double fx = x - x0, fy = y - y0;
        for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx) {
                const int xx = x0 + dx, yy = y0 + dy;
                if (xx < 0 || yy < 0 || xx >= size || yy >= size) continue;
                acc[yy][xx] += float((dx ? fx : 1 - fx) * (dy ? fy : 1 - fy));
            }
    }
    return k / k.sum();
}

at::Tensor applyBlur(const at::Tensor& image, const Degradation& d) {
    const at::Tensor nchw = ops::filters::toNchw(image);
    if (d.motionLength <= 0)
        return ops::filters::toHwc(ops::filters::gaussianBlur(nchw, d.blurSigma));
    const at::Tensor k = motionKernel(d.motionLength, d.motionAngle).to(image.device());
    const std::int64_t r = k.size(0) / 2;
    const at::Tensor padded = at::replication_pad2d(nchw, {r, r, r, r});
    const at::Tensor weight =
        k.unsqueeze(0).unsqueeze(0).expand({3, 1, k.size(0), k.size(1)}).contiguous();
    return ops::filters::toHwc(at::conv2d(padded, weight, at::Tensor(), at::IntArrayRef{1, 1},
                                          at::IntArrayRef{0, 0}, at::IntArrayRef{1, 1}, 3));
}

at::Tensor applyHaze(const at::Tensor& image, const Degradation& d) {
    const std::int64_t h = image.size(0);
    // Transmission falls towards the top of the frame (farther away in most landscapes).
    const at::Tensor row =
        at::arange(h, image.options()) / double(std::max<std::int64_t>(h - 1, 1));
    const at::Tensor t = (1.0 - d.haze * (0.6 + 0.4 * (1.0 - row))).reshape({h, 1, 1});
    return image * t + d.hazeAirlight * (1.0 - t);
}

at::Tensor applyNoise(const at::Tensor& image, double level, std::uint64_t seed) {
    const double a = 0.0002 + 0.004 * level;
    const double read = 0.001 + 0.006 * level;
    at::Generator gen = at::detail::createCPUGenerator(seed);
    const at::Tensor n =
        at::randn(image.sizes(), gen, at::TensorOptions(at::kFloat)).to(image.device());
    return image + at::sqrt(image.clamp_min(0) * a + read * read) * n;
}

} // namespace

const char* defectName(Defect defect) {
    static const char* names[kDefectCount] = {"exposure", "color_cast", "contrast", "saturation",
                                              "noise",    "blur",       "haze",     "tilt"};
    return names[int(defect)];
}

std::array<bool, kDefectCount> Degradation::present() const {
    return {exposure != 0,
            temperature != kD65 || tint != 0,
            contrast != 0 || highlights != 0 || shadows != 0 || whites != 0 || blacks != 0,
            saturation != 0,
            noiseLevel > 0,
            blurSigma > 0 || motionLength > 0,
            haze > 0,
            tiltDegrees != 0};
}

bool Degradation::clean() const {
    for (bool p : present())
        if (p) return false;
    return true;
}

std::vector<double> Degradation::targetValues() const {
    std::vector<double> values;
    for (const auto& t : nn::paramTargets()) {
        const std::string id = t.op + "." + t.param;
        double v = 0;
        if (id == "exposure.exposure")
            v = exposure;
        else if (id == "white_balance.temperature")
            v = temperature;
        else if (id == "white_balance.tint")
            v = tint;
        else if (id == "tone.contrast")
            v = contrast;
        else if (id == "tone.highlights")
            v = highlights;
        else if (id == "tone.shadows")
            v = shadows;
        else if (id == "tone.whites")
            v = whites;
        else if (id == "tone.blacks")
            v = blacks;
        else if (id == "color.saturation")
            v = saturation;
        else if (id == "denoise.luminance")
            v = noiseLevel > 0 ? 20.0 + 60.0 * noiseLevel : 0.0;
        else if (id == "sharpen.amount")
            v = (blurSigma > 0 || motionLength > 0) ? sharpenTarget(*this) : 0.0;
        else if (id == "dehaze.amount")
            v = haze > 0 ? 100.0 : 0.0; // the op estimates the veil itself; 100 removes all of it
        else if (id == "straighten.angle")
            v = -tiltDegrees;
        values.push_back(v);
    }
    return values;
}

Recipe Degradation::targetRecipe() const {
    Recipe recipe;
    const auto values = targetValues();
    const auto& targets = nn::paramTargets();
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const bool isNeutral =
            targets[i].param == "temperature" ? values[i] == kD65 : values[i] == 0;
        if (isNeutral) continue;
        (void)recipe.set(targets[i].op, targets[i].param, values[i]);
        if (targets[i].op == "denoise") (void)recipe.set("denoise", "chroma", values[i]);
    }
    if (recipe.find("white_balance")) {
        (void)recipe.set("white_balance", "temperature", temperature);
        (void)recipe.set("white_balance", "tint", tint);
    }
    return recipe;
}

std::string Degradation::describe() const {
    std::string text;
    char buffer[96];
    auto add = [&](const char* format, double v) {
        std::snprintf(buffer, sizeof buffer, format, v);
        text += (text.empty() ? "" : ", ") + std::string(buffer);
    };
    if (exposure != 0) add("exposure %+.2f EV", exposure);
    if (temperature != kD65) add("light %.0f K", temperature);
    if (tint != 0) add("tint %+.0f", tint);
    if (contrast != 0) add("contrast %+.0f", contrast);
    if (highlights != 0) add("highlights %+.0f", highlights);
    if (shadows != 0) add("shadows %+.0f", shadows);
    if (whites != 0) add("whites %+.0f", whites);
    if (blacks != 0) add("blacks %+.0f", blacks);
    if (saturation != 0) add("saturation %+.0f", saturation);
    if (noiseLevel > 0) add("noise %.2f", noiseLevel);
    if (motionLength > 0)
        add("motion blur %.1f px", motionLength);
    else if (blurSigma > 0)
        add("blur σ %.2f px", blurSigma);
    if (haze > 0) add("haze %.2f", haze);
    if (tiltDegrees != 0) add("tilt %+.1f°", tiltDegrees);
    return text.empty() ? "none" : text;
}

Degradation fixedDegradation(Defect defect, double s, int sgn, int variant) {
    Degradation d;
    s = std::clamp(s, 0.0, 1.0);
    const int g = sgn >= 0 ? 1 : -1;
    switch (defect) {
    case Defect::Exposure:
        d.exposure = g * (0.4 + 1.6 * s);
        break;
    case Defect::ColorCast:
        if (variant == 1)
            d.tint = g * (8 + 22 * s);
        else
            d.temperature = 1e6 / (kD65Mired + g * (15 + 65 * s));
        break;
    case Defect::Contrast:
        if (variant == 0)
            d.contrast = g > 0 ? 20 + 40 * s : -(20 + 30 * s);
        else if (variant == 1)
            d.shadows = 20 + 50 * s;
        else
            d.highlights = -(20 + 50 * s);
        break;
    case Defect::Saturation:
        d.saturation = g > 0 ? 15 + 45 * s : -(15 + 18 * s);
        break;
    case Defect::Noise:
        d.noiseLevel = std::max(0.05, s);
        break;
    case Defect::Blur:
        if (variant == 1) {
            d.motionLength = 3 + 6 * s;
            d.motionAngle = 30;
        } else {
            d.blurSigma = 0.8 + 1.7 * s;
        }
        break;
    case Defect::Haze:
        d.haze = 0.15 + 0.35 * s;
        break;
    case Defect::Tilt:
        d.tiltDegrees = g * (1 + 5 * s);
        break;
    }
    return d;
}

Degradation sampleDegradation(std::mt19937_64& rng, bool mixed, double cleanFraction) {
    Degradation d;
    if (std::bernoulli_distribution(cleanFraction)(rng)) return d;
    // Single: one defect, uniformly. Mixed: each defect with its own probability (the global
    // ones more often: they are what most photos need), at least one.
    static const double mixProbability[kDefectCount] = {0.45, 0.45, 0.35, 0.3,
                                                        0.2,  0.15, 0.15, 0.12};
    std::array<bool, kDefectCount> chosen{};
    if (mixed) {
        bool any = false;
        while (!any)
            for (int i = 0; i < kDefectCount; ++i)
                any |= chosen[i] = std::bernoulli_distribution(mixProbability[i])(rng);
    } else {
        chosen[std::uniform_int_distribution<int>(0, kDefectCount - 1)(rng)] = true;
    }
    const int variant = std::uniform_int_distribution<int>(0, 3)(rng);
    if (chosen[0]) d.exposure = sign(rng) * uniform(rng, 0.4, 2.0);
    if (chosen[1]) {
        const int kind = std::uniform_int_distribution<int>(0, 2)(rng); // temperature, tint, both
        if (kind != 1) d.temperature = 1e6 / (kD65Mired + sign(rng) * uniform(rng, 15, 80));
        if (kind != 0) d.tint = sign(rng) * uniform(rng, 8, 30);
    }
    if (chosen[2]) {
        if (variant == 0) {
            d.contrast = uniform(rng, 20, 60);
            if (std::bernoulli_distribution(0.5)(rng)) {
                d.blacks = -uniform(rng, 10, 40);
                d.whites = uniform(rng, 10, 40);
            }
        } else if (variant == 1) {
            d.contrast = -uniform(rng, 20, 50);
        } else if (variant == 2) {
            d.shadows = uniform(rng, 20, 70);
        } else {
            d.highlights = -uniform(rng, 20, 70);
        }
    }
    if (chosen[3]) d.saturation = sign(rng) > 0 ? uniform(rng, 15, 60) : -uniform(rng, 15, 33);
    if (chosen[4]) d.noiseLevel = uniform(rng, 0.05, 1.0);
    if (chosen[5]) {
        if (std::bernoulli_distribution(0.3)(rng)) {
            d.motionLength = uniform(rng, 3, 9);
            d.motionAngle = uniform(rng, 0, 180);
        } else {
            d.blurSigma = uniform(rng, 0.8, 2.5);
        }
    }
    if (chosen[6]) {
        d.haze = uniform(rng, 0.15, 0.5);
        d.hazeAirlight = uniform(rng, 0.7, 1.0);
    }
    if (chosen[7]) d.tiltDegrees = sign(rng) * uniform(rng, 1, 6);
    return d;
}

at::Tensor inverseTone(const at::Tensor& image, const Degradation& target) {
    if (target.contrast == 0 && target.highlights == 0 && target.shadows == 0 &&
        target.whites == 0 && target.blacks == 0)
        return image;
    // The tone op's own luminance curve on a grey ramp (log2 Y from −16 to +8), inverted by
    // linear interpolation in log2 (the curve is strictly increasing: Tone.cpp guarantees it).
    const int n = 4096;
    const at::Tensor logIn = at::linspace(-16.0, 8.0, n, at::kDouble);
    const at::Tensor grey = at::exp2(logIn).unsqueeze(1).expand({n, 3}).contiguous();
    const at::Tensor out =
        ops::tone(grey, {scalar(target.contrast), scalar(target.highlights), scalar(target.shadows),
                         scalar(target.whites), scalar(target.blacks)});
    const at::Tensor logOut = at::log2(out.select(1, 1).clamp_min(1e-300)).contiguous();

    const at::Tensor rgb = image.to(at::kDouble);
    const at::Tensor y =
        rgb.select(-1, 0) * 0.2627 + rgb.select(-1, 1) * 0.6780 + rgb.select(-1, 2) * 0.0593;
    const at::Tensor valid = y > std::exp2(-16.0);
    const at::Tensor ly = at::log2(y.clamp_min(std::exp2(-16.0))).clamp_max(8.0);
    const at::Tensor lo = logOut.to(image.device());
    const at::Tensor li = logIn.to(image.device());
    at::Tensor idx = at::searchsorted(lo, ly.flatten()).clamp(1, n - 1);
    const at::Tensor x0 = lo.index({idx - 1}), x1 = lo.index({idx});
    const at::Tensor y0 = li.index({idx - 1}), y1 = li.index({idx});
    const at::Tensor w = ((ly.flatten() - x0) / (x1 - x0).clamp_min(1e-12)).clamp(0, 1);
    const at::Tensor lyIn = (y0 + w * (y1 - y0)).reshape(ly.sizes());
    const at::Tensor gain = at::where(valid, at::exp2(lyIn - ly), at::ones_like(ly));
    return (rgb * gain.unsqueeze(-1)).to(image.scalar_type());
}

at::Tensor applyDegradation(const at::Tensor& image, const Degradation& d, std::uint64_t seed) {
    at::NoGradGuard noGrad;
    at::Tensor x = image.to(at::kFloat).contiguous();
    if (d.haze > 0) x = applyHaze(x, d);
    if (d.blurSigma > 0 || d.motionLength > 0) x = applyBlur(x, d);
    if (d.tiltDegrees != 0) x = ops::straighten(x, scalar(d.tiltDegrees), 1.0);
    // The global defects: the inverse of the target recipe's global ops, in reverse pipeline
    // order (white balance → exposure → tone → colour restores the image exactly).
    if (d.saturation != 0) {
        const double applied = 100.0 * (1.0 / (1.0 + d.saturation / 100.0) - 1.0);
        x = ops::color(x, scalar(0), scalar(applied));
    }
    x = inverseTone(x, d);
    if (d.exposure != 0) x = ops::exposure(x, scalar(-d.exposure));
    if (d.temperature != kD65 || d.tint != 0) {
        const at::Tensor m = ops::whiteBalanceMatrix(scalar(d.temperature), scalar(d.tint));
        const at::Tensor inv = at::linalg_inv(m).to(x.options());
        x = at::matmul(x, inv.t());
    }
    if (d.noiseLevel > 0) x = applyNoise(x, d.noiseLevel, seed);
    return x.contiguous();
}

} // namespace pictor::train
