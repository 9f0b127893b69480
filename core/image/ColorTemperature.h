#pragma once
// Correlated colour temperature and tint ↔ CIE xy, by Robertson's method as the DNG SDK does it.
// One table for the RAW decoder (as-shot white) and the white-balance op (declared light).
#include <cstddef>
#include <optional>

namespace pictor {

struct TempTint {
    double kelvin = 0;
    double tint = 0; // +3000·Duv: positive on the green side, as Lightroom (daylight ≈ +10)
};

// Robertson (1968) isotemperature lines: reciprocal megakelvin, u, v (CIE 1960), slope.
// Wyszecki & Stiles, Color Science, 2nd ed., table 1(3.11), with the corrected u at 325 mired.
struct Isotherm {
    double mired, u, v, t;
};
const Isotherm* robertsonIsotherms();
std::size_t robertsonIsothermCount();

// CIE xy → correlated colour temperature and tint; nullopt for invalid chromaticities.
std::optional<TempTint> temperatureFromXy(double x, double y);

} // namespace pictor
