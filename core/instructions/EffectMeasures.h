#pragma once
// What each instruction target should move, measured on a linear Rec.2020 image: the quantities
// the instruction-language tests and `pictor-cli bench instructions` check ("warmer" raises mean
// b*, "lift the shadows" raises the darkest quartile, …). One implementation for both.
#include "image/Image.h"

#include <string>
#include <string_view>

namespace pictor {

struct EffectMeasures {
    double meanLinearY = 0;     // mean relative luminance (linear): exposure gains are exact here
    double meanL = 0;           // mean CIE L* (D65)
    double meanA = 0;           // mean a*: + magenta, − green
    double meanB = 0;           // mean b*: + yellow (warm), − blue (cool)
    double meanChroma = 0;      // mean C*ab
    double spreadL = 0;         // standard deviation of L*
    double darkQuartileL = 0;   // mean L* of the darkest 25 % of pixels
    double brightQuartileL = 0; // mean L* of the brightest 25 %
    double darkTailL = 0;       // mean L* of the darkest 5 %
    double brightTailL = 0;     // mean L* of the brightest 5 %
    double detailEnergy = 0;    // mean |L* − 3×3 box mean|: fine detail (sharpening, noise)
    double localContrast = 0;   // mean |L* − box mean over ~4 % of the diagonal| (clarity)
    double cornerL = 0;         // mean L* of the four corner patches (15 % of each side)
};

EffectMeasures measureEffect(const Image& linearRec2020);

// The quantity a param moves and its expected sign for a positive change of the param, e.g.
// exposure.exposure → meanL, +1; denoise.luminance → detailEnergy, −1. Empty name when the
// param has no single measurable effect (geometry, midpoint, radius …).
struct ExpectedEffect {
    std::string quantity; // a field name of EffectMeasures
    int sign = 0;
};
ExpectedEffect expectedEffect(std::string_view op, std::string_view param);
double quantity(const EffectMeasures& m, std::string_view name);

} // namespace pictor
