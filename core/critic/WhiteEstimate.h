#pragma once
// The white-balance settings that neutralise an estimated light colour, through the
// white_balance op's own adaptation model (Bradford, Robertson isotherms), so that setting them
// in a recipe turns that colour grey.
#include "critic/Analysis.h"

#include <array>

namespace pictor::critic {

// `light` is the colour a neutral surface has in the image (linear Rec.2020, any scale; must be
// positive). The result's shifts are relative to `source` (the photo's own white).
WhiteEstimate whiteEstimateFromLight(const std::array<double, 3>& light, const SourceWhite& source);

// The estimate with its shifts scaled by `factor` (0 = the source white, 1 = `estimate`), in
// mired and tint: how far towards an estimate a cautious correction goes.
WhiteEstimate scaledWhiteEstimate(const WhiteEstimate& estimate, double factor,
                                  const SourceWhite& source);

} // namespace pictor::critic
