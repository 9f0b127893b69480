#pragma once
// The analysis-only Critic's judgement: from measured numbers to what each aspect needs. One
// function per aspect, all in one place so that the thresholds can be read (and tuned) together.
// The same needs drive the findings (when a need is past its tolerance) and the score (a
// continuous penalty), so a photo the Critic leaves alone also scores well, and the score after
// the edit is measured the same way as before.
#include "critic/Analysis.h"
#include "critic/Finding.h"

#include <optional>
#include <vector>

namespace pictor::critic {

// What one aspect needs: a correction (in its op's units) and how bad the defect is.
struct Need {
    Aspect aspect = Aspect::Exposure;
    double magnitude = 0;    // 0 = fine … 1 = as bad as it gets (severity follows from it)
    double penalty = 0;      // points off the score (continuous, 0 when within tolerance)
    bool actionable = false; // past the tolerance: worth a finding
    Recipe fix;              // the correction (empty when nothing applicable helps)
    std::vector<Evidence> evidence;
};

// Every aspect's need, in a fixed order (Aspect order). `modelExposure`: the learned model's
// estimate of the exposure correction (EV), a second measurement of it beside the headroom.
std::vector<Need> assessNeeds(const Analysis& analysis,
                              std::optional<double> modelExposure = std::nullopt);

// 100 minus the penalties, clamped to 0…100.
double scoreFromNeeds(const std::vector<Need>& needs);

Severity severityOf(double magnitude);

} // namespace pictor::critic
