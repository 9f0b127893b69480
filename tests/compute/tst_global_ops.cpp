// The Artist's global (per-pixel) ops: identity at neutral, direction and graded monotonicity in
// each op's own measurable quantity, a monotone tone response, finite outputs and gradients,
// CPU/CUDA agreement.
#include "ops/ColorMath.h"
#include "image/ColorTemperature.h"
#include "ops/GlobalOps.h"
#include "ops/OpSpec.h"

#include <ATen/ATen.h>

// Debian's libtorch headers pull in glog, whose CHECK the harness replaces.
#ifdef CHECK
#undef CHECK
#endif
#include "support/ComputeTest.h"

#include <cmath>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace pictor;

namespace {

at::Tensor scalar(double value, bool requiresGrad = false) {
    return at::full({}, value, at::kFloat).set_requires_grad(requiresGrad);
}

at::Tensor zeros8() {
    return at::zeros({8}, at::kFloat);
}

// sRGB-encoded 8-bit colour → linear Rec.2020.
std::vector<float> fromSrgb8(int r, int g, int b) {
    auto lin = [](int v) {
        const double e = v / 255.0;
        return e <= 0.04045 ? e / 12.92 : std::pow((e + 0.055) / 1.055, 2.4);
    };
    const double c[3] = {lin(r), lin(g), lin(b)};
    static const double m[9] = {0.6274, 0.3293, 0.0433, 0.0691, 0.9195,
                                0.0114, 0.0164, 0.0880, 0.8956};
    std::vector<float> out(3);
    for (int i = 0; i < 3; ++i)
        out[std::size_t(i)] = float(m[i * 3] * c[0] + m[i * 3 + 1] * c[1] + m[i * 3 + 2] * c[2]);
    return out;
}

struct Range {
    int64_t begin = 0, end = 0;
};

// A realistic set of colours, [N, 3] linear Rec.2020.
struct TestImage {
    at::Tensor rgb;
    Range grey, skin, saturated, random;
};

const TestImage& testImage() {
    static const TestImage image = [] {
        std::vector<float> v;
        TestImage t;
        auto push = [&](float r, float g, float b) {
            v.push_back(r);
            v.push_back(g);
            v.push_back(b);
        };
        auto count = [&] { return int64_t(v.size() / 3); };
        t.grey.begin = count();
        for (int i = 0; i < 64; ++i) { // grey ramp 0.002 … 4.0, geometric
            const float y = float(0.002 * std::pow(2000.0, i / 63.0));
            push(y, y, y);
        }
        t.grey.end = t.skin.begin = count();
        for (auto c :
             {fromSrgb8(224, 172, 105), fromSrgb8(198, 134, 66), fromSrgb8(141, 85, 36),
              fromSrgb8(255, 219, 172), fromSrgb8(241, 194, 125), fromSrgb8(232, 190, 172)})
            push(c[0], c[1], c[2]);
        t.skin.end = t.saturated.begin = count();
        for (float level : {0.2f, 0.8f}) { // Rec.2020 primaries and secondaries
            push(level, 0, 0);
            push(0, level, 0);
            push(0, 0, level);
            push(level, level, 0);
            push(0, level, level);
            push(level, 0, level);
        }
        for (auto c : {fromSrgb8(135, 206, 235), fromSrgb8(70, 130, 200), fromSrgb8(34, 139, 34),
                       fromSrgb8(85, 107, 47), fromSrgb8(230, 40, 30), fromSrgb8(250, 150, 20)})
            push(c[0], c[1], c[2]); // sky, blue, foliage, olive, red, orange
        t.saturated.end = t.random.begin = count();
        std::mt19937 random(7);
        std::uniform_real_distribution<float> stops(-8.0f, 2.0f), mix(0.0f, 1.0f);
        for (int i = 0; i < 200; ++i) {
            const float level = std::exp2(stops(random));
            push(level * mix(random), level * mix(random), level * mix(random));
        }
        t.random.end = count();
        t.rgb = at::from_blob(v.data(), {count(), 3}, at::kFloat).clone();
        return t;
    }();
    return image;
}

at::Tensor rows(const at::Tensor& t, Range r) {
    return t.slice(0, r.begin, r.end);
}

at::Tensor lab(const at::Tensor& rgb) {
    return color::rec2020ToLab(rgb.to(at::kDouble));
}
at::Tensor labChroma(const at::Tensor& l) {
    return at::sqrt(l.select(-1, 1).pow(2) + l.select(-1, 2).pow(2));
}
at::Tensor oklch(const at::Tensor& rgb) {
    return color::labToLch(color::rec2020ToOklab(rgb.to(at::kDouble)));
}
double meanOf(const at::Tensor& t) {
    return t.mean().item<double>();
}
double maxAbs(const at::Tensor& t) {
    return t.abs().max().item<double>();
}

// Worst per-pixel relative difference: |a − b| over the pixel's largest |component| of b.
double worstRelative(const at::Tensor& a, const at::Tensor& b) {
    const at::Tensor a64 = a.to(at::kDouble), b64 = b.to(at::kDouble);
    const at::Tensor scale = std::get<0>(b64.abs().max(-1, true)).clamp_min(1e-6);
    return ((a64 - b64).abs() / scale).max().item<double>();
}

bool allFinite(const at::Tensor& t) {
    return at::isfinite(t).all().item<bool>();
}

ops::ToneParams toneParams(double contrast, double highlights, double shadows, double whites,
                           double blacks) {
    return {scalar(contrast), scalar(highlights), scalar(shadows), scalar(whites), scalar(blacks)};
}

at::Tensor curve(std::vector<std::pair<double, double>> points) {
    std::vector<float> v;
    for (auto [x, y] : points) {
        v.push_back(float(x));
        v.push_back(float(y));
    }
    return at::from_blob(v.data(), {int64_t(points.size()), 2}, at::kFloat).clone();
}

at::Tensor band(const std::string& name, double value) {
    at::Tensor t = zeros8();
    for (std::size_t i = 0; i < hslBands().size(); ++i)
        if (hslBands()[i] == name) t[int64_t(i)] = value;
    return t;
}

// A dense grey ramp 0 … 16 (exact zero first), [N, 3].
at::Tensor denseGreys() {
    at::Tensor y = at::cat({at::zeros({1}, at::kDouble),
                            at::logspace(-12, std::log10(16.0), 2000, 10.0, at::kDouble)});
    return y.unsqueeze(-1).expand({-1, 3}).to(at::kFloat).contiguous();
}

// Every op at a strong, non-neutral setting.
std::vector<std::pair<std::string, std::function<at::Tensor(const at::Tensor&)>>> strongOps() {
    return {
        {"white_balance",
         [](const at::Tensor& x) { return ops::whiteBalance(x, scalar(2000), scalar(150)); }},
        {"white_balance_hot",
         [](const at::Tensor& x) { return ops::whiteBalance(x, scalar(50000), scalar(-150)); }},
        {"exposure", [](const at::Tensor& x) { return ops::exposure(x, scalar(5)); }},
        {"tone",
         [](const at::Tensor& x) { return ops::tone(x, toneParams(100, 100, 100, 100, 100)); }},
        {"tone_neg",
         [](const at::Tensor& x) {
             return ops::tone(x, toneParams(-100, -100, -100, -100, -100));
         }},
        {"tone_curve",
         [](const at::Tensor& x) {
             return ops::toneCurve(x, curve({{0, 0.1}, {0.3, 0.6}, {1, 0.9}}));
         }},
        {"color", [](const at::Tensor& x) { return ops::color(x, scalar(100), scalar(100)); }},
        {"color_neg",
         [](const at::Tensor& x) { return ops::color(x, scalar(-100), scalar(-100)); }},
        {"hsl",
         [](const at::Tensor& x) {
             return ops::hsl(x, at::full({8}, 100.0f), at::full({8}, 100.0f),
                             at::full({8}, 100.0f));
         }},
        {"hsl_neg",
         [](const at::Tensor& x) {
             return ops::hsl(x, at::full({8}, -100.0f), at::full({8}, -100.0f),
                             at::full({8}, -100.0f));
         }},
    };
}

// The oracle: the RAW decoder's xy → (K, tint) (core/image/ColorTemperature), which the
// white-balance op must invert.
std::optional<std::pair<double, double>> rawDecoderTemperature(double x, double y) {
    const auto tt = pictor::temperatureFromXy(x, y);
    if (!tt) return std::nullopt;
    return std::pair{tt->kelvin, tt->tint};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Colour math

PICTOR_TEST(color_math_references_and_round_trips) {
    const at::Tensor white = at::ones({1, 3}, at::kDouble);
    const at::Tensor labWhite = color::rec2020ToLab(white);
    CHECK_CLOSE(labWhite[0][0].item<double>(), 100.0, 1e-9);
    CHECK_CLOSE(labWhite[0][1].item<double>(), 0.0, 1e-9);
    CHECK_CLOSE(labWhite[0][2].item<double>(), 0.0, 1e-9);
    CHECK_CLOSE(color::rec2020ToLab(white * 0.18)[0][0].item<double>(), 49.496, 1e-3);
    const at::Tensor okWhite = color::rec2020ToOklab(white);
    CHECK_CLOSE(okWhite[0][0].item<double>(), 1.0, 1e-9);
    CHECK_CLOSE(maxAbs(okWhite.slice(1, 1)), 0.0, 1e-9);
    // Rec.2020 luminance row.
    const at::Tensor xyz = color::rec2020ToXyz(at::eye(3, at::kDouble));
    CHECK_CLOSE(xyz[0][1].item<double>(), 0.2627, 1e-4);
    CHECK_CLOSE(xyz[1][1].item<double>(), 0.6780, 1e-4);
    CHECK_CLOSE(xyz[2][1].item<double>(), 0.0593, 1e-4);
    // Oklab of the sRGB red primary (Ottosson's reference: L 0.6280, a 0.2249, b 0.1258).
    const auto red = fromSrgb8(255, 0, 0);
    const at::Tensor okRed =
        color::rec2020ToOklab(at::tensor({red[0], red[1], red[2]}, at::kDouble));
    CHECK_CLOSE(okRed[0].item<double>(), 0.6280, 2e-3);
    CHECK_CLOSE(okRed[1].item<double>(), 0.2249, 2e-3);
    CHECK_CLOSE(okRed[2].item<double>(), 0.1258, 2e-3);
    const at::Tensor rgb = testImage().rgb.to(at::kDouble);
    CHECK(worstRelative(color::labToRec2020(color::rec2020ToLab(rgb)), rgb) < 1e-9);
    CHECK(worstRelative(color::oklabToRec2020(color::rec2020ToOklab(rgb)), rgb) < 1e-9);
    const at::Tensor ok = color::rec2020ToOklab(rgb);
    CHECK(maxAbs(color::lchToLab(color::labToLch(ok)) - ok) < 1e-12);
}

// ---------------------------------------------------------------------------------------------
// Neutral = identity

PICTOR_TEST(neutral_params_are_identity) {
    const at::Tensor rgb = testImage().rgb;
    const at::Tensor extremes = denseGreys();
    for (const at::Tensor& x : {rgb, extremes}) {
        CHECK_MSG(worstRelative(ops::whiteBalance(x, scalar(6504), scalar(0)), x) <= 1e-6,
                  worstRelative(ops::whiteBalance(x, scalar(6504), scalar(0)), x));
        const ops::SourceWhite asShot{3200, 7};
        CHECK(worstRelative(ops::whiteBalance(x, scalar(3200), scalar(7), asShot), x) <= 1e-6);
        CHECK(worstRelative(ops::exposure(x, scalar(0)), x) == 0);
        CHECK(worstRelative(ops::tone(x, toneParams(0, 0, 0, 0, 0)), x) == 0);
        CHECK(worstRelative(ops::tone(x, ops::ToneParams{}), x) == 0);
        const double curveError = worstRelative(ops::toneCurve(x, curve({{0, 0}, {1, 1}})), x);
        CHECK_MSG(curveError <= 1e-6, curveError);
        CHECK(worstRelative(ops::toneCurve(x, curve({{0, 0}, {0.25, 0.25}, {1, 1}})), x) <= 1e-6);
        CHECK(worstRelative(ops::toneCurve(x, at::zeros({0, 2})), x) == 0);
        CHECK(worstRelative(ops::color(x, scalar(0), scalar(0)), x) == 0);
        CHECK(worstRelative(ops::hsl(x, zeros8(), zeros8(), zeros8()), x) == 0);
    }
    // The catalogue's neutrals are what the ops treat as neutral.
    CHECK(findOpSpec("exposure")->param("exposure")->neutral == 0);
    CHECK(findOpSpec("white_balance")->param("temperature")->neutral ==
          ops::SourceWhite{}.temperature);
    CHECK(findOpSpec("white_balance")->param("tint")->neutral == ops::SourceWhite{}.tint);
    for (const char* id : {"tone", "color", "hsl"})
        for (const auto& p : findOpSpec(id)->params)
            CHECK(p.neutral == 0);
}

// ---------------------------------------------------------------------------------------------
// Exposure

PICTOR_TEST(exposure_is_an_exact_gain) {
    const at::Tensor rgb = testImage().rgb;
    CHECK(worstRelative(ops::exposure(rgb, scalar(1)), rgb * 2) <= 1e-6);
    CHECK(worstRelative(ops::exposure(rgb, scalar(0.3)), rgb * std::exp2(0.3)) <= 1e-6);
    CHECK(worstRelative(ops::exposure(rgb, scalar(-2)), rgb * 0.25) <= 1e-6);
    // Graded: mean L* strictly increases with EV.
    double last = -1e9;
    for (double ev : {-5.0, -1.0, -0.3, 0.0, 0.3, 1.0, 5.0}) {
        const double l = meanOf(lab(ops::exposure(rgb, scalar(ev))).select(-1, 0));
        CHECK_MSG(l > last, "EV " << ev);
        last = l;
    }
}

// ---------------------------------------------------------------------------------------------
// White balance

PICTOR_TEST(white_balance_temperature_warms_and_cools_monotonically) {
    const at::Tensor rgb = testImage().rgb;
    for (const ops::SourceWhite source : {ops::SourceWhite{}, ops::SourceWhite{3400, 5}}) {
        const double neutral = meanOf(lab(rgb).select(-1, 2));
        double last = -1e9;
        for (double k : {2000.0, 2800.0, 3000.0, 3400.0, 4000.0, 5000.0, 6504.0, 8000.0, 12000.0,
                         20000.0, 50000.0}) {
            const double b = meanOf(
                lab(ops::whiteBalance(rgb, scalar(k), scalar(source.tint), source)).select(-1, 2));
            CHECK_MSG(b > last, "temperature " << k << " K (source " << source.temperature << ")");
            if (k < source.temperature) CHECK_MSG(b < neutral, "cooler at " << k);
            if (k > source.temperature) CHECK_MSG(b > neutral, "warmer at " << k);
            last = b;
        }
    }
    // A neutral stays neutral-ish in luminance: grey keeps Y.
    const at::Tensor grey = at::full({1, 3}, 0.18f);
    CHECK_CLOSE(color::luminance(ops::whiteBalance(grey, scalar(3000), scalar(20))).item<double>(),
                0.18, 1e-6);
}

PICTOR_TEST(white_balance_tint_adds_magenta_monotonically) {
    const at::Tensor rgb = testImage().rgb;
    double last = -1e9;
    const double neutral = meanOf(lab(rgb).select(-1, 1));
    for (double tint : {-150.0, -100.0, -50.0, -10.0, 0.0, 10.0, 50.0, 100.0, 150.0}) {
        const double a =
            meanOf(lab(ops::whiteBalance(rgb, scalar(6504), scalar(tint))).select(-1, 1));
        CHECK_MSG(a > last, "tint " << tint);
        if (tint > 0) CHECK(a > neutral);
        if (tint < 0) CHECK(a < neutral);
        last = a;
    }
}

PICTOR_TEST(white_balance_temperature_tint_round_trips_with_raw_decoder) {
    for (auto [k, tint] : std::vector<std::pair<double, double>>{
             {2000, 0}, {2856, 0}, {3200, 8}, {5000, -12}, {6504, 10}, {9000, 30}, {20000, -40}}) {
        const at::Tensor xy = ops::xyFromTemperatureTint(at::full({}, k, at::kDouble),
                                                         at::full({}, tint, at::kDouble));
        const auto back = rawDecoderTemperature(xy[0].item<double>(), xy[1].item<double>());
        CHECK(back.has_value());
        CHECK_MSG(std::abs(back->first - k) <= 1e-4 * k, k << " K → " << back->first);
        CHECK_MSG(std::abs(back->second - tint) <= 0.05, "tint " << tint << " → " << back->second);
    }
    // D65 lies at ≈ 6504 K, tint ≈ +10 (RawDecoder's documented reading).
    const auto d65 = rawDecoderTemperature(0.3127, 0.3290);
    const at::Tensor xy = ops::xyFromTemperatureTint(at::full({}, d65->first, at::kDouble),
                                                     at::full({}, d65->second, at::kDouble));
    CHECK_CLOSE(xy[0].item<double>(), 0.3127, 1e-5);
    CHECK_CLOSE(xy[1].item<double>(), 0.3290, 1e-5);
    // A white surface lit by a 3000 K light, in a photo balanced for a 5000 K / +5 source (von
    // Kries in Bradford space: the light's cones × D65's / the source's), is made neutral by
    // declaring the light: temperature 3000, tint 0.
    const ops::SourceWhite source{5000, 5};
    auto cones = [](double kelvin, double tint) {
        const at::Tensor xy = ops::xyFromTemperatureTint(at::full({}, kelvin, at::kDouble),
                                                         at::full({}, tint, at::kDouble));
        const double x = xy[0].item<double>(), y = xy[1].item<double>();
        return color::applyMatrix(at::tensor({x / y, 1.0, (1 - x - y) / y}, at::kDouble),
                                  color::bradfordMatrix());
    };
    const at::Tensor d65Cones = color::applyMatrix(color::rec2020ToXyz(at::ones({3}, at::kDouble)),
                                                   color::bradfordMatrix());
    const at::Tensor seenCones =
        cones(3000, 0) * d65Cones / cones(source.temperature, source.tint);
    const at::Tensor seen =
        color::xyzToRec2020(color::applyMatrix(seenCones, color::inverse(color::bradfordMatrix())))
            .unsqueeze(0);
    CHECK(labChroma(lab(seen)).item<double>() > 10); // visibly orange before
    const at::Tensor fixed = ops::whiteBalance(seen, scalar(3000), scalar(0), source);
    CHECK_MSG(labChroma(lab(fixed)).item<double>() < 1e-6,
              "chroma of the balanced white " << labChroma(lab(fixed)).item<double>());
    // Declaring the source itself leaves it orange.
    CHECK(labChroma(lab(ops::whiteBalance(seen, scalar(5000), scalar(5), source))).item<double>() >
          10);
}

// ---------------------------------------------------------------------------------------------
// Tone

PICTOR_TEST(tone_contrast_spreads_lightness_around_fixed_mid_grey) {
    const at::Tensor rgb = testImage().rgb;
    const at::Tensor grey = at::full({1, 3}, 0.18f);
    auto spread = [&](double c) {
        return lab(ops::tone(rgb, toneParams(c, 0, 0, 0, 0))).select(-1, 0).std().item<double>();
    };
    double last = -1e9;
    for (double c : {-100.0, -50.0, -25.0, 0.0, 25.0, 50.0, 100.0}) {
        const double s = spread(c);
        CHECK_MSG(s > last, "contrast " << c);
        last = s;
        CHECK_CLOSE(ops::tone(grey, toneParams(c, 0, 0, 0, 0))[0][1].item<double>(), 0.18, 1e-7);
    }
}

namespace {
// Mean L* change of the darkest and brightest quartile of the grey ramp and the random colours.
std::pair<double, double> quartileChange(const ops::ToneParams& p) {
    const at::Tensor rgb = testImage().rgb;
    const at::Tensor l0 = lab(rgb).select(-1, 0), l1 = lab(ops::tone(rgb, p)).select(-1, 0);
    const at::Tensor order = at::argsort(l0);
    const int64_t n = order.size(0), q = n / 4;
    const at::Tensor d = l1 - l0;
    return {meanOf(d.index_select(0, order.slice(0, 0, q))),
            meanOf(d.index_select(0, order.slice(0, n - q)))};
}
} // namespace

PICTOR_TEST(tone_shadows_act_on_the_dark_quartile) {
    double lastDark = 0;
    for (double s : {25.0, 50.0, 100.0}) {
        const auto [dark, bright] = quartileChange(toneParams(0, 0, s, 0, 0));
        CHECK_MSG(dark > 0 && dark > bright, "shadows " << s << ": " << dark << " vs " << bright);
        CHECK_MSG(dark > lastDark, "shadows " << s);
        CHECK(std::abs(bright) < 0.1 * dark);
        lastDark = dark;
    }
    double last = 0;
    for (double s : {-25.0, -50.0, -100.0}) {
        const auto [dark, bright] = quartileChange(toneParams(0, 0, s, 0, 0));
        CHECK_MSG(dark < last && dark < bright, "shadows " << s);
        last = dark;
    }
}

PICTOR_TEST(tone_highlights_act_on_the_bright_quartile) {
    double last = 0;
    for (double h : {-25.0, -50.0, -100.0}) {
        const auto [dark, bright] = quartileChange(toneParams(0, h, 0, 0, 0));
        CHECK_MSG(bright < 0 && bright < dark,
                  "highlights " << h << ": " << bright << " vs " << dark);
        CHECK(std::abs(dark) < 0.1 * std::abs(bright));
        CHECK_MSG(bright < last, "highlights " << h);
        last = bright;
    }
    last = 0;
    for (double h : {25.0, 50.0, 100.0}) {
        const auto [dark, bright] = quartileChange(toneParams(0, h, 0, 0, 0));
        CHECK_MSG(bright > last && bright > dark, "highlights " << h);
        last = bright;
    }
}

PICTOR_TEST(tone_whites_and_blacks_move_the_end_points) {
    const at::Tensor ramp = rows(testImage().rgb, testImage().grey);
    auto endStops = [&](const ops::ToneParams& p) {
        const at::Tensor y = color::luminance(ops::tone(ramp, p)) / color::luminance(ramp);
        return std::make_pair(std::log2(y[0].item<double>()), std::log2(y[63].item<double>()));
    };
    double lastTop = -1e9, lastBottom = -1e9;
    for (double w : {-100.0, -50.0, -25.0, 0.0, 25.0, 50.0, 100.0}) {
        const auto [bottom, top] = endStops(toneParams(0, 0, 0, w, 0));
        CHECK_MSG(top > lastTop, "whites " << w);
        CHECK(std::abs(bottom) < 1e-6);
        lastTop = top;
        const auto [bottomB, topB] = endStops(toneParams(0, 0, 0, 0, w));
        CHECK_MSG(bottomB > lastBottom, "blacks " << w);
        CHECK(std::abs(topB) < 1e-6);
        lastBottom = bottomB;
    }
    // ±100 moves the ends by about a stop; mid grey barely moves.
    CHECK(endStops(toneParams(0, 0, 0, 100, 0)).second > 0.9);
    CHECK(endStops(toneParams(0, 0, 0, 0, -100)).first < -0.6);
    const at::Tensor grey = at::full({1, 3}, 0.18f);
    CHECK_CLOSE(ops::tone(grey, toneParams(0, 0, 0, 100, 100))[0][0].item<double>(), 0.18, 1e-6);
}

PICTOR_TEST(tone_response_is_monotone_and_finite_for_extreme_params) {
    const at::Tensor greys = denseGreys();
    int combos = 0;
    for (int mask = 0; mask < 243; ++mask) { // every combination of −100, 0, +100
        double v[5];
        int m = mask;
        for (double& x : v) {
            x = (m % 3 - 1) * 100.0;
            m /= 3;
        }
        const at::Tensor out = ops::tone(greys, toneParams(v[0], v[1], v[2], v[3], v[4]));
        CHECK(allFinite(out));
        const at::Tensor y = color::luminance(out.to(at::kDouble));
        CHECK(y[0].item<double>() == 0.0); // exact black stays black
        const at::Tensor dy = y.slice(0, 1) - y.slice(0, 0, -1);
        CHECK_MSG((dy > 0).all().item<bool>(), "non-increasing response for "
                                                   << v[0] << ", " << v[1] << ", " << v[2] << ", "
                                                   << v[3] << ", " << v[4]);
        ++combos;
    }
    CHECK(combos == 243);
}

// ---------------------------------------------------------------------------------------------
// Tone curve

namespace {
double srgbEncode(double y) {
    return y <= 0.0031308 ? 12.92 * y : 1.055 * std::pow(y, 1 / 2.4) - 0.055;
}
double srgbDecode(double e) {
    return e <= 0.04045 ? e / 12.92 : std::pow((e + 0.055) / 1.055, 2.4);
}
} // namespace

PICTOR_TEST(tone_curve_lifts_and_lowers_as_specified) {
    // A colour whose encoded luminance is exactly 0.5, and a grey.
    const double y50 = srgbDecode(0.5);
    const at::Tensor probe =
        at::tensor({float(y50 * 1.3), float(y50 * 0.9), float(y50 * 0.8)}).unsqueeze(0);
    const double yProbe = color::luminance(probe.to(at::kDouble)).item<double>();
    const at::Tensor pixel = probe * float(y50 / yProbe);
    double last = -1;
    for (double lift : {0.4, 0.45, 0.5, 0.55, 0.6, 0.7}) {
        const at::Tensor out = ops::toneCurve(pixel, curve({{0, 0}, {0.5, lift}, {1, 1}}));
        const double e = srgbEncode(color::luminance(out.to(at::kDouble)).item<double>());
        CHECK_CLOSE(e, lift, 1e-5);
        CHECK(e > last);
        last = e;
        // Hue preserved: the RGB ratios are unchanged.
        CHECK(worstRelative(out / out.sum(-1, true), pixel / pixel.sum(-1, true)) < 1e-5);
    }
    // Points pass exactly; monotone in between; finite and ≥ 0 for inputs 0 … 16.
    const at::Tensor greys = denseGreys();
    for (const auto& points :
         {curve({{0, 0}, {0.25, 0.4}, {0.75, 0.85}, {1, 1}}),
          curve({{0, 0.05}, {0.3, 0.2}, {0.6, 0.7}, {1, 0.95}}), curve({{0.1, 0}, {0.9, 1}}),
          curve({{0, 0}, {0.5, 0.5}, {0.6, 0.9}, {1, 1}})}) {
        const at::Tensor out = ops::toneCurve(greys, points);
        CHECK(allFinite(out));
        const at::Tensor y = color::luminance(out.to(at::kDouble));
        CHECK(((y.slice(0, 1) - y.slice(0, 0, -1)) >= -1e-7).all().item<bool>());
        for (int64_t i = 0; i < points.size(0); ++i) {
            const double x = points[i][0].item<double>(), target = points[i][1].item<double>();
            const at::Tensor g = at::full({1, 3}, float(srgbDecode(x)));
            const double e = srgbEncode(
                color::luminance(ops::toneCurve(g, points).to(at::kDouble)).item<double>());
            CHECK_MSG(std::abs(e - target) < 1e-5,
                      "point " << x << " → " << e << ", expected " << target);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Colour

PICTOR_TEST(color_saturation_scales_chroma_at_constant_luminance) {
    const at::Tensor rgb = testImage().rgb;
    const at::Tensor y0 = color::luminance(rgb.to(at::kDouble));
    double last = -1;
    for (double s : {-100.0, -50.0, -25.0, 0.0, 25.0, 50.0, 100.0}) {
        const at::Tensor out = ops::color(rgb, scalar(0), scalar(s));
        const double c = meanOf(labChroma(lab(out)));
        CHECK_MSG(c > last, "saturation " << s);
        last = c;
        const at::Tensor y = color::luminance(out.to(at::kDouble));
        CHECK_MSG(((y - y0).abs() <= 1e-5 * y0.abs() + 1e-9).all().item<bool>(),
                  "saturation " << s);
    }
    const at::Tensor grey = ops::color(rgb, scalar(0), scalar(-100));
    CHECK_MSG(maxAbs(labChroma(lab(grey))) < 0.05, maxAbs(labChroma(lab(grey))));
}

PICTOR_TEST(color_vibrance_favours_muted_colours_and_protects_skin) {
    // Muted and vivid colours of the same hue (Oklab), and a skin tone vs a muted blue.
    const at::Tensor muted = at::tensor({0.30f, 0.25f, 0.22f, 0.20f, 0.22f, 0.30f}).view({2, 3});
    const at::Tensor vivid = at::tensor({0.60f, 0.05f, 0.02f, 0.02f, 0.05f, 0.60f}).view({2, 3});
    auto relativeGain = [](const at::Tensor& x, double v) {
        return meanOf(labChroma(lab(ops::color(x, scalar(v), scalar(0)))) / labChroma(lab(x)));
    };
    double lastMuted = 1, lastVivid = 1;
    for (double v : {25.0, 50.0, 100.0}) {
        const double gm = relativeGain(muted, v), gv = relativeGain(vivid, v);
        CHECK_MSG(gm > gv && gv >= 1.0, "vibrance " << v << ": muted ×" << gm << ", vivid ×" << gv);
        CHECK(gm > lastMuted && gv > lastVivid);
        lastMuted = gm;
        lastVivid = gv;
    }
    CHECK(relativeGain(muted, -100) < relativeGain(vivid, -100));
    CHECK(relativeGain(muted, -50) < 1.0);
    // Skin (OkLCh h ≈ 55°) gets less boost than an equally muted non-skin colour.
    const auto skinColour = fromSrgb8(224, 172, 105);
    const at::Tensor skin = at::tensor({skinColour[0], skinColour[1], skinColour[2]}).view({1, 3});
    const at::Tensor skinLch = oklch(skin);
    const double hue = skinLch[0][2].item<double>();
    CHECK_MSG(hue > 40 && hue < 80, "skin hue " << hue);
    // Same L and C, hue rotated by 180° (a muted blue).
    const at::Tensor other = color::labToLch(color::rec2020ToOklab(skin.to(at::kDouble)));
    at::Tensor rotated = other.clone();
    rotated[0][2] = hue + 180.0;
    const at::Tensor blue = color::oklabToRec2020(color::lchToLab(rotated)).to(at::kFloat);
    auto okChromaGain = [](const at::Tensor& x) {
        return (oklch(ops::color(x, scalar(60), scalar(0))).select(-1, 1) / oklch(x).select(-1, 1))
            .item<double>();
    };
    CHECK_MSG(okChromaGain(skin) < okChromaGain(blue), okChromaGain(skin)
                                                           << " vs " << okChromaGain(blue));
}

// ---------------------------------------------------------------------------------------------
// HSL

namespace {
// Colours of known OkLCh hue: [N, 3] with the hue chosen, moderate L and chroma.
at::Tensor atHue(double hueDeg, double chroma = 0.12, double lightness = 0.6) {
    return color::oklabToRec2020(
               color::lchToLab(at::tensor({lightness, chroma, hueDeg}, at::kDouble).view({1, 3})))
        .to(at::kFloat);
}
double hueOf(const at::Tensor& rgb) {
    return oklch(rgb)[0][2].item<double>();
}
} // namespace

PICTOR_TEST(hsl_hue_moves_only_its_band) {
    const at::Tensor red = atHue(25), blue = atHue(260), green = atHue(145);
    const at::Tensor greys = rows(testImage().rgb, testImage().grey);
    double last = 0;
    for (double h : {25.0, 50.0, 100.0}) {
        const at::Tensor hue = band("red", h);
        const double shift = hueOf(ops::hsl(red, hue, zeros8(), zeros8())) - 25.0;
        CHECK_MSG(shift > last, "hue_red " << h << " shift " << shift);
        last = shift;
        CHECK(maxAbs(ops::hsl(blue, hue, zeros8(), zeros8()) - blue) < 1e-3);
        CHECK(maxAbs(ops::hsl(green, hue, zeros8(), zeros8()) - green) < 1e-3);
        CHECK(maxAbs(ops::hsl(greys, hue, zeros8(), zeros8()) - greys) < 1e-6);
    }
    CHECK_MSG(last > 20 && last < 35, "hue ±100 ≈ 30°: " << last);
    CHECK(hueOf(ops::hsl(red, band("red", -100), zeros8(), zeros8())) > 350 - 35);
    // Luminance is kept by hue and saturation changes.
    const at::Tensor out = ops::hsl(red, band("red", 100), band("red", 100), zeros8());
    CHECK_CLOSE(color::luminance(out).item<double>(), color::luminance(red).item<double>(), 1e-6);
}

PICTOR_TEST(hsl_saturation_blue_desaturates_blues_only) {
    const at::Tensor blues = at::cat({atHue(260), atHue(255, 0.2),
                                      rows(testImage().rgb, {testImage().saturated.begin + 2,
                                                             testImage().saturated.begin + 3})});
    const at::Tensor others =
        at::cat({atHue(25), atHue(60), atHue(105), atHue(145), atHue(200 - 5)});
    double last = 1e9;
    for (double s : {-25.0, -50.0, -100.0}) {
        const at::Tensor out = ops::hsl(blues, zeros8(), band("blue", s), zeros8());
        const double c = meanOf(oklch(out).select(-1, 1) / oklch(blues).select(-1, 1));
        CHECK_MSG(c < last, "saturation_blue " << s << ": ×" << c);
        last = c;
        CHECK(maxAbs(ops::hsl(others, zeros8(), band("blue", s), zeros8()) - others) < 1e-5);
    }
    CHECK_MSG(last < 0.15, "saturation_blue −100 leaves ×" << last);
}

PICTOR_TEST(hsl_luminance_green_changes_greens_only) {
    const at::Tensor greens = at::cat({atHue(145), atHue(140, 0.15, 0.5)});
    const at::Tensor others = at::cat({atHue(25), atHue(60), atHue(260), atHue(300)});
    double last = -1e9;
    for (double l : {-100.0, -50.0, -25.0, 0.0, 25.0, 50.0, 100.0}) {
        const at::Tensor out = ops::hsl(greens, zeros8(), zeros8(), band("green", l));
        const double okL = meanOf(oklch(out).select(-1, 0));
        CHECK_MSG(okL > last, "luminance_green " << l);
        last = okL;
        // Hue kept.
        CHECK(maxAbs(oklch(out).select(-1, 2) - oklch(greens).select(-1, 2)) < 1e-3);
        CHECK(maxAbs(ops::hsl(others, zeros8(), zeros8(), band("green", l)) - others) < 1e-6);
    }
}

// ---------------------------------------------------------------------------------------------
// Robustness, gradients, devices

PICTOR_TEST(outputs_are_finite_for_inputs_zero_to_sixteen) {
    const at::Tensor x = at::cat({denseGreys(), testImage().rgb * 4, at::zeros({4, 3}),
                                  at::tensor({16.0f, 0.0f, 0.0f, 0.0f, 0.0f, 16.0f}).view({2, 3})});
    for (const auto& [name, op] : strongOps()) {
        const at::Tensor out = op(x);
        CHECK_MSG(allFinite(out), name);
        if (name == "tone_curve") { // its curve starts at (0, 0.1): black becomes that grey
            CHECK_CLOSE(out[0][0].item<double>(), srgbDecode(0.1), 1e-6);
            CHECK_CLOSE(out[0][2].item<double>(), srgbDecode(0.1), 1e-6);
        } else {
            CHECK_MSG(maxAbs(out.slice(0, 0, 1)) == 0.0, name << " lifts an exact black");
        }
    }
}

PICTOR_TEST(gradients_are_finite_and_non_zero) {
    const at::Tensor base = at::cat({testImage().rgb, at::zeros({2, 3})});
    auto check =
        [&](const std::string& name, bool neutral,
            const std::function<at::Tensor(const at::Tensor&, const std::vector<at::Tensor>&)>& op,
            std::vector<at::Tensor> params) {
            const at::Tensor x = base.clone().set_requires_grad(true);
            for (auto& p : params)
                p = p.detach().clone().set_requires_grad(true);
            const at::Tensor out = op(x, params);
            // A non-trivial scalar loss (weights so that luminance-preserving changes still count).
            const at::Tensor w = at::linspace(0.5, 1.5, out.numel()).view(out.sizes());
            (out * out * w).sum().backward();
            CHECK_MSG(x.grad().defined() && allFinite(x.grad()), name << ": image gradient");
            if (!neutral) CHECK_MSG(maxAbs(x.grad()) > 0, name << ": zero image gradient");
            for (std::size_t i = 0; i < params.size(); ++i) {
                CHECK_MSG(params[i].grad().defined(), name << ": no gradient for param " << i);
                CHECK_MSG(allFinite(params[i].grad()), name << ": param " << i << " gradient");
                if (!neutral)
                    CHECK_MSG(maxAbs(params[i].grad()) > 0,
                              name << ": zero gradient for param " << i);
            }
        };
    for (bool neutral : {false, true}) {
        const double k = neutral ? 0.0 : 1.0;
        check("white_balance", neutral,
              [](auto& x, auto& p) { return ops::whiteBalance(x, p[0], p[1]); },
              {scalar(neutral ? 6504 : 4000), scalar(20 * k)});
        check("exposure", neutral, [](auto& x, auto& p) { return ops::exposure(x, p[0]); },
              {scalar(0.7 * k)});
        check("tone", neutral,
              [](auto& x, auto& p) {
                  return ops::tone(x, {p[0], p[1], p[2], p[3], p[4]});
              },
              {scalar(30 * k), scalar(-40 * k), scalar(50 * k), scalar(20 * k), scalar(-30 * k)});
        check("tone_curve", neutral, [](auto& x, auto& p) { return ops::toneCurve(x, p[0]); },
              {neutral ? curve({{0, 0}, {0.5, 0.5}, {1, 1}})
                       : curve({{0, 0.02}, {0.5, 0.6}, {1, 0.97}})});
        check("color", neutral, [](auto& x, auto& p) { return ops::color(x, p[0], p[1]); },
              {scalar(40 * k), scalar(-30 * k)});
        check("hsl", neutral, [](auto& x, auto& p) { return ops::hsl(x, p[0], p[1], p[2]); },
              {at::linspace(-60, 60, 8) * k, at::linspace(50, -50, 8) * k,
               at::linspace(-40, 70, 8) * k});
    }
}

PICTOR_TEST(cpu_and_cuda_agree) {
    if (!at::hasCUDA()) SKIP("no CUDA device (at::hasCUDA() is false)");
    const at::Tensor x = at::cat({testImage().rgb, denseGreys()});
    const at::Tensor xc = x.to(at::kCUDA);
    for (const auto& [name, op] : strongOps()) {
        const at::Tensor cpu = op(x), gpu = op(xc).cpu();
        CHECK_MSG(worstRelative(gpu, cpu) <= 1e-4, name << ": " << worstRelative(gpu, cpu));
    }
    // Params on the CPU with an image on the GPU, and gradients on the GPU.
    const at::Tensor t = scalar(3000, true);
    ops::whiteBalance(xc, t, scalar(5)).sum().backward();
    CHECK(t.grad().defined() && std::isfinite(t.grad().item<double>()));
}

int main(int argc, char** argv) {
    return pictor::test::runAll(argc, argv);
}
