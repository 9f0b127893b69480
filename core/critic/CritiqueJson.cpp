#include "critic/CritiqueJson.h"

#include "recipe/RecipeJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace pictor::critic {

namespace {

// Numbers rounded to what is meaningful (and stable across platforms' last-bit differences).
double rounded(double v, int decimals = 4) {
    const double scale = std::pow(10.0, decimals);
    return std::isfinite(v) ? std::round(v * scale) / scale : 0.0;
}

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

QJsonArray numbers(const auto& values, int decimals = 4) {
    QJsonArray out;
    for (double v : values)
        out.append(rounded(v, decimals));
    return out;
}

QJsonObject whiteToJson(const WhiteEstimate& w) {
    return {{"temperature", rounded(w.temperature, 0)},
            {"tint", rounded(w.tint, 1)},
            {"miredShift", rounded(w.miredShift, 1)},
            {"tintShift", rounded(w.tintShift, 1)},
            {"strength", rounded(w.strength)}};
}

QJsonObject findingToJson(const Finding& f) {
    QJsonArray evidence;
    for (const Evidence& e : f.evidence)
        evidence.append(QJsonObject{{"key", str(e.key)},
                                    {"label", str(e.label)},
                                    {"value", rounded(e.value)},
                                    {"unit", str(e.unit)},
                                    {"text", str(e.text())}});
    const QJsonDocument fix = QJsonDocument::fromJson(QByteArray::fromStdString(toJson(f.fix)));
    return {{"aspect", str(aspectKey(f.aspect))},
            {"label", str(aspectLabel(f.aspect))},
            {"severity", str(severityKey(f.severity))},
            {"severityLabel", str(severityLabel(f.severity))},
            {"magnitude", rounded(f.magnitude, 3)},
            {"evidence", evidence},
            {"reasoning", str(f.reasoning)},
            {"instruction", str(f.instruction)},
            {"fix", fix.object()},
            {"fromModel", f.fromModel},
            {"confidence", rounded(f.confidence, 3)}};
}

} // namespace

QJsonObject analysisToJson(const Analysis& a) {
    return {
        {"thumbnail", QJsonArray{a.thumbnailWidth, a.thumbnailHeight}},
        {"luminancePercentiles", numbers(a.lumaPercentiles, 5)},
        {"lightnessPercentiles", numbers(a.lightnessPercentiles, 2)},
        {"meanLightness", rounded(a.meanLightness, 2)},
        {"medianLuminance", rounded(a.medianLuminance, 5)},
        {"keyEv", rounded(a.keyEv, 3)},
        {"clippedHighlights", rounded(a.clippedHighlights, 5)},
        {"brighteningHeadroomEv", rounded(a.brighteningHeadroomEv, 3)},
        {"crushedShadows", rounded(a.crushedShadows, 5)},
        {"deepShadows", rounded(a.deepShadows, 5)},
        {"brightHighlights", rounded(a.brightHighlights, 5)},
        {"dynamicRangeStops", rounded(a.dynamicRangeStops, 2)},
        {"histogram", numbers(a.histogram, 5)},
        {"lightnessStdDev", rounded(a.lightnessStdDev, 2)},
        {"lightnessSpread", rounded(a.lightnessSpread, 2)},
        {"localContrast", rounded(a.localContrast, 3)},
        {"greyWorld", whiteToJson(a.greyWorld)},
        {"greyEdge", whiteToJson(a.greyEdge)},
        {"white", whiteToJson(a.combined)},
        {"whiteConfidence", rounded(a.whiteConfidence, 3)},
        {"meanChroma", rounded(a.meanChroma)},
        {"chromaP95", rounded(a.chromaP95)},
        {"meanOklabA", rounded(a.meanA)},
        {"meanOklabB", rounded(a.meanB)},
        {"outOfGamut", rounded(a.outOfGamut, 5)},
        {"neutralFraction", rounded(a.neutralFraction, 4)},
        {"noiseSigma", rounded(a.noiseSigma, 5)},
        {"chromaNoiseSigma", rounded(a.chromaNoiseSigma, 5)},
        {"blur", rounded(a.blur, 4)},
        {"darkChannelMean", rounded(a.darkChannelMean)},
        {"darkChannelP90", rounded(a.darkChannelP90)},
        {"veilWhite", whiteToJson(a.veilWhite)},
        {"veilAgreement", rounded(a.veilAgreement, 3)},
        {"horizonTiltDegrees", rounded(a.horizonTiltDegrees, 2)},
        {"horizonConfidence", rounded(a.horizonConfidence, 3)},
        {"sourceWhite", QJsonObject{{"temperature", rounded(a.sourceWhite.temperature, 0)},
                                    {"tint", rounded(a.sourceWhite.tint, 1)}}},
        {"raw", a.raw},
    };
}

QJsonObject critiqueToJson(const Critique& c) {
    QJsonArray findings;
    for (const Finding& f : c.findings)
        findings.append(findingToJson(f));
    QJsonArray notes;
    for (const std::string& n : c.notes)
        notes.append(str(n));
    const QJsonDocument recipe =
        QJsonDocument::fromJson(QByteArray::fromStdString(toJson(c.recipe)));
    return {{"pictorCritique", kCritiqueFormatVersion},
            {"score", rounded(c.score, 1)},
            {"scoreAfter", rounded(c.scoreAfter, 1)},
            {"summary", str(c.summary)},
            {"model", str(c.model)},
            {"findings", findings},
            {"instructions", str(c.instructions)},
            {"recipe", recipe.object()},
            {"analysis", analysisToJson(c.analysis)},
            {"analysisAfter", analysisToJson(c.analysisAfter)},
            {"notes", notes},
            {"seconds", rounded(c.seconds, 3)}};
}

std::string critiqueToJsonText(const Critique& c) {
    return QJsonDocument(critiqueToJson(c)).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace pictor::critic
