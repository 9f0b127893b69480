#include "critic/Reasoning.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace pictor::critic {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pictor::critic", text);
}
QString num(double v, int decimals = 1) {
    return QString::number(v, 'f', decimals);
}

double fixValue(const Finding& f, const char* op, const char* param, const SourceWhite& white) {
    return f.fix.value(op, param, white);
}

double evidenceValue(const Finding& f, const char* key, double fallback) {
    for (const Evidence& e : f.evidence)
        if (e.key == key) return e.value;
    return fallback;
}

bool hasEvidence(const Finding& f, std::string_view key) {
    return std::any_of(f.evidence.begin(), f.evidence.end(),
                       [key](const Evidence& e) { return e.key == key; });
}

QString exposureText(const Finding& f, const Analysis& a) {
    const double ev = fixValue(f, "exposure", "exposure", a.sourceWhite);
    // The measured error (evidence) and the correction differ by the third of a stop left to
    // taste (Diagnosis.cpp); both are stated.
    const double error = std::abs(evidenceValue(f, "exposure_error", -ev));
    const QString facts = tr("Median luminance %1 %, %2 % in deep shadow, %3 % clipped")
                              .arg(num(100 * a.medianLuminance), num(100 * a.deepShadows),
                                   num(100 * a.clippedHighlights));
    // With a model the correction is 0.6 of its estimate and 0.4 of the headroom's, all of it
    // (Diagnosis.cpp).
    const double model = evidenceValue(f, "model_exposure_error", 0.0);
    // Brightening held back (or left out) so that saturated colours do not clip.
    if (hasEvidence(f, "brightening_headroom")) {
        const QString under =
            hasEvidence(f, "model_exposure_error")
                ? tr("%1 → about %2 stops under by the headroom, %3 by the learned model.")
                      .arg(facts, num(error), num(std::abs(model)))
                : tr("%1 → about %2 stops under.").arg(facts, num(error));
        if (ev <= 0)
            return tr("%1 But some colours are so saturated that one of their channels is "
                      "already near white: brightening would clip them at once. Left as it is; "
                      "lift the shadows or the mid-tones with a tone curve to make it lighter.")
                .arg(under);
        return tr("%1 Brightening stops at %2 EV: beyond it, saturated colours would reach "
                  "white in one channel (1 % more of the pixels clipped) before the mid-tones "
                  "reach mid grey.")
            .arg(under, num(ev, 2));
    }
    if (hasEvidence(f, "model_exposure_error")) {
        if (ev > 0)
            return tr("%1 → about %2 stops under by the headroom, %3 by the learned model. "
                      "Brightening by %4 EV, their weighted mean, brings the mid-tones towards "
                      "mid grey.")
                .arg(facts, num(error), num(std::abs(model)), num(ev, 2));
        return tr("%1 → about %2 stops over by the headroom, %3 by the learned model. Darkening "
                  "by %4 EV, their weighted mean, brings the mid-tones back towards mid grey.")
            .arg(facts, num(error), num(std::abs(model)), num(-ev, 2));
    }
    if (ev > 0)
        return tr("%1 → about %2 stops under. Brightening by %3 EV brings the mid-tones towards "
                  "mid grey "
                  "and keeps the brightest 1 % below white (the last third of a stop is left to "
                  "taste).")
            .arg(facts, num(error), num(ev, 2));
    return tr("%1 → about %2 stops over. Darkening by %3 EV brings the mid-tones back towards mid "
              "grey "
              "without burying the shadows (the last third of a stop is left to taste).")
        .arg(facts, num(error), num(-ev, 2));
}

QString highlightsText(const Finding& f, const Analysis& a) {
    // Data above white with too little of it to pull down for (Diagnosis.cpp: the brightest 1 %
    // within a few hundredths of a stop of white).
    if (f.fix.empty() && a.lumaPercentiles[6] > 1.0)
        return tr("%1 % of the pixels would clip on output. The file holds detail above white, "
                  "but its brightest 1 % reaches only %2 % of white: too little to pull the "
                  "highlights down for.")
            .arg(num(100 * a.clippedHighlights), num(100 * a.lumaPercentiles[6], 0));
    if (f.fix.empty())
        return tr("%1 % of the pixels are clipped to white. A rendered file holds no detail there, "
                  "so no "
                  "edit can bring it back; the other corrections keep it from growing.")
            .arg(num(100 * a.clippedHighlights));
    return tr("%1 % of the pixels would clip on output, but the file holds detail above white: "
              "pulling "
              "the highlights down (%2) brings it back.")
        .arg(num(100 * a.clippedHighlights),
             num(fixValue(f, "tone", "highlights", a.sourceWhite), 0));
}

