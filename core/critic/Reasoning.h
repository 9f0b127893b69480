#pragma once
// The one or two sentences that explain a finding, citing the measured numbers. Translatable
// ("pictor::critic" context).
#include "critic/Analysis.h"
#include "critic/Finding.h"

#include <string>

namespace pictor::critic {

// `finding` has its aspect, evidence and fix filled in; the text follows from them and the
// analysis. `white` is the photo's own white (for describing white-balance changes).
std::string reasoningFor(const Finding& finding, const Analysis& analysis);

// One sentence for the whole critique: "Score 62/100: 2 findings (exposure, noise)." or that
// nothing needs changing.
std::string summaryFor(const Critique& critique);

} // namespace pictor::critic
