#include "critic/Diagnosis.h"

#include "critic/WhiteEstimate.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace pictor::critic {

namespace {

constexpr double kFloorY = 1.0 / 4096; // darkest luminance that counts (log of 0 otherwise)
// How far towards the veil's white a hazy photo's correction goes (the scene's own dark colours
// still tint the veil's estimate a little).
constexpr double kVeilTrust = 0.9;
constexpr double kVeilAgreement = 0.3; // top and bottom veil colours ≲ 1.6 just-visible casts apart
constexpr double kBluestLight = 25000; // K: no light a photo is taken in is bluer

Evidence evidence(const char* key, const char* label, double value, const char* unit) {
    return {key, QCoreApplication::translate("pictor::critic", label).toStdString(), value, unit};
}

double clampd(double v, double lo, double hi) {
    return std::clamp(v, lo, hi);
}

Recipe oneParam(const char* op, const char* param, double value) {
    Recipe r;
    (void)r.set(op, param, value);
    return r;
}

// Rounds a suggested value to what a person would type (and reads back exactly).
// Divides by the step's inverse (an integer) so that 7 × 0.05 comes out as 0.35 exactly.
double tidy(double value, double step) {
    const double perUnit = std::round(1.0 / step);
    return perUnit >= 1 ? std::round(value * perUnit) / perUnit : std::round(value / step) * step;
}

// `hazy`: haze was found (its veil brightens the photo; dehazing takes it away).
// `modelEv`: the learned model's estimate of the correction, when there is a model.
Need exposureNeed(const Analysis& a, bool hazy, std::optional<double> modelEv) {
    Need n{Aspect::Exposure};
    const auto& y = a.lumaPercentiles; // 1, 5, 25, 50, 75, 95, 99 %
    // The error from the headroom: the brightest 1 % of a well-made photo sits near white (the
    // 57 photos of photos/train: 99th percentile typically 0.33 EV below 0.9, σ 0.5 EV). The key
    // (median → mid grey) varies twice as much with the scene (σ 1.1 EV: a night street, a beach)
    // and made the estimate worse on those photos, even as a small part of it.
    const double headroom = std::log2(0.72 / std::max(y[6], kFloorY));
    // The learned model reads the whole thumbnail and errs differently. On the exposure rows of
    // bench quality on photos/val (never trained on) the model, the headroom and a blend of 0.6
    // model and 0.4 headroom are all off by about 0.4 EV rms; the blend's gain is elsewhere: it
    // reads far fewer noisy, flat or hazy photos as off. Alone, the headroom leaves −0.55…+0.75 EV
    // alone (it cannot tell an error from the photographer's choice: dim and low-key photos lack
    // bright tones on purpose) and corrects 80 % past it; the blend leaves ±0.75 EV alone and
    // corrects all past it. Weights and dead zone chosen on bench quality's 21 rows of
    // photos/train for the least mean exposure error of all cases, exposure defect or not
    // (0.175 → 0.127 EV a case there; photos/val 0.133 → 0.100).
    double need = modelEv ? 0.6 * *modelEv + 0.4 * headroom : headroom;
    // Darkening a rendered file greys its clipped whites: only when little is clipped, or the
    // data holds values above white (RAW, scene-referred edits) that darkening brings back.
    const bool aboveWhite = a.raw || y[6] > 1.02;
    if (need < 0 && (hazy || (!aboveWhite && a.clippedHighlights >= 0.01))) need = 0;
    const bool past = modelEv ? std::abs(need) > 0.75 : need > 0.75 || need < -0.55;
    const double excess = past ? std::abs(need) : 0.0;
    const double share = modelEv ? 1.0 : 0.8;
    n.magnitude = clampd(std::max(0.0, std::abs(need) - 0.3) / 1.5, 0, 1);
    n.penalty = std::min(30.0, 12.0 * std::max(0.0, std::abs(need) - 0.3));
    double correction = std::copysign(tidy(share * excess, 0.05), need);
    // Brightening stops where saturated colours would clip: a blue sky reaches white in its blue
    // channel long before its luminance does, and the photo would come out worse, not better.
    const bool limited = correction > a.brighteningHeadroomEv;
    if (limited) correction = std::floor(a.brighteningHeadroomEv * 20) / 20; // 0.05 EV steps
    // Less than a tenth of a stop is not worth an instruction: the finding is then a note (how
    // dark the photo is, and why brightening it would do harm).
    n.actionable = past;
    if (past && (correction < 0 || correction >= 0.1 - 1e-9))
        n.fix = oneParam("exposure", "exposure", correction);
    n.evidence = {
        evidence("median_luminance", QT_TRANSLATE_NOOP("pictor::critic", "median luminance"),
                 100 * a.medianLuminance, "%"),
        evidence("deep_shadows", QT_TRANSLATE_NOOP("pictor::critic", "in deep shadow"),
                 100 * a.deepShadows, "%"),
        evidence("clipped", QT_TRANSLATE_NOOP("pictor::critic", "clipped"),
                 100 * a.clippedHighlights, "%"),
        evidence("luminance_p99", QT_TRANSLATE_NOOP("pictor::critic", "99th-percentile luminance"),
                 100 * y[6], "%"),
        evidence("exposure_error", QT_TRANSLATE_NOOP("pictor::critic", "exposure error"), -headroom,
                 "EV")};
    if (modelEv)
        n.evidence.push_back(
            evidence("model_exposure_error",
                     QT_TRANSLATE_NOOP("pictor::critic", "exposure error (learned model)"),
                     -*modelEv, "EV"));
    if (past && limited)
        n.evidence.push_back(
            evidence("brightening_headroom",
                     QT_TRANSLATE_NOOP("pictor::critic", "brightening before colours clip"),
                     a.brighteningHeadroomEv, "EV"));
    return n;
}

// The stops that the tone op's highlights at −100 take off a grey pixel of luminance y. The op
// moves log2 luminance by amount / 100 times a curve of the pixel's own value (ops/Tone.cpp), so
// the amount that takes s stops off is 100 s / this.
double highlightsPullStops(double y) {
    ops::ToneParams pull;
    pull.highlights = at::tensor(-100.0f);
    const at::Tensor grey = at::full({1, 1, 3}, float(y));
    return std::log2(y / ops::tone(grey, pull)[0][0][0].item<double>());
}

Need highlightsNeed(const Analysis& a) {
    Need n{Aspect::Highlights};
    const double clipped = a.clippedHighlights;
    n.magnitude = clampd(clipped / 0.15, 0, 1);
    n.penalty = std::min(15.0, 200.0 * std::max(0.0, clipped - 0.005));
    // Scene-referred data above white (RAW) can be brought back; a rendered file's clipped
    // pixels hold no detail, and darkening them only turns them grey. A small clipped light
    // source (the sun, a lamp) is normal, so a finding without a fix needs more.
    const double y99 = a.lumaPercentiles[6];
    const bool recoverable = y99 > 1.0;
    n.actionable = recoverable ? clipped >= 0.01 : clipped >= 0.03;
    // As much as brings the 99th percentile back to white. How much is clipped says nothing of
    // how far above white the data goes: a sky 0.04 stop over white needs 6, not the 80 its
    // clipped fifth of the frame once asked for (a tint, whose channel gains lift a white sky
    // just past 1, then got the sky darkened by half a stop).
    const double amount =
        recoverable ? std::min(80.0, 100 * std::log2(y99) / highlightsPullStops(y99)) : 0.0;
    if (n.actionable && amount >= 10) n.fix = oneParam("tone", "highlights", -tidy(amount, 5));
    n.evidence = {
        evidence("clipped", QT_TRANSLATE_NOOP("pictor::critic", "clipped"), 100 * clipped, "%"),
        evidence("bright", QT_TRANSLATE_NOOP("pictor::critic", "above L* 90"),
                 100 * a.brightHighlights, "%")};
    return n;
}

Need shadowsNeed(const Analysis& a, bool exposureActionable) {
    Need n{Aspect::Shadows};
    const double deep = a.deepShadows;
    n.magnitude = clampd((deep - 0.2) / 0.4, 0, 1);
    n.penalty = std::min(10.0, 30.0 * std::max(0.0, deep - 0.3)) +
                std::min(10.0, 200.0 * std::max(0.0, a.crushedShadows - 0.01));
    // Big dark areas in a photo whose exposure is otherwise right (backlight): lift the shadows.
    // When the exposure is off, its correction comes first. A photo that is mostly dark with a
    // very low key (night, a subject on black) is low-key on purpose and is left alone.
    n.actionable = deep >= 0.3 && deep <= 0.6 && a.keyEv > -3 && !exposureActionable &&
                   a.lumaPercentiles[6] > 0.5;
    if (n.actionable)
        n.fix = oneParam("tone", "shadows", tidy(clampd(100 * (deep - 0.2), 15, 40), 5));
    n.evidence = {evidence("deep_shadows", QT_TRANSLATE_NOOP("pictor::critic", "in deep shadow"),
                           100 * deep, "%"),
                  evidence("crushed", QT_TRANSLATE_NOOP("pictor::critic", "crushed to black"),
                           100 * a.crushedShadows, "%")};
    return n;
}

Need hazeNeed(const Analysis& a) {
    Need n{Aspect::Haze};
    const double dark = a.darkChannelMean;
    // Haze lifts the dark channel everywhere, leaves nothing truly dark and flattens the tones.
    // White sails or a bright beach raise the dark channel too, but keep their deep darks: the
    // 1st-percentile lightness tells them apart.
    const double blackLift = a.lightnessPercentiles[0];
    // A veil lifts the darkest 1 % to L* 40 and more (photos/train: clean photos mostly stay
    // below 25; pale or misty ones reach 30–50). And a veil is one colour, the light's, over the
    // whole frame; a pale blue sky over sand (or a pastel backdrop, pink below and blue-grey
    // above) keeps each half its own colour. Their agreement (Analysis.h: 1 = the same, 0 =
    // several just-visible casts apart) under 0.15 is the scene's colours, not a veil: no haze,
    // nothing lowers the score (photos/train: a bridge's cables against the sky and a butterfly
    // on a pastel backdrop read 0.03 and 0.01 and were dehazed at 100, +10 ΔE00 each; 11 of its
    // 171 hazed cases read 0.03–0.12 and now go undetected, none of photos/val's 72, which read
    // 0.41 and more).
    const bool oneColour = a.veilAgreement >= 0.15;
    const bool veiled = blackLift >= 35 && oneColour;
    n.magnitude = veiled ? clampd((dark - 0.2) / 0.3, 0, 1) : 0;
    n.penalty = veiled ? std::min(15.0, 80.0 * std::max(0.0, dark - 0.2)) : 0;
    // A veil flattens the tones, but a contrasty scene keeps some spread under a thin one (σ of
    // L* 33 → 21): up to σ 22 when its brightest 1 % stays below white. Over-exposure lifts the
    // blacks and keeps the spread too, but pushes the brightest tones past white; a veil pulls
    // them towards its own grey. (No clean photo of photos/train or train_extra with its darkest
    // 1 % at L* 35 or more has σ above 14.)
    const double spread = a.lightnessStdDev;
    const bool flattened = spread < 16 || (spread < 22 && a.lumaPercentiles[6] <= 1.0);
    // A nearly colourless photo with a high dark channel is as likely a grey backdrop or a
    // deliberate fog picture as haze: left alone.
    n.actionable = veiled && dark >= 0.3 && flattened && a.neutralFraction < 0.85;
    // The op estimates the veil itself and removes all of it at 100 (bench quality --oracle). A
    // veil lifting the darkest 1 % to L* 45 and more is surely haze: 100; a thinner one may hold
    // the scene's own pale tones, so less (50 at L* 35).
    if (n.actionable)
        n.fix = oneParam("dehaze", "amount", tidy(clampd(5 * (blackLift - 25), 15, 100), 5));
    n.evidence = {evidence("dark_channel", QT_TRANSLATE_NOOP("pictor::critic", "mean dark channel"),
                           100 * dark, "%"),
                  evidence("black_level", QT_TRANSLATE_NOOP("pictor::critic", "1st-percentile L*"),
                           blackLift, ""),
                  evidence("lightness_sd",
                           QT_TRANSLATE_NOOP("pictor::critic", "lightness spread (σ of L*)"),
                           a.lightnessStdDev, "")};
    return n;
}

Need contrastNeed(const Analysis& a, bool hazeActionable) {
    Need n{Aspect::Contrast};
    const double sd = a.lightnessStdDev;
    const bool flat = sd < 11 && a.lightnessSpread < 40;
    const bool harsh = sd > 33 && a.clippedHighlights > 0.01 && a.crushedShadows > 0.01;
    n.magnitude = flat ? clampd((16 - sd) / 12, 0, 1) : harsh ? clampd((sd - 30) / 15, 0, 1) : 0;
    n.penalty =
        std::min(15.0, 1.5 * std::max(0.0, 14 - sd)) + (harsh ? std::min(10.0, sd - 30) : 0);
    // Haze explains flatness better when present (dehaze restores contrast where the veil is).
    n.actionable = (flat && !hazeActionable) || harsh;
    // A flat photo is noted, not changed: photos this flat are mostly flat on purpose (soft
    // wallpapers, mist, a dark low-key still life). bench quality: the fix "more contrast" fired
    // on 94 cases of photos/train and 19 of photos/val, 6 and 0 of them photos the suite had
    // flattened (a flattened photo keeps more spread than this); without it overall ΔE00 5.85 →
    // 5.83 and 5.21 → 5.19, do no harm 1.64 → 1.57 and 0.15 → 0.09.
    if (harsh) n.fix = oneParam("tone", "contrast", -tidy(clampd(3 * (sd - 30), 10, 40), 5));
    n.evidence = {
        evidence("lightness_sd", QT_TRANSLATE_NOOP("pictor::critic", "lightness spread (σ of L*)"),
                 sd, ""),
        evidence("lightness_range", QT_TRANSLATE_NOOP("pictor::critic", "L* range 5–95 %"),
                 a.lightnessSpread, "")};
    return n;
}

// `hazy`: haze was found. Its veil is the one surface of known colour (airlight is nearly
// neutral), a better cue than the grey-world and grey-edge guesses, which the veil dilutes.
Need whiteBalanceNeed(const Analysis& a, bool hazy) {
    Need n{Aspect::WhiteBalance};
    const WhiteEstimate& w =
        hazy ? scaledWhiteEstimate(a.veilWhite, kVeilTrust, a.sourceWhite) : a.combined;
    // Tolerances: a warm light is often the mood (golden hour, candles), so 30 mired of warmth
    // stay; 20 mired of coolness; 15 tint units (scenes full of foliage, sand or sea pull the
    // estimates). Only what exceeds them is corrected.
    // The veil's estimate is a measurement, not a guess: only its noise (10 mired, 5 tint) stays,
    // and 10 mired more of warmth (a golden veil at sunset is often the picture; keeping it
    // costs 1 ΔE00 on bench quality's "haze + cast" row).
    const double warmTolerance = hazy ? 20 : 30, coolTolerance = hazy ? 10 : 20;
    const double tintTolerance = hazy ? 5 : 15;
    const double mired = std::copysign(
        std::max(0.0, std::abs(w.miredShift) - (w.miredShift > 0 ? warmTolerance : coolTolerance)),
        w.miredShift);
    // Capped at 25: lights sit near the Planckian locus (fluorescent ≈ +30), so a larger tint
    // estimate is mostly the scene's own colour (sea, foliage).
    const double tint = std::copysign(
        std::min(25.0, std::max(0.0, std::abs(w.tintShift) - tintTolerance)), w.tintShift);
    // ~1 tint unit is ~2.5 times as visible as 1 mired near daylight.
    const double size = std::hypot(mired, 2.5 * tint);
    n.magnitude = clampd(size / 80, 0, 1);
    n.penalty = std::min(20.0, 0.25 * size);
    // Estimates far off any real light (|tint| > 60, or more than tungsten-vs-shade apart) are the
    // scene's colour, not a cast.
    const bool plausibleLight = std::abs(w.tintShift) <= 60 && std::abs(w.miredShift) <= 250;
    // Both guesses bluer than any daylight (open shade under a clear sky stays below ~20000 K):
    // the blue is the scene's (blue hour, fog at dusk, water), not the light's. Said, not fixed.
    const bool beyondDaylight =
        !hazy && a.greyWorld.temperature >= kBluestLight && a.greyEdge.temperature >= kBluestLight;
    const bool cast = std::abs(mired) >= 10 || std::abs(tint) >= 5;
    n.actionable = plausibleLight && cast;
    if (beyondDaylight) n.magnitude = n.penalty = 0; // no defect: nothing lowers the score
    if (n.actionable && !beyondDaylight) {
        const double source = a.sourceWhite.temperature;
        const double kelvin = std::clamp(1e6 / (1e6 / source + mired), 2000.0, 50000.0);
        // Rounded as a change a person would make (50 K steps, whole tint units).
        (void)n.fix.set("white_balance", "temperature", source + tidy(kelvin - source, 50));
        (void)n.fix.set("white_balance", "tint", a.sourceWhite.tint + tidy(tint, 1));
    }
    if (hazy) {
        n.evidence = {evidence("veil_temperature",
                               QT_TRANSLATE_NOOP("pictor::critic", "light of the haze veil"),
                               a.veilWhite.temperature, "K"),
                      evidence("cast_mired", QT_TRANSLATE_NOOP("pictor::critic", "cast"),
                               w.miredShift, "mired"),
                      evidence("cast_tint", QT_TRANSLATE_NOOP("pictor::critic", "tint cast"),
                               w.tintShift, "")};
        return n;
    }
    n.evidence = {
        evidence("grey_world_temperature", QT_TRANSLATE_NOOP("pictor::critic", "grey-world light"),
                 a.greyWorld.temperature, "K"),
        evidence("grey_edge_temperature", QT_TRANSLATE_NOOP("pictor::critic", "grey-edge light"),
                 a.greyEdge.temperature, "K"),
        evidence("cast_mired", QT_TRANSLATE_NOOP("pictor::critic", "cast"), w.miredShift, "mired"),
        evidence("cast_tint", QT_TRANSLATE_NOOP("pictor::critic", "tint cast"), w.tintShift, ""),
        evidence("agreement", QT_TRANSLATE_NOOP("pictor::critic", "agreement of the estimates"),
                 100 * a.whiteConfidence, "%")};
    return n;
}

// `chromaNoisy`: colour noise was found (it spreads the chroma and pushes dark pixels outside
// the gamut, so the photo's own colours cannot be judged garish until it is removed).
Need saturationNeed(const Analysis& a, bool chromaNoisy) {
    Need n{Aspect::Saturation};
    const double c = a.meanChroma;
    // A photo with (almost) no colour anywhere is black and white on purpose.
    const bool monochrome = a.chromaP95 < 0.02;
    // Pastel and grey scenes (sails, fog, concrete) are muted by nature: only nearly colourless
    // photos that still have some colour are dull.
    // A neutral backdrop (a studio shot, a grey sky) is grey on purpose: only a photo whose
    // colours are muted throughout, not one that is mostly grey, is dull.
    const bool dull = !monochrome && c < 0.015 && a.neutralFraction < 0.5;
    const bool garish = !chromaNoisy && (a.chromaP95 > 0.3 || a.outOfGamut > 0.03);
    n.magnitude = dull     ? clampd((0.025 - c) / 0.02, 0, 1)
                  : garish ? clampd((a.chromaP95 - 0.25) / 0.15, 0, 1)
                           : 0;
    n.penalty = monochrome ? 0
                           : std::min(10.0, 400.0 * std::max(0.0, 0.02 - c)) +
                                 std::min(10.0, 100.0 * std::max(0.0, a.chromaP95 - 0.28));
    n.actionable = dull || garish;
    if (dull)
        n.fix = oneParam("color", "vibrance", tidy(clampd(1500 * (0.035 - c), 10, 40), 5));
    else if (garish)
        n.fix =
            oneParam("color", "saturation", -tidy(clampd(150 * (a.chromaP95 - 0.22), 10, 30), 5));
    n.evidence = {
        evidence("mean_chroma", QT_TRANSLATE_NOOP("pictor::critic", "mean chroma (Oklab)"), c, ""),
        evidence("chroma_p95", QT_TRANSLATE_NOOP("pictor::critic", "95th-percentile chroma"),
                 a.chromaP95, ""),
        evidence("out_of_gamut", QT_TRANSLATE_NOOP("pictor::critic", "outside Rec.2020"),
                 100 * a.outOfGamut, "%")};
    return n;
}

Need noiseNeed(const Analysis& a) {
    Need n{Aspect::Noise};
    const double luma = a.noiseSigma, chroma = a.chromaNoiseSigma;
    n.magnitude = clampd(std::max(luma, 0.7 * chroma) / 0.04, 0, 1);
    n.penalty = std::min(20.0, 800.0 * std::max(0.0, luma - 0.008)) +
                std::min(10.0, 400.0 * std::max(0.0, chroma - 0.01));
    // σ of 2/255 is at the edge of visibility on a print, but fine texture (grass, gravel) reads
    // as up to ~3.5/255 in the estimate, so 4/255 is where grain is certain. The denoiser's
    // strength l smooths differences below 0.05·l (encoded), so l ≈ 30 σ covers ±1.5 σ.
    const bool lumaNoisy = luma >= 0.015, chromaNoisy = chroma >= 0.015;
    n.actionable = lumaNoisy || chromaNoisy;
    if (lumaNoisy) (void)n.fix.set("denoise", "luminance", tidy(clampd(3000 * luma, 10, 80), 5));
    if (chromaNoisy) (void)n.fix.set("denoise", "chroma", tidy(clampd(2500 * chroma, 10, 80), 5));
    n.evidence = {evidence("noise_sigma", QT_TRANSLATE_NOOP("pictor::critic", "luminance noise σ"),
                           255 * luma, "/255"),
                  evidence("chroma_noise_sigma",
                           QT_TRANSLATE_NOOP("pictor::critic", "colour noise σ"), 255 * chroma,
                           "/255")};
    return n;
}

Need sharpnessNeed(const Analysis& a, bool noisy) {
    Need n{Aspect::Sharpness};
    const double blur = a.blur;
    n.magnitude = clampd((blur - 0.4) / 0.3, 0, 1);
    n.penalty = std::min(20.0, 60.0 * std::max(0.0, blur - 0.42));
    n.actionable = blur >= 0.5;
    if (n.actionable) {
        (void)n.fix.set("sharpen", "amount", tidy(clampd(200 * (blur - 0.35), 20, 80), 5));
        (void)n.fix.set("sharpen", "radius", blur >= 0.65 ? 1.5 : 1.0);
        // On a noisy photo sharpen edges only, or the grain is sharpened too.
        if (noisy) (void)n.fix.set("sharpen", "masking", 60);
    }
    n.evidence = {evidence("blur",
                           QT_TRANSLATE_NOOP("pictor::critic", "blur (0 sharp … 100 featureless)"),
                           100 * blur, "")};
    return n;
}

Need tiltNeed(const Analysis& a) {
    Need n{Aspect::Tilt};
    const double tilt = a.horizonTiltDegrees, confidence = a.horizonConfidence;
    const bool plausible = std::abs(tilt) <= 8;
    n.magnitude = plausible ? clampd(std::abs(tilt) / 5 * confidence, 0, 1) : 0;
    n.penalty =
        plausible ? std::min(10.0, 3.0 * confidence * std::max(0.0, std::abs(tilt) - 0.3)) : 0;
    // The larger the straightening, the more of the photo it crops away (of a 3:2 frame, 11 % of
    // its width and height at 5°, 15 % at 7°): past 5° it needs a clearer line (a branch or a
    // roof at 6° is a straight line too, but not a horizon).
    const double needed = 0.6 + 0.05 * std::max(0.0, std::abs(tilt) - 5);
    n.actionable = plausible && confidence >= needed && std::abs(tilt) >= 0.7;
    if (n.actionable) n.fix = oneParam("straighten", "angle", -tidy(tilt, 0.1));
    n.evidence = {evidence("tilt", QT_TRANSLATE_NOOP("pictor::critic", "horizon tilt"), tilt, "°"),
                  evidence("line_confidence",
                           QT_TRANSLATE_NOOP("pictor::critic", "line confidence"), 100 * confidence,
                           "%")};
    return n;
}

} // namespace