QString shadowsText(const Finding& f, const Analysis& a) {
    return tr("%1 % of the photo is in deep shadow (L* below 15) while its brightest parts are "
              "well "
              "exposed, as in backlight. Lifting the shadows (%2) opens them up and leaves the "
              "rest.")
        .arg(num(100 * a.deepShadows), num(fixValue(f, "tone", "shadows", a.sourceWhite), 0));
}

QString contrastText(const Finding& f, const Analysis& a) {
    const double c = fixValue(f, "tone", "contrast", a.sourceWhite);
    if (f.fix.empty()) // flat: noted, not changed (Diagnosis.cpp)
        return tr("Lightness spread σ %1 (L* %2 between the 5th and 95th percentile): the photo "
                  "is flat. Soft, misty and low-key photos are often flat on purpose, so nothing "
                  "is changed; \"Increase contrast by 20\" adds punch.")
            .arg(num(a.lightnessStdDev), num(a.lightnessSpread));
    return tr("Lightness spread σ %1 with %2 % clipped and %3 % crushed: harsher than an output "
              "can hold. "
              "Less contrast (%4) keeps detail at both ends.")
        .arg(num(a.lightnessStdDev), num(100 * a.clippedHighlights), num(100 * a.crushedShadows),
             num(c, 0));
}

QString whiteBalanceText(const Finding& f, const Analysis& a) {
    if (hasEvidence(f, "veil_temperature")) // a hazy photo: judged by its veil (Diagnosis.cpp)
        return tr("The haze veil, neutral in clear air, is tinted: white balance %1 K, tint %2 "
                  "would "
                  "make it grey, and the whole photo carries that cast. White balance %3 K, tint "
                  "%4 "
                  "neutralises most of it before the veil itself is removed.")
            .arg(num(a.veilWhite.temperature, 0), num(a.veilWhite.tint, 0),
                 num(fixValue(f, "white_balance", "temperature", a.sourceWhite), 0),
                 num(fixValue(f, "white_balance", "tint", a.sourceWhite), 0));
    if (f.fix.empty()) // both guesses bluer than any daylight (Diagnosis.cpp)
        return tr("Grey-world and grey-edge estimates put the light at %1 K and %2 K, bluer than "
                  "any daylight: the blue is the scene's own (blue hour, dusk, water), not a "
                  "cast, so it is kept. \"Increase temperature by 1000 K\" warms it if you want.")
            .arg(num(a.greyWorld.temperature, 0), num(a.greyEdge.temperature, 0));
    const WhiteEstimate& w = a.combined;
    const QString warmth = w.miredShift > 0 ? tr("warm") : tr("cool");
    QString cast = tr("%1 cast of %2 mired").arg(warmth, num(std::abs(w.miredShift), 0));
    // The tint is mentioned when the fix changes it (small tints are within tolerance).
    if (std::abs(fixValue(f, "white_balance", "tint", a.sourceWhite) - a.sourceWhite.tint) >= 1)
        cast +=
            tr(", %1 tint of %2")
                .arg(w.tintShift > 0 ? tr("green") : tr("magenta"), num(std::abs(w.tintShift), 0));
    return tr("Grey-world and grey-edge estimates put the light at %1 K and %2 K (agreement %3 %): "
              "a %4. "
              "White balance %5 K, tint %6 neutralises most of it.")
        .arg(num(a.greyWorld.temperature, 0), num(a.greyEdge.temperature, 0),
             num(100 * a.whiteConfidence, 0), cast,
             num(fixValue(f, "white_balance", "temperature", a.sourceWhite), 0),
             num(fixValue(f, "white_balance", "tint", a.sourceWhite), 0));
}

QString saturationText(const Finding& f, const Analysis& a) {
    if (f.fix.find("color") && fixValue(f, "color", "vibrance", a.sourceWhite) > 0)
        return tr("Mean chroma %1 (95th percentile %2): the colours are muted. Vibrance lifts the "
                  "muted "
                  "colours most and spares skin and already vivid ones.")
            .arg(num(a.meanChroma, 3), num(a.chromaP95, 3));
    return tr("95th-percentile chroma %1 and %2 % outside Rec.2020: the colours are over-saturated "
              "and will "
              "clip on output. Less saturation brings them back in range.")
        .arg(num(a.chromaP95, 3), num(100 * a.outOfGamut));
}

