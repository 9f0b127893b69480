#pragma once
// How the learned model's predictions enter a critique: gated by the model's own defect
// probability and confidence, and accepted only where the analysis agrees on the direction.
#include "critic/Analysis.h"
#include "critic/Diagnosis.h"

#include <vector>

namespace pictor::nn {
struct ModelPrediction;
}

namespace pictor::critic {

struct ModelGate {
    double defectThreshold = 0.5;
    double minConfidence = 0.5;
    // When the model is this sure a defect is absent, a minor analysis finding is dropped.
    double absentBelow = 0.15;
};

// The aspect an Artist param corrects (Aspect::Exposure for "exposure.exposure", …); false for
// params the Critic does not suggest.
bool aspectOfParam(std::string_view op, std::string_view param, Aspect& aspect);

// The direction (+1, −1, or 0 = no opinion) in which the analysis says `op.param` should move
// from its neutral (the source white for white balance).
int analysisDirection(const Analysis& analysis, std::string_view op, std::string_view param);

// Merges the model's advice into `needs` (one per aspect, assessNeeds order): accepted params
// overwrite the analysis' value for that param and mark the need as actionable; returns, per
// need, the lowest confidence of the model params used in it (−1 = none used).
std::vector<double> applyModelAdvice(const nn::ModelPrediction& prediction,
                                     const Analysis& analysis, const ModelGate& gate,
                                     std::vector<Need>& needs);

} // namespace pictor::critic