std::vector<Need> assessNeeds(const Analysis& a, std::optional<double> modelExposure) {
    std::vector<Need> needs;
    Need haze = hazeNeed(a);
    const bool hazeActionable = haze.actionable;
    Need exposure = exposureNeed(a, hazeActionable, modelExposure);
    const bool exposureActionable = exposure.actionable;
    Need noise = noiseNeed(a);
    const bool noisy = noise.actionable;
    needs.push_back(std::move(exposure));
    needs.push_back(highlightsNeed(a));
    needs.push_back(shadowsNeed(a, exposureActionable));
    needs.push_back(contrastNeed(a, hazeActionable));
    // The veil tells the cast only where it is one colour from top to bottom.
    needs.push_back(whiteBalanceNeed(a, hazeActionable && a.veilAgreement >= kVeilAgreement));
    needs.push_back(saturationNeed(a, noise.fix.value("denoise", "chroma") > 0));
    needs.push_back(std::move(noise));
    needs.push_back(sharpnessNeed(a, noisy));
    needs.push_back(std::move(haze));
    needs.push_back(tiltNeed(a));
    return needs;
}

double scoreFromNeeds(const std::vector<Need>& needs) {
    double score = 100;
    for (const Need& n : needs)
        score -= n.penalty;
    return std::clamp(score, 0.0, 100.0);
}

Severity severityOf(double magnitude) {
    if (magnitude >= 0.67) return Severity::Major;
    if (magnitude >= 0.34) return Severity::Moderate;
    return Severity::Minor;
}

} // namespace pictor::critic