QString noiseText(const Finding& f, const Analysis& a) {
    return tr("Noise σ %1/255 in luminance and %2/255 in colour, measured in the quietest areas at "
              "full "
              "resolution: visible grain. Noise reduction smooths it while keeping edges.")
        .arg(num(255 * a.noiseSigma), num(255 * a.chromaNoiseSigma));
}

QString sharpnessText(const Finding& f, const Analysis& a) {
    return tr("Blur measure %1 (a sharp photo stays below 40) in its sharpest area: fine detail is "
              "soft. "
              "Sharpening (amount %2) restores edge contrast; it cannot invent lost detail.")
        .arg(num(100 * a.blur, 0), num(fixValue(f, "sharpen", "amount", a.sourceWhite), 0));
}

QString hazeText(const Finding& f, const Analysis& a) {
    return tr("Mean dark channel %1 % (haze-free scenes stay near 5 %) with a lightness spread σ "
              "of %2: a "
              "veil of haze lifts the darks and flattens distant tones. Dehaze (%3) removes it.")
        .arg(num(100 * a.darkChannelMean), num(a.lightnessStdDev),
             num(fixValue(f, "dehaze", "amount", a.sourceWhite), 0));
}

QString tiltText(const Finding& f, const Analysis& a) {
    return tr("The dominant near-horizontal line runs at %1° (line confidence %2 %): the horizon "
              "is "
              "tilted. Straightening by %3° levels it (the edges are cropped slightly).")
        .arg(num(a.horizonTiltDegrees), num(100 * a.horizonConfidence, 0),
             num(fixValue(f, "straighten", "angle", a.sourceWhite)));
}

} // namespace

std::string reasoningFor(const Finding& f, const Analysis& a) {
    QString text;
    switch (f.aspect) {
    case Aspect::Exposure:
        text = exposureText(f, a);
        break;
    case Aspect::Highlights:
        text = highlightsText(f, a);
        break;
    case Aspect::Shadows:
        text = shadowsText(f, a);
        break;
    case Aspect::Contrast:
        text = contrastText(f, a);
        break;
    case Aspect::WhiteBalance:
        text = whiteBalanceText(f, a);
        break;
    case Aspect::Saturation:
        text = saturationText(f, a);
        break;
    case Aspect::Noise:
        text = noiseText(f, a);
        break;
    case Aspect::Sharpness:
        text = sharpnessText(f, a);
        break;
    case Aspect::Haze:
        text = hazeText(f, a);
        break;
    case Aspect::Tilt:
        text = tiltText(f, a);
        break;
    }
    // The exposure text already says what the model estimated.
    if (f.fromModel && !hasEvidence(f, "model_exposure_error"))
        text += QLatin1Char(' ') +
                QCoreApplication::translate(
                    "pictor::critic", "The learned model proposed this value (confidence %1 %).")
                    .arg(num(100 * f.confidence, 0));
    return text.toStdString();
}

std::string summaryFor(const Critique& c) {
    if (c.findings.empty())
        return QCoreApplication::translate("pictor::critic",
                                           "Score %1/100: well made, nothing needs changing.")
            .arg(num(c.score, 0))
            .toStdString();
    QStringList aspects;
    for (const Finding& f : c.findings)
        aspects << QString::fromStdString(aspectLabel(f.aspect)).toLower();
    // Translatable: Japanese and Chinese list with "、", not ", ".
    const QString separator =
        QCoreApplication::translate("pictor::critic", ", ", "between the listed findings");
    if (c.recipe.isNeutral(c.analysis.sourceWhite))
        return QCoreApplication::translate("pictor::critic",
                                           "Score %1/100; no change suggested. Noted: %2.")
            .arg(num(c.score, 0), aspects.join(separator))
            .toStdString();
    return QCoreApplication::translate("pictor::critic",
                                       "Score %1/100, %2 after the suggested edit. Findings: %3.")
        .arg(num(c.score, 0), num(c.scoreAfter, 0), aspects.join(separator))
        .toStdString();
}

} // namespace pictor::critic
