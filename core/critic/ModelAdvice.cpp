#include "critic/ModelAdvice.h"

#include "nn/CriticModel.h"

#include <algorithm>
#include <cmath>

namespace pictor::critic {

namespace {

int sign(double v, double tolerance = 0) {
    return v > tolerance ? 1 : v < -tolerance ? -1 : 0;
}

// The model's value rounded as a person would set it (and as the analysis's own fixes are): the
// network's 13.661812 is noise in every digit after the first two.
double tidyModelValue(const ParamSpec& spec, double value) {
    const double step = spec.unit == "EV"  ? 0.05
                        : spec.unit == "K" ? 50
                        : spec.unit == "°" ? 0.1
                                           : 1;
    return std::clamp(std::round(value / step) * step, spec.min, spec.max);
}

} // namespace

bool aspectOfParam(std::string_view op, std::string_view param, Aspect& aspect) {
    if (op == "exposure")
        aspect = Aspect::Exposure;
    else if (op == "white_balance")
        aspect = Aspect::WhiteBalance;
    else if (op == "tone" && param == "highlights")
        aspect = Aspect::Highlights;
    else if (op == "tone" && param == "shadows")
        aspect = Aspect::Shadows;
    else if (op == "tone")
        aspect = Aspect::Contrast;
    else if (op == "color")
        aspect = Aspect::Saturation;
    else if (op == "denoise")
        aspect = Aspect::Noise;
    else if (op == "sharpen")
        aspect = Aspect::Sharpness;
    else if (op == "dehaze")
        aspect = Aspect::Haze;
    else if (op == "straighten")
        aspect = Aspect::Tilt;
    else
        return false;
    return true;
}

int analysisDirection(const Analysis& a, std::string_view op, std::string_view param) {
    // Loose versions of the Diagnosis thresholds: the analysis need not be sure, only not
    // contradict. Params the analysis cannot judge (whites, blacks) get no opinion.
    if (op == "exposure") return sign(-a.keyEv, 0.2);
    if (op == "white_balance" && param == "temperature") return -sign(a.combined.miredShift, 5);
    if (op == "white_balance" && param == "tint") return sign(a.combined.tintShift, 2);
    if (op == "tone" && param == "contrast")
        return a.lightnessStdDev < 18 ? 1 : a.lightnessStdDev > 30 ? -1 : 0;
    if (op == "tone" && param == "highlights")
        return a.clippedHighlights > 0.002 || a.brightHighlights > 0.05 ? -1 : 0;
    if (op == "tone" && param == "shadows") return a.deepShadows > 0.15 ? 1 : 0;
    if (op == "color") return a.meanChroma < 0.04 ? 1 : a.chromaP95 > 0.22 ? -1 : 0;
    if (op == "denoise" && param == "luminance") return a.noiseSigma > 0.004 ? 1 : 0;
    if (op == "denoise" && param == "chroma") return a.chromaNoiseSigma > 0.005 ? 1 : 0;
    if (op == "sharpen" && param == "amount") return a.blur > 0.42 ? 1 : 0;
    if (op == "dehaze") return a.darkChannelMean > 0.12 ? 1 : 0;
    if (op == "straighten") return a.horizonConfidence > 0.3 ? -sign(a.horizonTiltDegrees, 0.2) : 0;
    return 0;
}

std::vector<double> applyModelAdvice(const nn::ModelPrediction& prediction,
                                     const Analysis& analysis, const ModelGate& gate,
                                     std::vector<Need>& needs) {
    std::vector<double> used(needs.size(), -1.0);
    auto needOf = [&needs](Aspect aspect) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < needs.size(); ++i)
            if (needs[i].aspect == aspect) return std::ptrdiff_t(i);
        return -1;
    };
    for (const nn::ParamPrediction& p : prediction.params) {
        Aspect aspect;
        if (!aspectOfParam(p.op, p.param, aspect)) continue;
        const std::ptrdiff_t index = needOf(aspect);
        if (index < 0) continue;
        Need& need = needs[std::size_t(index)];
        // Exposure took the model's estimate in already, beside the headroom's (Diagnosis.cpp).
        if (aspect == Aspect::Exposure) {
            if (need.actionable) used[std::size_t(index)] = p.confidence;
            continue;
        }
        const double probability =
            prediction.defectProbability(nn::defectOfParam(p.op + "." + p.param));

        // A confident "absent" from the model vetoes a minor analysis finding (do no harm).
        if (probability < gate.absentBelow && need.actionable && need.magnitude < 0.34 &&
            used[std::size_t(index)] < 0) {
            need.actionable = false;
            need.fix = Recipe{};
            continue;
        }
        if (probability < gate.defectThreshold || p.confidence < gate.minConfidence) continue;
        const OpSpec* op = findOpSpec(p.op);
        const ParamSpec* spec = op ? op->param(p.param) : nullptr;
        if (!spec || spec->kind != ParamKind::Scalar) continue;
        const double neutral = spec->relativeToSourceWhite
                                   ? sourceWhiteValue(*spec, analysis.sourceWhite)
                                   : spec->neutral;
        const int direction = analysisDirection(analysis, p.op, p.param);
        if (direction == 0 || sign(p.value - neutral) != direction) continue;
        if (!need.fix.set(p.op, p.param, tidyModelValue(*spec, p.value))) continue;
        need.actionable = true;
        const double previous = used[std::size_t(index)];
        used[std::size_t(index)] = previous < 0 ? p.confidence : std::min(previous, p.confidence);
    }
    return used;
}

} // namespace pictor::critic
